"""The lists of 普法宣传 read their tables through an index (like tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.publicity.selectors import case_list, casepush_list, event_list, study_imports
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("events", lambda a: event_list(a), "publicity_event"),
    ("events of a year", lambda a: event_list(a, year=2025), "publicity_event"),
    ("events of a campaign", lambda a: event_list(a, campaign=1), "publicity_event"),
    ("events of a format", lambda a: event_list(a, format=1), "publicity_event"),
    ("events of a unit", lambda a: event_list(a, unit=1), "publicity_event"),
    ("case pushes", lambda a: casepush_list(a), "publicity_casepush"),
    ("cases", lambda a: case_list(a), "publicity_case"),
    ("study imports", lambda a: study_imports(a), "publicity_studyimport"),
]


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, table, people):
    plan = _plan(call(people.supervisor))
    assert table in plan, plan
    assert not _full_scans(plan, table), plan
