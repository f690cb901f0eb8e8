"""年度学法考试's figures for reports: for a town (or a county: its towns) and a period,
the exams whose window closed in it, with 应考 / 参考 / 合格 / 优秀 (make-ups counted:
a candidate's standing is their best sitting), e.g.
"组织学法用法考试1场,应考12人,参考率100.0%,合格率100.0%,优秀率41.7%"."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent, period_bounds

from .models import Candidate, Exam

SECTION = "普法教育"


def counts(unit: OrgUnit, start: date, end: date) -> dict:
    """The exams closed in the period in the unit's subtree and their candidates' counts
    (two queries), with a per-town breakdown of the pass rate for a county."""
    low, high = period_bounds(start, end)
    exams = Exam.objects.filter(in_subtree(unit), closes_at__gte=low, closes_at__lt=high)
    held = exams.count()
    per_town = list(
        Candidate.objects.filter(exam__in=exams.values("pk"))
        .values("exam__org_unit__name")
        .annotate(
            total=Count("id"),
            took=Count("id", filter=Q(took=True)),
            passed=Count("id", filter=Q(passed=True)),
            excellent=Count("id", filter=Q(excellent=True)),
        )
        .order_by("exam__org_unit__name")
    )
    total = {k: sum(r[k] for r in per_town) for k in ("total", "took", "passed", "excellent")}
    return {"held": held, **total, "towns": per_town}


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    c = counts(unit, start, end)
    took, passed, excellent = (percent(c[k], c["total"]) for k in ("took", "passed", "excellent"))
    sentence = ""
    if c["held"]:
        sentence = (f"组织学法用法考试{c['held']}场,应考{c['total']}人,参考率{took}%,"
                    f"合格率{passed}%,优秀率{excellent}%")  # fmt: skip
    towns = {r["exam__org_unit__name"]: percent(r["passed"], r["total"]) for r in c["towns"]}
    is_county = unit.kind == OrgUnit.Kind.COUNTY
    return [
        Figure(
            key="exams.held",
            label="学法用法考试",
            value=c["held"],
            unit="场",
            sentence=sentence,
            section=SECTION,
            breakdown={
                "应考": c["total"],
                "参考": c["took"],
                "合格": c["passed"],
                "优秀": c["excellent"],
            },
        ),
        Figure(
            key="exams.took_rate",
            label="学法考试参考率",
            value=took,
            unit="%",
            sentence=f"学法考试参考率{took}%({c['took']}/{c['total']}人)" if c["total"] else "",
            section=SECTION,
        ),
        Figure(
            key="exams.pass_rate",
            label="学法考试合格率",
            value=passed,
            unit="%",
            sentence=f"学法考试合格率{passed}%({c['passed']}/{c['total']}人)" if c["total"] else "",
            section=SECTION,
            breakdown=towns if is_county else {},
        ),
        Figure(
            key="exams.excellent_rate",
            label="学法考试优秀率",
            value=excellent,
            unit="%",
            sentence=f"学法考试优秀率{excellent}%({c['excellent']}/{c['total']}人)"
            if c["total"]
            else "",
            section=SECTION,
        ),
    ]
