"""信访: a petition (信访事项) registered by the town's 信访办 (the law office), its
petitioners, and its course under 信访工作条例 2022: acceptance and written notice, handling
(one extension), the 处理意见书 served on the petitioner, 复查 and 复核 — after 复核 the
matter is closed for good.

Every open petition carries its next statutory deadline (`next_due`), kept by the
services, so overdue and due soon are ranges on one indexed column."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock, pii
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads petitions: the town's 信访办 (law office) and leaders, the county that
# supervises. Nobody else: petitions carry personal data and whistle-blowing.
READER_ROLES = frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR})


class PetitionQuerySet(ScopedQuerySet):
    def visible_to(self, user, roles=None):
        """Scoped as every record, minus the whistle-blowing that accuses this user
        (信访工作条例 30, 46: never disclosed to the person accused) — they get 404."""
        qs = super().visible_to(user, roles or READER_ROLES)
        if user is not None and user.is_authenticated:
            qs = qs.exclude(accused_user=user)
        return qs


class Petition(SearchableMixin, models.Model):
    """One 信访事项 as registered (来信、网上、来访、来电), through to its closure."""

    class Channel(models.TextChoices):
        LETTER = "letter", "来信"
        ONLINE = "online", "网上信访"
        VISIT = "visit", "来访"
        PHONE = "phone", "来电"

    class Source(models.TextChoices):
        DIRECT = "direct", "信访人直接提出"
        TRANSFERRED = "transferred", "上级转送、交办"

    class Category(models.TextChoices):
        LAND = "land", "征地拆迁"
        LABOUR = "labour", "劳动社保"
        CONSTRUCTION = "construction", "城乡建设"
        FISHERY = "fishery", "农业渔业"
        ENVIRONMENT = "environment", "生态环境"
        NEIGHBOUR = "neighbour", "邻里纠纷"
        WELFARE = "welfare", "民政救助"
        CONDUCT = "conduct", "干部作风"
        LEGAL = "legal", "涉法涉诉"
        OTHER = "other", "其他"

    class Status(models.TextChoices):
        REGISTERED = "registered", "已登记待受理"
        ACCEPTED = "accepted", "已受理办理中"
        ANSWERED = "answered", "已出具处理意见"
        SERVED = "served", "已答复"
        REVIEWING = "reviewing", "复查中"
        REVIEWED = "reviewed", "已复查"
        REREVIEWING = "rereviewing", "复核中"
        CLOSED = "closed", "已复核终结"
        NOT_ACCEPTED = "not_accepted", "不予受理"
        TRANSFERRED_OUT = "transferred_out", "已转送"
        OBJECTED = "objected", "已提出异议"

    class Result(models.TextChoices):
        SUPPORT = "support", "予以支持"
        EXPLAIN = "explain", "作出解释说明"
        REJECT = "reject", "不予支持"

    # The statuses in which the organ has a statutory step to take (next_due is set).
    OPEN = (
        Status.REGISTERED,
        Status.ACCEPTED,
        Status.ANSWERED,
        Status.REVIEWING,
        Status.REREVIEWING,
    )

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="办理单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("事项摘要", max_length=200)
    channel = models.CharField("信访形式", max_length=16, choices=Channel.choices)
    source = models.CharField("来源", max_length=16, choices=Source.choices, default=Source.DIRECT)
    transferred_by = models.CharField("转送、交办机关", max_length=100, blank=True)
    category = models.CharField("类别", max_length=16, choices=Category.choices)
    content = models.TextField("请求、事实和理由")
    is_group = models.BooleanField("集体访", default=False)
    people_count = models.PositiveIntegerField("涉及人数", default=1)
    is_accusation = models.BooleanField("检举控告类", default=False)
    accused_name = models.CharField("被检举控告人或单位", max_length=100, blank=True)
    # When the accused is a user of the system, they must never see the matter.
    accused_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="被检举控告的系统用户",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    received_on = models.DateField("收到日期")
    rules = models.CharField("适用期限规定", max_length=16, default="national")
    repeat_count = models.PositiveIntegerField("此前信访次数", default=0)
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.REGISTERED
    )

    # Acceptance (受理/不予受理/转送/异议) and its written notice.
    accept_due = models.DateField("受理告知期限")
    objection_due = models.DateField("异议期限", null=True, blank=True)
    decided_on = models.DateField("受理决定日期", null=True, blank=True)
    notified_on = models.DateField("书面告知日期", null=True, blank=True)
    late_reason = models.CharField("逾期告知理由", max_length=200, blank=True)
    transferred_to = models.CharField("转送机关", max_length=100, blank=True)
    decision_reason = models.TextField("不予受理、转送或异议理由", blank=True)

    # Handling.
    handling_due = models.DateField("办理期限", null=True, blank=True)
    extended_on = models.DateField("延期日期", null=True, blank=True)
    extension_days = models.PositiveIntegerField("延长日数", null=True, blank=True)
    extension_reason = models.TextField("延期理由", blank=True)
    answered_on = models.DateField("处理意见书日期", null=True, blank=True)
    facts = models.TextField("查明的事实", blank=True)
    opinion = models.TextField("处理意见", blank=True)
    legal_basis = models.TextField("法律法规依据", blank=True)
    result = models.CharField("处理结果", max_length=16, choices=Result.choices, blank=True)
    review_organ = models.CharField("复查机关", max_length=100, blank=True)
    served_on = models.DateField("送达日期", null=True, blank=True)

    # 复查 and 复核 (by the organ above; the town records them).
    review_requested_on = models.DateField("复查请求日期", null=True, blank=True)
    review_due = models.DateField("复查期限", null=True, blank=True)
    review_opinion = models.TextField("复查意见", blank=True)
    review_served_on = models.DateField("复查意见送达日期", null=True, blank=True)
    rereview_requested_on = models.DateField("复核请求日期", null=True, blank=True)
    rereview_due = models.DateField("复核期限", null=True, blank=True)
    rereview_opinion = models.TextField("复核意见", blank=True)
    rereview_served_on = models.DateField("复核意见送达日期", null=True, blank=True)

    # The nearest statutory deadline while the organ has a step to take; None otherwise.
    next_due = models.DateField("下一法定期限", null=True, blank=True, editable=False)
    search = models.TextField(default="", editable=False)
    search_fields = ("title", "content")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)

    objects = PetitionQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "信访事项"
        verbose_name_plural = "信访事项"
        indexes = [
            models.Index(fields=["received_on", "id"], name="petition_list_order_idx"),
            models.Index(fields=["org_unit", "received_on"], name="petition_unit_received_idx"),
            models.Index(fields=["org_unit", "next_due"], name="petition_next_due_idx"),
            models.Index(fields=["next_due", "id"], name="petition_due_order_idx"),
            models.Index(fields=["status", "received_on"], name="petition_status_idx"),
            models.Index(fields=["category", "received_on"], name="petition_category_idx"),
            models.Index(fields=["channel", "received_on"], name="petition_channel_idx"),
            models.Index(fields=["decided_on"], name="petition_decided_idx"),
            models.Index(fields=["answered_on"], name="petition_answered_idx"),
            models.Index(fields=["review_requested_on"], name="petition_review_idx"),
            models.Index(fields=["rereview_requested_on"], name="petition_rereview_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def number(self) -> str:
        """The registration number shown on pages and documents."""
        return f"信访〔{self.received_on.year}〕{self.pk}号"

    def compute_next_due(self, status: str | None = None):
        """The deadline of the organ's next step in `status` (default: the current one);
        the services keep `next_due` with this after every change."""
        S = self.Status
        return {
            S.REGISTERED: (
                min(self.accept_due, self.objection_due) if self.objection_due else self.accept_due
            ),
            S.ACCEPTED: self.handling_due,
            S.ANSWERED: self.handling_due,
            S.REVIEWING: self.review_due,
            S.REREVIEWING: self.rereview_due,
        }.get(status or self.status)


class Petitioner(models.Model):
    """A petitioner (or, for a group visit, one of its representatives). The ID number
    and phone are stored encrypted; `id_hash` links the same person's petitions."""

    petition = models.ForeignKey(
        Petition, verbose_name="信访事项", on_delete=models.CASCADE, related_name="petitioners"
    )
    name = models.CharField("姓名", max_length=50)
    id_number = pii.EncryptedTextField("公民身份号码", blank=True)
    id_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone = pii.EncryptedTextField("联系电话", blank=True)
    address = models.CharField("住址", max_length=200)
    is_representative = models.BooleanField("代表", default=False)

    class Meta:
        verbose_name = "信访人"
        verbose_name_plural = "信访人"
        ordering = ["petition", "id"]
        indexes = [models.Index(fields=["id_hash"], name="petitioner_hash_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def masked_name(self) -> str:
        return pii.mask_name(self.name)
