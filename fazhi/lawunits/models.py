"""法治单元: 民主法治村(社区) creation per village (tier, stage, the town's criteria
checklist with evidence per criterion), the registries of 法律明白人, 法治带头人,
学法守法示范户, 法治民宿 and other local 微单元 (configurable types) with their training
records, and each village's 村规民约 filed with the town and pre-reviewed.

Everything belongs to a village or community (`org_unit`), except the town's own
configuration (criteria, unit types), which belongs to the town."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock, pii
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads this app's records in their scope: the county, the town's leaders, office and
# advisers, and the village cadres of their own village.
READER_ROLES = frozenset(
    {
        Role.COUNTY_SUPERVISOR,
        Role.TOWN_LEADER,
        Role.LAW_OFFICER,
        Role.LEGAL_ADVISER,
        Role.VILLAGE_CADRE,
    }
)
VILLAGE_KINDS = ("village", "community")


class Tier(models.TextChoices):
    COUNTY = "county", "县级"
    CITY = "city", "市级"
    PROVINCE = "province", "省级"
    NATIONAL = "national", "国家级"


class Criterion(models.Model):
    """One item of a town's 民主法治村(社区) checklist (configurable; defaults seeded)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属镇", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("创建标准", max_length=100)
    description = models.CharField("说明", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField("序号", default=0)
    is_active = models.BooleanField("启用", default=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "创建标准"
        verbose_name_plural = "创建标准"
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["org_unit", "is_active", "position"])]

    def __str__(self) -> str:
        return self.name


