"""工作任务 services: breakdown within the parent's period, owners of the unit, progress with
evidence, completion, the county plan sent down — every refusal in Chinese, nothing
written."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.tasks import services
from fazhi.tasks.models import Plan, PlanItem, ProgressReport, Task
from tests.factories import member

from .conftest import ITEM_DEADLINE, ITEM_START, break_down, evidence, make_item, png, snapshot

pytestmark = pytest.mark.django_db


def test_breakdown_to_two_villages_makes_one_task_each_with_the_units_person(people, tree, item):
    second = member(tree.village_a2, Role.VILLAGE_CADRE, "vcadre2")
    tasks = break_down(people.officer, [tree.village_a1, tree.village_a2], item=item)
    assert [t.org_unit for t in tasks] == [tree.village_a1, tree.village_a2]
    assert [t.owner for t in tasks] == [people.village_cadre, second]
    assert all(t.due == date(2025, 5, 30) and t.status == "open" for t in tasks)
    assert all(t.starts_on >= ITEM_START for t in tasks)


@pytest.mark.parametrize(
    "due,message",
    [
        (date(2025, 2, 28), "不能早于上级工作要点“推进民主法治村创建”的开始日期(2025-03-03)"),
        (date(2025, 7, 1), "不能晚于上级工作要点“推进民主法治村创建”的完成期限(2025-06-30)"),
    ],
)
def test_a_deadline_outside_the_items_period_is_refused(people, tree, item, due, message):
    before = snapshot(item)
    with pytest.raises(ServiceError) as exc:
        break_down(people.officer, [tree.village_a1], item=item, due=due)
    assert message in exc.value.message and "层层分解" in exc.value.message
    assert snapshot(item) == before


def test_a_subtask_deadline_after_its_parents_is_refused(people, tree, village_task):
    before = snapshot(village_task)
    with pytest.raises(ServiceError) as exc:
        break_down(people.village_cadre, [tree.grid_a1], parent=village_task, due=date(2025, 6, 3))
    assert "不能晚于上级任务“修订村规民约”的完成期限(2025-05-30)" in exc.value.message
    assert snapshot(village_task) == before


def test_the_village_cadre_breaks_its_task_down_to_a_grid(people, tree, village_task):
    [sub] = break_down(
        people.village_cadre,
        [tree.grid_a1],
        parent=village_task,
        title="入户宣传",
        due=date(2025, 5, 20),
    )
    assert (
        sub.parent == village_task
        and sub.owner == people.grid_worker
        and sub.item == village_task.item
    )
    # …but not to another village: its breakdown stays inside its own unit.
    before = snapshot(village_task)
    with pytest.raises(ServiceError, match="责任单位须在东岙村范围内"):
        break_down(
            people.village_cadre, [tree.village_a2], parent=village_task, due=date(2025, 5, 20)
        )
    assert snapshot(village_task) == before


def test_a_deadline_on_a_rest_day_moves_to_the_next_working_day(people, tree, item):
    # 2025-05-01..05 is the Labour Day holiday; the next working day is Tuesday 6 May.
    [task] = break_down(people.officer, [tree.village_a1], item=item, due=date(2025, 5, 3))
    assert task.due == date(2025, 5, 6)


def test_an_owner_from_another_unit_is_refused(people, tree, item):
    before = snapshot(item)
    with pytest.raises(ServiceError, match=r"责任人须为责任单位\(东岙村\)的在岗人员"):
        break_down(people.officer, [tree.village_a1], item=item, owner=people.cadre)
    with pytest.raises(ServiceError, match="渔港社区没有在岗的村社干部"):
        break_down(people.officer, [tree.village_a2], item=item)
    assert snapshot(item) == before


def test_town_offices_are_named_on_the_town(people, tree, item):
    [task] = break_down(
        people.officer, [tree.town_a], item=item, office="司法所", owner=people.cadre
    )
    assert task.assignee == "海屿镇·司法所" and task.owner == people.cadre
    with pytest.raises(ServiceError, match="站所\\(中心\\)只能是镇"):
        break_down(people.officer, [tree.village_a1], item=item, office="司法所")


def test_only_the_town_office_breaks_down_an_item(people, tree, item):
    before = snapshot(item)
    with pytest.raises(Forbidden):
        break_down(people.leader, [tree.village_a1], item=item)
    with pytest.raises(ServiceError, match="记录不存在或无权查看"):
        break_down(people.officer_b, [tree.village_b1], item=item)
    assert snapshot(item) == before


def test_progress_with_evidence_completes_the_task(people, village_task):
    services.progress_report(
        actor=people.village_cadre, task=village_task, percent=60, note="已起草"
    )
    village_task.refresh_from_db()
    assert village_task.progress == 60 and village_task.status == "open"
    services.progress_report(
        actor=people.village_cadre, task=village_task, percent=100, note="已表决通过", files=[png()]
    )
    village_task.refresh_from_db()
    assert village_task.status == "done" and village_task.progress == 100
    assert village_task.done_on is not None
    assert ProgressReport.objects.filter(task=village_task).count() == 2


def test_done_without_evidence_is_refused_and_nothing_changes(people, village_task):
    before = snapshot(village_task)
    with pytest.raises(ServiceError) as exc:
        services.progress_report(
            actor=people.village_cadre, task=village_task, percent=100, note="完成"
        )
    assert (
        "须附佐证材料方可完成" in exc.value.message and "修订后的村规民约文本" in exc.value.message
    )
    with pytest.raises(ServiceError, match="须附佐证材料"):
        services.task_transition(actor=people.village_cadre, obj=village_task, verb="complete")
    assert snapshot(village_task) == before


def test_a_task_with_open_subtasks_cannot_be_done(people, tree, village_task):
    break_down(people.village_cadre, [tree.grid_a1], parent=village_task, due=date(2025, 5, 20))
    evidence(people.village_cadre, village_task)
    before = snapshot(village_task)
    with pytest.raises(ServiceError, match="尚有1项下级任务未完成"):
        services.progress_report(
            actor=people.village_cadre, task=village_task, percent=100, note="完成"
        )
    assert snapshot(village_task) == before


def test_only_the_owner_or_the_law_office_reports(people, tree, village_task):
    before = snapshot(village_task)
    with pytest.raises(Forbidden):
        services.progress_report(actor=people.leader, task=village_task, percent=10, note="x")
    with pytest.raises(ServiceError, match="记录不存在"):
        services.progress_report(actor=people.grid_worker, task=village_task, percent=10, note="x")
    with pytest.raises(ServiceError, match="进度须为0到100"):
        services.progress_report(
            actor=people.village_cadre, task=village_task, percent=101, note="x"
        )
    assert snapshot(village_task) == before


def test_the_law_office_reopens_a_done_task_with_a_note(people, village_task):
    evidence(people.village_cadre, village_task)
    services.task_transition(actor=people.village_cadre, obj=village_task, verb="complete")
    with pytest.raises(ServiceError, match="须填写说明"):
        services.task_transition(actor=people.officer, obj=village_task, verb="reopen")
    services.task_transition(actor=people.officer, obj=village_task, verb="reopen", note="佐证不全")
    village_task.refresh_from_db()
    assert village_task.status == "open" and village_task.done_on is None


def test_item_dates_are_checked(people, plan, item):
    before = snapshot(item)
    with pytest.raises(ServiceError, match="完成期限不能早于开始日期"):
        make_item(people, plan, starts_on=date(2025, 5, 1), deadline=date(2025, 4, 1))
    with pytest.raises(ServiceError, match="须在计划年度"):
        make_item(people, plan, starts_on=date(2024, 5, 1))
    assert snapshot(item) == before


def test_one_plan_per_unit_and_year(people, tree, plan):
    with pytest.raises(ServiceError, match="海屿镇已有2025年度工作计划"):
        services.plan_create(actor=people.officer, org_unit=tree.town_a, year=2025, title="重复")
    assert Plan.objects.count() == 1


def test_the_county_plan_goes_down_to_every_town_as_its_items(people, tree, plan, item):
    county_plan = services.plan_create(
        actor=people.supervisor, org_unit=tree.county, year=2025, title="全县法治建设工作要点"
    )
    services.item_add(
        actor=people.supervisor, plan=county_plan, title="开展述法", starts_on=ITEM_START,
        deadline=ITEM_DEADLINE,
    )  # fmt: skip
    with pytest.raises(ServiceError, match="县级计划请先下发"):
        break_down(people.supervisor, [tree.town_a], item=county_plan.items.get())
    copies = services.plan_send_down(actor=people.supervisor, plan=county_plan)
    assert {c.org_unit for c in copies} == {tree.town_a, tree.town_b}
    # Town A already had its plan: the county's item is appended to it, numbered after its own.
    assert [i.title for i in plan.items.order_by("seq")] == ["推进民主法治村创建", "开展述法"]
    town_b_item = PlanItem.objects.get(org_unit=tree.town_b)
    assert town_b_item.source_item.plan == county_plan
    before = PlanItem.objects.count()
    with pytest.raises(ServiceError, match="已下发到所有乡镇"):
        services.plan_send_down(actor=people.supervisor, plan=county_plan)
    assert PlanItem.objects.count() == before
    with pytest.raises(Forbidden):
        services.plan_send_down(actor=people.officer, plan=county_plan)


def test_a_meeting_decision_task_keeps_the_meeting_id(people, tree, item):
    [task] = break_down(
        people.officer, [tree.village_a1], item=item, source="meeting", source_meeting_id=42
    )
    assert task.source == "meeting" and task.source_meeting_id == 42
    assert Task.objects.filter(source_meeting_id=42).count() == 1


def test_an_item_cannot_be_shortened_below_its_tasks(people, item, village_task):
    before = snapshot(item, village_task)
    with pytest.raises(ServiceError, match="已分解的任务期限晚于新的要点期限"):
        services.item_update(
            actor=people.officer, item=item, title=item.title, starts_on=ITEM_START,
            deadline=date(2025, 5, 16),
        )  # fmt: skip
    assert snapshot(item, village_task) == before
    services.item_update(
        actor=people.officer, item=item, title="推进民主法治村(社区)创建", starts_on=ITEM_START,
        deadline=date(2025, 6, 16),
    )  # fmt: skip
    item.refresh_from_db()
    assert item.deadline == date(2025, 6, 16) and item.title == "推进民主法治村(社区)创建"
