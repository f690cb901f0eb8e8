"""The lists of 工作任务 read their tables through an index (like tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.tasks.selectors import plan_list, task_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("tasks", lambda a: task_list(a), "tasks_task"),
    ("tasks overdue", lambda a: task_list(a, warning="overdue"), "tasks_task"),
    ("tasks due soon", lambda a: task_list(a, warning="due_soon"), "tasks_task"),
    ("tasks done", lambda a: task_list(a, status="done"), "tasks_task"),
    ("plans", lambda a: plan_list(a), "tasks_plan"),
]


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, table, people):
    plan = _plan(call(people.supervisor))
    assert not _full_scans(plan, table), plan
