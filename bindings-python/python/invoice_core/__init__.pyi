"""Type stubs of invoice_core (checked against the built module by mypy.stubtest)."""

import os
from datetime import date
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union, final

from invoice_core import find as find
from invoice_core import kind as kind
from invoice_core import lifecycle as lifecycle
from invoice_core import money as money
from invoice_core import org_code as org_code
from invoice_core import ric as ric
from invoice_core import taxpayer_id as taxpayer_id
from invoice_core import uscc as uscc
from invoice_core._types import TaxSplit as TaxSplit
from invoice_core.lifecycle import Lifecycle as Lifecycle

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

def read_words(words: str, mode: Optional[str] = None) -> Dict[str, Any]:
    """Reads words with the deviations from the invoice style."""

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
    not_carried: Optional[Iterable[str]] = None,
) -> Report:
    """Every finding about an invoice."""

def is_valid(
    invoice: object,
    as_of: _DateLike,
    seller_category: Optional[str] = None,
    issuing_limit: Optional[_Money] = None,
    policy: Optional[Mapping[str, Any]] = None,
    not_carried: Optional[Iterable[str]] = None,
) -> bool:
    """True when validate() finds no error."""

def validate_many(
    invoices: Iterable[_InvoiceLike],
    as_of: _DateLike,
    seller_category: Optional[str] = None,
    issuing_limit: Optional[_Money] = None,
    policy: Optional[Mapping[str, Any]] = None,
    not_carried: Optional[Iterable[str]] = None,
) -> List[Report]:
    """Reports for many invoices, in input order (GIL released)."""

def invoice_schema() -> Dict[str, Any]:
    """The JSON Schema of the invoice dict."""


_Key = Union["CheckCodeKey", bytes, bytearray]
"""A check-code key: a CheckCodeKey or at least 16 bytes."""
_QueryLike = Union["VerifyQuery", str, "Invoice", Mapping[str, Any]]
"""A VerifyQuery (or its to_dict() shape), QR text, or an invoice."""
_Item = Union["Invoice", str, Mapping[str, Any]]
"""A duplicate-search item: Invoice, {'invoice'|'qr'|'number': ...}, or QR / number text."""

@final
class CheckCodeKey:
    """A secret check-code key (repr redacted)."""

    def __new__(cls, key: Union[bytes, bytearray, CheckCodeKey]) -> CheckCodeKey:
        """A key from at least 16 bytes."""
    @staticmethod
    def from_hex(text: str) -> CheckCodeKey:
        """A key from hex text."""

def check_code(invoice: _InvoiceLike, key: _Key) -> str:
    """The 20-digit keyed check code (scheme v1)."""

def verify_check_code(invoice: _InvoiceLike, code: str, key: _Key) -> bool:
    """True when code is the invoice's check code (constant time)."""

def check_code_message(invoice: _InvoiceLike) -> str:
    """The canonical v1 message."""

def last6(code: str) -> str:
    """The last 6 digits of a 20-digit check code."""

def last5(code: str) -> str:
    """The last 5 digits of a 20-digit check code."""

def parse_qr(text: str) -> Dict[str, Any]:
    """A scanned QR text as a dict (amount Decimal, issue_date date)."""

def build_qr(invoice: _InvoiceLike, hash: Optional[str] = None) -> str:
    """The QR payload text of an invoice."""

@final
class VerifyQuery:
    """A 查验 query."""

    @property
    def kind(self) -> str:
        """Kind name."""
    @property
    def fplx(self) -> Optional[str]:
        """Platform kind code."""
    @property
    def code(self) -> Optional[str]:
        """发票代码."""
    @property
    def number(self) -> str:
        """发票号码."""
    @property
    def issue_date(self) -> date:
        """开票日期."""
    @property
    def element(self) -> str:
        """The fifth element's name."""
    @property
    def value(self) -> str:
        """The fifth element's value."""
    @property
    def seller_tax_id(self) -> Optional[str]:
        """Seller tax id (blockchain)."""
    def to_dict(self) -> Dict[str, Any]:
        """JSON shape."""
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> VerifyQuery:
        """Reads to_dict()'s shape back, checked as verify_query() checks it."""

@final
class VerifyOutcome:
    """The platform's answer (查验结果)."""

    @property
    def outcome(self) -> str:
        """Outcome name."""
    @property
    def code(self) -> str:
        """The outcome's catalogue code (VER-27 match .. VER-35 malformed)."""
    @property
    def status(self) -> int:
        """Vendor status number."""
    @property
    def is_match(self) -> bool:
        """True for 'match'."""
    @property
    def message(self) -> str:
        """English message."""
    @property
    def message_zh(self) -> str:
        """Chinese message."""
    @property
    def fields(self) -> Optional[List[str]]:
        """Differing fields (mismatch)."""
    @property
    def partial(self) -> Optional[bool]:
        """部分红冲 (red_flushed)."""
    @property
    def earliest(self) -> Optional[date]:
        """Earliest verifiable issue date (too_old)."""
    @property
    def verifiable_from(self) -> Optional[date]:
        """First verifiable day (not_yet_verifiable)."""
    @property
    def errors(self) -> List[Finding]:
        """Coded problems (malformed)."""
    def to_dict(self) -> Dict[str, Any]:
        """JSON shape."""

def verify_query(invoice: _QueryLike, car_price: Optional[_Money] = None) -> VerifyQuery:
    """The 查验 query of an invoice or QR text."""

def precheck(
    query: _QueryLike,
    as_of: _DateLike,
    *,
    look_back_years: Optional[int] = None,
    same_day: Optional[str] = None,
) -> Optional[VerifyOutcome]:
    """None when the query may be looked up, else the outcome instead."""

