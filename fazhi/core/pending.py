"""Pending items for the workbench: every app's `deadlines.py` has a
`pending_items(user, today)` that yields PendingItem; the workbench collects them all and
shows, per kind, the nearest few with how many there are and a link to the list that holds
them all.

Every read that grows with the data goes through `read(rows)`: at most LIMIT rows, nearest
first, and whether there were more (it reads LIMIT + 1, so knowing costs no query). The
items of a capped read say so (`capped=True`), and the pages then say "以上" instead of
pretending the rows read are all there are (a grid worker with 400 overdue visits is
not shown "200"). No COUNT per kind: it would double the workbench's queries, and several
kinds filter in ways no index bounds (joins, aggregates, per-town windows applied in
Python); the list behind 查看全部 has the exact number."""

from __future__ import annotations

from collections.abc import Sequence
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
    # Read by a capped `read()`: there are more of this kind than were read.
    capped: bool = False

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


# The one read limit of every provider, per kind. The page shows five per kind; the rest
# only count, and past this many the count says "以上" (the list holds them all).
LIMIT = 50


def read(rows: Sequence, limit: int | None = None) -> tuple[list, bool]:
    """The first `limit` (LIMIT, read when called) of `rows` (a queryset ordered nearest
    first, or a list) and whether there were more: one query of `limit + 1` rows."""
    limit = LIMIT if limit is None else limit
    got = list(rows[: limit + 1])
    return got[:limit], len(got) > limit


def collect(user, today: date) -> list[PendingItem]:
    """Every provider's items, nearest first. Callers run it inside
    `core.deadlines.overrides_read_once()`: the providers compute a dozen deadlines, and one
    read of the small holiday-override table then serves them all."""
    items: list[PendingItem] = []
    for provider in app_hooks("deadlines", "pending_items"):
        items.extend(provider(user, today))
    return sorted(items, key=lambda i: (i.due is None, i.due or date.max, i.title))


PER_KIND = 5


@dataclass
class PendingGroup:
    """One kind of pending item on the workbench: the nearest few, and how many in all
    (at least `total` when `capped`: a read of this kind stopped at LIMIT)."""

    category: str
    items: list[PendingItem] = field(default_factory=list)
    total: int = 0
    list_url: str = ""
    capped: bool = False

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
        group.capped = group.capped or item.capped
    return list(groups.values())
