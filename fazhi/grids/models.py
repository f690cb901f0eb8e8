"""网格走访: the key-group categories a town keeps (困难/敏感/特殊, each with its visit
interval), the grid helpers who are not system users (村干部, 乡贤, 志愿者 …), the key
persons of each grid, and the visits to them.

Grids are core OrgUnits of kind "grid"; grid workers are core Memberships (网格员 on a
grid). Key persons are sensitive personal information (个人信息保护法 28): only the grid
worker of their grid, the cadre of their village and the town's law office read them
(`KEY_READER_ROLES`); leaders and the county see aggregates only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core import clock, pii
from fazhi.core.models import OrgUnit
from fazhi.core.pii import EncryptedTextField
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads key persons, their visits and the grid helpers: those who visit or supervise
# that grid (the grid's worker, its village's cadre, the town's law office).
KEY_READER_ROLES = frozenset({Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.LAW_OFFICER})
# Who reads the compliance figures (aggregates, no person): the readers plus the town's
# leaders and the county.
COMPLIANCE_ROLES = KEY_READER_ROLES | {Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR}


class Group(models.TextChoices):
    """The three key groups of the seed (困难群体、敏感群体、特殊群体)."""

    HARDSHIP = "hardship", "困难群体"
    SENSITIVE = "sensitive", "敏感群体"
    SPECIAL = "special", "特殊群体"


# Most severe first: the group a person counts under in figures and early warning when
# they belong to several. 敏感 (信访、涉稳) bears most directly on social conflict.
SEVERITY = (Group.SENSITIVE, Group.SPECIAL, Group.HARDSHIP)


def most_severe(groups) -> str:
    present = set(groups)
    return next((g.value for g in SEVERITY if g in present), "")


class KeyReaderQuerySet(ScopedQuerySet):
    """Scoped like every record, but only ever through the key-group readers' memberships:
    a town leader, adviser or the county supervisor sees no key person at all."""

    def visible_to(self, user, roles=None):
        allowed = KEY_READER_ROLES if roles is None else KEY_READER_ROLES & set(roles)
        if not allowed:
            return self.none()
        return super().visible_to(user, allowed)


class KeyGroupCategory(models.Model):
    """One category of key persons in a town (低保户, 社区矫正对象 …): its group, its
    visit interval in days, and whether it is in use. Set by the town's law officer."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    group = models.CharField("人群", max_length=16, choices=Group.choices)
    name = models.CharField("类别名称", max_length=40)
    interval_days = models.PositiveSmallIntegerField("走访周期(日)")
    is_active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "重点人群类别"
        verbose_name_plural = "重点人群类别"
        ordering = ["org_unit", "group", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "name"], name="grids_category_name_uniq")
        ]

    def __str__(self) -> str:
        return self.name


