"""Reads for the 驾驶舱 (the town leaders' dashboard) and the county's comparison of its
towns. Everything comes through the registries — every app's figures (core.summary) and
pending items (core.pending) — so a module that lands later (the exam's pass rate, the
民主法治村 creation rate) appears here without touching this file: a rate is any figure
whose unit is "%", and the comparison takes every rate by its key.

Costs: the comparison is one `collect` per town (each app's figures are aggregate
queries over the town's subtree, never a loop over records); the monthly trend asks only
the apps whose figures it draws. A county's dashboard and comparison count a county's
records (seconds at county scale), so they are remembered for a few minutes
(core.snapshots) and the page says when they were counted."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from django.urls import NoReverseMatch
from django.utils import timezone

from fazhi.core import clock, snapshots, summary, xlsx
from fazhi.core.deadlines import overrides_read_once
from fazhi.core.hooks import app_hooks
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.pending import PendingItem
from fazhi.core.pending import collect as collect_pending
from fazhi.core.summary import Figure, collect

YEARS = 5  # the year selector reaches back five years, this one included

# The dashboard's key figures, in the seed's order of chapters (those that exist).
KEY_FIGURES = (
    "leadership.study",
    "tenday.on_time_rate",
    "tasks.due",
    "tasks.overdue",
    "documents.reviewed",
    "contracts.agreements_reviewed",
    "reviews.on_time_rate",
    "inspections.open",
    "disputes.received",
    "disputes.success_rate",
    "petitions.accepted",
    "petitions.handled_on_time_rate",
    "grids.visits",
    "earlywarning.raised",
)

# The monthly trend: counts of things that happen through the year. (Not the grids'
# visits: their provider also works out every grid's on-time rate, twelve times over.)
TREND_FIGURES = (
    "disputes.received",
    "petitions.received",
    "reviews.concluded",
    "earlywarning.raised",
)

# The comparison's columns first in this order (the list), then any other rate.
RATE_ORDER = (
    "documents.filing_rate",
    "reviews.on_time_rate",
    "tenday.on_time_rate",
    "exams.pass_rate",
    "lawunits.rate_city",  # the seed's "全镇市级民主法治村创建率100%"
    "disputes.success_rate",
    "petitions.accept_on_time_rate",
    "petitions.handled_on_time_rate",
)


def years(today: date | None = None) -> list[int]:
    this = (today or clock.today()).year
    return list(range(this, this - YEARS, -1))


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def year_figures(unit: OrgUnit, year: int, keys=KEY_FIGURES + TREND_FIGURES) -> dict:
    """The year's figures of the apps `keys` name, by key: each app asked once, so the
    dashboard's key figures and its trend's labels share one count."""
    span = _year_span(year)
    return {f.key: f for p in _providers(keys) for f in p(unit, *span)}


def key_figures(unit: OrgUnit, year: int, figures: dict | None = None) -> list[Figure]:
    """The year's key figures of `unit` that exist, in KEY_FIGURES order (from `figures`,
    `year_figures`' answer, when the caller has it)."""
    by_key = figures if figures is not None else year_figures(unit, year, KEY_FIGURES)
    return [by_key[k] for k in KEY_FIGURES if k in by_key]


def _providers(keys) -> list:
    """The summary providers of the apps whose figures `keys` name."""
    apps = {k.split(".")[0] for k in keys}
    return [p for p in app_hooks("summary", "figures") if p.__module__.split(".")[1] in apps]


@dataclass
class Trend:
    months: list[str] = field(default_factory=list)  # "1月" …
    series: list[dict] = field(default_factory=list)  # {"key", "label", "unit", "values"}


