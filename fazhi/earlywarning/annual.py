"""社会矛盾预警's part of the annual summary (core.annual): the seed's "进一步健全社会矛盾
预警机制" with the warnings raised by colour; red warnings still active are a problem.
`?annual=<key>:<year>:<unit code>` (with state=all) narrows the warning list."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_narrow, cohort_url
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import period_bounds

from .models import Colour, EarlyWarning

EXTRA = {"state": "all"}  # the list shows active warnings only unless told otherwise


def _raised(u, y):
    lo, hi = period_bounds(date(y, 1, 1), date(y, 12, 31))
    return in_subtree(u) & Q(raised_at__gte=lo, raised_at__lt=hi)


COHORTS = {
    "raised": (EarlyWarning, _raised),
    "red": (EarlyWarning, lambda u, y: _raised(u, y) & Q(peak_colour=Colour.RED)),
    "yellow": (EarlyWarning, lambda u, y: _raised(u, y) & Q(peak_colour=Colour.YELLOW)),
    "red_active": (
        EarlyWarning,
        lambda u, y: _raised(u, y) & Q(colour=Colour.RED, status__in=EarlyWarning.ACTIVE),
    ),
}
LISTS = {EarlyWarning: "earlywarning:warning_list"}


narrow = partial(cohort_narrow, COHORTS)


def _fact(unit, year, key, label) -> Fact:
    model, q = COHORTS[key]
    n = model.objects.filter(q(unit, year)).count()
    return Fact(n, cohort_url(LISTS, model, key, year, unit, **EXTRA), label)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    raised = _fact(unit, year, "raised", "研判预警")
    if not raised.value:
        return c
    red = _fact(unit, year, "red", "红色预警")
    yellow = _fact(unit, year, "yellow", "黄色预警")
    c.points.append(
        Point(
            "earlywarning.raised",
            "进一步健全社会矛盾预警机制,对网格走访、矛盾纠纷、信访事项中的风险信号动态研判,"
            "全年研判预警{0}条,其中红色预警{1}条、黄色预警{2}条,做到早发现、早预警、早化解。",
            (raised, red, yellow),
            "governance",
            order=23,
        )
    )
    active = _fact(unit, year, "red_active", "尚未解除的红色预警")
    if active.value:
        c.problems.append(
            Point(
                "earlywarning.red_active",
                "社会矛盾风险仍需关注,{0}条红色预警尚未解除。",
                (active,),
            )
        )
    return c
