"""行政协议与合同: the town's administrative agreements and civil contracts, from
registration through legality review, signing, archive and performance, with their
payment schedules (the SME payment rule) and tender records."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads contracts (and their attachments): the town's law office and leaders, its
# legal advisers, and the county supervisor (read-only).
READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.LEGAL_ADVISER, Role.COUNTY_SUPERVISOR}
)
# Who registers and runs contracts: the town's law office (product.md: "runs every ledger
# and workflow"). Leaders, advisers and the county read.
WRITER_ROLES = frozenset({Role.LAW_OFFICER})


class Category(models.TextChoices):
    """行政协议 subtypes of 最高法《关于审理行政协议案件若干问题的规定》第二条, and the town's
    civil contracts."""

    CONCESSION = "concession", "政府特许经营协议"
    EXPROPRIATION = "expropriation", "土地、房屋等征收征用补偿协议"
    RESOURCE = "resource", "矿业权等国有自然资源使用权出让协议"
    HOUSING = "housing", "政府投资的保障性住房租赁、买卖协议"
    PPP = "ppp", "政府与社会资本合作协议"
    OTHER_AGREEMENT = "other_agreement", "其他行政协议"
    GOODS = "goods", "采购合同(货物)"
    SERVICES = "services", "采购合同(服务)"
    WORKS = "works", "工程合同"
    LEASE = "lease", "租赁合同"
    OTHER_CIVIL = "other_civil", "其他民事合同"


AGREEMENT_CATEGORIES = frozenset(
    {
        Category.CONCESSION,
        Category.EXPROPRIATION,
        Category.RESOURCE,
        Category.HOUSING,
        Category.PPP,
        Category.OTHER_AGREEMENT,
    }
)


class ProcurementKind(models.TextChoices):
    """What is bought, for the tendering thresholds (发改委令第16号)."""

    NONE = "", "不涉及采购"
    WORKS = "works", "工程"
    GOODS = "goods", "货物"
    SERVICES = "services", "服务"


# Civil procurement categories fix their procurement kind.
CATEGORY_PROCUREMENT = {
    Category.GOODS: ProcurementKind.GOODS,
    Category.SERVICES: ProcurementKind.SERVICES,
    Category.WORKS: ProcurementKind.WORKS,
}


class TenderMethod(models.TextChoices):
    NONE = "", "未招标"
    OPEN = "open", "公开招标"
    INVITED = "invited", "邀请招标"
    NEGOTIATION = "negotiation", "竞争性谈判"
    CONSULTATION = "consultation", "竞争性磋商"
    SINGLE_SOURCE = "single_source", "单一来源"
    INQUIRY = "inquiry", "询价"


# Above the thresholds the law requires tendering proper (招标投标法第三条, 发改委令第16号).
TENDER_METHODS_REQUIRED = frozenset({TenderMethod.OPEN, TenderMethod.INVITED})


class Contract(SearchableMixin, models.Model):
    """One administrative agreement or civil contract of a town."""

    reader_roles = READER_ROLES

    class Status(models.TextChoices):
        DRAFT = "draft", "登记"
        LEGALITY_REVIEW = "legality_review", "合法性审核中"
        APPROVED = "approved", "审核通过"
        SIGNED = "signed", "已签订"
        ARCHIVED = "archived", "已归档"
        PERFORMING = "performing", "履行中"
        COMPLETED = "completed", "履行完毕"
        TERMINATED = "terminated", "已解除"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("合同名称", max_length=200)
    category = models.CharField("合同类型", max_length=24, choices=Category.choices)
    procurement_kind = models.CharField(
        "采购类别", max_length=16, choices=ProcurementKind.choices, blank=True, default=""
    )
    counterparty_name = models.CharField("相对方名称", max_length=200)
    counterparty_is_person = models.BooleanField("相对方为自然人", default=False)
    counterparty_credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    counterparty_is_sme = models.BooleanField("相对方为中小企业", default=False)
    amount = models.DecimalField("合同金额(元)", max_digits=16, decimal_places=2)
    term_start = models.DateField("履行期限起", null=True, blank=True)
    term_end = models.DateField("履行期限止", null=True, blank=True)
    payment_term_days = models.PositiveSmallIntegerField(
        "付款期限(交付后日数)", null=True, blank=True
    )
    payment_term_agreed = models.BooleanField("付款期限经双方约定", default=False)
    payment_conditional_on_third_party = models.BooleanField(
        "以第三方付款为支付条件", default=False
    )
    has_arbitration_clause = models.BooleanField("含仲裁条款", default=False)
    dispute_resolution = models.CharField("争议解决方式", max_length=500, blank=True)
    tender_method = models.CharField(
        "招标方式", max_length=16, choices=TenderMethod.choices, blank=True, default=""
    )
    tender_date = models.DateField("招标(开标)日期", null=True, blank=True)
    tender_notice_ref = models.CharField("招标公告编号", max_length=100, blank=True)
    body = models.TextField("合同文本", blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    reviewed_on = models.DateField("合法性审核完成日", null=True, blank=True)
    signed_on = models.DateField("签订日期", null=True, blank=True)
    archive_due = models.DateField("归档期限", null=True, blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    archive_number = models.CharField("档案号", max_length=64, blank=True)
    completed_on = models.DateField("履行完毕/解除日期", null=True, blank=True)
    # Historical contracts imported from an existing ledger were reviewed before fazhi:
    # where their review is recorded outside the system (e.g. "线下审核 海司审〔2025〕3号").
    # Only the import sets it; every contract registered in fazhi is reviewed in fazhi.
    # The earliest due date among unpaid instalments, kept by the payment services: the
    # list's payment warnings are a range on this indexed column instead of a subquery
    # over the payments of every contract in scope.
    next_unpaid_due = models.DateField("最早未付款应付日期", null=True, blank=True, editable=False)
    # The character pairs of title and counterparty, indexed for ?q= (core.search).
    search = models.TextField(default="", editable=False)
    search_fields = ("title", "counterparty_name")
    is_imported = models.BooleanField("历史台账导入", default=False)
    review_reference = models.CharField("线下审核记录", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_on = models.DateField("登记日期")
    created_at = models.DateTimeField("创建时间", default=clock.now)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "合同协议"
        verbose_name_plural = "合同协议"
        ordering = ["-created_on", "-id"]
        indexes = [
            models.Index(fields=["org_unit", "status"]),
            models.Index(fields=["org_unit", "category"]),
            models.Index(fields=["org_unit", "created_on"]),
            models.Index(fields=["status", "archive_due"]),
            models.Index(fields=["status", "term_end"]),
            # Figures and the annual summary count a unit's contracts by these dates; the
            # unit first, so a town reads its own rows, not the county's period.
            models.Index(fields=["org_unit", "reviewed_on"], name="contract_unit_reviewed_idx"),
            models.Index(fields=["org_unit", "signed_on"], name="contract_unit_signed_idx"),
            models.Index(fields=["counterparty_name"]),
            # The list's order (newest first) walked from the index, the unit in it so that a
            # town's page finds its ids without reading the county's rows (4 ms → 0.2 ms at
            # 90,000 contracts, SQLite); and the payment warnings.
            models.Index(
                fields=["created_on", "id", "org_unit"], name="contract_list_order_unit_idx"
            ),
            models.Index(fields=["org_unit", "next_unpaid_due"], name="contract_next_unpaid_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "archive_number"],
                condition=~models.Q(archive_number=""),
                name="contract_archive_number_unique_per_unit",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contracts:contract_detail", args=[self.pk])

    @property
    def is_administrative_agreement(self) -> bool:
        return self.category in AGREEMENT_CATEGORIES

    @property
    def kind_label(self) -> str:
        return "行政协议" if self.is_administrative_agreement else "民事合同"

    @property
    def review_kind(self) -> str:
        """The legality-review kind (fazhi.reviews): agreement or contract."""
        return "agreement" if self.is_administrative_agreement else "contract"


class ContractPayment(models.Model):
    """One instalment of a contract's payment schedule. For an SME counterparty its due
    date runs from delivery or acceptance (保障中小企业款项支付条例第九条、第十条)."""

    reader_roles = READER_ROLES

    contract = models.ForeignKey(
        Contract, verbose_name="合同", on_delete=models.CASCADE, related_name="payments"
    )
    condition = models.CharField("付款条件", max_length=200)
    delivered_on = models.DateField("交付(验收合格)日期", null=True, blank=True)
    due_on = models.DateField("应付日期", null=True, blank=True)
    amount = models.DecimalField("应付金额(元)", max_digits=16, decimal_places=2)
    paid_on = models.DateField("实付日期", null=True, blank=True)
    paid_amount = models.DecimalField(
        "实付金额(元)", max_digits=16, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="contract__org_unit")

    class Meta:
        verbose_name = "付款计划"
        verbose_name_plural = "付款计划"
        ordering = ["contract", "due_on", "id"]
        indexes = [
            models.Index(fields=["paid_on", "due_on"]),
            # A unit's payments are read through its contracts (contracts.summary).
            models.Index(fields=["contract", "paid_on"], name="payment_contract_paid_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.contract} · {self.condition}"

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None
