"""The demo's warnings: the island town evaluated on the last working day before today,
red answered by the leader except one left for the workbench, yellow partly answered and
one dismissed with its reason; nothing when no provider exists; a plan on every day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.core.deadlines import is_workday
from fazhi.earlywarning import demo
from fazhi.earlywarning.models import EarlyWarning

from .conftest import green, red, yellow

pytestmark = pytest.mark.django_db
TODAY = date(2025, 10, 9)  # the Thursday after the National Day week (1–8 October off)


def test_the_plan_lands_on_a_working_day_before_today():
    p = demo.plan(TODAY)
    assert p["evaluated"] == date(2025, 9, 30) and demo.plan_problems(TODAY) == []
    # Saturday 11 October 2025 was worked (调休): a Monday's demo is evaluated on it.
    assert demo.plan(date(2025, 10, 13))["evaluated"] == date(2025, 10, 11)
    for n in range(400):
        day = date(2024, 1, 1) + timedelta(days=n)
        assert demo.plan_problems(day) == [] and is_workday(demo.plan(day)["evaluated"])


def test_the_demo_answers_part_of_the_warnings(tree, people, provider, on_day):
    on_day(TODAY)
    provider.offer(red(tree.village_a1, 1), red(tree.grid_a1, 2), yellow(tree.village_a1, 3),
                   yellow(tree.village_a2, 4), yellow(tree.village_a1, 5), green(tree.town_a, 6))  # fmt: skip
    created = demo.load_earlywarning_demo(tree.town_a.code)
    assert created[-1].startswith("矛盾预警 红色2条、黄色3条、绿色1条")
    by = {w.subject_pk: w for w in EarlyWarning.objects.all()}
    assert {w.evaluated_on for w in by.values()} == {date(2025, 9, 30)}
    assert by[1].status == "responded" and by[1].responded_by == people.leader
    assert by[2].status == "open"  # on the leader's workbench
    assert [by[i].status for i in (3, 4, 5)] == ["responded", "open", "dismissed"]
    assert by[5].dismissed_reason == demo.DISMISS_REASON
    assert demo.load_earlywarning_demo(tree.town_a.code) == []  # idempotent


def test_without_providers_the_demo_writes_nothing(tree, people, no_providers):
    assert demo.load_earlywarning_demo(tree.town_a.code) == []
    assert EarlyWarning.objects.count() == 0