class RiskSignal(models.Model):
    """One choice of the visit form's risk signals (情绪激动, 扬言上访 …), per town."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("风险信号", max_length=40)
    is_active = models.BooleanField("启用", default=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "风险信号选项"
        verbose_name_plural = "风险信号选项"
        ordering = ["org_unit", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "name"], name="grids_signal_name_uniq")
        ]

    def __str__(self) -> str:
        return self.name


class GridHelper(models.Model):
    """A helper of a grid who holds no account (网格助手: 村干部, 乡贤, 志愿者 …)."""

    class Kind(models.TextChoices):
        CADRE = "village_cadre", "村干部"
        SAGE = "sage", "乡贤"
        VOLUNTEER = "volunteer", "志愿者"
        PARTY = "party_member", "党员"
        OTHER = "other", "其他"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="网格", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("姓名", max_length=40)
    kind = models.CharField("身份", max_length=16, choices=Kind.choices)
    phone = EncryptedTextField("手机号", blank=True, default="")
    is_active = models.BooleanField("在岗", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)

    objects = KeyReaderQuerySet.as_manager(scope_field="org_unit")
    reader_roles = KEY_READER_ROLES

    class Meta:
        verbose_name = "网格助手"
        verbose_name_plural = "网格助手"
        indexes = [models.Index(fields=["org_unit", "is_active"])]

    def __str__(self) -> str:
        return self.name


class KeyPerson(SearchableMixin, models.Model):
    """A person of a key group in a grid: only what the visits need (name, ID number,
    phone, address, categories), with the visit interval and the next due date the
    services keep (`interval_days`, `next_visit_due`)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属网格", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("姓名", max_length=40)
    id_number = EncryptedTextField("公民身份号码")
    id_number_hash = models.CharField(max_length=64, db_index=True, editable=False)
    phone = EncryptedTextField("联系电话", blank=True, default="")
    address = models.CharField("居住地址", max_length=200)
    categories = models.ManyToManyField(
        KeyGroupCategory, verbose_name="重点人群类别", related_name="persons"
    )
    note = models.CharField("走访事由说明", max_length=500, blank=True)
    registered_on = models.DateField("登记日期")
    # Kept by the services: the most severe group of the active categories, the shortest
    # interval among them, the last visit and the next visit's due date.
    main_group = models.CharField("主要人群", max_length=16, choices=Group.choices, blank=True)
    interval_days = models.PositiveSmallIntegerField("走访周期(日)", null=True, blank=True)
    last_visited_on = models.DateField("最近走访日期", null=True, blank=True)
    next_visit_due = models.DateField("应走访日期", null=True, blank=True)
    is_active = models.BooleanField("在册", default=True)
    removed_on = models.DateField("移出日期", null=True, blank=True)
    removed_reason = models.CharField("移出原因", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("name", "address")

    objects = KeyReaderQuerySet.as_manager(scope_field="org_unit")
    reader_roles = KEY_READER_ROLES

    class Meta:
        verbose_name = "重点人员"
        verbose_name_plural = "重点人员"
        indexes = [
            # The list's order (nearest due first) and its filters, each with the order.
            models.Index(fields=["next_visit_due", "id"], name="grids_person_due_idx"),
            models.Index(fields=["org_unit", "next_visit_due"], name="grids_person_unit_due_idx"),
            models.Index(fields=["main_group", "next_visit_due"], name="grids_person_group_idx"),
            models.Index(fields=["org_unit", "is_active"], name="grids_person_unit_active_idx"),
        ]

    def __str__(self) -> str:
        return self.masked_name

    @property
    def masked_name(self) -> str:
        return pii.mask_name(self.name)


class Visit(models.Model):
    """One visit to a key person (走访): when, how, what was found, what they need, the
    risk signals seen and what follows. `client_key` makes a replayed offline submission
    land once."""

    class Mode(models.TextChoices):
        HOME = "home", "入户"
        PHONE = "phone", "电话"
        TALK = "talk", "约谈"
        VIDEO = "video", "视频"

    person = models.ForeignKey(
        KeyPerson, verbose_name="走访对象", on_delete=models.PROTECT, related_name="visits"
    )
    # The person's grid and group when visited, kept on the row for scoping and figures.
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="网格", on_delete=models.PROTECT, related_name="+"
    )
    group = models.CharField("人群", max_length=16, choices=Group.choices, blank=True)
    visited_on = models.DateField("走访日期")
    mode = models.CharField("走访方式", max_length=8, choices=Mode.choices)
    situation = models.TextField("走访情况")
    needs = models.TextField("诉求", blank=True)
    signals = models.JSONField("风险信号", default=list, blank=True)
    signal_note = models.CharField("其他风险情况", max_length=500, blank=True)
    has_signals = models.BooleanField("有风险信号", default=False)
    follow_up = models.TextField("后续措施", blank=True)
    # The due date this visit answered (last visit, or registration, + the interval) and
    # whether it came by then: the compliance rate counts these.
    due_on = models.DateField("应走访日期", null=True, blank=True)
    on_time = models.BooleanField("按期", default=True)
    client_key = models.UUIDField("提交编号", unique=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="走访人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", default=clock.now)

    objects = KeyReaderQuerySet.as_manager(scope_field="org_unit")
    reader_roles = KEY_READER_ROLES

    class Meta:
        verbose_name = "走访"
        verbose_name_plural = "走访"
        indexes = [
            models.Index(fields=["visited_on", "id"], name="grids_visit_order_idx"),
            models.Index(fields=["org_unit", "visited_on"], name="grids_visit_unit_day_idx"),
            models.Index(fields=["person", "visited_on"], name="grids_visit_person_idx"),
            models.Index(fields=["org_unit", "due_on"], name="grids_visit_unit_due_idx"),
            models.Index(fields=["group", "visited_on"], name="grids_visit_group_idx"),
            # Early warning reads only the visits with signals of the last weeks.
            models.Index(
                fields=["org_unit", "visited_on"],
                condition=Q(has_signals=True),
                name="grids_visit_signals_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.masked_name} {self.visited_on:%Y-%m-%d} {self.get_mode_display()}"

    @property
    def signal_text(self) -> str:
        parts = list(self.signals or [])
        if self.signal_note:
            parts.append(self.signal_note)
        return "、".join(parts)
