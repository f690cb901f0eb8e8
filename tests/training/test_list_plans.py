"""Every 案例实景式教学 list reads its big table through an index (tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.training.selectors import case_list, my_sessions, session_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("cases", lambda a: case_list(a), "training_case"),
    ("cases by type", lambda a: case_list(a, case_type="信访纠纷"), "training_case"),
    ("sessions", lambda a: session_list(a), "training_session"),
    ("sessions by status", lambda a: session_list(a, status="held"), "training_session"),
    ("sessions awaiting evaluation", lambda a: session_list(a, warning="evaluation_overdue"),
     "training_session"),
    ("sessions unmarked", lambda a: session_list(a, warning="hold_overdue"), "training_session"),
]  # fmt: skip


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, table, people):
    plan = _plan(call(people.supervisor))
    assert table in plan, plan
    assert not _full_scans(plan, table), f"{name}: full scan of {table}\n{plan}"


def test_my_sessions_read_through_the_persons_index(people):
    plan = _plan(my_sessions(people.cadre))
    assert not _full_scans(plan, "training_participant"), plan
