"""普法宣传: the town's calendar of themed campaigns (主题宣传日/月/周), its configurable
"八进" targets and event formats, the events held at town or village level (with photo
evidence as core attachments), online-study hours imported from a study platform, and
the 以案释法 case library pushed to cadres with read receipts.

Study sessions (专题学法) are leadership meetings, not records of this app."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin
from fazhi.core.summary import percent

# Who reads the app's town records (the calendar, events, study hours, pushes).
READER_ROLES = frozenset(
    {Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER, Role.VILLAGE_CADRE}
)
# Who receives case pushes.
RECIPIENT_ROLES = frozenset({Role.CADRE, Role.VILLAGE_CADRE})


class Campaign(models.Model):
    """One themed campaign of a town's year: a day (4·15), a week (宪法宣传周) or a month
    (民法典宣传月), with its basis; the workbench reminds the office before it starts."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("主题", max_length=100)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    basis = models.CharField("依据", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "主题宣传活动"
        verbose_name_plural = "主题宣传活动"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "name", "starts_on"], name="publicity_campaign_unique"
            )
        ]
        indexes = [
            models.Index(fields=["org_unit", "starts_on"]),
            models.Index(fields=["starts_on", "id"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period_label(self) -> str:
        if self.starts_on == self.ends_on:
            return f"{self.starts_on.month}月{self.starts_on.day}日"
        return f"{self.starts_on.month}月{self.starts_on.day}日—{self.ends_on.month}月{self.ends_on.day}日"


class Option(models.Model):
    """A configurable choice of the town: a "八进" target or an event format."""

    class Kind(models.TextChoices):
        TARGET = "target", "宣传对象(八进)"
        FORMAT = "format", "活动形式"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=8, choices=Kind.choices)
    name = models.CharField("名称", max_length=50)
    order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "普法配置项"
        verbose_name_plural = "普法配置项"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "kind", "name"], name="publicity_option_unique"
            )
        ]
        indexes = [models.Index(fields=["org_unit", "kind", "order"])]

    def __str__(self) -> str:
        return self.name


class Event(SearchableMixin, models.Model):
    """One 普法 event held by the town or one of its villages."""

    # Its photos show residents: core.attachments stores them without GPS or device data.
    strip_photo_metadata = True

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="举办单位", on_delete=models.PROTECT, related_name="+"
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name="主题宣传活动", on_delete=models.PROTECT, related_name="events",
        null=True, blank=True,
    )  # fmt: skip
    theme = models.CharField("主题", max_length=100)
    format = models.ForeignKey(
        Option, verbose_name="活动形式", on_delete=models.PROTECT, related_name="+"
    )
    targets = models.ManyToManyField(Option, verbose_name="宣传对象", related_name="events")
    title = models.CharField("活动名称", max_length=200)
    held_on = models.DateField("活动日期")
    place = models.CharField("地点", max_length=200)
    organiser = models.CharField("组织者", max_length=100)
    audience = models.PositiveIntegerField("受众人数")
    summary = models.TextField("活动情况", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("记录时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("title", "theme", "place")

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "普法活动"
        verbose_name_plural = "普法活动"
        indexes = [
            models.Index(fields=["held_on", "id"]),
            models.Index(fields=["org_unit", "held_on"]),
            models.Index(fields=["campaign", "held_on"]),
            models.Index(fields=["format", "held_on"]),
        ]

    def __str__(self) -> str:
        return self.title


class StudyImport(models.Model):
    """One import of online-study hours from a study platform's .xlsx export."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    platform = models.CharField("学习平台", max_length=50)
    filename = models.CharField("文件名", max_length=200)
    row_count = models.PositiveIntegerField("人次")
    total_hours = models.DecimalField("总学时", max_digits=10, decimal_places=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="导入人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("导入时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "线上学法导入"
        verbose_name_plural = "线上学法导入"
        indexes = [
            models.Index(fields=["org_unit", "created_at"]),
            models.Index(fields=["created_at", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.platform} {self.filename}"


class StudyHours(models.Model):
    """One person's online-study hours for one period (a year or a month)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    batch = models.ForeignKey(
        StudyImport, verbose_name="导入批次", on_delete=models.PROTECT, related_name="rows"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="人员", on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField("周期开始")
    period_end = models.DateField("周期结束")
    period_label = models.CharField("统计周期", max_length=20)
    hours = models.DecimalField("学时", max_digits=7, decimal_places=1)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "线上学法学时"
        verbose_name_plural = "线上学法学时"
        indexes = [
            models.Index(fields=["org_unit", "period_end"]),
            models.Index(fields=["batch", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.period_label} {self.hours}学时"


class Case(SearchableMixin, models.Model):
    """A case of the 以案释法 library: facts, the law applied, the lesson."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("案例名称", max_length=200)
    facts = models.TextField("基本案情")
    law_applied = models.TextField("适用法律")
    lesson = models.TextField("以案释法")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("录入时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("title", "law_applied")

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "以案释法案例"
        verbose_name_plural = "以案释法案例"
        indexes = [
            models.Index(fields=["created_at", "id"]),
            models.Index(fields=["org_unit", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title


class CasePush(models.Model):
    """A case pushed to chosen cadres; the counts are kept by the services (no per-row
    counting on the list)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, verbose_name="案例", on_delete=models.PROTECT, related_name="pushes"
    )
    pushed_on = models.DateField("推送日期")
    note = models.CharField("推送说明", max_length=200, blank=True)
    recipient_count = models.PositiveIntegerField("推送人数", default=0)
    read_count = models.PositiveIntegerField("已读人数", default=0)
    pushed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="推送人", on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "案例推送"
        verbose_name_plural = "案例推送"
        indexes = [
            models.Index(fields=["pushed_on", "id"]),
            models.Index(fields=["org_unit", "pushed_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.case}({self.pushed_on:%Y-%m-%d})"

    @property
    def read_rate(self) -> float:
        return percent(self.read_count, self.recipient_count)


class CaseReceipt(models.Model):
    """One cadre's copy of a push: read when they open it."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    push = models.ForeignKey(
        CasePush, verbose_name="推送", on_delete=models.PROTECT, related_name="receipts"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="接收人", on_delete=models.PROTECT, related_name="+"
    )
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "案例阅读回执"
        verbose_name_plural = "案例阅读回执"
        constraints = [
            models.UniqueConstraint(fields=["push", "recipient"], name="publicity_receipt_unique")
        ]
        indexes = [models.Index(fields=["recipient", "read_at", "push"])]

    def __str__(self) -> str:
        return f"{self.recipient} 阅读 {self.push}"
