"""List paging that stays fast on big tables: the count stops at a cap.

Django's Paginator counts every row in scope and lets a page number reach any OFFSET. At
county scale (a million disputes) that is a full scan per page view. A list counts at most
`CAP` rows (one `COUNT(*)` over a `LIMIT` subquery, so the database stops early), shows
"10000+" beyond it, and pages no further than the cap: whoever needs the rest narrows the
filters, as with any search engine.
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


def page_of(queryset, number, per_page: int):
    """The requested page of `queryset` (the last one for a number past the end)."""
    return CappedPaginator(queryset, per_page).get_page(number)
