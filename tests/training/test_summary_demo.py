"""案例实景式教学's demo (made through the services) and the report figures it yields."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.core.pending import collect
from fazhi.training import demo
from fazhi.training.models import Case, Participant, Session
from fazhi.training.summary import figures

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)
LAST_YEAR = (date(2024, 1, 1), date(2024, 12, 31))


@pytest.fixture
def demo_data(people, tree, on_day):
    """The demo of the island town; the `people` fixture has some of the demo's usernames
    (officer, vcadre, gridder, cadre), so rosters hold those of them."""
    on_day(TODAY)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 5
    return created


def test_demo_is_made_through_the_services_and_is_idempotent(demo_data, people, tree):
    assert Case.objects.filter(org_unit=tree.town_a).count() == 6
    assert set(Case.objects.values_list("case_type", flat=True)) == set(
        demo.CASES[i][1] for i in range(6)
    )
    past = Session.objects.filter(held_on__year=2024).order_by("held_on")
    assert [s.case.case_type for s in past] == ["信访纠纷", "遗留拆迁", "舆情处置", "土地承包纠纷"]
    assert {s.status for s in past} == {"evaluated"} and all(s.lessons for s in past)
    assert not Participant.objects.filter(session__in=past, rating="").exists()
    now = Session.objects.filter(held_on__year=2025).order_by("held_on")
    assert [s.status for s in now] == ["held", "planned"]
    assert now[1].held_on > TODAY
    assert demo.load_app_demo() == []
    assert Session.objects.count() == 6
    # The law officer has an evaluation to do; the grid worker a session to attend.
    officer = [i for i in collect(people.officer, TODAY) if i.category == "案例实景教学"]
    assert len(officer) == 1 and "评价参训人员" in officer[0].title
    gridder = [i for i in collect(people.grid_worker, TODAY) if i.category == "案例实景教学"]
    assert len(gridder) == 1 and gridder[0].due == now[1].held_on


def test_figures_of_the_demo_town(demo_data, tree):
    by_key = {f.key: f for f in figures(tree.town_a, *LAST_YEAR)}
    sessions = by_key["training.sessions"]
    assert sessions.value == 4
    times = Participant.objects.filter(session__held_on__year=2024).count()
    assert sessions.sentence == (
        f"围绕“信访纠纷”、“遗留拆迁”等案例开展案例实景式教学仿真训练4场,参训{times}人次"
    )
    assert sessions.breakdown == {"信访纠纷": 1, "遗留拆迁": 1, "舆情处置": 1, "土地承包纠纷": 1}
    people = by_key["training.participants"]
    assert people.value == times == 7 and people.breakdown["参训人数"] == 3
    assert people.sentence == "参训7人次(3人)"
    cases = by_key["training.cases"]
    assert cases.value == 6 and cases.sentence.startswith("典型案例库收录案例6个(")
    # This year so far: one held (awaiting evaluation), the planned one not counted.
    this_year = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), TODAY)}
    assert this_year["training.sessions"].value == 1
    assert figures(tree.county, *LAST_YEAR)[0].value == 4
    assert all(f.value == 0 and not f.sentence for f in figures(tree.town_b, *LAST_YEAR))


def test_one_type_reads_without_etc(people, tree, held):
    by_key = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    assert (
        by_key["training.sessions"].sentence
        == "围绕“信访纠纷”案例开展案例实景式教学仿真训练1场,参训2人次"
    )


def test_figures_take_a_few_queries(demo_data, tree, max_queries):
    with max_queries(4):
        figures(tree.town_a, *LAST_YEAR)


def test_figures_appear_in_the_report_api(demo_data, people, tree, login):
    response = login(people.officer).get(
        "/api/v1/figures", {"unit_id": tree.town_a.pk, "year": 2024}
    )
    assert response.status_code == 200, response.content
    by_key = {f["key"]: f for f in response.json()["figures"]}
    assert by_key["training.sessions"]["value"] == 4
    assert by_key["training.sessions"]["sentence"].startswith("围绕“信访纠纷”、“遗留拆迁”等案例")


@pytest.mark.parametrize(
    "day", [date(2025, 1, 2), date(2025, 1, 6), date(2026, 10, 8), date(2027, 2, 10)]
)
def test_the_plan_holds_on_awkward_days(day):
    assert demo.plan_problems(day) == []