class VillageRecord(models.Model):
    """One village's creation of 民主法治村(社区) at one tier, through its stages."""

    class Stage(models.TextChoices):
        CREATING = "creating", "创建中"
        DECLARED = "declared", "申报"
        PROPOSED = "proposed", "拟命名"
        NAMED = "named", "已命名"
        REVIEWING = "reviewing", "复核"

    # Stages in which the village holds the title (复核 is the periodic check of a named one).
    HOLDS_TITLE = (Stage.NAMED, Stage.REVIEWING)

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    tier = models.CharField("创建级别", max_length=16, choices=Tier.choices)
    status = models.CharField("阶段", max_length=16, choices=Stage.choices, default=Stage.CREATING)
    started_on = models.DateField("启动创建日期")
    declared_on = models.DateField("申报日期", null=True, blank=True)
    proposed_on = models.DateField("列入拟命名日期", null=True, blank=True)
    named_on = models.DateField("命名日期", null=True, blank=True)
    document = models.CharField("命名文件", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "民主法治村(社区)创建"
        verbose_name_plural = "民主法治村(社区)创建"
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "tier"], name="lawunits_record_tier_uniq")
        ]
        indexes = [
            models.Index(fields=["org_unit", "tier"]),
            models.Index(fields=["tier", "status", "id"]),
            models.Index(fields=["status", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit.name}·{self.get_tier_display()}民主法治村(社区)"


class Evidence(models.Model):
    """The evidence of one criterion for one record: a note and its files (attachments);
    a criterion counts as evidenced when it has at least one file (`file_count`, kept by
    the services)."""

    # Photos of villagers: core.attachments stores them without GPS or device data.
    strip_photo_metadata = True

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    record = models.ForeignKey(
        VillageRecord, verbose_name="创建记录", on_delete=models.PROTECT, related_name="evidence"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name="创建标准", on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField("说明", max_length=500, blank=True)
    file_count = models.PositiveIntegerField("佐证材料数", default=0)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "创建佐证"
        verbose_name_plural = "创建佐证"
        constraints = [
            models.UniqueConstraint(fields=["record", "criterion"], name="lawunits_evidence_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.record}·{self.criterion}"

    def attachments_locked(self) -> str | None:
        if self.record.status != VillageRecord.Stage.CREATING:
            return "已申报的创建佐证材料不能删除(退回创建中后方可修改)"
        return None


class UnitType(models.Model):
    """A kind of 法治微单元 a town keeps a registry of (法律明白人, 法治带头人, 学法守法示范户,
    法治民宿 by default; a town adds its own). `personal`: a person, whose ID number and
    phone are kept encrypted."""

    LEGAL_UNDERSTANDER = "legal_understander"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属镇", on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField("代码", max_length=40)
    name = models.CharField("名称", max_length=40)
    personal = models.BooleanField("登记个人", default=True)
    position = models.PositiveSmallIntegerField("序号", default=0)
    is_active = models.BooleanField("启用", default=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "法治微单元类型"
        verbose_name_plural = "法治微单元类型"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "code"], name="lawunits_type_code_uniq")
        ]

    def __str__(self) -> str:
        return self.name


class RegistryEntry(SearchableMixin, models.Model):
    """One person, household or place in a village's registry of one unit type."""

    # Photos of villagers: core.attachments stores them without GPS or device data.
    strip_photo_metadata = True

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    unit_type = models.ForeignKey(
        UnitType, verbose_name="类型", on_delete=models.PROTECT, related_name="entries"
    )
    name = models.CharField("名称(姓名)", max_length=100)
    id_number = pii.EncryptedTextField("公民身份号码", blank=True, default="")
    id_number_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    phone = pii.EncryptedTextField("联系电话", blank=True, default="")
    phone_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    description = models.CharField("简介(职业、特长、地址等)", max_length=300, blank=True)
    since = models.DateField("认定日期")
    is_active = models.BooleanField("在册", default=True)
    training_count = models.PositiveIntegerField("培训次数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("name", "description")

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "法治微单元"
        verbose_name_plural = "法治微单元"
        indexes = [
            models.Index(fields=["org_unit", "unit_type", "is_active"]),
            models.Index(fields=["unit_type", "is_active", "id"]),
            models.Index(fields=["is_active", "id"]),
            models.Index(fields=["id_number_hash"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return pii.mask_name(self.name) if self.unit_type.personal else self.name


class Training(models.Model):
    """A training a registered person took part in (法律明白人 培训记录)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    entry = models.ForeignKey(
        RegistryEntry, verbose_name="人员", on_delete=models.PROTECT, related_name="trainings"
    )
    held_on = models.DateField("培训日期")
    topic = models.CharField("培训内容", max_length=200)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "培训记录"
        verbose_name_plural = "培训记录"
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["entry", "held_on"])]

    def __str__(self) -> str:
        return self.topic


class VillageRules(SearchableMixin, models.Model):
    """A village's 村规民约 filed with the town (村民委员会组织法第二十七条): its text, the
    pre-review findings of the text, and the correction loop (退回改正 → 重新报备)."""

    # Photos of villagers: core.attachments stores them without GPS or device data.
    strip_photo_metadata = True

    class Status(models.TextChoices):
        FILED = "filed", "已报备待审查"
        RETURNED = "returned", "退回改正"
        ACCEPTED = "accepted", "审查通过"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("名称", max_length=200)
    text = models.TextField("正文")
    adopted_on = models.DateField("村民会议通过日期")
    filed_on = models.DateField("报备日期")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.FILED)
    # The latest pre-review: [{category, rule, severity, quote, basis, explanation, suggestion}].
    findings = models.JSONField("预审提示", default=list, blank=True)
    finding_count = models.PositiveIntegerField("预审提示数", default=0)
    version = models.PositiveSmallIntegerField("报备次数", default=1)
    returned_count = models.PositiveSmallIntegerField("退回次数", default=0)
    # Kept by the services: when the village must refile the corrected rules.
    correction_due = models.DateField("改正期限", null=True, blank=True)
    accepted_on = models.DateField("审查通过日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报备人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("报备时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("title",)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "村规民约"
        verbose_name_plural = "村规民约"
        indexes = [
            models.Index(fields=["filed_on", "id"]),
            models.Index(fields=["org_unit", "filed_on"]),
            models.Index(fields=["status", "filed_on"]),
            models.Index(fields=["status", "correction_due"]),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit.name}{self.title}"

    @property
    def corrected(self) -> bool:
        return self.returned_count > 0 and self.status == self.Status.ACCEPTED

    def attachments_locked(self) -> str | None:
        if self.status == self.Status.ACCEPTED:
            return "审查通过的村规民约材料不能删除"
        return None