def match_record(
    query: _QueryLike,
    record: Optional[_InvoiceLike],
    as_of: _DateLike,
    *,
    status: Optional[str] = None,
    car_price: Optional[_Money] = None,
    look_back_years: Optional[int] = None,
    same_day: Optional[str] = None,
) -> VerifyOutcome:
    """The platform's answer given the stored record."""

def dedupe_key(item: _Item) -> List[str]:
    """The identity keys of one item."""

@final
class DuplicateReport:
    """What find_duplicates() returns."""

    @property
    def groups(self) -> List[List[int]]:
        """Index groups of the same invoice."""
    @property
    def errors(self) -> List[Tuple[int, Finding]]:
        """Unreadable items: (index, Finding)."""
    def to_dict(self) -> Dict[str, Any]:
        """JSON shape."""

def find_duplicates(items: Iterable[_Item]) -> DuplicateReport:
    """Groups of items that are the same invoice (GIL released)."""

@final
class Stats:
    """发票统计."""

    @property
    def total(self) -> Dict[str, Any]:
        """{count, amount, tax, total}."""
    @property
    def by_month(self) -> List[Dict[str, Any]]:
        """By YYYY-MM."""
    @property
    def by_kind(self) -> List[Dict[str, Any]]:
        """By kind."""
    @property
    def by_rate(self) -> List[Dict[str, Any]]:
        """By line rate."""
    @property
    def by_status(self) -> List[Dict[str, Any]]:
        """By status label."""
    @property
    def by_counterparty(self) -> List[Dict[str, Any]]:
        """By counterparty."""
    @property
    def by_direction(self) -> List[Dict[str, Any]]:
        """Income, expense, other."""
    @property
    def warnings(self) -> List[Finding]:
        """STA-01 warnings."""
    def to_dict(self) -> Dict[str, Any]:
        """JSON shape (money as str)."""

def stats(
    invoices: Iterable[Union[_InvoiceLike, Tuple[_InvoiceLike, Optional[str]]]],
    own_tax_id: Optional[str] = None,
) -> Stats:
    """Statistics of many invoices (GIL released)."""

_Source = Union[bytes, bytearray, str, "os.PathLike[str]"]

@final
class Reading:
    """An invoice file as read (读取结果)."""

    @property
    def format(self) -> str:
        """digital_xml, ofd_legacy, ofd_xbrl, ofd_digital, xbrl_einv, xbrl_inv, legacy_xml, qr_text."""
    @property
    def version(self) -> Optional[str]:
        """The format's version or taxonomy."""
    @property
    def part(self) -> Optional[str]:
        """The container part the data came from."""
    @property
    def invoice(self) -> Optional[Invoice]:
        """The invoice, or None."""
    @property
    def qr(self) -> Optional[Dict[str, Any]]:
        """The QR found."""
    @property
    def not_carried(self) -> List[str]:
        """Fields the format does not carry."""
    @property
    def accounting(self) -> Optional[Dict[str, Any]]:
        """The receiver's accounting facts."""
    @property
    def origins(self) -> List[Dict[str, str]]:
        """Where each value came from."""
    @property
    def findings(self) -> List[Finding]:
        """Reading findings."""
    def validate(
        self,
        as_of: date,
        seller_category: Optional[str] = None,
        issuing_limit: Optional[_Money] = None,
        policy: Optional[Mapping[str, Any]] = None,
    ) -> Report:
        """Reading findings then validation findings."""
    def keys(self) -> List[str]:
        """Identity keys."""
    def summary(self) -> Dict[str, Any]:
        """A short dict."""
    def to_dict(self) -> Dict[str, Any]:
        """The whole reading as plain data."""

@final
class FileReading:
    """One file of a Batch."""

    @property
    def name(self) -> str:
        """The name given."""
    @property
    def reading(self) -> Optional[Reading]:
        """The Reading, or None."""
    @property
    def error(self) -> Optional[InvoiceError]:
        """Why it could not be read, or None."""

@final
class Batch:
    """Many files and the copies among them."""

    @property
    def files(self) -> List[FileReading]:
        """One per source, in order."""
    @property
    def copies(self) -> List[Dict[str, Any]]:
        """[{key, files, consistent}]."""
    def copy_of(self) -> List[Optional[int]]:
        """Index of the first copy, per file."""

def read_file(source: _Source) -> Reading:
    """Reads one invoice file (bytes or a path)."""

def read_files(sources: Iterable[_Source]) -> Batch:
    """Reads many files (GIL released)."""

__all__ = [
    "Batch",
    "CheckCodeKey",
    "Computed",
    "DuplicateReport",
    "FileReading",
    "Finding",
    "Invoice",
    "InvoiceError",
    "Lifecycle",
    "Reading",
    "Report",
    "Stats",
    "TaxSplit",
    "VerifyOutcome",
    "VerifyQuery",
    "__version__",
    "amount_in_words",
    "amounts_in_words",
    "build_qr",
    "check_code",
    "check_code_message",
    "compute",
    "dedupe_key",
    "find",
    "find_duplicates",
    "invoice_schema",
    "is_valid",
    "kind",
    "last5",
    "last6",
    "lifecycle",
    "line_tax",
    "match_record",
    "money",
    "org_code",
    "pad_invoice_number",
    "parse_invoice_code",
    "parse_invoice_number",
    "parse_qr",
    "precheck",
    "rates_in_force",
    "read_file",
    "read_files",
    "read_words",
    "ric",
    "rule",
    "rules",
    "split_tax",
    "split_with_deduction",
    "stats",
    "taxpayer_id",
    "uscc",
    "validate",
    "validate_many",
    "verify_check_code",
    "verify_query",
    "words_match",
    "words_to_amount",
]
