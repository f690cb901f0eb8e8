"""社会矛盾预警's figures for reports: for a town (or a county: its towns) and a period, the
warnings raised by the highest colour they reached, and how fast red warnings were
answered — e.g. "健全社会矛盾预警机制,研判预警12条,其中红色2条、黄色5条,红色预警平均响应3.5小时"."""

from __future__ import annotations

from datetime import date

from django.db.models import Avg, Count, F, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, monthly_counts, percent, period_bounds

from .models import Colour, EarlyWarning

SECTION = "基层治理"
S = EarlyWarning.Status


def _counts(unit: OrgUnit, start: date, end: date) -> dict:
    lo, hi = period_bounds(start, end)
    raised = EarlyWarning.objects.filter(in_subtree(unit), raised_at__gte=lo, raised_at__lt=hi)
    counts = raised.aggregate(
        total=Count("id"),
        red=Count("id", filter=Q(peak_colour=Colour.RED)),
        yellow=Count("id", filter=Q(peak_colour=Colour.YELLOW)),
        green=Count("id", filter=Q(peak_colour=Colour.GREEN)),
        dismissed=Count("id", filter=Q(status=S.DISMISSED)),
        resolved=Count("id", filter=Q(status=S.RESOLVED)),
    )
    red_answers = EarlyWarning.objects.filter(
        in_subtree(unit), responded_at__gte=lo, responded_at__lt=hi, response_colour=Colour.RED
    )
    answered = red_answers.aggregate(
        n=Count("id"),
        minutes=Avg("response_minutes"),
        on_time=Count("id", filter=Q(responded_at__date__lte=F("response_due"))),
    )
    return {**counts, "answered": answered}


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    c = _counts(unit, start, end)
    a = c["answered"]
    hours = round((a["minutes"] or 0) / 60, 1)
    sentence = ""
    if c["total"]:
        sentence = (
            f"健全社会矛盾预警机制,研判预警{c['total']}条,其中红色{c['red']}条、黄色{c['yellow']}条"
        )
        if a["n"]:
            sentence += f",红色预警平均响应{hours:g}小时"
    on_time = percent(a["on_time"], a["n"])
    return [
        Figure(
            key="earlywarning.raised",
            label="研判预警",
            value=c["total"],
            unit="条",
            sentence=sentence,
            section=SECTION,
            breakdown={
                "红色": c["red"],
                "黄色": c["yellow"],
                "绿色": c["green"],
                "已撤销": c["dismissed"],
                "已解除": c["resolved"],
            },  # fmt: skip
        ),
        Figure(
            key="earlywarning.red_response_hours",
            label="红色预警平均响应时间",
            value=hours,
            unit="小时",
            sentence=f"红色预警已应对{a['n']}条,平均响应{hours:g}小时,按期应对率{on_time}%"
            if a["n"]
            else ("红色预警尚无已应对记录" if c["total"] else ""),
            section=SECTION,
            breakdown={"已应对红色预警": a["n"], "按期应对": a["on_time"]},
        ),
    ]


def monthly(unit: OrgUnit, year: int) -> dict[str, list[int]]:
    """earlywarning.raised per month of `year` (the dashboard's trend)."""
    return {
        "earlywarning.raised": monthly_counts(
            EarlyWarning.objects.filter(in_subtree(unit)), "raised_at", year
        )
    }
