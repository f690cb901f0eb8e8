"""督查整改: an inspection of a town's lawful administration (the county's 专项督查 or the
town's own 自查), its findings, and each finding's rectification through to closure
(销号).

"未发现需整改问题" is a recorded conclusion of a completed inspection with no findings,
never something inferred from an empty list of findings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core import clock
from fazhi.core.models import CODE_LENGTHS, OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet

# Who reads every inspection of their scope: the county that inspects, the town's office
# and leaders, and its legal advisers (read-only).
READER_ROLES = frozenset(
    {Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER, Role.LEGAL_ADVISER}
)
# Who may be named responsible for a finding (staff of the inspected town, its villages
# and grids); they see the findings they own and the inspections those belong to.
OWNER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER}
)


def owner_town_codes(user) -> set[str]:
    """Codes of the towns in which `user` holds a staff role (OWNER_ROLES) now."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    town = CODE_LENGTHS["town"]
    return {
        m.org_unit.code[:town]
        for m in user.active_memberships()
        if m.role in OWNER_ROLES and len(m.org_unit.code) >= town
    }


class _OwnerAwareQuerySet(ScopedQuerySet):
    """Scoped like every record, plus: a finding's owner sees what they own (each subclass
    says what that is in `_owned_q(user)`). With an explicit `roles`, plain scoping (as
    everywhere else)."""

    def _owner_towns_q(self, user) -> Q | None:
        """The towns where the user holds a staff role now (a village cadre's or grid
        worker's town is the one their village lies in): an owner sees what they own
        there, and loses it with the role."""
        towns = owner_town_codes(user)
        if not towns:
            return None
        return Q(**{f"{self._code_lookup()}__in": sorted(towns)})

    def visible_to(self, user, roles=None):
        if roles is not None:
            return super().visible_to(user, roles)
        q = self.scope_q(user, READER_ROLES)
        owner_towns = self._owner_towns_q(user)
        if owner_towns is not None:
            owned = owner_towns & self._owned_q(user)
            q = owned if q is None else (q | owned)
        return self.none() if q is None else self.filter(q)


class InspectionQuerySet(_OwnerAwareQuerySet):
    def _owned_q(self, user) -> Q:
        return Q(pk__in=Finding.objects.filter(owner=user).values("inspection_id"))


class FindingQuerySet(_OwnerAwareQuerySet):
    def _owned_q(self, user) -> Q:
        return Q(owner=user)


class Inspection(models.Model):
    """One inspection of a town: by the county (专项督查) or by the town itself (自查)."""

    class Kind(models.TextChoices):
        COUNTY = "county_special", "县级专项督查"
        SELF = "self", "镇级自查"
        OTHER = "other", "其他"

    class Topic(models.TextChoices):
        DOCUMENTS = "documents", "规范性文件"
        CONTRACTS = "contracts", "行政协议/合同"
        DECISIONS = "decisions", "重大行政决策"
        ENFORCEMENT = "enforcement", "行政执法"
        GENERAL = "general", "综合"

    class Conclusion(models.TextChoices):
        NONE = "", "尚未作出结论"
        FOUND = "found_issues", "发现问题"
        NO_ISSUES = "no_issues", "未发现需整改问题"

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "进行中"
        RECTIFYING = "rectifying", "整改中"
        COMPLETED = "completed", "已完成"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="被督查单位", on_delete=models.PROTECT, related_name="+"
    )
    conducted_by = models.ForeignKey(
        OrgUnit, verbose_name="督查单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("督查类型", max_length=16, choices=Kind.choices)
    title = models.CharField("督查名称", max_length=200)
    topic = models.CharField("督查内容", max_length=16, choices=Topic.choices)
    basis = models.CharField("督查依据", max_length=200, blank=True)
    started_on = models.DateField("开始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)
    conclusion = models.CharField(
        "督查结论", max_length=16, choices=Conclusion.choices, default="", blank=True
    )
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.IN_PROGRESS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = InspectionQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "督查"
        verbose_name_plural = "督查"
        indexes = [
            models.Index(fields=["org_unit", "started_on"]),
            models.Index(fields=["kind", "started_on"]),
            models.Index(fields=["status", "started_on"]),
            models.Index(fields=["started_on", "id"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_county(self) -> bool:
        return self.conducted_by.kind == OrgUnit.Kind.COUNTY


class Finding(models.Model):
    """One problem an inspection found, with who must rectify it by when, the
    rectification and its evidence (attachments), through to closure (销号)."""

    class Status(models.TextChoices):
        PENDING = "pending", "待整改"
        SUBMITTED = "submitted", "已提交整改"
        CLOSED = "closed", "已销号"
        RETURNED = "returned", "退回"

    OPEN = (Status.PENDING, Status.SUBMITTED, Status.RETURNED)

    # The inspected town (the inspection's), kept on the row for scoping and the timeline.
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="被督查单位", on_delete=models.PROTECT, related_name="+"
    )
    inspection = models.ForeignKey(
        Inspection, verbose_name="督查", on_delete=models.PROTECT, related_name="findings"
    )
    description = models.TextField("问题描述")
    basis = models.CharField("依据", max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="整改责任人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField("整改期限")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    rectification = models.TextField("整改情况", blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="销号人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_on = models.DateField("销号日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("记录时间", default=clock.now)

    objects = FindingQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "督查问题"
        verbose_name_plural = "督查问题"
        ordering = ["inspection", "id"]
        indexes = [
            models.Index(fields=["owner", "status", "deadline"]),
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["inspection", "status"]),
        ]

    def __str__(self) -> str:
        text = self.description.replace("\n", " ")
        return text[:40] + ("…" if len(text) > 40 else "")

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    def attachments_locked(self) -> str | None:
        """Evidence of a submitted or closed rectification is the record of what was done:
        it may not be removed (core.attachments asks every record this)."""
        if self.status in (self.Status.SUBMITTED, self.Status.CLOSED):
            return "已提交或已销号的整改佐证材料不能删除"
        return None