def monthly_trend(
    unit: OrgUnit, year: int, today: date | None = None, figures: dict | None = None
) -> Trend:
    """Per month of `year` up to today's month, the TREND_FIGURES counts: from an app's
    `summary.monthly(unit, year)` (one grouped query) where it has one, else from its
    `figures` month by month. Labels and units are the year's figures' (`figures`, as
    `year_figures` answers, when the caller has them)."""
    today = today or clock.today()
    last = 12 if year < today.year else (today.month if year == today.year else 0)
    trend = Trend(months=[f"{m}月" for m in range(1, last + 1)])
    if not last:
        return trend
    values: dict[str, list] = {}
    if figures is None:
        figures = year_figures(unit, year, TREND_FIGURES)
    labels = {k: (figures[k].label, figures[k].unit) for k in TREND_FIGURES if k in figures}
    monthly_of = {m.__module__: m for m in app_hooks("summary", "monthly")}
    for provider in _providers(TREND_FIGURES):
        monthly = monthly_of.get(provider.__module__)
        if monthly is not None:
            for key, counts in monthly(unit, year).items():
                values[key] = counts[:last]
            continue
        for month in range(1, last + 1):
            start = date(year, month, 1)
            end = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
            for f in provider(unit, start, end):
                if f.key in TREND_FIGURES:
                    values.setdefault(f.key, []).append(f.value)
    for key in TREND_FIGURES:
        if key in values and key in labels:
            label, unit_word = labels[key]
            trend.series.append(
                {"key": key, "label": label, "unit": unit_word, "values": values[key]}
            )
    return trend


def year_view(unit: OrgUnit, year: int, *, fresh: bool = False, warm: bool = False):
    """(the year's figures by key, their monthly trend, when counted): remembered for a
    while (core.snapshots), or counted now (when: None) where the unit's reuse time is 0."""

    def count():
        figures = year_figures(unit, year)
        return figures, monthly_trend(unit, year, figures=figures)

    if not snapshots.applies(unit):
        return (*count(), None)
    (figures, trend), taken_at = snapshots.remembered(
        f"dashboard:{unit.pk}:{year}",
        count,
        dump=lambda v: {"figures": summary.dump(list(v[0].values())), "trend": asdict(v[1])},
        load=lambda p: ({f.key: f for f in summary.load(p["figures"])}, Trend(**p["trend"])),
        fresh=fresh,
        warm=warm,
        unit=unit,
    )
    return figures, trend, taken_at


@dataclass
class PendingRow:
    category: str
    total: int = 0
    overdue: int = 0
    nearest: date | None = None
    list_url: str = ""
    # A read of this kind stopped at core.pending.LIMIT: `total` is a floor ("以上"), and so
    # is `overdue` once any of the capped items is overdue (more may lie past the cap).
    capped: bool = False
    overdue_capped: bool = False


def pending_by_module(user, today: date | None = None) -> list[PendingRow]:
    """The person's pending deadlines (core.pending) counted by kind, most overdue first."""
    today = today or clock.today()
    rows: dict[str, PendingRow] = {}
    item: PendingItem
    with overrides_read_once():  # one read of the holiday overrides for every provider
        items = collect_pending(user, today)
    for item in items:
        row = rows.setdefault(item.category, PendingRow(item.category))
        row.total += 1
        row.overdue += item.overdue(today)
        if item.due and (row.nearest is None or item.due < row.nearest):
            row.nearest = item.due
        row.list_url = row.list_url or item.list_url or item.url
        row.capped = row.capped or item.capped
        row.overdue_capped = row.overdue_capped or (item.capped and item.overdue(today))
    return sorted(rows.values(), key=lambda r: (-r.overdue, r.nearest or date.max, r.category))


def warnings_url() -> str:
    """The early-warning list (the earlywarning app, reached by its URL name only)."""
    try:
        return reverse("earlywarning:warning_list")
    except NoReverseMatch:
        return ""


# --- the county's comparison -----------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class TownRow:
    town: OrgUnit
    rates: dict[str, float | None] = field(default_factory=dict)


