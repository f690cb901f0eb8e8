"""重大行政决策's part of the annual summary (core.annual): the catalogue published, the
decisions made through the five statutory procedures (named), and decisions whose
procedures are not all complete as a problem. `?annual=<key>:<year>:<unit code>` narrows
the decision list to the decisions counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Catalogue, Decision
from .summary import FIVE


def _span(y):
    return (date(y, 1, 1), date(y, 12, 31))


def _handled(u, y):
    """Under way or concluded in the year (decisions.summary's cohort)."""
    return (
        in_subtree(u)
        & Q(consult_starts_on__lte=date(y, 12, 31))
        & (Q(decided_on__isnull=True) | Q(decided_on__gte=date(y, 1, 1)))
    )


COHORTS = {
    "catalogued": (
        Decision,
        lambda u, y: (
            in_subtree(u) & Q(catalogue__in=Catalogue.objects.filter(published_on__range=_span(y)))
        ),
    ),
    "decided": (Decision, lambda u, y: in_subtree(u) & Q(decided_on__range=_span(y))),
    "complete": (
        Decision,
        lambda u, y: _handled(u, y) & Q(procedures_completed_on__lte=date(y, 12, 31)),
    ),
    "incomplete": (
        Decision,
        lambda u, y: (
            _handled(u, y)
            & (
                Q(procedures_completed_on__isnull=True)
                | Q(procedures_completed_on__gt=date(y, 12, 31))
            )
        ),
    ),
}
LISTS = {Decision: "decisions:decision_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    decided = _fact(unit, year, "decided", "作出的重大行政决策")
    complete = _fact(unit, year, "complete", "五项法定程序全部履行的重大行政决策")
    catalogues = Catalogue.objects.filter(in_subtree(unit), published_on__range=_span(year))
    n_cat = catalogues.count()
    if not (decided.value or complete.value or n_cat):
        return c
    text, facts = "坚持依法决策", []
    if n_cat:
        text += ",向社会公布年度重大行政决策事项目录,列入决策事项{0}项"
        facts.append(_fact(unit, year, "catalogued", "列入目录的决策事项"))
    if decided.value:
        named = "、".join(
            f"《{t}》"
            for t in Decision.objects.filter(COHORTS["decided"][1](unit, year))
            .order_by("decided_on", "id")
            .values_list("title", flat=True)[:3]
        )
        text += ",经集体讨论作出" + named + f"等重大行政决策{{{len(facts)}}}项"
        facts.append(decided)
    if complete.value:
        text += "," + FIVE + f"全部履行的{{{len(facts)}}}项"
        facts.append(complete)
    c.points.append(
        Point("decisions.lawful", text + "。", tuple(facts), "administration", order=25)
    )
    incomplete = _fact(unit, year, "incomplete", "法定程序尚未全部履行的重大行政决策")
    if incomplete.value:
        c.problems.append(
            Point(
                "decisions.incomplete",
                "{0}项重大行政决策的法定程序尚未全部履行完毕,须在作出决策前补齐。",
                (incomplete,),
            )
        )
    return c
