"""Finding invoices (发票查找): normalisation, search, diagnosis, numbering, export."""

from datetime import date
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, TypedDict, Union, final, overload

from invoice_core import Finding, Invoice, Report, Stats

_Text = Optional[str]
_DateLike = Union[date, str]
_Money = Union[Decimal, str, int]
_Record = Union[Invoice, Mapping[str, Any]]
"""An Invoice (status normal) or {invoice, status?, red_confirmation_pending?}."""
_Correction = TypedDict(
    "_Correction",
    {"field": str, "from": str, "to": str, "code": str, "message": str, "message_zh": str},
)
"""One correction: the field, the text before and after, the FND- code and messages."""

class _Element(TypedDict):
    name: str
    value: str

class _Query(TypedDict):
    code: Optional[str]
    number: Optional[str]
    date: Optional[date]
    element: Optional[_Element]
    buyer_tax_id: Optional[str]
    kind: Optional[str]

class _Parts(TypedDict):
    year: int
    region: str
    channel: int
    sequence: str

_Exportable = Union[
    Stats,
    Iterable[Union[Invoice, Mapping[str, Any]]],
    Iterable[Tuple[Union[Invoice, Mapping[str, Any], str], Report]],
]

@final
class NormalisedQuery:
    """The clean query, the corrections made and the problems that could not be fixed."""

    @property
    def query(self) -> _Query:
        """{code, number, date, element, buyer_tax_id, kind}; absent values None."""
    @property
    def corrections(self) -> List[_Correction]:
        """Every correction, in the order made."""
    @property
    def errors(self) -> List[Finding]:
        """The problems that could not be fixed, each at its field."""
    @property
    def ok(self) -> bool:
        """True when errors is empty."""
    def raise_for_errors(self) -> None:
        """Raises the first error as an InvoiceError."""
    def to_dict(self) -> Dict[str, Any]:
        """{query, corrections, errors} as plain data."""

@final
class Diagnosis:
    """Why a lookup finds nothing or the wrong thing."""

    @property
    def query(self) -> _Query:
        """The normalised query."""
    @property
    def corrections(self) -> List[_Correction]:
        """The corrections made to the input."""
    @property
    def findings(self) -> List[Finding]:
        """Every reason found, with English and Chinese messages."""
    @property
    def codes(self) -> List[str]:
        """The findings' codes, in order."""
    @property
    def matches(self) -> List[int]:
        """Indexes of the records with this code and number."""
    def to_dict(self) -> Dict[str, Any]:
        """{query, corrections, findings, matches} as plain data."""

def normalise_query(
    code: _Text = None,
    number: _Text = None,
    date: Optional[_DateLike] = None,
    amount: Optional[_Money] = None,
    total: Optional[_Money] = None,
    check_code: _Text = None,
    buyer_tax_id: _Text = None,
    kind: _Text = None,
    qr: _Text = None,
) -> NormalisedQuery:
    """Normalises what a person typed; problems are in .errors, not raised."""

def normalise_fields(fields: Mapping[str, Optional[str]]) -> NormalisedQuery:
    """normalise_query() from a mapping of the same fields (FND-25 an unknown key)."""

def search(records: Iterable[_Record], filter: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """The hits {index, number, code, typos} in a stable order."""

def diagnose(
    query: Mapping[str, Optional[str]],
    as_of: _DateLike,
    platform: Optional[str] = None,
    records: Optional[Iterable[_Record]] = None,
    same_day: Optional[str] = None,
    look_back_years: Optional[int] = None,
) -> Diagnosis:
    """Every reason the lookup finds nothing or the wrong thing."""

def diagnose_lookup(lookup: Mapping[str, Any]) -> Diagnosis:
    """diagnose() from one mapping {query, as_of, platform?, records?, options?}."""

@overload
def build_number(year: int, region: str, channel: int, sequence: str) -> str:
    """The 20-digit 数电 number of the parts."""
@overload
def build_number(
    year: Mapping[str, Any], region: None = None, channel: None = None, sequence: None = None
) -> str:
    """The 20-digit 数电 number of the parts number_parts() returns."""

def number_parts(number: str) -> _Parts:
    """{year, region, channel, sequence} of a 20-digit number."""

def next_number(number: str) -> str:
    """The next number of the sequence."""

def export_csv(data: _Exportable, header_lang: str = "zh") -> str:
    """CSV text (BOM, RFC 4180, CRLF); header_lang 'zh' or 'en'."""

def export_jsonl(data: _Exportable) -> str:
    """JSON Lines text."""

__all__ = [
    "Diagnosis",
    "NormalisedQuery",
    "build_number",
    "diagnose",
    "diagnose_lookup",
    "export_csv",
    "export_jsonl",
    "next_number",
    "normalise_fields",
    "normalise_query",
    "number_parts",
    "search",
]
