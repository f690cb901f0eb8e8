"""督查整改's part of the annual summary (core.annual): the inspection's outcome in the
seed's words ("按照县委全面依法治县办《关于开展…专项督查的通知》有关要求积极配合督查,
在检查中未发现需整改问题"), the town's own self-inspections, and the findings still being
rectified as problems. `?annual=<key>:<year>:<unit code>` narrows the inspection list to
the inspections counted; the findings of one inspection are on its page."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Finding, Inspection
from .selectors import OPEN


def _of(kind):
    return lambda u, y: (
        in_subtree(u) & Q(kind=kind, started_on__range=(date(y, 1, 1), date(y, 12, 31)))
    )


COHORTS = {
    "county": (Inspection, _of(Inspection.Kind.COUNTY)),
    "self": (Inspection, _of(Inspection.Kind.SELF)),
}
LISTS = {Inspection: "inspections:inspection_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def _outcome(inspection: Inspection) -> tuple[str, list[Fact]]:
    """What came of one inspection, in the seed's words; counts link to its page."""
    url = reverse("inspections:inspection_detail", args=[inspection.pk])
    findings = list(inspection.findings.values_list("status", flat=True))
    if not findings:
        if inspection.conclusion == Inspection.Conclusion.NO_ISSUES:
            return "在检查中未发现需整改问题", []
        return "督查正在进行", []
    closed = sum(s == Finding.Status.CLOSED for s in findings)
    text = "发现问题{n0}个,已整改销号{n1}个"
    facts = [Fact(len(findings), url, "督查发现问题"), Fact(closed, url, "已整改销号")]
    if closed < len(findings):
        text += ",正在整改{n2}个"
        facts.append(Fact(len(findings) - closed, url, "正在整改"))
    return text, facts


def _renumber(text: str, facts: list[Fact], start: int) -> str:
    for i in range(len(facts)):
        text = text.replace(f"{{n{i}}}", f"{{{start + i}}}")
    return text


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    county = Inspection.objects.filter(COHORTS["county"][1](unit, year)).order_by("started_on")
    own = _fact(unit, year, "self", "开展自查")
    parts, facts = [], []
    for inspection in county:
        how, found = _outcome(inspection)
        basis = f"按照{inspection.basis}有关要求" if inspection.basis else ""
        parts.append(f"{basis}积极配合{inspection.title}," + _renumber(how, found, len(facts)))
        facts += found
    if own.value:
        clean = not Finding.objects.filter(
            inspection__in=Inspection.objects.filter(COHORTS["self"][1](unit, year))
        ).exists()
        parts.append(f"开展自查{{{len(facts)}}}次" + (",未发现需整改问题" if clean else ""))
        facts.append(own)
    if parts:
        c.points.append(
            Point(
                "inspections.outcome",
                ";".join(parts) + "。",
                tuple(facts),
                "administration",
                order=12,
            )
        )
    still = Finding.objects.filter(
        inspection__in=Inspection.objects.filter(
            COHORTS["county"][1](unit, year) | COHORTS["self"][1](unit, year)
        ),
        status__in=OPEN,
    ).select_related("inspection")
    rows = list(still.order_by("deadline", "id"))
    if rows:
        first = rows[0].inspection
        url = (
            reverse("inspections:inspection_detail", args=[first.pk])
            if all(r.inspection_id == first.pk for r in rows)
            else ""
        )
        named = ";".join(r.description.rstrip("。") for r in rows[:2])
        c.problems.append(
            Point(
                "inspections.open",
                "督查发现的问题整改尚未全部到位,{0}个问题正在整改(" + named
                + ("等" if len(rows) > 2 else "") + ")。",
                (Fact(len(rows), url, "正在整改的督查问题"),),
            )
        )  # fmt: skip
    return c