def _rates(figures: list[Figure]) -> dict[str, tuple[str, float | None]]:
    """Every rate among `figures` by key: each figure whose unit is %, plus the 规范性文件
    filing rate (kept in documents.filed's breakdown). A rate of nothing counted is None."""
    out: dict[str, tuple[str, float | None]] = {}
    for f in figures:
        if f.unit == "%":
            counts = [v for v in f.breakdown.values() if isinstance(v, int | float)]
            counted = f.sentence and (not counts or any(counts))
            out[f.key] = (f.label, f.value if counted else None)
        elif f.key == "documents.filed" and "报备率" in f.breakdown:
            rate = f.breakdown["报备率"] if f.breakdown.get("应报备") else None
            out["documents.filing_rate"] = ("规范性文件报备率", rate)
    return out


def towns_of(county: OrgUnit) -> list[OrgUnit]:
    return list(
        OrgUnit.objects.filter(
            code__startswith=county.code, kind=OrgUnit.Kind.TOWN, is_active=True
        ).order_by("code")
    )


def remembered_comparison(
    county: OrgUnit, year: int, *, fresh: bool = False, warm: bool = False
) -> tuple[list[Column], list[TownRow], datetime]:
    """`comparison` as counted within the last few minutes (core.snapshots), and when."""
    towns = {t.pk: t for t in towns_of(county)}

    def dump(answer):
        columns, rows = answer
        return {
            "columns": [[c.key, c.label] for c in columns],
            "rows": [[r.town.pk, r.rates] for r in rows],
        }

    def load(payload):
        columns = [Column(*c) for c in payload["columns"]]
        rows = [TownRow(towns[pk], rates) for pk, rates in payload["rows"] if pk in towns]
        return columns, rows

    (columns, rows), taken_at = snapshots.remembered(
        f"comparison:{county.pk}:{year}",
        lambda: comparison(county, year),
        dump=dump,
        load=load,
        fresh=fresh,
        warm=warm,
        unit=county,
    )
    return columns, rows, taken_at


def comparison(county: OrgUnit, year: int) -> tuple[list[Column], list[TownRow]]:
    """The county's towns side by side on every rate of `year` (columns in RATE_ORDER,
    then any other rate by key): one `collect` per town."""
    labels: dict[str, str] = {}
    rows = []
    for town in towns_of(county):
        rates = _rates(collect(town, *_year_span(year)))
        row = TownRow(town)
        for key, (label, value) in rates.items():
            labels.setdefault(key, label)
            row.rates[key] = value
        rows.append(row)
    keys = [k for k in RATE_ORDER if k in labels]
    keys += sorted(k for k in labels if k not in RATE_ORDER)
    # A column no town has anything to count in says nothing: leave it out.
    keys = [k for k in keys if any(r.rates.get(k) is not None for r in rows)]
    return [Column(k, labels[k]) for k in keys], rows


def comparison_table(columns: list[Column], rows: list[TownRow]) -> tuple[list[str], list[list]]:
    """Headers and rows as the page's table and the .xlsx show them ("—": nothing to count)."""
    headers = ["乡镇", *(f"{c.label}(%)" for c in columns)]
    body = [
        [r.town.name, *(("—" if r.rates.get(c.key) is None else r.rates[c.key]) for c in columns)]
        for r in rows
    ]
    return headers, body


def comparison_export(*, actor, county: OrgUnit, year: int) -> xlsx.Ledger:
    """The comparison as .xlsx (the table beside the chart, from the same count), recorded
    in the audit trail with when it was counted."""
    columns, rows, taken_at = remembered_comparison(county, year)
    headers, body = comparison_table(columns, rows)
    return xlsx.export_ledger(
        actor=actor,
        verb="dashboard.comparison_export",
        name=f"{county.name}{year}年乡镇法治建设指标对比",
        sheets=[(f"{year}年乡镇对比", headers, body)],
        counts={"towns": len(body)},
        filters={"year": year, "counted_at": timezone.localtime(taken_at).isoformat()},
        model=OrgUnit,
        summary=f"{county.name}{year}年乡镇对比",
    )
