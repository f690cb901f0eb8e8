"""Tasks: breaking a plan item (or a task) down to units, owners' progress reports with
evidence, completion (only with evidence, only when every subtask is done) and reopening."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.models import Attachment, OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.uploads import inspect_upload
from fazhi.core.workflow import Transition, Workflow

from ..models import TASK_ROLES, PlanItem, ProgressReport, Task
from ..params import (
    AFTER_PARENT_DEADLINE,
    BEFORE_PARENT_START,
    NEEDS_EVIDENCE,
    NO_OWNER,
    OFFICE_ONLY_TOWN,
    OPEN_SUBTASKS,
    OWNER_OUTSIDE,
    PERCENT_DONE_ONLY_WHEN_DONE,
    PERCENT_RANGE,
    START_AFTER_DUE,
    START_BEFORE_PARENT,
    UNIT_OUTSIDE,
)
from .common import (
    NOT_FOUND,
    _text,
    is_owner_of,
    on_working_day,
    owner_choices,
    owner_roles,
    parse_date,
    role_names,
)
from .plan import planner_of

Status = Task.Status


# --- who may break down and report --------------------------------------------------------


def is_town_officer(user, unit: OrgUnit) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_role(Role.LAW_OFFICER)
        and unit_in_scope(user, unit, {Role.LAW_OFFICER})
    )


def may_report(user, task: Task) -> bool:
    """The task's owner, or the town's law office on their behalf."""
    return bool(user and user.is_authenticated) and (
        task.owner_id == user.pk or is_town_officer(user, task.org_unit)
    )


def may_break_down(user, *, item: PlanItem | None = None, parent: Task | None = None) -> bool:
    """A plan item is broken down by its town's law office; a task further down (village →
    grid) by its owner or the law office."""
    if not (user and user.is_authenticated):
        return False
    if parent is not None:
        return parent.is_open and (
            parent.owner_id == user.pk or is_town_officer(user, parent.org_unit)
        )
    return (
        item is not None
        and item.org_unit.kind == OrgUnit.Kind.TOWN
        and planner_of(user, item.org_unit)
    )


# --- breaking down --------------------------------------------------------------------------


def _bounds(item: PlanItem, parent: Task | None):
    if parent is not None:
        return f"任务“{parent.title}”", parent.starts_on, parent.due, parent.org_unit
    return f"工作要点“{item.title}”", item.starts_on, item.deadline, item.org_unit


def check_due(due, starts_on, *, item: PlanItem, parent: Task | None = None):
    """The deadline (moved off a rest day) and start of a task under `parent` (or the
    item): within the parent's start and deadline. Returns (starts_on, due)."""
    name, p_start, p_deadline, _ = _bounds(item, parent)
    due = on_working_day(parse_date(due, "due", "完成期限"))
    if due < p_start:
        message = BEFORE_PARENT_START.format(due=due, parent=name, start=p_start)
        raise ServiceError(message, errors={"due": [message]}, code="due_outside_parent")
    if due > p_deadline:
        message = AFTER_PARENT_DEADLINE.format(due=due, parent=name, deadline=p_deadline)
        raise ServiceError(message, errors={"due": [message]}, code="due_outside_parent")
    if starts_on in (None, ""):
        # Today when it lies in the parent's period, else the parent's start.
        today = clock.today()
        starts_on = today if p_start <= today <= due else p_start
    starts_on = parse_date(starts_on, "starts_on", "开始日期")
    if starts_on < p_start:
        message = START_BEFORE_PARENT.format(start=starts_on, parent=name, parent_start=p_start)
        raise ServiceError(message, errors={"starts_on": [message]})
    if starts_on > due:
        raise ServiceError(START_AFTER_DUE, errors={"starts_on": [START_AFTER_DUE]})
    return starts_on, due


