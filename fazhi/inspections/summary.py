"""督查整改's figures for reports: for a town (or a county: its towns) and a period, the
inspections received (county) and carried out (self), the problems found, rectified
and still open — each a number and a ready sentence, e.g.
"接受县级专项督查1次,发现问题3个,已整改2个", or for a clean one
"接受县级专项督查1次,未发现需整改问题"."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure

from .models import Finding, Inspection

SECTION = "依法行政"


def _counts(unit: OrgUnit, start: date, end: date, kind: str) -> dict:
    """Inspections of `kind` started in the period in the unit's subtree, with how many
    were completed clean and their findings by state (two queries)."""
    inspections = Inspection.objects.filter(
        in_subtree(unit), started_on__range=(start, end), kind=kind
    )
    agg = inspections.aggregate(
        total=Count("id"),
        clean=Count("id", filter=Q(conclusion=Inspection.Conclusion.NO_ISSUES)),
    )
    f = Finding.objects.filter(inspection__in=inspections.values("pk")).aggregate(
        found=Count("id"),
        closed=Count("id", filter=Q(status=Finding.Status.CLOSED)),
    )
    return {**agg, **f, "open": f["found"] - f["closed"]}


def _sentence(verb: str, c: dict) -> str:
    if not c["total"]:
        return ""
    head = f"{verb}{c['total']}次"
    if c["found"] == 0:
        if c["clean"] == c["total"]:
            return f"{head},未发现需整改问题"
        return head  # still under way: no conclusion is claimed before one is recorded
    tail = f",发现问题{c['found']}个,已整改{c['closed']}个"
    if c["open"]:
        tail += f",正在整改{c['open']}个"
    return head + tail


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    county = _counts(unit, start, end, Inspection.Kind.COUNTY)
    own = _counts(unit, start, end, Inspection.Kind.SELF)
    is_county = unit.kind == OrgUnit.Kind.COUNTY
    county_verb = "对乡镇开展县级专项督查" if is_county else "接受县级专项督查"
    found = county["found"] + own["found"]
    closed = county["closed"] + own["closed"]
    open_ = county["open"] + own["open"]
    return [
        Figure(
            key="inspections.county",
            label="县级专项督查",
            value=county["total"],
            unit="次",
            sentence=_sentence(county_verb, county),
            section=SECTION,
            breakdown={
                "发现问题": county["found"],
                "已整改": county["closed"],
                "正在整改": county["open"],
                "未发现需整改问题": county["clean"],
            },
        ),
        Figure(
            key="inspections.self",
            label="自查",
            value=own["total"],
            unit="次",
            sentence=_sentence("开展自查", own),
            section=SECTION,
            breakdown={
                "发现问题": own["found"],
                "已整改": own["closed"],
                "正在整改": own["open"],
                "未发现需整改问题": own["clean"],
            },
        ),
        Figure(
            key="inspections.findings",
            label="督查发现问题",
            value=found,
            unit="个",
            sentence=f"督查发现问题{found}个" if found else "",
            section=SECTION,
            breakdown={"县级专项督查": county["found"], "自查": own["found"]},
        ),
        Figure(
            key="inspections.rectified",
            label="已整改销号",
            value=closed,
            unit="个",
            sentence=f"已整改销号{closed}个" if found else "",
            section=SECTION,
        ),
        Figure(
            key="inspections.open",
            label="正在整改",
            value=open_,
            unit="个",
            sentence=f"正在整改{open_}个" if open_ else "",
            section=SECTION,
        ),
    ]
