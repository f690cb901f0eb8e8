"""Figures for any period (year, month, 旬) and the Chinese calendar in deadlines."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from fazhi.core import clock
from fazhi.tasks import services, summary
from fazhi.tasks.selectors import due_soon_until, task_list

from .conftest import break_down, evidence, make_item, make_plan

pytestmark = pytest.mark.django_db


def _figures(unit, start, end):
    return {f.key: f for f in summary.figures(unit, start, end)}


def test_figures_count_done_on_time_late_and_overdue_per_village(people, tree, item):
    on_time, late, open_ = (
        break_down(people.officer, [tree.village_a1], item=item, title=t, due=date(2025, 5, 30))[0]
        for t in ("按期", "逾期完成", "未完成")
    )
    for task in (on_time, late):
        evidence(people.village_cadre, task)
    with clock.pinned(date(2025, 5, 20)):
        services.progress_report(actor=people.village_cadre, task=on_time, percent=100, note="完成")
    with clock.pinned(date(2025, 6, 10)):
        services.progress_report(actor=people.village_cadre, task=late, percent=100, note="完成")
    figs = _figures(tree.town_a, date(2025, 5, 21), date(2025, 5, 31))  # the 旬 of the deadline
    assert figs["tasks.due"].value == 3 and figs["tasks.done"].value == 2
    assert figs["tasks.on_time"].value == 1 and figs["tasks.overdue"].value == 1
    assert figs["tasks.due"].sentence == (
        "将工作任务分解到1个村社共3项(期内到期),已完成2项,其中按期完成1项、逾期完成1项,逾期未完成1项"
    )
    assert figs["tasks.overdue"].breakdown == {"东岙村": 1}
    # Another period holds none of them: no sentence, zeros.
    empty = _figures(tree.town_a, date(2025, 6, 1), date(2025, 6, 10))
    assert empty["tasks.due"].value == 0 and empty["tasks.due"].sentence == ""
    # The county sees its towns' tasks.
    assert _figures(tree.county, date(2025, 1, 1), date(2025, 12, 31))["tasks.due"].value == 3


def test_a_task_due_at_the_periods_end_is_not_overdue_within_it(people, tree, item):
    break_down(people.officer, [tree.village_a1], item=item, due=date(2025, 5, 30))
    with time_machine.travel(date(2025, 5, 30), tick=False):
        figs = _figures(tree.town_a, date(2025, 5, 21), date(2025, 5, 31))
    assert figs["tasks.overdue"].value == 0


def test_national_day_2024_holidays_in_deadlines(people, tree):
    plan = make_plan(people, tree, year=2024)
    item = make_item(people, plan, starts_on=date(2024, 9, 2), deadline=date(2024, 12, 31))
    # A deadline on 1 October (holiday until the 7th) ends on the 8th (民法典第二百零三条).
    [task] = break_down(people.officer, [tree.village_a1], item=item, due=date(2024, 10, 1))
    assert task.due == date(2024, 10, 8)
    # Due soon = 5 working days from Friday 27 September: 29 Sep (调休 Sunday), 30 Sep, 8, 9, 10 Oct.
    assert due_soon_until(tree.town_a, date(2024, 9, 27)) == date(2024, 10, 10)
    later = break_down(people.officer, [tree.village_a1], item=item, due=date(2024, 10, 11))[0]
    soon = list(task_list(people.officer, warning="due_soon", today=date(2024, 9, 27)))
    assert task in soon and later not in soon
