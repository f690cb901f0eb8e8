"""Figures of 规范性文件 for reports, for a town (or a county: its subtree) and a period:
documents reviewed for legality (the seed's "审核行政规范性文件2件"), documents published,
filings and their rates, corrections ordered and done, documents in force, cleaned up."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType

from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent, period_bounds

from .models import CleanupBatch, CleanupItem, Document, Filing, filing_counts

SECTION = "依法行政"
S = Document.Status


def reviewed_count(unit, start: date, end: date) -> int:
    """Documents of the subtree whose legality review was concluded in the period."""
    from fazhi.reviews.models import ReviewRequest

    lo, hi = period_bounds(start, end)
    return (
        ReviewRequest.objects.filter(
            in_subtree(unit),
            content_type=ContentType.objects.get_for_model(Document),
            status=ReviewRequest.Status.CONCLUDED,
            concluded_at__gte=lo,
            concluded_at__lt=hi,
        )
        .values("object_id")
        .distinct()
        .count()
    )


def figures(unit, start: date, end: date) -> list[Figure]:
    docs = Document.objects.filter(in_subtree(unit))
    reviewed = reviewed_count(unit, start, end)
    published = docs.filter(published_on__range=(start, end)).count()
    in_force = docs.filter(status=S.IN_FORCE).count()
    counts = Filing.objects.filter(
        in_subtree(unit), document__published_on__range=(start, end)
    ).aggregate(**filing_counts())
    filed, on_time, decided = counts["filed"], counts["on_time"], counts["reviewed"]
    conforming, returned = counts["conforming"], counts["returned"]
    ordered, done = counts["corrections_ordered"], counts["corrections_done"]
    cleaned = CleanupItem.objects.filter(
        in_subtree(unit, "batch__org_unit"),
        batch__status=CleanupBatch.Status.PUBLISHED,
        batch__published_on__range=(start, end),
    )
    outcomes = {label: 0 for value, label in CleanupItem.Outcome.choices if value}
    for value in cleaned.values_list("outcome", flat=True):
        outcomes[CleanupItem.Outcome(value).label] += 1
    n_cleaned = sum(outcomes.values())
    filing_rate, on_time_rate = percent(filed, published), percent(on_time, filed)
    conformity = percent(conforming, decided)
    return [
        Figure(
            key="documents.reviewed",
            label="审核行政规范性文件",
            value=reviewed,
            sentence=f"审核行政规范性文件{reviewed}件",
            section=SECTION,
        ),
        Figure(
            key="documents.published",
            label="公布行政规范性文件",
            value=published,
            sentence=f"制发并公布行政规范性文件{published}件,均经合法性审核和集体审议,统一登记、统一编号、统一印发"
            if published
            else "本期未制发行政规范性文件",
            section=SECTION,
        ),
        Figure(
            key="documents.filed",
            label="报送备案",
            value=filed,
            sentence=f"报送县级备案{filed}件,报备率{filing_rate}%,按时报送率{on_time_rate}%"
            if published
            else "本期无须报送备案的文件",
            section=SECTION,
            breakdown={
                "应报备": published,
                "已报备": filed,
                "按时报送": on_time,
                "报备率": filing_rate,
                "按时报送率": on_time_rate,
            },
        ),  # fmt: skip
        Figure(
            key="documents.filing_conformity",
            label="备案审查合规率",
            value=conformity,
            unit="%",
            sentence=f"经县级备案审查{decided}件,准予备案且无须补正、纠错{conforming}件,合规率{conformity}%"
            if decided
            else "本期报备文件尚未经县级审查",
            section=SECTION,
            breakdown={"已审查": decided, "合规": conforming, "退回补正": returned},
        ),
        Figure(
            key="documents.corrections",
            label="备案纠错",
            value=ordered,
            sentence=f"被责令纠错{ordered}件,已纠正{done}件" if ordered else "未发生备案纠错",
            section=SECTION,
            breakdown={"责令纠错": ordered, "已纠正": done},
        ),
        Figure(
            key="documents.in_force",
            label="现行有效行政规范性文件",
            value=in_force,
            sentence=f"现行有效行政规范性文件{in_force}件",
            section=SECTION,
        ),
        Figure(
            key="documents.cleaned",
            label="清理行政规范性文件",
            value=n_cleaned,
            sentence=(
                f"清理行政规范性文件{n_cleaned}件,其中"
                + "、".join(f"{k}{v}件" for k, v in outcomes.items() if v)
            )
            if n_cleaned
            else "本期未开展规范性文件清理",
            section=SECTION,
            breakdown=outcomes,
        ),
    ]
