"""普法宣传's demo data (made through the services), the report figures and the annual
summary's chapter it yields."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.core.models import Attachment, OrgUnit
from fazhi.core.roles import Role
from fazhi.publicity import annual, deadlines, demo
from fazhi.publicity.models import CasePush, Event, StudyHours
from fazhi.publicity.summary import figures
from tests.factories import member

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)


@pytest.fixture
def demo_data(people, tree, on_day):
    """The island town's demo; the demo's other cadres and villages are added here."""
    on_day(TODAY)
    for code, name in (("339901101202", "西岙村"), ("339901101203", "南岙村")):
        OrgUnit.objects.create(kind="village", code=code, name=name, parent=tree.town_a)
    for username, role, unit in (
        ("liuyang", Role.CADRE, tree.town_a), ("sunli", Role.CADRE, tree.town_a),
        ("yangfan", Role.CADRE, tree.town_a), ("xuzhihua", Role.CADRE, tree.town_a),
        ("lihaiyan", Role.VILLAGE_CADRE, tree.village_a2),
        ("huangzhiming", Role.VILLAGE_CADRE, OrgUnit.objects.get(code="339901101202")),
        ("wuhaibo", Role.VILLAGE_CADRE, OrgUnit.objects.get(code="339901101203")),
    ):  # fmt: skip
        member(unit, role, username)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 5
    return created


def test_the_demo_holds_a_year_of_events_study_and_pushes(demo_data, people, tree):
    assert demo_data == ["普法宣传:活动13场、线上学法导入1批、以案释法推送3次"]
    last = Event.objects.filter(held_on__year=2024)
    assert last.count() == 8 and Event.objects.filter(held_on__year=2025).count() == 5
    assert set(last.values_list("campaign__name", flat=True)) >= {
        "全民国家安全教育日",
        "民法典宣传月",
        "国家宪法日",
    }
    assert last.filter(org_unit=tree.village_a1).exists()
    assert Attachment.objects.count() == 7
    assert StudyHours.objects.count() == 7
    latest = CasePush.objects.order_by("-pushed_on").first()
    assert (latest.recipient_count, latest.read_count) == (7, 2)
    assert any("阅读推送案例" in i.title for i in deadlines.pending_items(people.cadre, TODAY))
    assert demo.load_app_demo() == []


def test_figures_state_what_the_demo_holds(demo_data, tree):
    f = {x.key: x for x in figures(tree.town_a, date(2024, 1, 1), date(2024, 12, 31))}
    assert f["publicity.events"].value == 8
    assert f["publicity.audience"].value == 160 + 85 + 120 + 210 + 330 + 260 + 95 + 180
    assert "开展普法活动8场,受众1440人次" in f["publicity.events"].sentence
    assert f["publicity.study_hours"].value == 257.5
    assert (
        f["publicity.study_hours"].sentence == "利用线上学习平台组织7名干部线上学法,累计257.5学时"
    )
    assert f["publicity.case_pushes"].value == 2
    assert f["publicity.reading_rate"].value == 85.7  # 12 of 14
    assert f["publicity.targets"].breakdown["进渔船"] == 2


def test_the_annual_chapter_states_the_demo(demo_data, tree):
    c = annual.contribute(tree.town_a, 2024)
    texts = {p.key: p.render() for p in c.points}
    assert texts["publicity.events"].startswith("紧扣“全民国家安全教育日”、“民法典宣传月”")
    assert "普法活动8场,受众1440人次" in texts["publicity.events"]
    assert (
        texts["publicity.study"]
        == "利用学习强国等线上学习平台组织7名干部开展线上学法,累计257.5学时"
    )
    assert "推送经典案例2次" in texts["publicity.cases"] and "85.7%" in texts["publicity.cases"]
    assert {p.key for p in c.problems} >= {"publicity.reading_low"}
    assert all(p.chapter == "publicity" for p in c.points)
    assert c.points[0].facts[0].url.startswith("/publicity/?")
