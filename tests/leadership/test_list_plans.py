"""The lists of 组织领导 read their tables through an index (tests/test_list_plans.py's
check)."""

from __future__ import annotations

import pytest

from fazhi.leadership.selectors import group_list, lawreport_list, meeting_list, rule_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("meetings", lambda p: meeting_list(p.supervisor), "leadership_meeting"),
    ("meetings by kind", lambda p: meeting_list(p.supervisor, kind="law_study"), "leadership_meeting"),
    ("meetings by level", lambda p: meeting_list(p.officer, level="village"), "leadership_meeting"),
    ("meetings by status", lambda p: meeting_list(p.officer, status="held"), "leadership_meeting"),
    ("meetings search", lambda p: meeting_list(p.supervisor, q="部署"), "leadership_meeting"),
    ("lawreports", lambda p: lawreport_list(p.supervisor), "leadership_lawreport"),
    ("lawreports by year", lambda p: lawreport_list(p.supervisor, year=2025), "leadership_lawreport"),
    ("rules", lambda p: rule_list(p.supervisor), "leadership_workrule"),
    ("groups", lambda p: group_list(p.supervisor, on=__import__("datetime").date(2025, 1, 1)),
     "leadership_leadinggroup"),
]  # fmt: skip


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_leadership_lists_use_an_index(name, call, table, people):
    plan = _plan(call(people))
    assert table in plan, plan
    assert not _full_scans(plan, table), f"{name}: full scan of {table}\n{plan}"


def test_meeting_search_finds_by_title_and_agenda(people, tree):
    from tests.leadership.conftest import make_meeting

    make_meeting(people, tree, title="渔港安全专题学法", kind="law_study")
    make_meeting(people, tree, title="另一次会议")
    assert [m.title for m in meeting_list(people.officer, q="渔港")] == ["渔港安全专题学法"]
    assert meeting_list(people.officer, q="民法典").count() == 0
    assert meeting_list(people.officer, q="部署本年度").count() == 2  # in the agenda
