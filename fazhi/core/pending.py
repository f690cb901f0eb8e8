"""Pending items for the workbench: every app's `deadlines.py` has a
`pending_items(user, today)` that yields PendingItem; the workbench collects them all
and shows the nearest deadline first."""

from __future__ import annotations

from dataclasses import dataclass
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
