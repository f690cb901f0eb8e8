"""案例实景式教学's part of the annual summary (core.annual): the seed's (四)一是 "以实景
案例为靶向加大实践力度" with the cases trained named and the sessions and participants
counted; sessions whose evaluation is overdue are a problem.
`?annual=<key>:<year>:<unit code>` narrows the session list to the sessions counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core import clock
from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Participant, Session

HELD = (Session.Status.HELD, Session.Status.EVALUATED)


def _held(u, y):
    return in_subtree(u) & Q(status__in=HELD, held_on__range=(date(y, 1, 1), date(y, 12, 31)))


COHORTS = {
    "held": (Session, _held),
    "unevaluated": (
        Session,
        lambda u, y: (
            _held(u, y)
            & Q(status=Session.Status.HELD, evaluation_due__lt=min(date(y, 12, 31), clock.today()))
        ),
    ),
}
LISTS = {Session: "training:session_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    held = _fact(unit, year, "held", "案例实景式教学仿真训练")
    if held.value:
        sessions = Session.objects.filter(_held(unit, year)).select_related("case")
        titles = list(dict.fromkeys(s.case.title for s in sessions.order_by("held_on", "id")))
        named = "、".join(f"“{t}”" for t in titles[:3]) + ("等" if len(titles) > 1 else "")
        people = Participant.objects.filter(session__in=sessions.values("pk")).count()
        c.points.append(
            Point(
                "training.sessions",
                "以实景案例为靶向加大实践力度。聚焦基层治理、法治建设方面存在的短板问题,围绕"
                + named
                + "案例进行“案例实景式”教学仿真训练{0}场,参训{1}人次,不断提升干部的法治理念、"
                "舆情处置和群众工作等方面能力。",
                (held, Fact(people, "", "参训人次")),
                "governance",
                order=10,
            )
        )
    late = _fact(unit, year, "unevaluated", "逾期未评价的训练")
    if late.value:
        c.problems.append(
            Point(
                "training.unevaluated",
                "教学仿真训练的复盘评价还不够及时,{0}场训练逾期未完成评价。",
                (late,),
            )
        )
    return c
