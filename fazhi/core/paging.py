"""List paging that stays fast on big tables: the count stops at a cap.

Django's Paginator counts every row in scope and lets a page number reach any OFFSET. At
county scale (a million disputes) that is a full scan per page view. A list counts at most
`CAP` rows (one `COUNT(*)` over a `LIMIT` subquery, so the database stops early), shows
"10000+" beyond it, and pages no further than the cap: whoever needs the rest narrows the
filters, as with any search engine.

A page past the middle is read from the far end: the reversed order with the small OFFSET
counted from the end, rows turned back. The last page of 9,999 rows then skips 0 rows,
not 9,950 (an OFFSET walks every row it skips). Only for an ordered queryset whose count
is exact: when the count is capped, the end of the list is not the end of the table.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

CAP = 10_000


class CappedPaginator(Paginator):
    cap = CAP

    @cached_property
    def count(self) -> int:
        counted = self.object_list.order_by()[: self.cap + 1].count()
        self.capped = counted > self.cap
        return min(counted, self.cap)

    @property
    def count_label(self) -> str:
        """ "1234", or "10000+" when there are more than the cap."""
        count = self.count
        return f"{count}+" if self.capped else str(count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ordered = getattr(self.object_list, "ordered", False)
        if bottom <= self.count // 2 or self.capped or not ordered:
            return super().page(number)
        rows = list(self.object_list.reverse()[self.count - top : self.count - bottom])
        return self._get_page(rows[::-1], number, self)


def page_of(queryset, number, per_page: int):
    """The requested page of `queryset` (the last one for a number past the end)."""
    return CappedPaginator(queryset, per_page).get_page(number)


def api_page(queryset, offset: int, limit: int) -> dict:
    """An API list's body `{"count", "items"}`: the rows from `offset`, and the count up to
    the cap, as the list pages count (never every row of a county)."""
    count = min(queryset.order_by()[: CAP + 1].count(), CAP)
    return {"count": count, "items": list(queryset[offset : offset + limit])}
