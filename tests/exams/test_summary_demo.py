"""年度学法考试's demo (made through the services), the figures it yields, the annual
summary's paragraph and the workbench items."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.core.pending import collect
from fazhi.core.roles import Role
from fazhi.exams import annual, demo
from fazhi.exams.models import Attempt, Candidate, Exam, MakeUp
from fazhi.exams.summary import figures
from tests.factories import member

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)


@pytest.fixture
def demo_data(people, tree, on_day):
    """The island town's demo; the `people` fixture plus the demo's other cadres."""
    on_day(TODAY)
    for username, role in (("xuzhihua", Role.CADRE), ("zhengguodong", Role.TOWN_LEADER),
                           ("yangfan", Role.CADRE), ("liuyang", Role.CADRE), ("sunli", Role.CADRE)):  # fmt: skip
        member(tree.town_a, role, username)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 10  # ~1–2 s on an idle machine; two busy cores here
    assert len(created) == 3
    return created


def test_last_years_exam_reaches_100_percent_after_the_makeup(demo_data, people):
    exam = Exam.objects.get(title=demo.annual_title(2024))
    assert exam.year == 2024 and exam.candidate_count == 7
    c = {x.user.username: x for x in Candidate.objects.filter(exam=exam).select_related("user")}
    assert all(x.took and x.passed for x in c.values())
    assert c["sunli"].attempts_used == 1 and c["liuyang"].attempts_used == 2
    assert MakeUp.objects.filter(exam=exam).count() == 3
    failed_first = Attempt.objects.filter(exam=exam, number=1, passed=False).count()
    assert failed_first == 2
    assert AuditEvent.objects.filter(verb="exam.makeup").count() == 1
    # Idempotent.
    assert demo.load_app_demo() == []
    assert Exam.objects.count() == 2


def test_figures_and_the_annual_paragraph_state_the_demo(demo_data, tree):
    by_key = {f.key: f for f in figures(tree.town_a, date(2024, 1, 1), date(2024, 12, 31))}
    assert by_key["exams.held"].value == 1
    assert by_key["exams.took_rate"].value == 100.0 and by_key["exams.pass_rate"].value == 100.0
    assert by_key["exams.excellent_rate"].value == 71.4  # 5 of 7 at 90 or above (make-ups count)
    assert (
        by_key["exams.held"].sentence
        == "组织学法用法考试1场,应考7人,参考率100.0%,合格率100.0%,优秀率71.4%"
    )
    county = {f.key: f for f in figures(tree.county, date(2024, 1, 1), date(2024, 12, 31))}
    assert county["exams.pass_rate"].breakdown == {"海屿镇": 100.0}
    c = annual.contribute(tree.town_a, 2024)
    assert c.points[0].chapter == "publicity"
    assert c.points[0].render().endswith("全镇干部认真开展年度法律知识考试,完成率合格率均达到100%")
    assert c.points[0].facts[0].url == "/exams/?year=2024"
    assert c.problems == []
    # This year's open exam: one sat so far, so the problems say who is missing.
    now = annual.contribute(tree.town_a, 2025)
    assert "参考率" in now.points[0].render() and now.problems


def test_the_open_exam_is_on_the_cadres_workbench(demo_data, people):
    items = [i for i in collect(people.cadre, TODAY) if i.category == "学法考试"]
    assert len(items) == 1 and items[0].title == "参加学法考试:" + demo.special_title(2025)
    assert items[0].due == date(2025, 6, 26)
    officer = [i for i in collect(people.officer, TODAY) if i.category == "学法考试"]
    assert officer == []  # the make-up was arranged


def test_the_demo_plan_keeps_to_the_official_calendar():
    """On the real 2024–2025 schedules: 10 November 2024 was a Sunday, so last year's exam
    opens on Monday the 11th, closes five working days later and the make-up follows
    three working days after; a story ending in the 2025 National Day holiday (1–8
    October) steps back to 30 September."""
    p = demo.plan(date(2025, 6, 16))
    assert p["opens"] == date(2024, 11, 11)
    assert p["closes"] == date(2024, 11, 18)
    assert p["makeup"] == date(2024, 11, 21)
    assert demo.plan(date(2025, 10, 9))["current"] == date(2025, 9, 30)
    assert demo.plan_problems(date(2025, 10, 9)) == []
