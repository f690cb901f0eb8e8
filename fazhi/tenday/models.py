"""法治建设旬报: a town's report to the county for one 旬 (1–10, 11–20, 21–end of month),
drafted from that period's figures of every app, edited by the law officer, submitted,
and possibly returned by the county for completion (查漏补缺) and submitted again.

What was sent is kept with the report (`figures`, the drafted figures with their
sentences, and the edited text), so later changes to the ledgers never rewrite it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

from .periods import Period

# Who reads a town's 旬报: its law office and leaders, and the county it reports to.
READER_ROLES = frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR})


class TenDayReport(SearchableMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "起草中"
        SUBMITTED = "submitted", "已报送"
        RETURNED = "returned", "已退回"

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="报送单位", on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField("旬开始日期")
    period_end = models.DateField("旬结束日期")
    due_on = models.DateField("报送期限")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    # [{key, label, value, unit, sentence, section}] as drafted (what the county received).
    figures = models.JSONField("起草数据", default=list, blank=True)
    body = models.TextField("本旬工作情况", blank=True)
    problems = models.TextField("存在问题", blank=True)
    next_steps = models.TextField("下一步工作", blank=True)
    drafted_at = models.DateTimeField("起草时间", default=clock.now)
    # The first submission decides on time / late; a resubmission after a return is the
    # same report completed, not a second report.
    first_submitted_on = models.DateField("首次报送日期", null=True, blank=True)
    submitted_on = models.DateField("最近报送日期", null=True, blank=True)
    is_late = models.BooleanField("逾期报送", default=False)
    return_count = models.PositiveSmallIntegerField("退回次数", default=0)
    return_comment = models.TextField("退回意见", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)
    # The character pairs of the text, indexed for ?q= (core.search).
    search = models.TextField(default="", editable=False)
    search_fields = ("body", "problems", "next_steps")

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "法治建设旬报"
        verbose_name_plural = "法治建设旬报"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "period_start"], name="tenday_one_report_per_period"
            )
        ]
        indexes = [
            models.Index(fields=["period_start", "id"]),
            models.Index(fields=["status", "period_start", "id"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit.name}法治建设旬报({self.period.name})"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def title(self) -> str:
        return f"{self.org_unit.name}法治建设旬报({self.period.name})"

    @property
    def editable(self) -> bool:
        return self.status in self.EDITABLE
