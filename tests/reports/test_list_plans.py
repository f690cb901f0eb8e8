"""The annual summaries' list reads its table through an index (see tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.reports.selectors import annual_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
TABLE = "reports_annualreport"


@pytest.mark.parametrize("who", ["supervisor", "officer"])
def test_the_list_reads_its_table_through_an_index(who, people):
    plan = _plan(annual_list(getattr(people, who)))
    assert TABLE in plan, plan
    assert not _full_scans(plan, TABLE), f"full scan of {TABLE}\n{plan}"
