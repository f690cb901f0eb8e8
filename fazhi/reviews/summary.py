"""Figures of 合法性审核 for reports: reviews concluded in the period by kind, legal
opinions given by legal advisers, and the on-time rate, for a town or a county (its
subtree by code prefix)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, monthly_counts, percent, period_bounds

from .models import ReviewRequest, SubjectKind

SECTION = "依法行政"


def concluded_in(unit, start: date, end: date):
    lo, hi = period_bounds(start, end)
    return ReviewRequest.objects.filter(
        in_subtree(unit),
        status=ReviewRequest.Status.CONCLUDED,
        concluded_at__gte=lo,
        concluded_at__lt=hi,
    )


def figures(unit, start: date, end: date) -> list[Figure]:
    rows = list(
        concluded_in(unit, start, end).values_list(
            "kind", "reviewer_id", "concluded_at", "due_date"
        )
    )
    total = len(rows)
    by_kind = {k: 0 for k in SubjectKind.values}
    for kind, *_ in rows:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    breakdown = {SubjectKind(k).label: n for k, n in by_kind.items()}
    parts = [
        f"规范性文件{by_kind['normative']}件",
        f"行政协议{by_kind['agreement']}件",
        f"合同{by_kind['contract']}件",
    ]
    if by_kind["decision"]:
        parts.append(f"重大行政决策{by_kind['decision']}件")
    sentence = f"合法性审核{total}件,其中{'、'.join(parts)}" if total else "本期未办结合法性审核"

    on_time = sum(1 for r in rows if timezone.localdate(r[2]) <= r[3])
    rate = percent(on_time, total)
    return [
        Figure(
            key="reviews.concluded",
            label="合法性审核",
            value=total,
            sentence=sentence,
            section=SECTION,
            breakdown=breakdown,
        ),
        Figure(
            key="reviews.on_time_rate",
            label="合法性审核按期办结率",
            value=rate,
            unit="%",
            sentence=(
                f"合法性审核按期办结{on_time}件,按期办结率{rate:g}%"
                if total
                else "本期无已办结的合法性审核"
            ),
            section=SECTION,
            breakdown={"按期": on_time, "超期": total - on_time},
        ),
    ]


def monthly(unit, year: int) -> dict[str, list[int]]:
    """reviews.concluded per month of `year` (the dashboard's trend)."""
    concluded = ReviewRequest.objects.filter(
        in_subtree(unit), status=ReviewRequest.Status.CONCLUDED
    )
    return {"reviews.concluded": monthly_counts(concluded, "concluded_at", year)}
