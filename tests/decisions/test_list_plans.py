"""The decision lists read their table through an index on both databases (tests/
test_list_plans.py's check): every filter of the list page, the workbench's deadlines
and the catalogue list."""

from __future__ import annotations

import pytest

from fazhi.decisions.models import Decision
from fazhi.decisions.selectors import catalogue_list, decision_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
TABLE = "decisions_decision"

LISTS = [
    ("decisions", lambda p, t: decision_list(p.supervisor), TABLE),
    ("by status", lambda p, t: decision_list(p.supervisor, status="discussion"), TABLE),
    ("by year", lambda p, t: decision_list(p.supervisor, year=2025), TABLE),
    ("with deadlines", lambda p, t: decision_list(p.officer, due=True), TABLE),
    ("search", lambda p, t: decision_list(p.supervisor, q="渔港"), TABLE),
    ("workbench", lambda p, t: Decision.objects.visible_to(p.officer, {"law_officer"})
        .filter(next_due__isnull=False).order_by("next_due", "id"), TABLE),
    ("catalogues", lambda p, t: catalogue_list(p.supervisor), "decisions_catalogue"),
]  # fmt: skip


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_decision_lists_use_an_index(name, call, table, people, tree):
    plan = _plan(call(people, tree))
    assert table in plan, plan
    assert not _full_scans(plan, table), f"{name}: full scan of {table}\n{plan}"
