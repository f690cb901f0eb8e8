"""法律顾问's demo data (made through the services, idempotent) and what it shows."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.advisers import deadlines, demo, selectors
from fazhi.advisers.models import Adviser, Assessment, WorkEntry
from fazhi.advisers.summary import figures
from fazhi.core.models import AuditEvent
from fazhi.core.roles import Role
from tests.factories import member

pytestmark = pytest.mark.django_db
TODAY = date(2026, 2, 10)


@pytest.fixture
def demo_data(people, tree, on_day):
    """The `people` fixture has the demo's usernames (officer, leader, adviser)."""
    on_day(TODAY)
    member(tree.town_b, Role.LAW_OFFICER, "wuting")
    return demo.load_app_demo()


def test_demo_is_made_through_the_services_and_is_idempotent(demo_data, people, tree):
    assert len(demo_data) == 3
    zheng = Adviser.objects.get(name="郑立言")
    assert zheng.user == people.adviser and zheng.practice_years(TODAY) >= 12
    assert AuditEvent.objects.filter(verb="adviser.create").count() == 3
    # Last year's whole work record, and this year's up to today (one in January).
    entries = WorkEntry.objects.filter(org_unit=tree.town_a)
    assert entries.filter(date__year=2025).count() == len(demo.ZHENG_WORK) + len(demo.LIN_WORK)
    assert entries.filter(date__year=2026).count() == 1
    assert Assessment.objects.filter(year=2025).count() == 2
    assert demo.load_app_demo() == []
    assert Adviser.objects.count() == 3


def test_demo_shows_the_renewal_reminder(demo_data, people):
    items = deadlines.pending_items(people.officer, TODAY)
    assert len(items) == 1 and "郑立言" in items[0].title
    assert (items[0].due - TODAY).days >= 45


def test_demo_work_record_and_figures(demo_data, people, tree):
    advisers = selectors.attach_work_records(selectors.adviser_list(people.officer), 2025)
    zheng = next(a for a in advisers if a.name == "郑立言")
    assert zheng.record.count("consultation") >= 1
    got = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    assert got["advisers.appointed"].value == 2
    assert got["advisers.assessments"].sentence == "完成法律顾问年度考核2人次,其中优秀1名、合格1名"
    county = {f.key: f.value for f in figures(tree.county, date(2026, 1, 1), date(2026, 12, 31))}
    assert county["advisers.appointed"] == 3
