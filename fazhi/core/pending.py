"""Pending items for the workbench: every app's `deadlines.py` has a
`pending_items(user, today)` that yields PendingItem (each provider reads at most a bounded
number per kind, nearest first); the workbench collects them all and shows, per kind,
the nearest few with how many there are and a link to the list that holds them all."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .hooks import app_hooks


@dataclass(frozen=True)
class PendingItem:
    title: str
    category: str  # e.g. "节假日", "合法性审核"
    due: date | None = None  # None: no deadline, shown after dated items
    url: str = ""
    unit: str = ""
    level: str = "info"  # info / warning / danger
    # The page listing every item of this kind (e.g. the contract list filtered to overdue
    # payments): the workbench's "查看全部".
    list_url: str = ""

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


def level(due: date | None, today: date, *, warn_days: int = 2) -> str:
    """The one colour rule of the workbench: past due is danger, due within `warn_days`
    calendar days is warning, anything else (or no deadline) is info."""
    if due is None:
        return "info"
    if due < today:
        return "danger"
    return "warning" if (due - today).days <= warn_days else "info"


def collect(user, today: date) -> list[PendingItem]:
    items: list[PendingItem] = []
    for provider in app_hooks("deadlines", "pending_items"):
        items.extend(provider(user, today))
    return sorted(items, key=lambda i: (i.due is None, i.due or date.max, i.title))


PER_KIND = 5


@dataclass
class PendingGroup:
    """One kind of pending item on the workbench: the nearest few, and how many in all."""

    category: str
    items: list[PendingItem] = field(default_factory=list)
    total: int = 0
    list_url: str = ""

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def grouped(items: list[PendingItem], per_kind: int = PER_KIND) -> list[PendingGroup]:
    """`items` (nearest first) by kind, each kind's nearest `per_kind`; kinds in the order
    of their nearest item, so the most urgent kind comes first."""
    groups: dict[str, PendingGroup] = {}
    for item in items:
        group = groups.setdefault(item.category, PendingGroup(item.category))
        group.total += 1
        if len(group.items) < per_kind:
            group.items.append(item)
        group.list_url = group.list_url or item.list_url
    return list(groups.values())
