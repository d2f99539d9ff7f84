"""Type stubs of invoice_core (checked against the built module by mypy.stubtest)."""

from datetime import date
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union, final

from invoice_core import kind as kind
from invoice_core import money as money
from invoice_core import org_code as org_code
from invoice_core import ric as ric
from invoice_core import taxpayer_id as taxpayer_id
from invoice_core import uscc as uscc
from invoice_core._types import TaxSplit as TaxSplit

__version__: str

_Money = Union[Decimal, str, int]
"""A money argument: Decimal, str or int (never float: INP-01)."""
_DateLike = Union[date, str]
"""A datetime.date or 'YYYY-MM-DD' text."""
_InvoiceLike = Union["Invoice", Mapping[str, Any]]
"""An Invoice or a dict in the core's JSON shape."""

class InvoiceError(ValueError):
    """An invoice-core error or finding; str(e) is '[CODE] path: message'."""

    code: str
    """Stable rule code, e.g. 'MNY-02' (see rules())."""
    path: List[Union[str, int]]
    """Keys and list indexes to the offending field; [] for the input as a whole."""
    message: str
    """The English message (without code and path)."""
    message_zh: str
    """The Chinese message (without code and path)."""
    params: Dict[str, str]
    """The rule's named values, as text."""
    severity: str
    """'error' or 'warning'."""

@final
class Finding:
    """One coded problem (as an InvoiceError, not raised)."""

    @property
    def code(self) -> str:
        """Stable rule code."""
    @property
    def path(self) -> List[Union[str, int]]:
        """Keys and list indexes to the field."""
    @property
    def location(self) -> str:
        """The path as text: 'lines[0].amount'."""
    @property
    def severity(self) -> str:
        """'error' or 'warning'."""
    @property
    def message(self) -> str:
        """English message."""
    @property
    def message_zh(self) -> str:
        """Chinese message."""
    @property
    def params(self) -> Dict[str, str]:
        """The rule's named values."""
    def to_error(self) -> InvoiceError:
        """The finding as an InvoiceError instance (not raised)."""
    def to_dict(self) -> Dict[str, Any]:
        """code, path, location, severity, message, message_zh, params."""

@final
class Report:
    """What validate() returns: every finding, in the validator's order."""

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
    @property
    def findings(self) -> List[Finding]:
        """Every finding."""
    @property
    def errors(self) -> List[Finding]:
        """The error findings."""
    @property
    def warnings(self) -> List[Finding]:
        """The warning findings."""
    @property
    def codes(self) -> List[str]:
        """The codes of the findings, in order."""
    def raise_for_errors(self) -> None:
        """Raises the first error finding as InvoiceError; nothing when valid."""
    def to_dict(self) -> Dict[str, Any]:
        """{'valid': bool, 'findings': [dicts]}."""

