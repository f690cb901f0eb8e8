"""法律顾问's part of the annual summary (core.annual): the seed's 二是 "健全决策顾问机制"
with the advisers appointed, the legality opinions they gave, their other work and the
year's assessment (its scheme named). `?annual=<key>:<year>:<unit code>` narrows the
adviser list to the advisers counted."""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core import clock
from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Adviser, Appointment, Assessment, WorkEntry
from .summary import ENTRY_PHRASES, figures


def _appointed(u, y):
    terms = Appointment.objects.filter(start__lte=date(y, 12, 31), end__gte=date(y, 1, 1))
    return in_subtree(u) & Q(pk__in=terms.values("adviser"))


COHORTS = {
    "appointed": (Adviser, _appointed),
    "assessed": (
        Adviser,
        lambda u, y: in_subtree(u) & Q(pk__in=Assessment.objects.filter(year=y).values("adviser")),
    ),
}
LISTS = {Adviser: "advisers:adviser_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    appointed = _fact(unit, year, "appointed", "聘请的法律顾问")
    if not appointed.value:
        return c
    figs = {f.key: f for f in figures(unit, date(year, 1, 1), date(year, 12, 31))}
    kinds = Counter(Adviser.objects.filter(_appointed(unit, year)).values_list("kind", flat=True))
    labels = dict(Adviser.Kind.choices)
    made_of = "、".join(f"{labels[k]}{n}名" for k, n in kinds.items())
    text = "健全决策顾问机制。积极推行政府法律顾问制度,聘请法律顾问{0}名(" + made_of + ")"
    facts = [appointed]
    opinions = figs["advisers.review_opinions"]
    if opinions.value:
        text += (
            ",法律顾问对重大决策、行政规范性文件、行政协议进行合法性审查,出具合法性审核意见{1}件"
        )
        facts.append(Fact(opinions.value, "", "法律顾问出具合法性审核意见"))
    entries = Counter(
        WorkEntry.objects.filter(
            in_subtree(unit), date__range=(date(year, 1, 1), date(year, 12, 31))
        ).values_list("kind", flat=True)
    )
    for kind, (phrase, measure) in ENTRY_PHRASES.items():
        if entries[kind]:
            text += "," if kind == next(k for k in ENTRY_PHRASES if entries[k]) else "、"
            text += phrase + f"{{{len(facts)}}}" + measure
            facts.append(Fact(entries[kind], "", WorkEntry.Kind(kind).label))
    assessments = Assessment.objects.filter(in_subtree(unit), year=year)
    assessed = _fact(unit, year, "assessed", "参加年度考核的法律顾问")
    if assessed.value:
        scheme = assessments.values_list("scheme_name", flat=True).first()
        grades = Counter(assessments.values_list("grade", flat=True))
        text += (
            f",按照《{scheme.removesuffix('(系统默认)')}》对{{{len(facts)}}}名法律顾问完成年度考核"
            + "(" + "、".join(f"{g}{n}名" for g, n in grades.items()) + ")"
        )  # fmt: skip
        facts.append(assessed)
    c.points.append(
        Point("advisers.mechanism", text + "。", tuple(facts), "administration", order=20)
    )
    # A past year's assessment is due by now (the scheme assesses each year's work).
    if year < clock.today().year and appointed.value > assessed.value:
        c.problems.append(
            Point(
                "advisers.unassessed",
                "法律顾问考核管理有待加强,{0}名法律顾问中{1}名尚未完成年度考核。",
                (appointed, Fact(appointed.value - assessed.value, "", "未考核的法律顾问")),
            )
        )
    return c
