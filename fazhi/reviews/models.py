"""合法性审核 and 智能预审 records.

- ReviewRequest: one legality review of a subject (a normative document, an agreement, a
  contract, a major decision) by a legal adviser or law officer, closed by a written
  opinion and a conclusion.
- PrecheckRun / PrecheckFinding: one automated pre-review of a draft and the engine's
  findings on it, each with the reviewer's decision (采纳 / 不采纳). A review request
  points at the run made for its draft (`ReviewRequest.precheck_run`), so the findings
  travel with the request without being copied."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy

from fazhi.core import clock
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet


def _rule_name(table: str, key: str) -> str:
    """The engine's Chinese name of a kind, category or severity (precheck.rules KINDS,
    CATEGORIES, SEVERITIES), read when shown: importing the rules here would load the whole
    engine, its compiled patterns and all, into every process that loads the models, each
    `fazhi` command included (issue 15)."""
    from .precheck import rules

    return getattr(rules, table).get(key, key)


_rule_label = lazy(_rule_name, str)

# Who reads runs, their findings and their attachments (the uploaded draft): those who
# run and decide them, and town leaders and county supervisors (read-only).
READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.LEGAL_ADVISER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR}
)


class PrecheckRun(models.Model):
    """One pre-review of a draft: the text as the engine saw it (its paragraphs), in the
    town of the law officer who ran it."""

    reader_roles = READER_ROLES

    class Kind(models.TextChoices):
        # The engine's kinds (precheck.rules.KINDS), with the same Chinese names.
        NORMATIVE = "normative", _rule_label("KINDS", "normative")
        CONTRACT = "contract", _rule_label("KINDS", "contract")
        AGREEMENT = "agreement", _rule_label("KINDS", "agreement")
        VILLAGE_RULES = "village_rules", _rule_label("KINDS", "village_rules")

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("文件标题", max_length=200)
    kind = models.CharField("文件类型", max_length=16, choices=Kind.choices)
    # The text exactly as the engine saw it: findings point into it by paragraph index
    # and character offsets, so it is kept verbatim (empty lines included).
    paragraphs = models.JSONField("段落", default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("发起时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "智能预审"
        verbose_name_plural = "智能预审"
        indexes = [
            models.Index(fields=["org_unit", "created_at"]),
            models.Index(fields=["kind", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:precheck_detail", args=[self.pk])


class PrecheckFinding(models.Model):
    """One finding of the engine on a run (a flagged sentence, or with `paragraph` None
    the whole document), and what the reviewer decided about it."""

    reader_roles = READER_ROLES

    class Decision(models.TextChoices):
        PENDING = "pending", "待确认"
        ACCEPTED = "accepted", "采纳"
        REJECTED = "rejected", "不采纳"

    run = models.ForeignKey(
        PrecheckRun, verbose_name="预审", on_delete=models.CASCADE, related_name="findings"
    )
    # The engine's order (located findings by position, whole-document findings last).
    position = models.PositiveIntegerField("序号", default=0)
    category = models.CharField("类别", max_length=32)
    rule = models.CharField("规则", max_length=64)
    severity = models.CharField("风险等级", max_length=8)
    paragraph = models.PositiveIntegerField("段落", null=True, blank=True)
    start = models.PositiveIntegerField("起始位置", null=True, blank=True)
    end = models.PositiveIntegerField("结束位置", null=True, blank=True)
    quote = models.TextField("原文", blank=True)
    basis = models.TextField("法律依据")
    explanation = models.TextField("问题说明")
    suggestion = models.TextField("修改建议")
    decision = models.CharField(
        "审核结论", max_length=16, choices=Decision.choices, default=Decision.PENDING
    )
    note = models.TextField("审核意见", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)

    objects = ScopedQuerySet.as_manager(scope_field="run__org_unit")

    class Meta:
        verbose_name = "预审意见"
        verbose_name_plural = "预审意见"
        ordering = ["run", "position"]
        indexes = [models.Index(fields=["rule", "decision"])]

    def __str__(self) -> str:
        return f"{self.category_label}:{self.rule}"

    @property
    def category_label(self) -> str:
        return _rule_name("CATEGORIES", self.category)

    @property
    def severity_label(self) -> str:
        return _rule_name("SEVERITIES", self.severity)

    @property
    def is_whole_document(self) -> bool:
        return self.paragraph is None


# --- 合法性审核: one mechanism for documents, agreements, contracts and decisions --------

# Who reads legality reviews: those who request and give them, and town leaders and
# county supervisors (read-only).
REVIEW_READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.LEGAL_ADVISER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR}
)


class SubjectKind(models.TextChoices):
    NORMATIVE = "normative", "规范性文件"
    AGREEMENT = "agreement", "行政协议"
    CONTRACT = "contract", "民事合同"
    DECISION = "decision", "重大行政决策"


class Conclusion(models.TextChoices):
    PASSED = "passed", "通过"
    PASSED_WITH_CHANGES = "passed_with_changes", "修改后通过"
    REJECTED = "rejected", "不通过"


class ReviewRequest(models.Model):
    """One request for a legality review (合法性审核) of a subject — a normative
    document, an agreement, a contract or a major decision — to a legal adviser or the
    司法所/法治办 reviewer, with the written opinion and conclusion that close it.

    A subject is any model with `org_unit`, `title`, `created_by` (its drafter) and
    `get_absolute_url()`; the request points at it generically. The automated
    pre-review of the draft (智能预审) attaches through `precheck_run`."""

    reader_roles = REVIEW_READER_ROLES
    Kind = SubjectKind
    Conclusion = Conclusion

    class Status(models.TextChoices):
        PENDING = "pending", "审核中"
        CONCLUDED = "concluded", "已出具意见"
        WITHDRAWN = "withdrawn", "已撤回"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name="审核对象类型", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField("审核对象编号")
    subject = GenericForeignKey("content_type", "object_id")
    kind = models.CharField("审核事项类型", max_length=16, choices=SubjectKind.choices)
    title = models.CharField("审核事项", max_length=300)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="送审人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField("送审时间", default=clock.now)
    due_date = models.DateField("审核期限")
    concluded_at = models.DateTimeField("出具意见时间", null=True, blank=True)
    opinion = models.TextField("书面审核意见", blank=True)
    conclusion = models.CharField("审核结论", max_length=24, choices=Conclusion.choices, blank=True)
    # {item_key: {"ok": bool, "note": str}} over the kind's checklist (checklists.py)
    checklist = models.JSONField("审核要点", default=dict, blank=True)
    withdraw_reason = models.TextField("撤回理由", blank=True)
    # THE place where automated pre-review findings attach (智能预审 of the draft).
    precheck_run = models.ForeignKey(
        PrecheckRun,
        verbose_name="智能预审",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_requests",
    )

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "合法性审核"
        verbose_name_plural = "合法性审核"
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["org_unit", "status"]),
            models.Index(fields=["reviewer", "status"]),
            models.Index(fields=["due_date"]),
            # The workbench's overdue reviews (pending, nearest first): walked from here
            # rather than every review past its date, concluded ones included.
            models.Index(fields=["status", "due_date", "id"], name="review_status_due_idx"),
            models.Index(fields=["kind", "status"]),
            models.Index(fields=["org_unit", "concluded_at"]),
            models.Index(fields=["requested_at"]),
        ]
        constraints = [
            # One review in progress per subject (该事项已有进行中的合法性审核), enforced by
            # the database too, so two concurrent requests cannot both get in.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="pending"),
                name="reviews_one_pending_review_per_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}(合法性审核)"

    def get_absolute_url(self) -> str:
        return reverse("reviews:review_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_passed(self) -> bool:
        return self.status == self.Status.CONCLUDED and self.conclusion in (
            Conclusion.PASSED,
            Conclusion.PASSED_WITH_CHANGES,
        )

    def is_overdue(self, today: date | None = None) -> bool:
        """Pending past its due date."""
        today = today or clock.today()
        return self.is_pending and self.due_date < today

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def on_time(self) -> bool | None:
        """Concluded on or before its due date; None while not concluded."""
        if self.status != self.Status.CONCLUDED or self.concluded_at is None:
            return None
        return timezone.localdate(self.concluded_at) <= self.due_date
