"""合法性审核's part of the annual summary (core.annual): the reviews concluded in fazhi in
the year by kind and their on-time rate. It says "经本平台合法性审核" on purpose: the
contracts ledger also counts agreements reviewed offline and registered when signed, so
its "审核行政协议" can be larger; the two sentences say which they count.
`?annual=<key>:<year>:<unit code>` narrows the review list to the reviews counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q
from django.utils import timezone

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.summary import percent

from .models import ReviewRequest, SubjectKind
from .summary import concluded_in


def _ids(kind=None):
    def q(u, y):
        qs = concluded_in(u, date(y, 1, 1), date(y, 12, 31))
        if kind:
            qs = qs.filter(kind=kind)
        return Q(pk__in=qs.values("pk"))

    return q


COHORTS = {"concluded": (ReviewRequest, _ids())}
for _k in SubjectKind:
    COHORTS[_k.value] = (ReviewRequest, _ids(_k.value))
LISTS = {ReviewRequest: "reviews:review_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    total = _fact(unit, year, "concluded", "经本平台办结的合法性审核")
    if not total.value:
        return c
    parts, facts = [], [total]
    for kind in SubjectKind:
        fact = _fact(unit, year, kind.value, f"合法性审核({kind.label})")
        if fact.value:
            parts.append(f"{kind.label}{{{len(facts)}}}件")
            facts.append(fact)
    rows = concluded_in(unit, date(year, 1, 1), date(year, 12, 31)).values_list(
        "concluded_at", "due_date"
    )
    on_time = sum(1 for at, due in rows if timezone.localdate(at) <= due)
    facts.append(Fact(f"{percent(on_time, total.value):g}%", "", "按期办结率"))
    c.points.append(
        Point(
            "reviews.concluded",
            "落实合法性审核机制,经本平台办结合法性审核{0}件(" + "、".join(parts)
            + f"),按期办结率{{{len(facts) - 1}}},确保出台的各项政策、文件合法合规。",
            tuple(facts),
            "administration",
            order=21,
        )
    )  # fmt: skip
    if on_time < total.value:
        c.problems.append(
            Point(
                "reviews.late",
                "合法性审核时效有待提高,{0}件合法性审核超期办结。",
                (Fact(total.value - on_time, "", "超期办结的合法性审核"),),
            )
        )
    return c
