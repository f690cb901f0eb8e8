"""The petition lists read their table through an index, never a full scan (as
tests/test_list_plans.py checks for every list), for the county supervisor."""

from __future__ import annotations

import pytest
from django.db import connection

from fazhi.petitions.selectors import petition_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
TABLE = "petitions_petition"
LISTS = [
    ("petitions", lambda a: petition_list(a), None),
    ("open", lambda a: petition_list(a, state="open"), None),
    ("overdue", lambda a: petition_list(a, warning="overdue"), "petition_next_due_idx"),
    ("due soon", lambda a: petition_list(a, warning="due_soon"), "petition_next_due_idx"),
    ("by status", lambda a: petition_list(a, status="accepted"), None),
    ("by category", lambda a: petition_list(a, category="land"), None),
    ("town and age", lambda a: petition_list(a, town=1, age="31-60"), None),
    ("search", lambda a: petition_list(a, q="征地"), None),
]


@pytest.mark.parametrize("name,call,index", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, index, people):
    plan = _plan(call(people.supervisor))
    assert TABLE in plan, plan
    assert not _full_scans(plan, TABLE), f"{name}: full scan of {TABLE}\n{plan}"
    if index and connection.vendor == "sqlite":
        assert index in plan, f"{name}: {index} not used\n{plan}"
