"""法治建设旬报's part of the annual summary (core.annual): the seed's "按要求定期报送法治
建设旬报" with the count and on-time rate, and the late or missing 旬报 as problems.
`?annual=<key>:<year>:<unit code>` narrows the 旬报 list to the records counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core import clock
from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import TenDayReport
from .selectors import on_time


def _year(u, y):
    return in_subtree(u) & Q(period_end__range=(date(y, 1, 1), date(y, 12, 31)))


SUBMITTED = Q(first_submitted_on__isnull=False)
COHORTS = {
    "submitted": (TenDayReport, lambda u, y: _year(u, y) & SUBMITTED),
    "late": (TenDayReport, lambda u, y: _year(u, y) & SUBMITTED & Q(is_late=True)),
}
LISTS = {TenDayReport: "tenday:report_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    if unit.kind not in (OrgUnit.Kind.TOWN, OrgUnit.Kind.COUNTY):
        return c
    counts = on_time(unit, date(year, 1, 1), date(year, 12, 31), clock.today())
    submitted = _fact(unit, year, "submitted", "报送旬报")
    if submitted.value:
        rate = Fact(f"{counts['rate']:g}%", "", "旬报按时报送率")
        c.points.append(
            Point(
                "tenday.reports",
                "按要求定期报送法治建设旬报,做到查漏补缺,扬长避短,全年报送{0}期,按时报送率{1}。",
                (submitted, rate),
                "organisation",
                order=15,
            )
        )
    late = _fact(unit, year, "late", "逾期报送的旬报")
    if late.value or counts["missing"]:
        parts, facts = [], []
        if late.value:
            parts.append(f"逾期报送{{{len(facts)}}}期")
            facts.append(late)
        if counts["missing"]:
            parts.append(f"缺报{{{len(facts)}}}期")
            facts.append(Fact(counts["missing"], "", "缺报的旬报"))  # no record to list
        c.problems.append(
            Point(
                "tenday.late",
                "旬报报送还不够及时,全年" + "、".join(parts) + "。",
                tuple(facts),
            )
        )
    return c
