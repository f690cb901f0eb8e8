"""The 旬报 list reads its table through an index (see tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.tenday.selectors import report_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
TABLE = "tenday_tendayreport"


@pytest.mark.parametrize(
    "name,call",
    [
        ("reports", lambda a: report_list(a)),
        ("reports by status", lambda a: report_list(a, status="submitted")),
        ("reports by year", lambda a: report_list(a, year=2025)),
        ("reports searched", lambda a: report_list(a, q="渔港")),
    ],
)
def test_the_list_reads_its_table_through_an_index(name, call, people):
    plan = _plan(call(people.supervisor))
    assert TABLE in plan, plan
    assert not _full_scans(plan, TABLE), f"{name}: full scan of {TABLE}\n{plan}"
