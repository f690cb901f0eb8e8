"""网格走访's lists read their big tables through an index, never a full scan, on both
databases (tests/test_list_plans.py's check). The law officer sees the most key persons."""

from __future__ import annotations

import pytest
from django.db import connection

from fazhi.grids.selectors import person_list, visit_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("persons", lambda a: person_list(a), "grids_keyperson", None),
    ("persons overdue", lambda a: person_list(a, warning="overdue"), "grids_keyperson",
     "grids_person_unit_due_idx"),
    ("persons by group", lambda a: person_list(a, group="special"), "grids_keyperson", None),
    ("persons by name", lambda a: person_list(a, q="陈阿"), "grids_keyperson", None),
    ("visits", lambda a: visit_list(a), "grids_visit", None),
    ("visits with signals", lambda a: visit_list(a, signals=True), "grids_visit", None),
    ("visits by group", lambda a: visit_list(a, group="hardship"), "grids_visit", None),
]  # fmt: skip


@pytest.mark.parametrize("name,call,table,index", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, table, index, people):
    plan = _plan(call(people.officer))
    assert table in plan, plan
    assert not _full_scans(plan, table), f"{name}: full scan of {table}\n{plan}"
    if index and connection.vendor == "sqlite":
        assert index in plan, f"{name}: {index} not used\n{plan}"