def check_unit(unit: OrgUnit, office: str, *, scope: OrgUnit, scope_name: str) -> str:
    if unit is None or not unit.code.startswith(scope.code) or not unit.is_active:
        message = UNIT_OUTSIDE.format(scope=scope_name)
        raise ServiceError(message, errors={"org_units": [message]})
    office = _text(office, "office", "责任站所(中心)", required=False, limit=64)
    if office and unit.kind != OrgUnit.Kind.TOWN:
        raise ServiceError(OFFICE_ONLY_TOWN, errors={"office": [OFFICE_ONLY_TOWN]})
    return office


def pick_owner(unit: OrgUnit, owner=None):
    if owner is not None:
        if not is_owner_of(owner, unit):
            message = OWNER_OUTSIDE.format(unit=unit.name)
            raise ServiceError(message, errors={"owner": [message]})
        return owner
    first = owner_choices(unit).first()
    if first is None:
        message = NO_OWNER.format(unit=unit.name, roles=role_names(owner_roles(unit)))
        raise ServiceError(message, errors={"org_units": [message]})
    return first


def task_create(
    *,
    actor,
    units,
    title,
    due,
    item: PlanItem | None = None,
    parent: Task | None = None,
    starts_on=None,
    evidence_required="",
    office="",
    owner=None,
    source=Task.Source.PLAN,
    source_meeting_id=None,
) -> list[Task]:
    """One task per unit in `units` (the same content and deadline), under the plan item
    or under `parent`. The owner is `owner` (one unit only) or the unit's first person.
    Everything is checked before anything is written."""
    if parent is not None:
        item = parent.item
    if item is None:
        raise ServiceError("请选择工作要点", errors={"item": ["请选择工作要点"]})
    visible_unit = parent.org_unit if parent is not None else item.org_unit
    owns_parent = parent is not None and parent.owner_id == actor.pk
    if not owns_parent and not unit_in_scope(actor, visible_unit, TASK_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not may_break_down(actor, item=item, parent=parent):
        if parent is not None and not parent.is_open:
            raise ServiceError("上级任务已完成,不能再分解")
        if item.org_unit.kind != OrgUnit.Kind.TOWN:
            raise ServiceError("县级计划请先下发到乡镇,由乡镇分解到村社")
        raise Forbidden("只有镇法治办工作人员或上级任务的责任人可以分解任务")
    units = [u for u in (units or []) if u is not None]
    if not units:
        raise ServiceError("请选择责任单位", errors={"org_units": ["请选择责任单位"]})
    if owner is not None and len(units) > 1:
        message = "指定责任人时只能选择一个责任单位(多个单位由各单位在岗人员负责)"
        raise ServiceError(message, errors={"owner": [message]})
    title = _text(title, "title", "任务内容", limit=300)
    evidence_required = _text(
        evidence_required, "evidence_required", "佐证要求", required=False, limit=300
    )
    starts_on, due = check_due(due, starts_on, item=item, parent=parent)
    scope = parent.org_unit if parent is not None else item.org_unit
    rows = []
    for unit in units:
        unit_office = check_unit(unit, office, scope=scope, scope_name=scope.name)
        rows.append((unit, unit_office, pick_owner(unit, owner)))
    if source not in Task.Source.values:
        source = Task.Source.PLAN
    created = []
    with transaction.atomic():
        for unit, unit_office, unit_owner in rows:
            task = Task.objects.create(
                plan_id=item.plan_id,
                item=item,
                parent=parent,
                org_unit=unit,
                office=unit_office,
                title=title,
                evidence_required=evidence_required,
                owner=unit_owner,
                starts_on=starts_on,
                due=due,
                source=source,
                source_meeting_id=source_meeting_id if source == Task.Source.MEETING else None,
                created_by=actor,
            )
            TASK_FLOW.start(actor=actor, obj=task, label="分解任务")
            audit.record(
                verb="task.create",
                actor=actor,
                obj=task,
                changes={
                    "title": title,
                    "unit": task.assignee,
                    "owner": str(unit_owner),
                    "due": str(due),
                    "source": source,
                    "source_meeting_id": task.source_meeting_id,
                },
            )
            created.append(task)
    return created


# --- completion -------------------------------------------------------------------------------


def evidence_count(task: Task) -> int:
    ct = ContentType.objects.get_for_model(Task)
    return Attachment.objects.filter(content_type=ct, object_id=task.pk).count()


def _has_evidence(obj, actor, new_files=0, **_):
    if evidence_count(obj) + new_files < 1:
        return NEEDS_EVIDENCE.format(required=obj.evidence_required or "照片、文件等")
    return None


def _subtasks_done(obj, actor, **_):
    n = obj.children.filter(status=Status.OPEN).count()
    return OPEN_SUBTASKS.format(n=n) if n else None


def _complete(step) -> None:
    step.put("progress", 100)
    step.put("done_on", clock.today())


def _reopen(step) -> None:
    step.put("done_on", None)


TASK_FLOW = Workflow(
    model=Task,
    audit_prefix="task",
    status_labels=Status,
    transitions=[
        Transition(
            "complete",
            "确认完成",
            [Status.OPEN],
            Status.DONE,
            allowed=lambda obj, actor: may_report(actor, obj),
            allowed_decides=True,
            guards=[_has_evidence, _subtasks_done],
            effect=_complete,
            style="success",
        ),
        Transition(
            "reopen",
            "退回重办",
            [Status.DONE],
            Status.OPEN,
            roles=[Role.LAW_OFFICER],
            note_required=True,
            effect=_reopen,
            style="outline-danger",
        ),
    ],
)


def task_transition(*, actor, obj: Task, verb: str, note: str = "") -> Task:
    return TASK_FLOW.run(actor=actor, obj=obj, verb=verb, note=note)


def progress_report(*, actor, task: Task, percent, note, files=()) -> ProgressReport:
    """The owner's (or law office's) report: percent, what was done, evidence files
    attached to the task. 100% completes the task, which needs evidence and every subtask
    done — checked before anything is stored."""
    if task.owner_id != actor.pk and not unit_in_scope(actor, task.org_unit, TASK_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not may_report(actor, task):
        raise Forbidden("只有任务责任人或镇法治办工作人员可以报告进展")
    if not task.is_open:
        raise ServiceError(PERCENT_DONE_ONLY_WHEN_DONE, code="wrong_state")
    try:
        percent = int(percent)
    except (TypeError, ValueError):
        percent = -1
    if not 0 <= percent <= 100:
        raise ServiceError(PERCENT_RANGE, errors={"percent": [PERCENT_RANGE]})
    note = _text(note, "note", "进展情况")
    files = [f for f in files if f]
    for f in files:  # refuse a bad file before anything is stored
        try:
            inspect_upload(f)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], errors={"files": exc.messages}) from None
        f.seek(0)
    if percent == 100:
        for guard in (_has_evidence, _subtasks_done):
            if refusal := guard(task, actor, new_files=len(files)):
                field = "files" if guard is _has_evidence else "percent"
                raise ServiceError(refusal, errors={field: [refusal]}, code="guard")
    with transaction.atomic():
        for f in files:
            attachment_add(actor=actor, record=task, uploaded_file=f)
        report = ProgressReport.objects.create(
            task=task,
            org_unit=task.org_unit,
            percent=percent,
            note=note,
            evidence_count=len(files),
            reported_by=actor,
        )
        before = task.progress
        if percent < 100:
            Task.objects.filter(pk=task.pk).update(progress=percent)
            task.progress = percent
        audit.record(
            verb="task.report",
            actor=actor,
            obj=task,
            changes={"progress": [before, percent], "note": note, "evidence": len(files)},
        )
        if percent == 100:
            done = TASK_FLOW.run(actor=actor, obj=task, verb="complete", note=note)
            task.status, task.progress, task.done_on = done.status, done.progress, done.done_on
    return report
