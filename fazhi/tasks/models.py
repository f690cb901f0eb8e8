"""工作任务: the annual work plan (工作要点) of a town — or of the county, sent down to every
town as its items — each item broken down into tasks assigned to villages/communities,
grids or the town's offices (站所中心), nested as deep as needed, each with an owner, a
deadline, the evidence it needs, progress reports and a status.

站所中心 are not org units: core's tree is the 行政区划 tree (county → town → village/
community → grid, codes by level), and a town's offices have no such code and no members
of their own (their staff hold town memberships). So a task for an office sits on the town
(`org_unit` = the town) with the office's name in `office`, and its owner is one of the
town's staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads plans and their roll-up: the town's office and leaders, the county.
PLAN_ROLES = frozenset({Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER})
# Who reads tasks (each within their own unit's subtree): plan readers, village cadres
# (their village's tasks) and grid workers (their grid's tasks).
TASK_ROLES = PLAN_ROLES | {Role.VILLAGE_CADRE, Role.GRID_WORKER}
# Who opens the task pages: the readers, and the town's cadres, who own its offices' tasks
# (they see only the tasks they own).
TASK_PAGE_ROLES = TASK_ROLES | {Role.CADRE}
# Who may own a task, by the kind of unit it is assigned to (a person of that unit).
OWNER_ROLES_BY_KIND = {
    OrgUnit.Kind.TOWN: frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER, Role.CADRE}),
    OrgUnit.Kind.VILLAGE: frozenset({Role.VILLAGE_CADRE}),
    OrgUnit.Kind.COMMUNITY: frozenset({Role.VILLAGE_CADRE}),
    OrgUnit.Kind.GRID: frozenset({Role.GRID_WORKER}),
}


class PlanQuerySet(ScopedQuerySet):
    def visible_to(self, user, roles=None):
        return super().visible_to(user, roles or PLAN_ROLES)


class TaskQuerySet(ScopedQuerySet):
    def visible_to(self, user, roles=None):
        """Scoped to the readers' units; and a task's owner sees it whatever their role (a
        town office's task is owned by one of the town's cadres). With explicit `roles`,
        plain scoping."""
        if roles is not None:
            return super().visible_to(user, roles)
        q = self.scope_q(user, TASK_ROLES)
        if user is not None and user.is_authenticated and user.is_active:
            owned = Q(owner=user) if self.model is Task else Q(task__owner=user)
            q = owned if q is None else (q | owned)
        return self.none() if q is None else self.filter(q)


class Plan(models.Model):
    """One year's work plan (工作要点) of a town or of the county."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="制定单位", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("计划名称", max_length=200)
    # A town's copy of a county plan points at it (the county's items come down as its own).
    source_plan = models.ForeignKey(
        "self",
        verbose_name="县级计划",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = PlanQuerySet.as_manager(scope_field="org_unit")
    reader_roles = PLAN_ROLES

    class Meta:
        verbose_name = "工作计划"
        verbose_name_plural = "工作计划"
        indexes = [
            models.Index(fields=["org_unit", "year"]),
            models.Index(fields=["year", "id"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_county(self) -> bool:
        return self.org_unit.kind == OrgUnit.Kind.COUNTY


class PlanItem(models.Model):
    """One item (要点) of a plan, with the period its tasks must fall in."""

    plan = models.ForeignKey(
        Plan, verbose_name="计划", on_delete=models.PROTECT, related_name="items"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="制定单位", on_delete=models.PROTECT, related_name="+"
    )
    seq = models.PositiveSmallIntegerField("序号")
    title = models.CharField("工作要点", max_length=300)
    starts_on = models.DateField("开始日期")
    deadline = models.DateField("完成期限")
    source_item = models.ForeignKey(
        "self", verbose_name="县级要点", on_delete=models.PROTECT, null=True, blank=True
    )

    objects = PlanQuerySet.as_manager(scope_field="org_unit")
    reader_roles = PLAN_ROLES

    class Meta:
        verbose_name = "工作要点"
        verbose_name_plural = "工作要点"
        ordering = ["plan", "seq", "id"]
        indexes = [models.Index(fields=["plan", "seq"])]

    def __str__(self) -> str:
        return f"{self.seq}. {self.title}"


class Task(SearchableMixin, models.Model):
    """A task of a plan item, assigned to a unit (or a town office), or a subtask of
    another task (town → village → grid)."""

    class Status(models.TextChoices):
        OPEN = "open", "进行中"
        DONE = "done", "已完成"

    class Source(models.TextChoices):
        PLAN = "plan", "计划分解"
        MEETING = "meeting", "会议决定"
        IMPORT = "import", "导入"

    plan = models.ForeignKey(Plan, verbose_name="计划", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(
        PlanItem, verbose_name="工作要点", on_delete=models.PROTECT, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级任务",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="责任单位", on_delete=models.PROTECT, related_name="+"
    )
    office = models.CharField("责任站所(中心)", max_length=64, blank=True)
    title = models.CharField("任务内容", max_length=300)
    evidence_required = models.CharField("佐证要求", max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="责任人", on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField("开始日期")
    # The deadline is the list's warning column: overdue and due soon are ranges on it.
    due = models.DateField("完成期限", db_index=True)
    status = models.CharField("状态", max_length=8, choices=Status.choices, default=Status.OPEN)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    done_on = models.DateField("完成日期", null=True, blank=True)
    source = models.CharField("来源", max_length=8, choices=Source.choices, default=Source.PLAN)
    # The leadership meeting whose decision created the task (a plain id: apps never import
    # each other; the page links back by URL name).
    source_meeting_id = models.PositiveIntegerField("来源会议", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)
    search = models.TextField(blank=True, default="", editable=False)

    search_fields = ("title", "office")
    objects = TaskQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "工作任务"
        verbose_name_plural = "工作任务"
        indexes = [
            models.Index(fields=["due", "id"]),
            models.Index(fields=["status", "due", "id"]),
            models.Index(fields=["org_unit", "status", "due"]),
            models.Index(fields=["owner", "status", "due"]),
            models.Index(fields=["plan", "item"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def assignee(self) -> str:
        return f"{self.org_unit.name}·{self.office}" if self.office else self.org_unit.name

    def attachments_locked(self) -> str | None:
        if self.status == self.Status.DONE:
            return "已完成任务的佐证材料不能删除(完成即凭佐证认定)"
        return None


class ProgressReport(models.Model):
    """An owner's progress report: percent, what was done; evidence files hang on the task."""

    task = models.ForeignKey(
        Task, verbose_name="任务", on_delete=models.PROTECT, related_name="reports"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="责任单位", on_delete=models.PROTECT, related_name="+"
    )
    percent = models.PositiveSmallIntegerField("进度(%)")
    note = models.TextField("进展情况")
    evidence_count = models.PositiveSmallIntegerField("本次佐证材料数", default=0)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报告人", on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField("报告时间", default=clock.now)

    objects = TaskQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["task", "reported_at"])]

    def __str__(self) -> str:
        return f"{self.task} {self.percent}%"
