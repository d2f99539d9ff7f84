"""The invoice lifecycle (发票生命周期)."""

from datetime import datetime
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union, final

_Money = Union[Decimal, str, int]
_DateTimeLike = Union[datetime, str]
_Event = Mapping[str, Any]
"""{event, actor, at, reason?, ...the event's fields}."""

@final
class Lifecycle:
    """The lifecycle of one blue invoice."""

    def __new__(cls, kind: str, amount: _Money) -> Lifecycle:
        """A draft: kind name and blue 价税合计 (above zero)."""
    def apply(self, event: _Event) -> Dict[str, Any]:
        """Applies one event; returns {from, event, to}; raises LCY- codes, changing nothing."""
    def expire_overdue(self, now: _DateTimeLike) -> List[Dict[str, Any]]:
        """Expires 确认单s pending over 72 hours; returns the transitions."""
    def to_dict(self) -> Dict[str, Any]:
        """The core's JSON shape."""
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Lifecycle:
        """Reads to_dict()'s shape back (history replayed and checked)."""
    @property
    def kind(self) -> str:
        """Kind name."""
    @property
    def amount(self) -> Decimal:
        """Blue 价税合计."""
    @property
    def state(self) -> Dict[str, str]:
        """{'seller': ..., 'buyer': ...}."""
    @property
    def seller_state(self) -> str:
        """Seller-side state."""
    @property
    def buyer_state(self) -> str:
        """Buyer-side state."""
    @property
    def number(self) -> Optional[str]:
        """The blue invoice's number once issued."""
    @property
    def issued_at(self) -> Optional[datetime]:
        """When it was issued."""
    @property
    def use_purpose(self) -> Optional[str]:
        """'deduct', 'non_deduct' or None."""
    @property
    def lost(self) -> Optional[str]:
        """'invoice_copy', 'deduction_copy', 'both' or None."""
    @property
    def remaining(self) -> Decimal:
        """The amount that may still be reversed."""
    @property
    def reversed(self) -> Decimal:
        """The amount reversed so far."""
    @property
    def red_invoices(self) -> List[Dict[str, Any]]:
        """Red invoices against this one."""
    @property
    def slips(self) -> List[Dict[str, Any]]:
        """确认单s, with state_code and deadline."""
    @property
    def info_tables(self) -> List[Dict[str, Any]]:
        """红字信息表s."""
    @property
    def history(self) -> List[Dict[str, Any]]:
        """Accepted events with from and to."""
    @property
    def possible_events(self) -> List[str]:
        """Events the table allows now."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def replay(kind: str, amount: _Money, events: Iterable[_Event]) -> Lifecycle:
    """A lifecycle from events applied in order (errors at events[i])."""

def table(from_state: Optional[Mapping[str, str]] = None) -> List[Dict[str, Any]]:
    """The transition table rows (optionally those leaving from_state)."""

__all__ = ["Lifecycle", "replay", "table"]
