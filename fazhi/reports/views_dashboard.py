"""驾驶舱: the year's key figures of the person's town (or county) with their monthly trend,
pending deadlines by module and a way to the warnings; and, for the county supervisor, the
towns side by side on the key rates (sortable table, chart, .xlsx)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from fazhi.core import clock, snapshots
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import role_required
from fazhi.core.roles import Role

from . import dashboard, selectors


def _year(request) -> int:
    """?year= within the selector's five years; anything else is this year."""
    allowed = dashboard.years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return allowed[0]
    return year if year in allowed else allowed[0]


@role_required(*selectors.FIGURE_READER_ROLES)
def dashboard_home(request):
    unit = selectors.home_unit(request.user)
    if unit is None:
        raise Http404("记录不存在或无权查看")
    year = _year(request)
    fresh = snapshots.asked_fresh(request)
    figures, trend, taken_at = dashboard.year_view(unit, year, fresh=fresh)
    context = {
        "unit": unit,
        "year": year,
        "years": dashboard.years(),
        "figures": dashboard.key_figures(unit, year, figures),
        "trend": trend,
        "trend_rows": [
            (month, [s["values"][i] for s in trend.series]) for i, month in enumerate(trend.months)
        ],
        "chart": {"months": trend.months, "series": trend.series},
        "pending": dashboard.pending_by_module(request.user, clock.today()),
        "warnings_url": dashboard.warnings_url(),
        "is_county": unit.kind == OrgUnit.Kind.COUNTY
        and request.user.has_role(Role.COUNTY_SUPERVISOR),
        "snapshot": snapshots.note(request, taken_at, unit),
    }
    return render(request, "reports/dashboard.html", context)


def _county(user) -> OrgUnit:
    unit = selectors.home_unit(user)
    if unit is None or unit.kind != OrgUnit.Kind.COUNTY:
        raise Http404("记录不存在或无权查看")
    return unit


@role_required(Role.COUNTY_SUPERVISOR)
def dashboard_county(request):
    county = _county(request.user)
    year = _year(request)
    fresh = snapshots.asked_fresh(request)
    columns, rows, taken_at = dashboard.remembered_comparison(county, year, fresh=fresh)
    headers, body = dashboard.comparison_table(columns, rows)
    chart = {
        "towns": [r.town.name for r in rows],
        "columns": [{"key": c.key, "label": c.label} for c in columns],
        "values": {c.key: [r.rates.get(c.key) for r in rows] for c in columns},
    }
    context = {
        "county": county,
        "year": year,
        "years": dashboard.years(),
        "headers": headers,
        "body": body,
        "columns": columns,
        "chart": chart,
        "snapshot": snapshots.note(request, taken_at, county),
    }
    return render(request, "reports/dashboard_county.html", context)


@role_required(Role.COUNTY_SUPERVISOR)
def dashboard_county_export(request):
    county = _county(request.user)
    year = _year(request)
    return dashboard.comparison_export(actor=request.user, county=county, year=year).response()
