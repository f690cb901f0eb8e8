"""组织领导: the leading groups of a town and its villages (members with their terms, so
who was in a group on any day can be answered), the town's work rules (工作制度),
meetings and study sessions (attendance, minutes, decisions), and the leading cadres'
annual 述法 (the year's list, each report, the meeting it was given at, its 评议)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

USER = settings.AUTH_USER_MODEL


class LeadingGroup(models.Model):
    """The 法治建设领导小组 of a town or of a village/community (one per unit)."""

    org_unit = models.OneToOneField(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("领导小组名称", max_length=100)
    established_on = models.DateField("成立日期")
    created_by = models.ForeignKey(
        USER, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "领导小组"
        verbose_name_plural = "领导小组"

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    """One person's membership of a leading group, from `started_on` to `ended_on`
    (open while None). Ended memberships are kept: they are the group's history."""

    class Role(models.TextChoices):
        LEADER = "leader", "组长"
        DEPUTY = "deputy", "副组长"
        MEMBER = "member", "成员"
        OFFICE_DIRECTOR = "office_director", "办公室主任"
        OFFICE_MEMBER = "office_member", "办公室成员"

    group = models.ForeignKey(
        LeadingGroup, verbose_name="领导小组", on_delete=models.PROTECT, related_name="members"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(USER, verbose_name="成员", on_delete=models.PROTECT, related_name="+")
    role = models.CharField("小组职务", max_length=20, choices=Role.choices)
    duties = models.CharField("分工职责", max_length=300, blank=True)
    started_on = models.DateField("任职开始")
    ended_on = models.DateField("任职结束", null=True, blank=True)
    created_at = models.DateTimeField("记录时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "领导小组成员"
        verbose_name_plural = "领导小组成员"
        indexes = [models.Index(fields=["group", "started_on"])]

    def __str__(self) -> str:
        return f"{self.user}({self.get_role_display()})"


class WorkRule(models.Model):
    """A work rule (工作制度) of the town or a village, with its text and/or file
    (attachments)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("制度名称", max_length=200)
    text = models.TextField("制度内容", blank=True)
    adopted_on = models.DateField("制定日期")
    created_by = models.ForeignKey(
        USER, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "工作制度"
        verbose_name_plural = "工作制度"
        indexes = [models.Index(fields=["adopted_on", "id"])]

    def __str__(self) -> str:
        return self.title


class Meeting(SearchableMixin, models.Model):
    """A meeting (推进部署会, 专题研究会, 传达学习上级文件) or a study session (党委理论学习
    中心组学习, 专题学法, 学习研讨) of a town or a village, planned then held."""

    class Kind(models.TextChoices):
        DEPLOYMENT = "deployment", "推进部署会"
        TOPICAL = "topical", "专题研究会"
        RELAY = "relay", "传达学习上级文件"
        CENTRAL_GROUP = "central_group", "党委理论学习中心组学习"
        LAW_STUDY = "law_study", "专题学法"
        SEMINAR = "seminar", "学习研讨"

    class Level(models.TextChoices):
        TOWN = "town", "镇级"
        VILLAGE = "village", "村社级"

    class Status(models.TextChoices):
        PLANNED = "planned", "待召开"
        HELD = "held", "已召开"

    STUDY_KINDS = (Kind.CENTRAL_GROUP, Kind.LAW_STUDY, Kind.SEMINAR)

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField("层级", max_length=10, choices=Level.choices)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    title = models.CharField("会议名称", max_length=200)
    held_on = models.DateField("会议日期")
    place = models.CharField("地点", max_length=100, blank=True)
    host = models.ForeignKey(
        USER,
        verbose_name="主持人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    agenda = models.TextField("议程", blank=True)
    minutes = models.TextField("会议纪要", blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PLANNED)
    search = models.TextField(default="", editable=False)
    search_fields = ("title", "place", "agenda")
    created_by = models.ForeignKey(
        USER, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "会议与学习"
        verbose_name_plural = "会议与学习"
        indexes = [
            models.Index(fields=["held_on", "id"]),
            models.Index(fields=["kind", "held_on", "id"]),
            models.Index(fields=["level", "held_on", "id"]),
            models.Index(fields=["status", "held_on", "id"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_study(self) -> bool:
        return self.kind in self.STUDY_KINDS

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class Attendance(models.Model):
    """Who was expected at a meeting: present, or absent with the reason."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="attendances"
    )
    user = models.ForeignKey(USER, verbose_name="人员", on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField("出席", default=True)
    absence_reason = models.CharField("缺席原因", max_length=200, blank=True)

    class Meta:
        verbose_name = "参会情况"
        verbose_name_plural = "参会情况"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="leadership_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.user}({'出席' if self.present else '缺席'})"


class Decision(models.Model):
    """One decision of a held meeting (which may be broken down into tasks)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="decisions"
    )
    seq = models.PositiveIntegerField("序号")
    text = models.CharField("决定事项", max_length=500)

    class Meta:
        verbose_name = "会议决定"
        verbose_name_plural = "会议决定"
        ordering = ["meeting", "seq"]

    def __str__(self) -> str:
        return self.text


class LawReport(models.Model):
    """One leading cadre's 述法 for a year: on the year's list (pending), the report
    submitted (text and/or file), then given at a meeting and rated (评议)."""

    class Status(models.TextChoices):
        PENDING = "pending", "待述法"
        SUBMITTED = "submitted", "已提交"
        REVIEWED = "reviewed", "已评议"

    class Rating(models.TextChoices):
        NONE = "", "尚未评议"
        EXCELLENT = "excellent", "好"
        GOOD = "good", "较好"
        FAIR = "fair", "一般"
        POOR = "poor", "差"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    reporter = models.ForeignKey(
        USER, verbose_name="述法人", on_delete=models.PROTECT, related_name="+"
    )
    reporter_title = models.CharField("职务", max_length=100, blank=True)
    due_on = models.DateField("截止日期")
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.PENDING)
    report_text = models.TextField("述法报告", blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name="述法会议",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    rating = models.CharField(
        "评议结果", max_length=12, choices=Rating.choices, default="", blank=True
    )
    review_note = models.CharField("评议意见", max_length=500, blank=True)
    added_by = models.ForeignKey(
        USER, verbose_name="列入人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("列入时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "述法"
        verbose_name_plural = "述法"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year", "reporter"], name="leadership_lawreport_once"
            )
        ]
        indexes = [
            models.Index(fields=["year", "id"]),
            models.Index(fields=["reporter", "status", "due_on"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.reporter} {self.year}年度述法"

    def attachments_locked(self) -> str | None:
        if self.status != self.Status.PENDING:
            return "已提交的述法报告文件不能删除"
        return None
