"""法治建设旬报's figure: for a town (or a county: its towns) and a period, the 旬报
submitted for the 旬 ending in it and the on-time rate ("按要求定期报送法治建设旬报36期,
按时报送率97.2%"). On time is judged by the first submission against the due day; a 旬
past due without a report counts as not on time."""

from __future__ import annotations

from datetime import date

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.summary import Figure

from .selectors import on_time

SECTION = "组织领导"


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    if unit.kind not in (OrgUnit.Kind.TOWN, OrgUnit.Kind.COUNTY):
        return []
    c = on_time(unit, start, end, clock.today())
    sentence = (
        f"按要求定期报送法治建设旬报{c['submitted']}期,按时报送率{c['rate']:g}%"
        if c["submitted"]
        else ""
    )
    return [
        Figure(
            key="tenday.on_time_rate",
            label="旬报按时报送率",
            value=c["rate"] if c["submitted"] else 0,
            unit="%",
            sentence=sentence,
            section=SECTION,
            breakdown={
                "报送期数": c["submitted"],
                "按时报送": c["on_time"],
                "逾期报送": c["late"],
                "缺报": c["missing"],
                "应报期数": c["expected"],
            },
        )
    ]
