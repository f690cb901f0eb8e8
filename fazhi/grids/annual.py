"""网格走访's part of the annual summary (core.annual): the seed's (四)二是 "以网格管理为
抓手提升化解力度…主动走访困难群体、敏感群体、特殊群体" with the visits counted per group
and the on-time rate; key persons not visited on time are a problem.
`?annual=<key>:<year>:<unit code>` narrows the visit list to the visits counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Group, Visit
from .summary import figures


def _visits(u, y):
    return in_subtree(u) & Q(visited_on__range=(date(y, 1, 1), date(y, 12, 31)))


COHORTS = {"visits": (Visit, _visits)}
for _g in Group:
    COHORTS[f"visits_{_g.value}"] = (Visit, lambda u, y, g=_g.value: _visits(u, y) & Q(group=g))
LISTS = {Visit: "grids:visit_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    visits = _fact(unit, year, "visits", "走访重点群体")
    if not visits.value:
        return c
    facts = [visits]
    parts = []
    for g in Group:
        fact = _fact(unit, year, f"visits_{g.value}", f"走访{g.label}")
        if fact.value:
            parts.append(f"{g.label}{{{len(facts)}}}人次")
            facts.append(fact)
    figs = {f.key: f for f in figures(unit, date(year, 1, 1), date(year, 12, 31))}
    rate = figs["grids.compliance"]
    text = (
        "以网格管理为抓手提升化解力度。以网格化管理为基础,组织村干部、网格员、乡贤人士等"
        "加强法治宣传,主动走访困难群体、敏感群体、特殊群体{0}人次(" + "、".join(parts) + ")"
    )
    due, on_time = rate.breakdown["应走访人数"], rate.breakdown["按期走访人数"]
    if due:
        text += f",重点人员按期走访率{{{len(facts)}}}"
        facts.append(Fact(f"{rate.value:g}%", "", "按期走访率"))
    text += ",进一步健全社会矛盾预警机制。"
    c.points.append(Point("grids.visits", text, tuple(facts), "governance", order=20))
    if due > on_time:
        c.problems.append(
            Point(
                "grids.late",
                "网格走访还不够扎实,重点人员应走访{0}人,{1}人未按期走访。",
                (Fact(due, "", "应走访重点人员"), Fact(due - on_time, "", "未按期走访")),
            )
        )
    return c
