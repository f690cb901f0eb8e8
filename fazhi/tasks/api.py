"""The 工作任务 API: plans with their rolled-up tree, tasks of one's scope (with the
overdue / due-soon warnings), breaking an item or a task down, progress reports and the
task's transitions. The same services and scoping as the pages.

Evidence is uploaded as an attachment of the task (POST /api/v1/attachments with
record="tasks.task:{id}") before a report of 100 %."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn

from . import selectors, services
from .models import PLAN_ROLES, TASK_PAGE_ROLES, PlanItem, Task

router = Router(tags=["工作任务"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200


class TaskOut(Schema):
    id: int
    plan_id: int
    item_id: int
    parent_id: int | None = Field(None, title="上级任务")
    title: str = Field(..., title="任务内容")
    org_unit_id: int = Field(..., title="责任单位")
    assignee: str = Field(..., title="责任单位(站所)名称")
    owner_id: int = Field(..., title="责任人")
    owner: str = Field(..., title="责任人姓名")
    starts_on: dt.date
    due: dt.date = Field(..., title="完成期限")
    evidence_required: str = Field(..., title="佐证要求")
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    progress: int = Field(..., title="进度(%)")
    done_on: dt.date | None = Field(None, title="完成日期")
    overdue: bool = Field(..., title="已逾期")
    source: str = Field(..., title="来源")
    source_meeting_id: int | None = Field(None, title="来源会议")

    @staticmethod
    def resolve_owner(obj) -> str:
        return str(obj.owner)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_progress(obj) -> int:
        return 100 if obj.status == Task.Status.DONE else obj.progress

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.status == Task.Status.OPEN and obj.due < clock.today()


class TaskPage(Schema):
    count: int
    items: list[TaskOut]


class ReportOut(Schema):
    percent: int
    note: str
    evidence_count: int
    reported_by: str
    reported_at: dt.datetime

    @staticmethod
    def resolve_reported_by(obj) -> str:
        return str(obj.reported_by)


class TaskDetailOut(TaskOut):
    reports: list[ReportOut]

    @staticmethod
    def resolve_reports(obj):
        return selectors.task_reports(obj)


class NodeOut(Schema):
    kind: Literal["item", "task"]
    id: int
    title: str
    progress: float = Field(..., title="汇总进度(%)")
    overdue: bool = Field(..., title="本项或下级有逾期")
    deadline: dt.date
    children: list[NodeOut]


class VillageOut(Schema):
    unit: str
    total: int
    done: int
    on_time: int
    late: int
    overdue: int
    progress: float


class PlanOut(Schema):
    id: int
    year: int
    title: str
    org_unit_id: int
    org_unit: str
    source_plan_id: int | None = None

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class PlanPage(Schema):
    count: int
    items: list[PlanOut]


class PlanDetailOut(Schema):
    id: int
    year: int
    title: str
    org_unit_id: int
    org_unit: str
    source_plan_id: int | None = None
    tree: list[NodeOut]
    villages: list[VillageOut]


class TaskIn(StrictIn):
    item_id: Id | None = Field(None, title="工作要点", description="分解工作要点时填写")
    parent_id: Id | None = Field(None, title="上级任务", description="分解下级任务时填写")
    org_unit_ids: list[Id] = Field(..., title="责任单位", min_length=1, max_length=200)
    title: str = Field(..., title="任务内容", min_length=1, max_length=300)
    due: dt.date = Field(..., title="完成期限")
    starts_on: dt.date | None = Field(None, title="开始日期")
    office: str = Field("", title="责任站所(中心)", max_length=64)
    owner_id: Id | None = Field(None, title="责任人", description="只有一个责任单位时可指定")
    evidence_required: str = Field("", title="佐证要求", max_length=300)
    source_meeting_id: Id | None = Field(None, title="来源会议(会议决定事项)")


class ReportIn(StrictIn):
    percent: int = Field(..., title="进度(%)", ge=0, le=100)
    note: str = Field(..., title="进展情况", min_length=1, max_length=2000)


class TransitionIn(StrictIn):
    note: str = Field("", title="说明", max_length=2000)


def _node(n) -> dict:
    is_item = n.is_item
    return {
        "kind": "item" if is_item else "task",
        "id": n.obj.pk,
        "title": n.obj.title,
        "progress": n.progress,
        "overdue": n.overdue,
        "deadline": n.obj.deadline if is_item else n.obj.due,
        "children": [_node(c) for c in n.children],
    }


@router.get("/plans", response={200: PlanPage, **ERRORS}, url_name="tasks_plan_list",
            summary="可见范围内的工作计划")  # fmt: skip
def plan_list(
    request,
    year: int | None = Query(None, ge=2000, le=2100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, PLAN_ROLES, "无权查看工作计划")
    qs = selectors.plan_list(request.auth, year=year)
    return api_page(qs, offset, limit)


@router.get("/plans/{plan_id}", response={200: PlanDetailOut, **ERRORS}, url_name="tasks_plan_detail",
            summary="工作计划:要点 → 任务 → 下级任务的汇总进度,及各村社完成情况")  # fmt: skip
def plan_detail(request, plan_id: Id):
    check_role(request.auth, PLAN_ROLES, "无权查看工作计划")
    plan = selectors.plan_get(request.auth, plan_id)
    today = clock.today()
    roots, tasks = selectors.plan_tree(request.auth, plan, today)
    rows = selectors.village_rollup(tasks, today, plan.org_unit)
    return {
        "id": plan.pk,
        "year": plan.year,
        "title": plan.title,
        "org_unit_id": plan.org_unit_id,
        "org_unit": plan.org_unit.name,
        "source_plan_id": plan.source_plan_id,
        "tree": [_node(r) for r in roots],
        "villages": [{**r.__dict__, "progress": r.progress} for r in rows],
    }


@router.get("/tasks", response={200: TaskPage, **ERRORS}, url_name="tasks_list",
            summary="可见范围内的工作任务,按完成期限排序")  # fmt: skip
def task_list(
    request,
    status: Literal["open", "done"] | None = None,
    warning: Literal["overdue", "due_soon"] | None = None,
    mine: bool = False,
    q: str = Query("", max_length=50),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, TASK_PAGE_ROLES, "无权查看工作任务")
    qs = selectors.task_list(
        request.auth, status=status or "", warning=warning or "", mine=mine, q=q
    )
    return api_page(qs, offset, limit)


@router.get("/tasks/{task_id}", response={200: TaskDetailOut, **ERRORS}, url_name="tasks_task_detail",
            summary="一项工作任务及其进展报告")  # fmt: skip
def task_detail(request, task_id: Id):
    check_role(request.auth, TASK_PAGE_ROLES, "无权查看工作任务")
    return selectors.task_get(request.auth, task_id)


@router.post("/tasks", response={201: list[TaskOut], **ERRORS}, url_name="tasks_task_create",
             summary="分解任务(每个责任单位一项);期限须在上级要点或任务的期限之内")  # fmt: skip
def task_create(request, payload: TaskIn):
    check_role(request.auth, TASK_PAGE_ROLES, "无权分解任务")
    parent = item = None
    if payload.parent_id:
        parent = selectors.task_get(request.auth, payload.parent_id)
    elif payload.item_id:
        item = (
            PlanItem.objects.visible_to(request.auth)
            .select_related("plan")
            .filter(pk=payload.item_id)
            .first()
        )
        if item is None:
            raise Http404
    units = list(OrgUnit.objects.filter(pk__in=payload.org_unit_ids))
    if len(units) != len(set(payload.org_unit_ids)):
        raise ServiceError("责任单位不存在", errors={"org_unit_ids": ["责任单位不存在"]})
    owner = None
    if payload.owner_id:
        owner = User.objects.filter(pk=payload.owner_id).first()
        if owner is None:
            raise ServiceError("责任人不存在", errors={"owner_id": ["责任人不存在"]})
    created = services.task_create(
        actor=request.auth,
        units=units,
        item=item,
        parent=parent,
        title=payload.title,
        due=payload.due,
        starts_on=payload.starts_on,
        office=payload.office,
        owner=owner,
        evidence_required=payload.evidence_required,
        source=Task.Source.MEETING if payload.source_meeting_id else Task.Source.PLAN,
        source_meeting_id=payload.source_meeting_id,
    )
    return Status(201, [selectors.task_get(request.auth, t.pk) for t in created])


@router.post("/tasks/{task_id}/reports", response={201: TaskDetailOut, **ERRORS},
             url_name="tasks_task_report", summary="报告进展(100% 即完成,须已有佐证材料)")  # fmt: skip
def task_report(request, task_id: Id, payload: ReportIn):
    check_role(request.auth, TASK_PAGE_ROLES, "无权报告进展")
    task = selectors.task_get(request.auth, task_id)
    services.progress_report(
        actor=request.auth, task=task, percent=payload.percent, note=payload.note
    )
    return Status(201, selectors.task_get(request.auth, task_id))


@router.post("/tasks/{task_id}/transitions/{verb}", response={200: TaskDetailOut, **ERRORS},
             url_name="tasks_task_transition", summary="确认完成 / 退回重办")  # fmt: skip
def task_transition(
    request, task_id: Id, verb: Literal["complete", "reopen"], payload: TransitionIn
):
    check_role(request.auth, TASK_PAGE_ROLES, "无权办理工作任务")
    task = selectors.task_get(request.auth, task_id)
    services.task_transition(actor=request.auth, obj=task, verb=verb, note=payload.note)
    return selectors.task_get(request.auth, task_id)
