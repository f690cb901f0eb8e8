"""Figures for reports (architecture rule 9). Each app's `summary.py` has
`figures(unit, start, end) -> list[Figure]`: the facts it contributes for a town (or a
county: its subtree) and a period, each as a number and a ready Chinese sentence. The
annual summary, the 旬报 and the API assemble them; no figure is typed by hand."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .hooks import app_hooks
from .models import OrgUnit


@dataclass(frozen=True)
class Figure:
    key: str  # stable: "documents.reviewed"
    label: str  # "审核行政规范性文件"
    value: int | float
    unit: str = "件"
    sentence: str = ""  # "审核行政规范性文件2件,行政协议105件"
    section: str = ""  # the summary chapter it belongs to, e.g. "依法行政"
    breakdown: dict = field(default_factory=dict)  # e.g. {"行政协议": 105, "民事合同": 12}
    # A state at the period's end (villages named, registry size), not work done within it:
    # the year's summary states it, a 10-day report leaves it out (it would repeat every 旬).
    standing: bool = False


def collect(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    """Every app's figures for `unit`'s subtree, records dated start..end inclusive."""
    figures: list[Figure] = []
    for provider in app_hooks("summary", "figures"):
        figures.extend(provider(unit, start, end))
    return figures


def dump(figures: list[Figure]) -> list[dict]:
    """Figures as JSON (a county's, remembered by core.snapshots)."""
    return [asdict(f) for f in figures]


def load(payload: list[dict]) -> list[Figure]:
    return [Figure(**d) for d in payload]


def percent(part: int, whole: int, *, empty: float | None = 0.0) -> float | None:
    """The one rate convention: per cent with one decimal. `empty` when there is nothing
    to count (0.0 in a figure's sentence; None where a page shows "—")."""
    return round(100 * part / whole, 1) if whole else empty


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in local time: for filtering timestamps by
    the calendar days of a period."""
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def monthly_counts(queryset, field: str, year: int) -> list[int]:
    """How many of `queryset` fall in each month of `year` by `field` (a date, or a
    timestamp taken in local time): one grouped query, for the dashboard's monthly trend
    (an app's `summary.monthly(unit, year) -> {figure key: [12 counts]}`), instead of
    twelve calls of its `figures`."""
    from django.db.models import Count, DateTimeField
    from django.db.models.functions import TruncMonth

    start, end = date(year, 1, 1), date(year, 12, 31)
    if isinstance(queryset.model._meta.get_field(field), DateTimeField):
        lo, hi = period_bounds(start, end)
        span = {f"{field}__gte": lo, f"{field}__lt": hi}
    else:
        span = {f"{field}__range": (start, end)}
    rows = (
        queryset.filter(**span)
        .annotate(month=TruncMonth(field))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("month", "n")
    )
    counts = [0] * 12
    for month, n in rows:
        counts[month.month - 1] += n
    return counts
