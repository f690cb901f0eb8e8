"""智能预审 records: one pre-review run of a draft and the engine's findings on it, each
with the reviewer's decision (采纳 / 不采纳).

A run stands alone today; a legality-review request (合法性审查) will point at the run
made for its draft (a nullable foreign key on the request), so its findings travel with
the request without being copied."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet

from .precheck.rules import CATEGORIES, KINDS, SEVERITIES

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
        NORMATIVE = "normative", KINDS["normative"]
        CONTRACT = "contract", KINDS["contract"]
        AGREEMENT = "agreement", KINDS["agreement"]

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
    created_at = models.DateTimeField("发起时间", auto_now_add=True)

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
        return CATEGORIES.get(self.category, self.category)

    @property
    def severity_label(self) -> str:
        return SEVERITIES.get(self.severity, self.severity)

    @property
    def is_whole_document(self) -> bool:
        return self.paragraph is None
