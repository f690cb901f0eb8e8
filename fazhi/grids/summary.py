"""网格走访's figures for reports: for a town (or a county: its towns) and a period, the
visits to key groups by group and the compliance rate (按期走访率), each with its ready
sentence, e.g. "以网格化管理为基础,走访困难群体、敏感群体、特殊群体1234人次,按期走访率92.5%"."""

from __future__ import annotations

from datetime import date

from django.db.models import Count

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent

from .models import Group, Visit
from .selectors import compliance_totals

SECTION = "基层治理"


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    by_group = dict(
        Visit.objects.filter(in_subtree(unit), visited_on__range=(start, end))
        .values("group")
        .annotate(n=Count("id"))
        .values_list("group", "n")
    )
    total = sum(by_group.values())
    breakdown = {g.label: by_group.get(g.value, 0) for g in Group}
    due, on_time = compliance_totals(unit, start, end)
    rate = percent(on_time, due)
    if total:
        sentence = f"以网格化管理为基础,走访困难群体、敏感群体、特殊群体{total}人次" + (
            f",按期走访率{rate}%" if due else ""
        )
    else:
        sentence = ""
    return [
        Figure(
            key="grids.visits",
            label="走访重点群体",
            value=total,
            unit="人次",
            sentence=sentence,
            section=SECTION,
            breakdown=breakdown,
        ),
        Figure(
            key="grids.compliance",
            label="按期走访率",
            value=rate,
            unit="%",
            sentence=f"重点人员应走访{due}人,按期走访{on_time}人,按期走访率{rate}%" if due else "",
            section=SECTION,
            breakdown={"应走访人数": due, "按期走访人数": on_time},
        ),
    ]