@final
class Invoice:
    """An invoice (发票)."""

    def __new__(cls, data: _InvoiceLike) -> Invoice:
        """Invoice(data) is Invoice.from_dict(data)."""
    @staticmethod
    def from_dict(data: _InvoiceLike) -> Invoice:
        """Reads a dict in the core's JSON shape (first problem raised)."""
    @staticmethod
    def from_json(text: str) -> Invoice:
        """Reads JSON text."""
    def to_dict(self) -> Dict[str, Any]:
        """The core's JSON shape (money and dates as str)."""
    def to_json(self) -> str:
        """JSON text."""
    @property
    def kind(self) -> str:
        """Kind name."""
    @property
    def code(self) -> Optional[str]:
        """发票代码, or None."""
    @property
    def number(self) -> str:
        """发票号码."""
    @property
    def issue_date(self) -> date:
        """开票日期."""
    @property
    def seller(self) -> Dict[str, Any]:
        """销售方."""
    @property
    def buyer(self) -> Dict[str, Any]:
        """购买方."""
    @property
    def lines(self) -> List[Dict[str, Any]]:
        """明细 (JSON shape)."""
    @property
    def amount(self) -> Optional[Decimal]:
        """合计金额."""
    @property
    def tax(self) -> Optional[Decimal]:
        """合计税额."""
    @property
    def total(self) -> Optional[Decimal]:
        """价税合计."""
    @property
    def total_in_words(self) -> Optional[str]:
        """价税合计（大写）."""
    @property
    def deduction(self) -> Optional[Decimal]:
        """扣除额."""
    @property
    def is_red(self) -> bool:
        """True for a red-letter invoice."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class Computed:
    """What compute() returns."""

    @property
    def invoice(self) -> Invoice:
        """The computed invoice."""
    @property
    def per_rate(self) -> List[Dict[str, Any]]:
        """{rate: str, amount: Decimal, tax: Decimal} per rate."""
    @property
    def tax_difference(self) -> Decimal:
        """Σ (金额 × 税率 − 税额), unrounded."""
    @property
    def adjusted_lines(self) -> List[int]:
        """Lines whose tax redistribution moved."""
    @property
    def split(self) -> Optional[Dict[str, Any]]:
        """None or {starts, difference}."""
    def to_dict(self) -> Dict[str, Any]:
        """JSON shape of everything."""

def rules() -> List[Dict[str, str]]:
    """Every rule: dicts with 'code', 'severity', 'en', 'zh'."""

def rule(code: str) -> Optional[Dict[str, str]]:
    """The rule with this code, or None."""

def parse_invoice_code(
    code: str,
    *,
    max_year: Optional[int] = None,
    min_year_10: Optional[int] = None,
    min_year_12: Optional[int] = None,
) -> Dict[str, Any]:
    """Decodes a 发票代码."""

def parse_invoice_number(
    number: str, *, max_year: Optional[int] = None, min_year: Optional[int] = None
) -> Dict[str, Any]:
    """Decodes a 发票号码."""

def pad_invoice_number(number: str) -> str:
    """Left-pads a legacy number of 1-8 digits to 8."""

def amount_in_words(
    amount: _Money,
    style: Optional[str] = "invoice",
    *,
    rmb_prefix: Optional[bool] = None,
    whole: Optional[str] = None,
    negative: Optional[str] = None,
    zeros: Optional[str] = None,
    excess: Optional[str] = None,
) -> str:
    """The amount in upper-case words (大写金额)."""

def amounts_in_words(
    amounts: Iterable[_Money],
    style: Optional[str] = "invoice",
    *,
    rmb_prefix: Optional[bool] = None,
    whole: Optional[str] = None,
    negative: Optional[str] = None,
    zeros: Optional[str] = None,
    excess: Optional[str] = None,
) -> List[str]:
    """Many amounts in words, in input order (GIL released)."""

def words_to_amount(words: str) -> Decimal:
    """Reads upper-case words back into an amount."""

def words_match(words: str, amount: _Money) -> bool:
    """True when words state exactly amount."""

def split_tax(gross: _Money, rate: _Money) -> TaxSplit:
    """价税分离 of a tax-inclusive amount."""

def split_with_deduction(gross: _Money, deduction: _Money, rate: _Money) -> TaxSplit:
    """差额征税 split."""

def line_tax(amount: _Money, rate: _Money, deduction: Optional[_Money] = None) -> Decimal:
    """The tax of one tax-exclusive line amount."""

def rates_in_force(date: _DateLike, category: Optional[str] = None) -> List[Decimal]:
    """Rates in force on date, ascending."""

def compute(
    invoice: _InvoiceLike,
    prices_include_tax: Optional[bool] = False,
    redistribute: Optional[bool] = False,
    *,
    policy: Optional[Mapping[str, Any]] = None,
) -> Computed:
    """Computes line taxes, totals and 大写."""

def validate(
    invoice: _InvoiceLike,
    as_of: _DateLike,
    seller_category: Optional[str] = None,
    issuing_limit: Optional[_Money] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> Report:
    """Every finding about an invoice."""

def is_valid(
    invoice: object,
    as_of: _DateLike,
    seller_category: Optional[str] = None,
    issuing_limit: Optional[_Money] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> bool:
    """True when validate() finds no error."""

def validate_many(
    invoices: Iterable[_InvoiceLike],
    as_of: _DateLike,
    seller_category: Optional[str] = None,
    issuing_limit: Optional[_Money] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> List[Report]:
    """Reports for many invoices, in input order (GIL released)."""

def invoice_schema() -> Dict[str, Any]:
    """The JSON Schema of the invoice dict."""

__all__ = [
    "Computed",
    "Finding",
    "Invoice",
    "InvoiceError",
    "Report",
    "TaxSplit",
    "__version__",
    "amount_in_words",
    "amounts_in_words",
    "compute",
    "invoice_schema",
    "is_valid",
    "kind",
    "line_tax",
    "money",
    "org_code",
    "pad_invoice_number",
    "parse_invoice_code",
    "parse_invoice_number",
    "rates_in_force",
    "ric",
    "rule",
    "rules",
    "split_tax",
    "split_with_deduction",
    "taxpayer_id",
    "uscc",
    "validate",
    "validate_many",
    "words_match",
    "words_to_amount",
]
