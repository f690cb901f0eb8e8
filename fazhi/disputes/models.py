"""矛盾纠纷 and 人民调解: a dispute from intake to closure, its parties, the routing between
the mediation bodies, the mediation sessions (the 卷宗 of 人民调解法 art 27), the agreement
(art 28–29) with its signed copy and the 30-day judicial-confirmation window (art 33),
and the follow-up visits (art 31).

A dispute belongs to the unit whose committee handles it now (a village's 调委会, or the
town: 镇调委会/司法所); routing moves it, so scoping follows the handler. Warnings are
columns the services keep (`next_due`, `judicial_due`), never per-row subqueries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core import clock, pii
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads the disputes of their scope: the town's law office (司法所/镇调委会), its
# leaders, the county that supervises, and each village's cadres (the village 调委会).
READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR, Role.VILLAGE_CADRE}
)
# Who may open the pages: the readers, and grid workers (who see what they registered).
PAGE_ROLES = READER_ROLES | {Role.GRID_WORKER}


class Category(models.TextChoices):
    """The built-in categories; a county adds local ones (params.LOCAL_CATEGORIES)."""

    NEIGHBOUR = "neighbour", "邻里纠纷"
    FAMILY = "family", "婚姻家庭"
    LAND_CONTRACT = "land_contract", "土地承包"
    HOMESTEAD = "homestead", "宅基地"
    LABOUR = "labour", "劳资纠纷"
    DAMAGES = "damages", "损害赔偿"
    PROPERTY = "property", "物业"
    EXPROPRIATION = "expropriation", "征地拆迁"
    OTHER = "other", "其他"


LOCAL_PREFIX = "local:"


def category_label(code: str) -> str:
    if code.startswith(LOCAL_PREFIX):
        return code[len(LOCAL_PREFIX) :]
    try:
        return Category(code).label
    except ValueError:
        return code


# Who registers disputes (and keeps reading what they registered).
INTAKE_ROLES = frozenset({Role.LAW_OFFICER, Role.VILLAGE_CADRE, Role.GRID_WORKER})


class DisputeQuerySet(ScopedQuerySet):
    """Scoped like every record for READER_ROLES; whoever registered a dispute keeps
    reading it: a grid worker's lands at the village committee above their grid, and a
    village's routed up to the town leaves the village's scope. With an explicit `roles`,
    plain scoping."""

    def visible_to(self, user, roles=None):
        if roles is not None:
            return super().visible_to(user, roles)
        q = self.scope_q(user, READER_ROLES)
        if user is not None and user.is_authenticated and user.has_role(*INTAKE_ROLES):
            mine = self._registered_outside(user, q)
            if mine is not None:
                q = mine if q is None else q | mine
        return self.none() if q is None else self.filter(q)

    def _registered_outside(self, user, scope: Q | None) -> Q | None:
        """The disputes `user` registered that their `scope` does not already hold, by id
        (None: there are none). Written as `scope OR created_by = me`, every list had to
        read and sort all of the town's disputes, because no index serves an OR of two
        columns; almost always there are none outside (a town's officer registers in the
        town) and the list walks its (unit, date) index again."""
        if scope is None:  # they see only what they registered: the indexed column
            return Q(created_by_id=user.pk)
        own = self.model._base_manager.filter(created_by_id=user.pk).exclude(scope)
        ids = list(own.order_by().values_list("id", flat=True)[: self.OUTSIDE_BY_ID + 1])
        if not ids:
            return None
        if len(ids) > self.OUTSIDE_BY_ID:  # many: the column itself
            return Q(created_by_id=user.pk)
        return Q(id__in=ids)

    # Up to this many registered-elsewhere disputes are named by id.
    OUTSIDE_BY_ID = 200


class Dispute(SearchableMixin, models.Model):
    """One dispute (矛盾纠纷) brought to people's mediation."""

    class Source(models.TextChoices):
        GRID_VISIT = "grid_visit", "网格走访"
        WALK_IN = "walk_in", "来访"
        PHONE = "phone", "来电"
        ONLINE = "online", "网上反映"
        INITIATIVE = "initiative", "主动排查"

    class Status(models.TextChoices):
        REGISTERED = "registered", "已登记"
        ACCEPTED = "accepted", "已受理"
        MEDIATING = "mediating", "调解中"
        MEDIATED = "mediated", "调解成功"
        FAILED = "failed", "调解不成"
        REFUSED = "refused", "当事人拒绝调解"
        TRANSFERRED = "transferred", "已移交"
        CLOSED = "closed", "已结案"

    class Body(models.TextChoices):
        VILLAGE = "village_committee", "村(居)人民调解委员会"
        TOWN = "town_committee", "镇人民调解委员会"
        LAW_OFFICE = "law_office", "司法所"
        OTHER = "other", "其他机关"

    OPEN = (Status.REGISTERED, Status.ACCEPTED, Status.MEDIATING)
    OUTCOMES = (Status.MEDIATED, Status.FAILED, Status.REFUSED, Status.TRANSFERRED)

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="承办单位", on_delete=models.PROTECT, related_name="+"
    )
    # The grid (or village) the matter came from, when a grid worker reported it.
    reported_unit = models.ForeignKey(
        OrgUnit,
        verbose_name="反映地网格",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    source = models.CharField("来源", max_length=16, choices=Source.choices)
    # A grid visit of the grids app: a plain id, never a key across apps.
    source_visit_id = models.PositiveBigIntegerField("来源走访记录", null=True, blank=True)
    category = models.CharField("纠纷类别", max_length=40)
    place = models.CharField("纠纷发生地", max_length=200)
    amount = models.DecimalField(
        "涉及金额(元)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    involved_count = models.PositiveIntegerField("涉及人数", null=True, blank=True)
    summary = models.TextField("纠纷简要情况")
    handler_body = models.CharField(
        "承办机构", max_length=20, choices=Body.choices, default=Body.VILLAGE
    )
    handler_name = models.CharField("承办机构名称", max_length=100, blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.REGISTERED
    )
    outcome = models.CharField(
        "调解结果", max_length=16, choices=Status.choices, blank=True, default=""
    )
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="人民调解员",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    registered_on = models.DateField("登记日期")
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    outcome_on = models.DateField("结果日期", null=True, blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    # 告知 of other remedies when mediation fails (art 26); who refused and when (art 17).
    remedies_told = models.TextField("告知的其他救济途径", blank=True)
    refused_by = models.CharField("拒绝调解的当事人", max_length=100, blank=True)
    refused_on = models.DateField("拒绝调解日期", null=True, blank=True)
    # The nearest open date (acceptance target, handling target, judicial window), kept
    # by the services; the workbench and the overdue filter read it.
    next_due = models.DateField("最近期限", null=True, blank=True, editable=False)
    # The last day to apply for judicial confirmation while the window is open (art 33);
    # null once applied, waived, or when there is no written agreement in force.
    judicial_due = models.DateField("司法确认申请截止日", null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("summary", "place")

    # The county's list walks its order index (0.6 s → 19 ms at 300,000 disputes, SQLite).
    objects = DisputeQuerySet.as_manager(scope_field="org_unit", whole_tree_complement=True)
    reader_roles = PAGE_ROLES

    class Meta:
        verbose_name = "矛盾纠纷"
        verbose_name_plural = "矛盾纠纷"
        indexes = [
            models.Index(fields=["registered_on", "id"], name="dispute_list_order_idx"),
            models.Index(fields=["org_unit", "registered_on"], name="dispute_unit_day_idx"),
            models.Index(fields=["status", "registered_on"], name="dispute_status_day_idx"),
            models.Index(fields=["category", "registered_on"], name="dispute_category_day_idx"),
            models.Index(fields=["source", "registered_on"], name="dispute_source_day_idx"),
            models.Index(fields=["org_unit", "status"], name="dispute_unit_status_idx"),
            models.Index(fields=["org_unit", "judicial_due"], name="dispute_judicial_idx"),
            models.Index(fields=["org_unit", "next_due"], name="dispute_next_due_idx"),
            models.Index(fields=["created_by", "registered_on"], name="dispute_creator_idx"),
        ]

    def __str__(self) -> str:
        label = self.category_label
        return f"{label if label.endswith('纠纷') else label + '纠纷'} #{self.pk}"

    @property
    def category_label(self) -> str:
        return category_label(self.category)

    @property
    def handler_label(self) -> str:
        return self.handler_name or self.get_handler_body_display()

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def short_summary(self) -> str:
        text = self.summary.replace("\n", " ")
        return text[:40] + ("…" if len(text) > 40 else "")


class PartyQuerySet(ScopedQuerySet):
    pass


class Party(models.Model):
    """A party (当事人) of a dispute. The ID number and phone are encrypted; the keyed hash
    of the ID number links repeat disputes of the same person."""

    class Side(models.TextChoices):
        APPLICANT = "applicant", "申请人"
        RESPONDENT = "respondent", "被申请人"

    dispute = models.ForeignKey(
        Dispute, verbose_name="纠纷", on_delete=models.PROTECT, related_name="parties"
    )
    role = models.CharField("当事人类别", max_length=16, choices=Side.choices)
    name = models.CharField("姓名(名称)", max_length=100)
    id_number = pii.EncryptedTextField("公民身份号码", blank=True)
    id_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    phone = pii.EncryptedTextField("联系电话", blank=True)
    address = models.CharField("住址", max_length=200, blank=True)
    # The dispute's registration day, copied so repeat lookups read one index.
    registered_on = models.DateField("登记日期")

    objects = PartyQuerySet.as_manager(scope_field="dispute__org_unit")

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        ordering = ["dispute", "id"]
        indexes = [models.Index(fields=["id_hash", "registered_on"], name="party_repeat_idx")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.masked_name}"

    @property
    def masked_name(self) -> str:
        return pii.mask_name(self.name)

    @property
    def id_masked(self) -> str:
        return pii.mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        return pii.mask_phone(self.phone)


class Routing(models.Model):
    """One routing step (分流): from which body to which, and why."""

    dispute = models.ForeignKey(
        Dispute, verbose_name="纠纷", on_delete=models.PROTECT, related_name="routings"
    )
    from_body = models.CharField("原承办机构", max_length=100)
    to_body = models.CharField("分流至", max_length=20, choices=Dispute.Body.choices)
    to_name = models.CharField("接收机构", max_length=100)
    reason = models.TextField("分流理由")
    routed_on = models.DateField("分流日期")
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager(scope_field="dispute__org_unit")

    class Meta:
        verbose_name = "纠纷分流"
        verbose_name_plural = "纠纷分流"
        ordering = ["dispute", "routed_on", "id"]

    def __str__(self) -> str:
        return f"分流至{self.to_name}"


class Session(models.Model):
    """One mediation session's record (调解记录, art 27)."""

    class Result(models.TextChoices):
        CONTINUE = "continue", "继续调解"
        AGREED = "agreed", "达成协议"
        FAILED = "failed", "调解不成"

    dispute = models.ForeignKey(
        Dispute, verbose_name="纠纷", on_delete=models.PROTECT, related_name="sessions"
    )
    held_on = models.DateField("调解日期")
    place = models.CharField("调解地点", max_length=200)
    mediators = models.CharField("人民调解员", max_length=200)
    attendees = models.CharField("参加人员", max_length=500)
    record = models.TextField("调解情况")
    result = models.CharField("本次结果", max_length=16, choices=Result.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager(scope_field="dispute__org_unit")

    class Meta:
        verbose_name = "调解记录"
        verbose_name_plural = "调解记录"
        ordering = ["dispute", "held_on", "id"]
        indexes = [models.Index(fields=["dispute", "held_on"], name="session_dispute_idx")]

    def __str__(self) -> str:
        return f"调解记录 {self.held_on}"


class AgreementQuerySet(ScopedQuerySet):
    def visible_to(self, user, roles=None):
        # The agreement is read by whoever reads its dispute.
        return self.filter(dispute__in=Dispute.objects.visible_to(user, roles).values("pk"))


class Agreement(models.Model):
    """The mediation agreement (调解协议): written (调解协议书, art 29, effective when
    signed and sealed) or oral (口头协议, art 28, effective when agreed, art 30); and
    for a written one, the joint application for judicial confirmation (art 33)."""

    class Form(models.TextChoices):
        WRITTEN = "written", "调解协议书"
        ORAL = "oral", "口头协议"

    class Judicial(models.TextChoices):
        NONE = "", "—"
        OPEN = "open", "可申请司法确认"
        APPLIED = "applied", "已申请司法确认"
        WAIVED = "waived", "不申请司法确认"
        CONFIRMED = "confirmed", "法院确认有效"
        REJECTED = "rejected", "法院驳回申请/不予确认"
        LAPSED = "lapsed", "申请期限已过"

    dispute = models.OneToOneField(
        Dispute, verbose_name="纠纷", on_delete=models.PROTECT, related_name="agreement"
    )
    form = models.CharField("协议形式", max_length=16, choices=Form.choices)
    facts = models.TextField("纠纷的主要事实")
    issues = models.TextField("争议事项")
    responsibility = models.TextField("各方当事人的责任")
    terms = models.TextField("协议内容")
    performance_manner = models.TextField("履行方式", blank=True)
    performance_deadline = models.DateField("履行期限", null=True, blank=True)
    mediators = models.CharField("人民调解员", max_length=200)
    committee = models.CharField("人民调解委员会", max_length=100)
    agreed_on = models.DateField("达成协议日期")
    signed_on = models.DateField("签字盖章日期", null=True, blank=True)
    effective_on = models.DateField("生效日期", null=True, blank=True)
    judicial_state = models.CharField(
        "司法确认", max_length=16, choices=Judicial.choices, blank=True, default=""
    )
    judicial_due = models.DateField("司法确认申请截止日", null=True, blank=True)
    applied_on = models.DateField("申请司法确认日期", null=True, blank=True)
    court = models.CharField("受理法院", max_length=100, blank=True)
    decided_on = models.DateField("法院决定日期", null=True, blank=True)
    judicial_note = models.TextField("司法确认说明", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    objects = AgreementQuerySet.as_manager(scope_field="dispute__org_unit")
    reader_roles = PAGE_ROLES

    class Meta:
        verbose_name = "调解协议"
        verbose_name_plural = "调解协议"
        indexes = [models.Index(fields=["agreed_on"], name="agreement_day_idx")]

    def __str__(self) -> str:
        return f"{self.get_form_display()}(纠纷 #{self.dispute_id})"

    def attachments_locked(self) -> str | None:
        """The signed copy of an agreement in force is part of the case file (art 27)."""
        if self.signed_on:
            return "已生效调解协议书的签字盖章件已归入调解卷宗,不能删除(人民调解法第二十七条)"
        return None


class FollowUp(models.Model):
    """A follow-up visit (回访) on the performance of an agreement (art 31)."""

    class Performance(models.TextChoices):
        DONE = "done", "已履行"
        PARTIAL = "partial", "部分履行"
        NOT_DONE = "not_done", "未履行"

    dispute = models.ForeignKey(
        Dispute, verbose_name="纠纷", on_delete=models.PROTECT, related_name="followups"
    )
    visited_on = models.DateField("回访日期")
    performance = models.CharField("履行情况", max_length=16, choices=Performance.choices)
    note = models.TextField("回访情况", blank=True)
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="回访人", on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager(scope_field="dispute__org_unit")

    class Meta:
        verbose_name = "回访"
        verbose_name_plural = "回访"
        ordering = ["dispute", "visited_on", "id"]

    def __str__(self) -> str:
        return f"回访 {self.visited_on}"
