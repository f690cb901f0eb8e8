"""The annual summary's bench measurement (fazhi/reports/bench.py, called by make bench)."""

from __future__ import annotations

import pytest

from fazhi.reports import bench, dashboard

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def test_measure_times_the_busiest_town_and_the_county(fake, tree):
    rows = bench.measure(year=YEAR, runs=1, county=tree.county)
    assert [r.label.split(" ")[1] for r in rows[:2]] == ["海屿镇", "示范县"]
    assert rows[0].target_ms == 1000 and rows[0].paragraphs > 5
    assert rows[0].ok == (rows[0].ms <= 1000)
    # Then the county comparison, one row for each year the page offers, against 10 s.
    comparison = rows[2:]
    assert [r.label.split(" ")[-1] for r in comparison] == [f"{y}年" for y in dashboard.years()]
    towns = len(dashboard.towns_of(tree.county))
    assert all(r.target_ms == 10_000 and r.paragraphs == towns for r in comparison)
    table = bench.lines(rows)
    assert table[0].startswith("| 年度总结") and len(table) == 2 + len(rows)
