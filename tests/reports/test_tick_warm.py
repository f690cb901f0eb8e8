"""`fazhi tick` counts each county's comparison, dashboard and figures once a day ahead of
the supervisors, so the day's first view of a county page reads a stored answer."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.core.models import Snapshot
from fazhi.reports import dashboard

pytestmark = pytest.mark.django_db


def _tick() -> str:
    out = StringIO()
    call_command("tick", stdout=out)
    return out.getvalue()


def test_tick_counts_the_countys_pages_ahead_once_a_day(people, tree, login, monkeypatch):
    years = dashboard.years()
    first = _tick()
    # Two counties (示范县, 邻县), each: comparison, dashboard and figures for five years.
    assert f"示范县:预先统计县级汇总{3 * len(years)}项" in first
    assert f"邻县:预先统计县级汇总{3 * len(years)}项" in first
    keys = set(Snapshot.objects.values_list("key", flat=True))
    for year in years:
        for kind in ("comparison", "dashboard", "figures"):
            assert any(k.startswith(f"{kind}:{tree.county.pk}:{year}:") for k in keys), kind

    counted = []
    real = dashboard.comparison
    monkeypatch.setattr(dashboard, "comparison", lambda *a: counted.append(a) or real(*a))
    page = login(people.supervisor).get(f"/dashboard/county/?year={years[-1]}")
    assert page.status_code == 200 and counted == []  # the page read tick's answer
    assert "预先统计" not in _tick()  # a second run the same day counts nothing
    assert counted == []
