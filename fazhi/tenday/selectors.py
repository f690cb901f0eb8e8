"""Reads of 法治建设旬报, scoped and flat in queries: the reports of one's scope, one report,
the county's matrix of towns × 旬 and the on-time rate of a town (or county) and year."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fazhi.core import params as core_params
from fazhi.core.deadlines import overrides_read_once
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q
from fazhi.core.summary import percent

from .models import READER_ROLES, TenDayReport
from .params import DUE_WORKDAYS
from .periods import Period, periods_between
from .services import due_for

S = TenDayReport.Status


def report_list(actor, *, status="", year=None, town=None, q=""):
    """Reports the user may see, newest period first; `q` searches their text."""
    qs = (
        TenDayReport.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit")
        .defer("figures", "body", "problems", "next_steps", "search")
        .order_by("-period_start", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(period_start__gte=date(year, 1, 1), period_start__lte=date(year, 12, 31))
    if town:
        qs = qs.filter(org_unit_id=town)
    if q:
        qs = qs.filter(search_q(TenDayReport, q))
    return qs


def report_get(actor, pk: int) -> TenDayReport:
    return get_visible_or_404(
        TenDayReport.objects.select_related("org_unit", "created_by"), actor, READER_ROLES, pk=pk
    )


# --- the matrix -----------------------------------------------------------------------------

STATE_LABELS = {
    "on_time": "按时报送",
    "late": "逾期报送",
    "returned": "已退回",
    "missing": "缺报",
    "due": "待报送",
    "future": "未到期",
}
STATE_STYLES = {
    "on_time": "success",
    "late": "warning",
    "returned": "info",
    "missing": "danger",
    "due": "secondary",
    "future": "light",
}


def state_of(report: TenDayReport | None, due: date, period: Period, today: date) -> str:
    """One cell: a returned report is 已退回 until resubmitted; a submitted one is on time
    or late by its first submission; none (or a draft) is 缺报 once past due."""
    if report is not None and report.first_submitted_on is not None:
        if report.status == S.RETURNED:
            return "returned"
        return "late" if report.is_late else "on_time"
    if not period.ended(today):
        return "future"
    return "missing" if today > due else "due"


@dataclass
class Cell:
    period: Period
    state: str
    report: TenDayReport | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def style(self) -> str:
        return STATE_STYLES[self.state]


@dataclass
class Row:
    town: OrgUnit
    cells: list[Cell] = field(default_factory=list)

    def count(self, *states) -> int:
        return sum(1 for c in self.cells if c.state in states)

    @property
    def expected(self) -> int:
        return self.count("on_time", "late", "returned", "missing")

    @property
    def on_time_rate(self) -> float | None:
        # A returned report was delivered; it counts by its first submission.
        on_time = sum(
            1 for c in self.cells if c.state in ("on_time", "returned") and not c.report.is_late
        )
        return percent(on_time, self.expected, empty=None)


def visible_towns(actor):
    return (
        OrgUnit.objects.visible_to(actor, READER_ROLES)
        .filter(kind=OrgUnit.Kind.TOWN, is_active=True)
        .order_by("code")
    )


def matrix(
    actor, first: date, last: date, today: date, towns=None
) -> tuple[list[Period], list[Row]]:
    """Towns × 旬 from `first`'s period to `last`'s (one query for the towns, one for the
    reports, one for the due parameter of every town, one for the holidays)."""
    periods = periods_between(first, last)
    towns = list(visible_towns(actor) if towns is None else towns)
    reports = {
        (r.org_unit_id, r.period_start): r
        for r in TenDayReport.objects.filter(
            org_unit__in=[t.pk for t in towns],
            period_start__gte=periods[0].start,
            period_start__lte=periods[-1].start,
        ).only(
            "id",
            "org_unit_id",
            "period_start",
            "period_end",
            "status",
            "due_on",
            "first_submitted_on",
            "is_late",
            "submitted_on",
        )  # fmt: skip
    }
    workdays = core_params.values_for(DUE_WORKDAYS, towns) if towns else {}
    rows = []
    with overrides_read_once(), core_params.values_cached():
        for town in towns:
            row = Row(town)
            for p in periods:
                report = reports.get((town.pk, p.start))
                due = report.due_on if report else due_for(town, p, workdays[town.pk])
                row.cells.append(Cell(p, state_of(report, due, p, today), report))
            rows.append(row)
    return periods, rows


def on_time(unit: OrgUnit, start: date, end: date, today: date) -> dict:
    """The 旬报 of the periods ending in start..end for `unit` (a town, or a county's towns):
    how many were submitted, on time, late, missing, and the on-time rate."""
    towns = (
        [unit]
        if unit.kind == OrgUnit.Kind.TOWN
        else list(
            OrgUnit.objects.filter(
                kind=OrgUnit.Kind.TOWN, is_active=True, code__startswith=unit.code
            ).order_by("code")
        )
    )
    periods = [p for p in periods_between(start, end) if start <= p.end <= end]
    if not towns or not periods:
        return {"submitted": 0, "on_time": 0, "late": 0, "missing": 0, "expected": 0, "rate": 0.0}
    _, rows = matrix(None, periods[0].start, periods[-1].end, today, towns=towns)
    submitted = late = missing = expected = 0
    for row in rows:
        for c in row.cells:
            if c.period.end < start or c.period.end > end:
                continue
            if c.report is not None and c.report.first_submitted_on is not None:
                submitted += 1
                late += c.report.is_late
            missing += c.state == "missing"
        expected += row.expected
    on_time_n = submitted - late
    return {
        "submitted": submitted,
        "on_time": on_time_n,
        "late": late,
        "missing": missing,
        "expected": expected,
        "rate": percent(on_time_n, expected),
    }
