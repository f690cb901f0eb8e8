"""行政规范性文件: the register of a town's normative documents, their filing with the
county (备案审查) and the periodic clean-up (清理).

Lifecycle of a Document (`status`, driven by `services.DOCUMENT_FLOW`):

    draft 起草
      → fair_competition 公平竞争审查      (only when `touches_business`; conclusion recorded)
      → public_comment 征求意见            (opened with a start date and channel)
      → legality_review 合法性审核          (comment closed: period checked; review requested
                                           through fazhi.reviews)
      → deliberation 集体审议              (only with a passed legality review; the town
                                           leader records the meeting, staying here)
      → registered 登记编号                (only after the deliberation is recorded; the
                                           number is assigned here and nowhere else)
      → published 已公布                   (date + channel; validity checked)
      → in_force 施行中                    (on the effective date: at once, or by `tick`)
      → expired 已失效 / revised 已修改 / repealed 已废止

Filing with the county is a parallel track with its own record and state machine
(`Filing`, one per document): it starts once the document is published and does not
hold up the document's entry into force; its deadline is counted from publication.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet

# Who reads documents, filings and their files: the town's law office, leaders, advisers
# and cadres, and the county that supervises (village cadres and grid workers do not).
READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.LEGAL_ADVISER, Role.CADRE, Role.COUNTY_SUPERVISOR}
)


class Document(models.Model):
    reader_roles = READER_ROLES

    class Status(models.TextChoices):
        DRAFT = "draft", "起草"
        FAIR_COMPETITION = "fair_competition", "公平竞争审查"
        PUBLIC_COMMENT = "public_comment", "征求意见"
        LEGALITY_REVIEW = "legality_review", "合法性审核"
        DELIBERATION = "deliberation", "集体审议"
        REGISTERED = "registered", "登记编号"
        PUBLISHED = "published", "已公布"
        IN_FORCE = "in_force", "施行中"
        EXPIRED = "expired", "已失效"
        REVISED = "revised", "已修改"
        REPEALED = "repealed", "已废止"

    class Issuer(models.TextChoices):
        GOVERNMENT = "government", "镇人民政府"
        GOVERNMENT_OFFICE = "government_office", "镇人民政府办公室(经政府授权)"

    class FairCompetition(models.TextChoices):
        NONE = "", "未审查"
        COMPLIANT = "compliant", "符合"
        NONCOMPLIANT = "noncompliant", "不符合"
        EXCEPTION = "exception", "适用例外"

    class Deliberation(models.TextChoices):
        NONE = "", "未审议"
        PASSED = "passed", "审议通过"
        PASSED_WITH_CHANGES = "passed_with_changes", "原则通过(按审议意见修改后印发)"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="制定单位", on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.CharField("制定主体", max_length=32, choices=Issuer.choices)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", blank=True)
    touches_business = models.BooleanField("涉及经营主体经济活动", default=False)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default="draft")

    # 公平竞争审查 (公平竞争审查条例 第二条、第十二条、第十八条)
    fair_competition = models.CharField(
        "公平竞争审查结论", max_length=16, choices=FairCompetition.choices, blank=True
    )
    fair_competition_reason = models.TextField("适用例外理由", blank=True)
    fair_competition_until = models.DateField("例外实施期限", null=True, blank=True)

    # 征求意见
    comment_start = models.DateField("征求意见开始日期", null=True, blank=True)
    comment_end = models.DateField("征求意见截止日期", null=True, blank=True)
    comment_channel = models.CharField("征求意见渠道", max_length=100, blank=True)
    comment_count = models.PositiveIntegerField("收到意见数", null=True, blank=True)
    comment_adoption = models.TextField("意见采纳情况", blank=True)

    # 集体审议
    deliberation_meeting = models.CharField("审议会议", max_length=100, blank=True)
    deliberation_date = models.DateField("审议日期", null=True, blank=True)
    deliberation_decision = models.CharField(
        "审议结论", max_length=24, choices=Deliberation.choices, blank=True
    )

    # 统一登记、统一编号 (assigned by the register step only)
    number_prefix = models.CharField("发文字号前缀", max_length=32, blank=True)
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True)
    serial = models.PositiveIntegerField("序号", null=True, blank=True)
    number = models.CharField("文号", max_length=64, blank=True)
    registered_on = models.DateField("登记日期", null=True, blank=True)

    # 公布与效力
    published_on = models.DateField("公布日期", null=True, blank=True)
    publish_channel = models.CharField("公布载体", max_length=100, blank=True)
    effective_from = models.DateField("施行日期", null=True, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    urgent_reason = models.TextField("紧急施行理由", blank=True)
    # Counted once at publication (deadline service, documents.filing_days): lists and the
    # workbench read it without recounting per row.
    filing_due = models.DateField("报送备案期限", null=True, blank=True)
    ended_on = models.DateField("失效/废止日期", null=True, blank=True)
    end_reason = models.CharField("失效/废止原因", max_length=200, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "行政规范性文件"
        verbose_name_plural = "行政规范性文件"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "number_prefix", "year", "serial"],
                condition=models.Q(serial__isnull=False),
                name="document_unique_serial",
            ),
        ]
        indexes = [
            models.Index(fields=["org_unit", "status"]),
            models.Index(fields=["org_unit", "year"]),
            models.Index(fields=["status", "valid_until"]),
            models.Index(fields=["org_unit", "published_on"]),
            models.Index(fields=["org_unit", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.title}({self.number})" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:document_detail", args=[self.pk])

    @property
    def is_provisional(self) -> bool:
        """暂行 / 试行 in the title: the shorter validity limit applies."""
        return "暂行" in self.title or "试行" in self.title

    @property
    def is_ended(self) -> bool:
        return self.status in (self.Status.EXPIRED, self.Status.REVISED, self.Status.REPEALED)


class NumberCounter(models.Model):
    """The last serial given per town, prefix and year: one row, locked while a number is
    taken, so numbers are gapless and unique under concurrent registrations."""

    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    prefix = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "文号计数"
        verbose_name_plural = "文号计数"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "prefix", "year"], name="document_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.last}"


class Filing(models.Model):
    """备案: the town files a published document with the county, which accepts it, returns
    it for completion (补正) or orders correction or revocation (纠错) with a deadline."""

    reader_roles = READER_ROLES

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "已报送待审查"
        RETURNED = "returned", "退回补正"
        CORRECTION_ORDERED = "correction_ordered", "责令纠正"
        ACCEPTED = "accepted", "准予备案"
        REVOKED = "revoked", "已撤销"

    class OrderKind(models.TextChoices):
        NONE = "", "—"
        CORRECT = "correct", "责令纠正"
        REVOKE = "revoke", "责令撤销"

    document = models.OneToOneField(
        Document, verbose_name="规范性文件", on_delete=models.PROTECT, related_name="filing"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="报备单位", on_delete=models.PROTECT, related_name="+"
    )
    county = models.ForeignKey(
        OrgUnit, verbose_name="备案审查机关", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField("状态", max_length=20, choices=Status.choices, default="submitted")
    submitted_on = models.DateField("报送日期")
    due_date = models.DateField("报送期限")
    on_time = models.BooleanField("按时报送")
    materials = models.TextField("报送材料说明", blank=True)
    county_opinion = models.TextField("审查意见", blank=True)
    order_kind = models.CharField("纠错方式", max_length=16, choices=OrderKind.choices, blank=True)
    correction_due = models.DateField("整改期限", null=True, blank=True)
    returned_count = models.PositiveSmallIntegerField("退回补正次数", default=0)
    correction_ordered = models.BooleanField("曾责令纠错", default=False)
    decided_on = models.DateField("审查结论日期", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报送人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "备案"
        verbose_name_plural = "备案"
        ordering = ["-submitted_on", "-id"]
        indexes = [
            models.Index(fields=["org_unit", "status"]),
            models.Index(fields=["county", "status"]),
            models.Index(fields=["org_unit", "submitted_on"]),
            # The list's order (newest first), walked from the index to the page's LIMIT
            # instead of sorting every filing in scope with its document.
            models.Index(fields=["submitted_on", "id"], name="filing_list_order_idx"),
            # The workbench's returned filings and correction orders, a few among thousands:
            # partial, because by its statistics a status is a quarter of the table and the
            # planner would rather walk the list's order from the newest.
            models.Index(
                fields=["submitted_on", "id"],
                name="filing_attention_idx",
                condition=models.Q(status__in=["returned", "correction_ordered"]),
            ),
        ]

    def __str__(self) -> str:
        return f"备案:{self.document}"

    def get_absolute_url(self) -> str:
        return reverse("documents:filing_detail", args=[self.pk])

    @property
    def title(self) -> str:
        return str(self)

    @property
    def conforming(self) -> bool:
        """Accepted as filed: never returned, never ordered to correct (in SQL: the
        `conforming` count of `filing_counts`)."""
        return (
            self.status == self.Status.ACCEPTED
            and not self.returned_count
            and not self.correction_ordered
        )


def filing_counts() -> dict:
    """The filing figures as aggregates over a set of filings, one definition for the
    county's rates per town (`values("org_unit_id").annotate(**filing_counts())`) and a
    unit's annual figures (`.aggregate(**filing_counts())`): counted in the database, not
    row by row."""
    S = Filing.Status
    returned, ordered = models.Q(returned_count__gt=0), models.Q(correction_ordered=True)
    return {
        "filed": models.Count("id"),
        "on_time": models.Count("id", filter=models.Q(on_time=True)),
        "reviewed": models.Count("id", filter=models.Q(decided_on__isnull=False)),
        "conforming": models.Count("id", filter=models.Q(status=S.ACCEPTED) & ~returned & ~ordered),
        "returned": models.Count("id", filter=returned),
        "corrections_ordered": models.Count("id", filter=ordered),
        "corrections_done": models.Count(
            "id", filter=ordered & models.Q(status__in=(S.ACCEPTED, S.REVOKED))
        ),
    }


class CleanupBatch(models.Model):
    """清理: one round of review of the town's documents in force; each gets an outcome,
    and publishing the batch applies them and publishes the list."""

    reader_roles = READER_ROLES

    class Status(models.TextChoices):
        DRAFT = "draft", "清理中"
        PUBLISHED = "published", "已公布"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("名称", max_length=200)
    reason = models.CharField("清理原因", max_length=200, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default="draft")
    published_on = models.DateField("公布日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "清理"
        verbose_name_plural = "清理"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["org_unit", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:cleanup_detail", args=[self.pk])


class CleanupItem(models.Model):
    class Outcome(models.TextChoices):
        PENDING = "", "待定"
        CONTINUE = "continue", "继续有效"
        AMEND = "amend", "修改"
        REPEAL = "repeal", "废止"
        INVALIDATE = "invalidate", "宣布失效"

    batch = models.ForeignKey(
        CleanupBatch, verbose_name="清理", on_delete=models.CASCADE, related_name="items"
    )
    document = models.ForeignKey(
        Document, verbose_name="规范性文件", on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField("清理结论", max_length=16, choices=Outcome.choices, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "清理结论"
        verbose_name_plural = "清理结论"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "document"], name="cleanup_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document}:{self.get_outcome_display()}"
