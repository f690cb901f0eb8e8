"""Core records: the org tree, people and their roles, the audit trail, the holiday
calendar, personal API tokens and attachments."""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core import clock

from .pii import EncryptedTextField
from .prepared import prepared
from .roles import RECORD_ROLES, UNIT_MANAGER_ROLES, Role
from .scoping import ScopedQuerySet
from .verbs import verb_label

# How long a code is at each level of the tree: county 6 digits, town 9, village or
# community 12, grid 15. The one place that knows it.
CODE_LENGTHS = {"county": 6, "town": 9, "village": 12, "community": 12, "grid": 15}


def ancestor_codes(code: str, *, up_to: str = "grid") -> list[str]:
    """The codes of the unit `code` and of every unit above it, county first, no deeper
    than the level `up_to` ("town" gives the county's and the town's)."""
    limit = CODE_LENGTHS[up_to]
    lengths = sorted({n for n in CODE_LENGTHS.values() if n <= min(limit, len(code))})
    return [code[:n] for n in lengths]


class OrgUnit(models.Model):
    """A county, town, village/community or grid, identified by its 行政区划代码.

    A unit's code starts with its parent's code (county 6 digits, town 9, village 12,
    grid 15), so a whole subtree is one indexed prefix query on `code`.
    """

    class Kind(models.TextChoices):
        COUNTY = "county", "县"
        TOWN = "town", "镇(乡、街道)"
        VILLAGE = "village", "村"
        COMMUNITY = "community", "社区"
        GRID = "grid", "网格"

    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    code = models.CharField("行政区划代码", max_length=15, unique=True)
    name = models.CharField("名称", max_length=64)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Prefix used for document numbers etc. (e.g. "海屿镇政规"); configuration, not code.
    short_name = models.CharField("简称", max_length=32, blank=True)
    is_active = models.BooleanField("启用", default=True)

    objects = ScopedQuerySet.as_manager(scope_field="")
    # A unit's own files (its rules, appointment letters) are read by the unit's business
    # roles and by those who keep the tree (the system administrator included).
    reader_roles = RECORD_ROLES | UNIT_MANAGER_ROLES

    class Meta:
        verbose_name = "组织单位"
        verbose_name_plural = "组织单位"
        ordering = ["code"]
        indexes = [models.Index(fields=["kind", "code"])]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> int:
        return {"county": 0, "town": 1, "village": 2, "community": 2, "grid": 3}[self.kind]

    def ancestor_codes(self, *, up_to: str = "grid") -> list[str]:
        return ancestor_codes(self.code, up_to=up_to)

    def ancestor_of_kind(self, kind: str) -> OrgUnit | None:
        unit = self
        while unit is not None and unit.kind != kind:
            unit = unit.parent
        return unit


class User(AbstractUser):
    """A person who logs in to fazhi. What they may do comes from their memberships."""

    full_name = models.CharField("姓名", max_length=64, blank=True)
    # Personal data (rule 7): encrypted at rest, found by keyed hash, masked on display.
    id_number = EncryptedTextField("公民身份号码", blank=True)
    id_number_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = EncryptedTextField("手机号", blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Set when someone else chose the password; pages are closed until the owner changes it.
    must_change_password = models.BooleanField("须修改初始密码", default=False)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    def active_memberships(self):
        """The person's active memberships (org unit loaded), read once per request with a
        statement compiled once per connection (core.prepared): every page asks for them
        (the role check, the menu, scoping), and compiling the ORM query cost more than
        SQLite takes to answer it; a page that only reads takes them from the worker's
        memory under the epoch (core.epoch). A membership granted or revoked anywhere shows
        on the next request."""
        cache = getattr(self, "_membership_cache", None)
        if cache is None:
            from .epoch import remembered

            cache = remembered("memberships", str(self.pk), lambda: _memberships_query()(self.pk))
            for membership in cache:  # as the related manager does: no query for .user
                membership._state.fields_cache["user"] = self
            self._membership_cache = cache
        return cache

    def roles(self) -> set[str]:
        return {m.role for m in self.active_memberships()}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles() & set(roles))

    def units_for(self, roles) -> list[OrgUnit]:
        return [m.org_unit for m in self.active_memberships() if m.role in roles]


@functools.cache
def _memberships_query():
    return prepared(
        lambda user_id: (
            Membership.objects.filter(user_id=user_id, is_active=True)
            .select_related("org_unit")
            .order_by("id")
        ),
        -7_000_001,  # a sample id that appears nowhere else in the query's parameters
    )


