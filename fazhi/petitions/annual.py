"""信访's part of the annual summary (core.annual): the petitions accepted with the
on-time rates of acceptance and handling (信访工作条例 第22–23、34条), 复查 and 复核; the
petitions answered late or open past their handling period are a problem.
`?annual=<key>:<year>:<unit code>` narrows the petition list to the petitions counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import F, Q

from fazhi.core import clock
from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import percent

from .models import Petition
from .summary import counts

S = Petition.Status


def _span(y):
    return (date(y, 1, 1), date(y, 12, 31))


COHORTS = {
    "accepted": (
        Petition,
        lambda u, y: in_subtree(u) & Q(decided_on__range=_span(y), handling_due__isnull=False),
    ),
    "answered_late": (
        Petition,
        lambda u, y: (
            in_subtree(u) & Q(answered_on__range=_span(y), answered_on__gt=F("handling_due"))
        ),
    ),
    "past_due": (
        Petition,
        lambda u, y: (
            in_subtree(u)
            & Q(
                status=S.ACCEPTED,
                answered_on__isnull=True,
                handling_due__range=(date(y, 1, 1), min(date(y, 12, 31), clock.today())),
            )
            & ~Q(handling_due=clock.today())
        ),
    ),
}
LISTS = {Petition: "petitions:petition_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    k = counts(unit, *_span(year))
    accepted = _fact(unit, year, "accepted", "受理信访事项")
    if accepted.value or k["received"]:
        text = "依法分类处理信访诉求,全年受理信访事项{0}件"
        facts = [accepted]
        if k["decided"]:
            text += f",按期受理率{{{len(facts)}}}"
            facts.append(
                Fact(f"{percent(k['decided_on_time'], k['decided']):g}%", "", "按期受理率")
            )
        if k["answered"]:
            text += f",按期办结率{{{len(facts)}}}"
            facts.append(
                Fact(f"{percent(k['answered_on_time'], k['answered']):g}%", "", "按期办结率")
            )
        if k["reviews"] or k["rereviews"]:
            n = len(facts)
            text += f",办理复查{{{n}}}件、复核{{{n + 1}}}件"
            facts += [Fact(k["reviews"], "", "复查"), Fact(k["rereviews"], "", "复核")]
        c.points.append(
            Point("petitions.handling", text + "。", tuple(facts), "governance", order=22)
        )
    late = _fact(unit, year, "answered_late", "超期办结的信访事项")
    past = _fact(unit, year, "past_due", "超过办理期限未办结的信访事项")
    if late.value or past.value:
        parts, facts = [], []
        for fact, phrase in ((late, "超期办结{}件"), (past, "超过办理期限尚未办结{}件")):
            if fact.value:
                parts.append(phrase.replace("{}", f"{{{len(facts)}}}"))
                facts.append(fact)
        c.problems.append(
            Point(
                "petitions.late",
                "信访事项办理时效仍需提升,信访事项" + "、".join(parts) + "。",
                tuple(facts),
            )
        )
    return c
