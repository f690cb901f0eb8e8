"""The annual summary's bench measurement (fazhi/reports/bench.py, called by make bench)."""

from __future__ import annotations

import pytest

from fazhi.reports import bench

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def test_measure_times_the_busiest_town_and_the_county(fake, tree):
    rows = bench.measure(year=YEAR, runs=1, county=tree.county)
    assert [r.label.split(" ")[1] for r in rows] == ["海屿镇", "示范县"]
    assert rows[0].target_ms == 1000 and rows[0].paragraphs > 5
    assert rows[0].ok == (rows[0].ms <= 1000)
    table = bench.lines(rows)
    assert table[0].startswith("| 年度总结") and len(table) == 4