class Membership(models.Model):
    """A person holding a role in an org unit (one person may hold several)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("角色", max_length=32, choices=Role.choices)
    title = models.CharField("职务", max_length=64, blank=True)
    is_active = models.BooleanField("有效", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "任职"
        verbose_name_plural = "任职"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "org_unit", "role"], name="membership_unique_role_per_unit"
            )
        ]
        indexes = [models.Index(fields=["role", "is_active"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.org_unit} · {self.get_role_display()}"


class AuditEvent(models.Model):
    """One append-only entry of the audit trail. Each row carries the hash of the row
    before it, so any change to an old row breaks the chain (`fazhi audit verify`)."""

    class Result(models.TextChoices):
        SUCCESS = "success", "成功"
        FAILURE = "failure", "失败"
        DENIED = "denied", "拒绝"

    occurred_at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField("操作人账号", max_length=150, blank=True)
    verb = models.CharField("操作", max_length=64, db_index=True)
    object_type = models.CharField("对象类型", max_length=64, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name="单位",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    changes = models.JSONField("变更内容", default=dict, blank=True)
    result = models.CharField("结果", max_length=16, choices=Result.choices, default="success")
    ip = models.CharField("IP地址", max_length=45, blank=True)
    request_id = models.CharField("请求编号", max_length=32, blank=True)
    # Unique: two events can never claim the same predecessor, so the chain cannot fork.
    prev_hash = models.CharField("前一条哈希", max_length=64, unique=True)
    hash = models.CharField("哈希", max_length=64, unique=True)

    class Meta:
        verbose_name = "审计事件"
        verbose_name_plural = "审计事件"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["actor_name", "occurred_at"]),
            models.Index(fields=["object_type", "object_id"]),
            # "failures only" is the audit administrator's first filter; newest first.
            models.Index(fields=["result", "id"]),
            # A person's latest act: the workbench reuses its list until then (core.pending).
            models.Index(fields=["actor", "id"], name="core_audit_actor_id_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.verb} {self.object_repr}"

    @property
    def verb_label(self) -> str:
        return verb_label(self.verb)


class AuditPrunePermit(models.Model):
    """Exists only inside the transaction of `fazhi audit prune`; the database triggers
    allow deleting audit rows older than the retention floor only while a permit row
    exists, so no other code path can delete audit events."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "审计清理许可"
        verbose_name_plural = "审计清理许可"

    def __str__(self) -> str:
        return f"清理许可 {self.created_at}"


class HolidaySchedule(models.Model):
    """Marks a year whose official holiday schedule (国务院办公厅通知) has been entered."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("依据文件", max_length=200)
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年 {self.source}"


class HolidayOverride(models.Model):
    """One day whose status differs from the bundled calendar or from plain weekends:
    a statutory holiday, or a 调休 working weekend."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否上班", help_text="勾选表示调休上班日;不勾选表示放假")
    name = models.CharField("名称", max_length=32, blank=True)

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {'上班' if self.is_workday else '放假'} {self.name}"


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("用途", max_length=64)
    prefix = models.CharField("前缀", max_length=12)
    token_hash = models.CharField("令牌哈希", max_length=64, unique=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)

    class Meta:
        verbose_name = "API令牌"
        verbose_name_plural = "API令牌"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Attachment(models.Model):
    """A file attached to a record. Served only to users who may see that record."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    file = models.FileField("文件", upload_to="attachments/%Y/%m/")
    original_name = models.CharField("文件名", max_length=200)
    file_type = models.CharField("文件类型", max_length=8)
    size = models.PositiveBigIntegerField("大小(字节)")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.original_name


class StatusChange(models.Model):
    """One step of a record's workflow (architecture rule 4): who moved it from which state
    to which, by which action, when, with what note. The detail pages' timelines read it;
    `core.workflow` is its only writer."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    verb = models.CharField("操作", max_length=40)
    label = models.CharField("操作名称", max_length=40)
    from_status = models.CharField("原状态", max_length=40, blank=True)
    to_status = models.CharField("新状态", max_length=40)
    # Empty for the system's own steps (`fazhi tick`: entry into force, expiry).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField("说明", blank=True)
    at = models.DateTimeField("时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "状态变更"
        verbose_name_plural = "状态变更"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.label}:{self.from_status}→{self.to_status}"


class ParameterValue(models.Model):
    """A local value of a configurable legal parameter (architecture rule 10), set on a
    county or town; it applies to that unit's whole subtree unless a nearer unit sets its
    own. The parameters themselves (label, default, legal basis) are code: `core.params`."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="适用单位", on_delete=models.PROTECT, related_name="+"
    )
    key = models.CharField("参数", max_length=80)
    value = models.JSONField("取值")
    reason = models.CharField("依据或说明", max_length=200, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="设置人", on_delete=models.PROTECT, related_name="+"
    )
    set_at = models.DateTimeField("设置时间", auto_now=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "参数取值"
        verbose_name_plural = "参数取值"
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "key"], name="uniq_parameter_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


class Snapshot(models.Model):
    """A county-wide count remembered for a few minutes (`core.snapshots`): the answer, as
    JSON, and when it was counted. Not a record of anyone's work: nothing audits it, and
    deleting every row only makes the next page count again."""

    key = models.CharField("统计项", max_length=200, unique=True)
    taken_at = models.DateTimeField("统计时间")
    payload = models.JSONField("统计结果")

    class Meta:
        verbose_name = "汇总快照"
        verbose_name_plural = "汇总快照"

    def __str__(self) -> str:
        return f"{self.key}@{self.taken_at:%Y-%m-%d %H:%M}"


class Epoch(models.Model):
    """One row whose `value` the database changes with every write to people, memberships,
    the org tree or parameters (triggers, migration 0011): what a worker remembers of
    those is good for as long as the value stays the same (`core.epoch`). Nothing writes it
    from Python; deleting the row turns the remembering off until the next such write."""

    value = models.BigIntegerField("版本")

    class Meta:
        verbose_name = "缓存版本"
        verbose_name_plural = "缓存版本"

    def __str__(self) -> str:
        return str(self.value)
