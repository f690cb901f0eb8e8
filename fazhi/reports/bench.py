"""The annual summary's build time at county scale (issue 12: a town-year report in ≤ 1 s),
for `make bench` (scripts/bench.py calls `measure()` in process, after `fazhi scale-data`).

A town-year is composed from every app's contribution (compose.compose) and written as
.docx (core.officedoc); both are timed, warm (the first build imports every annual.py
and python-docx), as the median of `runs`. The town is the one with the most audit
events (the busiest, not an empty one; ties: the first by code); the county (all its
towns) is shown beside it for reference. Then the county comparison (dashboard.comparison:
every town's rates side by side) for each of the five years the page offers, once each,
against issue 12's 10 s."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.officedoc import build

from . import compose

TOWN_TARGET_MS = 1000.0  # issue 12 Acceptance: a town-year report in ≤ 1 s at county scale
COMPARISON_TARGET_MS = 10_000.0  # issue 12: towns side by side, five years at most, ≤ 10 s


@dataclass(frozen=True)
class Row:
    label: str
    ms: float
    target_ms: float | None
    paragraphs: int

    @property
    def ok(self) -> bool:
        return self.target_ms is None or self.ms <= self.target_ms


def _timed(fn, runs: int) -> float:
    fn()  # warm: imports, URL resolver, python-docx
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _busiest_town(county: OrgUnit) -> OrgUnit:
    from django.db.models import Count

    from fazhi.core.models import AuditEvent

    towns = OrgUnit.objects.filter(parent=county, kind=OrgUnit.Kind.TOWN)
    counts = dict(
        AuditEvent.objects.filter(org_unit__in=towns)
        .values_list("org_unit")
        .annotate(n=Count("id"))
        .values_list("org_unit", "n")
    )
    return max(towns.order_by("code"), key=lambda t: counts.get(t.pk, 0))


def _build(unit, year) -> int:
    document = compose.compose(unit, year)
    build(document.blocks(clock.today()))
    return sum(1 for _ in document.paragraphs())


def measure(year: int | None = None, runs: int = 3, county: OrgUnit | None = None) -> list[Row]:
    year = year or clock.today().year - 1  # the last full year: the summary due in March
    county = county or OrgUnit.objects.filter(kind=OrgUnit.Kind.COUNTY).order_by("code").first()
    rows = []
    for label, unit, target in (
        ("年度总结:一个乡镇一年(生成+.docx)", _busiest_town(county), TOWN_TARGET_MS),
        ("年度总结:全县一年(生成+.docx)", county, None),
    ):
        ms = _timed(lambda unit=unit: _build(unit, year), runs)
        paragraphs = _build(unit, year)
        rows.append(Row(f"{label} {unit.name} {year}年", ms, target, paragraphs))
    from . import dashboard

    for y in dashboard.years():
        started = time.perf_counter()
        _, towns = dashboard.comparison(county, y)
        ms = (time.perf_counter() - started) * 1000
        rows.append(
            Row(f"县级比较:各乡镇并列 {county.name} {y}年", ms, COMPARISON_TARGET_MS, len(towns))
        )
    return rows


def lines(rows: list[Row]) -> list[str]:
    """Markdown table lines for docs/benchmarks.md."""
    out = [
        "| 年度总结、县级比较 | 段落 / 乡镇 | 中位耗时 (ms) | 目标 (ms) | 达标 |",
        "|---|---:|---:|---:|:-:|",
    ]
    for r in rows:
        target = f"{r.target_ms:.0f}" if r.target_ms else "—"
        out.append(
            f"| {r.label} | {r.paragraphs} | {r.ms:.0f} | {target} | {'✓' if r.ok else '✗'} |"
        )
    return out
