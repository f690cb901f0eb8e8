"""驾驶舱 and the county's comparison on the demo county: the figures shown are the
ledgers' figures (core.summary), every chart has its table and its data island, the year
selector keeps to five years, the comparison lists only the supervisor's own towns, and
the .xlsx holds the same table and is audited."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from fazhi.core.models import AuditEvent, User
from fazhi.core.summary import collect
from fazhi.reports import dashboard

pytestmark = pytest.mark.django_db


def _login(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def _figures(unit, year):
    return {f.key: f for f in collect(unit, date(year, 1, 1), date(year, 12, 31))}


def test_the_leaders_dashboard_shows_the_years_figures_trend_pending_and_warnings(
    client, demo_county
):
    response = _login(client, "leader").get("/dashboard/")
    assert response.status_code == 200
    ctx = response.context
    assert ctx["unit"] == demo_county.town and ctx["year"] == 2026
    figs = _figures(demo_county.town, 2026)
    shown = {f.key: f.value for f in ctx["figures"]}
    assert shown["disputes.received"] == figs["disputes.received"].value > 0
    assert shown["tenday.on_time_rate"] == figs["tenday.on_time_rate"].value
    # The trend runs January to this month; its months add up to the year's figure.
    trend = ctx["trend"]
    assert trend.months == [f"{m}月" for m in range(1, 12)]
    # Every series (each app's one grouped query by month) adds up to its figure of the year.
    assert {s["key"] for s in trend.series} == set(dashboard.TREND_FIGURES)
    for series in trend.series:
        assert len(series["values"]) == 11
        assert sum(series["values"]) == figs[series["key"]].value, series["key"]
        assert series["label"] == figs[series["key"]].label
    assert sum(next(s for s in trend.series if s["key"] == "disputes.received")["values"]) > 0
    html = response.content.decode()
    assert 'id="trend-data"' in html and 'data-testid="trend-table"' in html
    assert "vendor/echarts/echarts.min.js" in html and "cdn" not in html.lower()
    # Pending deadlines by module, overdue ones first; the warnings are one click away.
    pending = ctx["pending"]
    assert pending and pending[0].overdue >= pending[-1].overdue
    assert sum(r.total for r in pending) > 0
    assert 'href="/earlywarning/"' in html


def test_a_year_outside_the_selector_falls_back_to_this_year(client, demo_county):
    for bad in ("2019", "abc", "99999999999999999999"):
        response = _login(client, "officer").get(f"/dashboard/?year={bad}")
        assert response.status_code == 200 and response.context["year"] == 2026
    last = _login(client, "officer").get("/dashboard/?year=2025")
    assert last.context["year"] == 2025 and len(last.context["trend"].months) == 12


def test_the_supervisor_compares_the_towns_of_the_county_only(client, demo_county):
    response = _login(client, "supervisor").get("/dashboard/county/?year=2025")
    assert response.status_code == 200
    ctx = response.context
    towns = [row[0] for row in ctx["body"]]
    assert towns == ["海屿镇", "青山镇"]
    keys = [c.key for c in ctx["columns"]]
    # The rates first, in its order; others after.
    assert keys[:3] == ["documents.filing_rate", "reviews.on_time_rate", "tenday.on_time_rate"]
    figs = _figures(demo_county.town, 2025)
    island = ctx["chart"]
    for key in ("tenday.on_time_rate", "disputes.success_rate", "petitions.handled_on_time_rate"):
        assert island["values"][key][0] == figs[key].value
    html = response.content.decode()
    assert 'id="county-data"' in html and "data-sortable" in html
    assert html.count('data-testid="county-row"') == 2


def test_the_comparison_exports_the_same_table_and_is_audited(client, demo_county):
    page = _login(client, "supervisor").get("/dashboard/county/?year=2025").context
    before = AuditEvent.objects.filter(verb="dashboard.comparison_export").count()
    response = client.get("/dashboard/county.xlsx?year=2025")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == page["headers"]
    assert rows[1:] == page["body"]
    assert AuditEvent.objects.filter(verb="dashboard.comparison_export").count() == before + 1


def test_only_a_county_supervisor_compares_towns(client, demo_county):
    for username in ("leader", "officer"):
        assert _login(client, username).get("/dashboard/county/").status_code == 403
        assert client.get("/dashboard/county.xlsx").status_code == 403


def test_a_rate_that_counts_nothing_is_a_dash_not_a_zero(demo_county):
    columns, rows = dashboard.comparison(demo_county.county, 2025)
    headers, body = dashboard.comparison_table(columns, rows)
    second = body[1]
    assert second[0] == "青山镇" and set(second[1:]) == {"—"}


def test_the_comparison_reads_each_town_with_a_bounded_number_of_queries(
    demo_county, count_queries
):
    """Aggregates per town: the query count grows with the towns, not with the records."""
    one_year = count_queries(lambda: dashboard.comparison(demo_county.county, 2025))
    other_year = count_queries(lambda: dashboard.comparison(demo_county.county, 2026))
    towns = len(dashboard.towns_of(demo_county.county))
    assert one_year <= 120 * towns
    assert abs(one_year - other_year) <= 10 * towns


def test_the_countys_dashboard_and_comparison_are_counted_once_for_some_minutes(
    client, demo_county, monkeypatch
):
    """A county's counts take seconds at county scale: the dashboard and the comparison
    (and its .xlsx) reuse one count for SNAPSHOT_MINUTES, say when it was counted, and
    重新统计 (?fresh=1) counts again."""
    counted = []
    real_comparison, real_year_figures = dashboard.comparison, dashboard.year_figures
    monkeypatch.setattr(
        dashboard, "comparison", lambda *a: counted.append("comparison") or real_comparison(*a)
    )
    monkeypatch.setattr(
        dashboard, "year_figures", lambda *a: counted.append("year") or real_year_figures(*a)
    )
    client = _login(client, "supervisor")
    first = client.get("/dashboard/county/?year=2025")
    again = client.get("/dashboard/county/?year=2025")
    assert counted == ["comparison"]
    assert again.context["body"] == first.context["body"]
    assert 'data-testid="snapshot"' in again.content.decode()
    export = client.get("/dashboard/county.xlsx?year=2025")
    rows = [
        list(r) for r in load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True)
    ]
    assert rows[1:] == first.context["body"] and counted == ["comparison"]
    audited = AuditEvent.objects.filter(verb="dashboard.comparison_export").latest("id")
    assert "counted_at" in audited.changes
    client.get("/dashboard/county/?year=2025&fresh=1")
    assert counted == ["comparison", "comparison"]
    home = client.get("/dashboard/?year=2025")
    client.get("/dashboard/?year=2025")
    assert counted.count("year") == 1 and home.context["unit"] == demo_county.county
    assert [f.value for f in home.context["figures"]] == [
        f.value for f in client.get("/dashboard/?year=2025").context["figures"]
    ]
    # A town's dashboard is remembered too, for its own (shorter) time.
    town = _login(client, "leader").get("/dashboard/?year=2025")
    _login(client, "leader").get("/dashboard/?year=2025")
    assert counted.count("year") == 2 and "本镇数据截至" in town.content.decode()
