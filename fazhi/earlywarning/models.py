"""社会矛盾预警: one warning per watched matter (an open dispute, petition or key person
offered by its app's risk provider), with its explainable score and colour, kept up to
date by each evaluation, and the town's response or reasoned dismissal.

The subject is named by kind and primary key only (no foreign key: apps never import each
other); its page is the `url` the provider gave."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads warnings: the town's leaders and law office, and the county (read-only).
READER_ROLES = frozenset({Role.TOWN_LEADER, Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR})
# Who responds to or dismisses a warning of their town.
HANDLER_ROLES = frozenset({Role.TOWN_LEADER, Role.LAW_OFFICER})

SUBJECT_LABELS = {"dispute": "矛盾纠纷", "petition": "信访事项", "key_person": "重点人员"}


class Colour(models.TextChoices):
    RED = "red", "红色"
    YELLOW = "yellow", "黄色"
    GREEN = "green", "绿色"


class EarlyWarning(SearchableMixin, models.Model):
    """The early warning of one open matter: score, colour, factors, and what the town did."""

    class Status(models.TextChoices):
        OPEN = "open", "待应对"
        RESPONDED = "responded", "已应对"
        DISMISSED = "dismissed", "已撤销"
        RESOLVED = "resolved", "已解除"

    ACTIVE = (Status.OPEN, Status.RESPONDED)

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    subject_kind = models.CharField("对象类型", max_length=32)
    subject_pk = models.BigIntegerField("对象编号")
    title = models.CharField("预警事项", max_length=200)
    url = models.CharField("事项页面", max_length=300, blank=True)
    category = models.CharField("类别", max_length=64, blank=True)
    score = models.IntegerField("风险分", default=0)
    colour = models.CharField("预警颜色", max_length=8, choices=Colour.choices)
    # 3 red, 2 yellow, 1 green: the list's order (red first, then score) walks one index.
    colour_rank = models.PositiveSmallIntegerField("颜色等级", default=1)
    # The highest colour ever reached (the figures count a warning by it).
    peak_colour = models.CharField("最高颜色", max_length=8, choices=Colour.choices)
    factors = models.JSONField("风险因素", default=list)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    raised_at = models.DateTimeField("首次生成", default=clock.now)
    # When the present colour was reached: the response clock starts here.
    colour_since = models.DateTimeField("本颜色起始", default=clock.now)
    evaluated_on = models.DateField("最近研判日期")
    # The indexed warning column of the workbench and the list: respond by this day.
    response_due = models.DateField("应对期限", null=True, blank=True)
    responded_at = models.DateTimeField("应对时间", null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="应对记录人", on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )  # fmt: skip
    response_colour = models.CharField("应对或撤销时颜色", max_length=8, blank=True)
    response_minutes = models.PositiveIntegerField("响应用时(分钟)", null=True, blank=True)
    response_who = models.CharField("责任人", max_length=100, blank=True)
    response_measures = models.TextField("应对措施", blank=True)
    response_on = models.DateField("落实时间", null=True, blank=True)
    dismissed_reason = models.TextField("撤销理由", blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="撤销人", on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )  # fmt: skip
    closed_at = models.DateTimeField("撤销或解除时间", null=True, blank=True)
    search = models.TextField(blank=True, default="", editable=False)

    search_fields = ("title",)
    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "矛盾预警"
        verbose_name_plural = "矛盾预警"
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_pk"], name="earlywarning_one_per_subject"
            ),
        ]
        indexes = [
            # The list: red first, then score (and each filter with that order).
            models.Index(fields=["-colour_rank", "-score", "-id"], name="ew_list_idx"),
            models.Index(fields=["status", "-colour_rank", "-score", "-id"], name="ew_status_idx"),
            models.Index(fields=["colour", "-colour_rank", "-score", "-id"], name="ew_colour_idx"),
            models.Index(
                fields=["subject_kind", "-colour_rank", "-score", "-id"], name="ew_kind_idx"
            ),  # fmt: skip
            # Evaluation and the workbench: a town's active warnings, by colour and due day.
            models.Index(
                fields=["org_unit", "status", "colour", "response_due"], name="ew_unit_status_idx"
            ),  # fmt: skip
            models.Index(fields=["status", "colour", "response_due"], name="ew_due_idx"),
            # Figures: warnings raised / responded in a period.
            models.Index(fields=["raised_at"], name="ew_raised_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def subject_label(self) -> str:
        return SUBJECT_LABELS.get(self.subject_kind, self.subject_kind)

    @property
    def is_key_person(self) -> bool:
        return self.subject_kind == "key_person"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def response_hours(self) -> float | None:
        return None if self.response_minutes is None else round(self.response_minutes / 60, 1)

    def overdue(self, today) -> bool:
        return (
            self.status == self.Status.OPEN
            and self.response_due is not None
            and self.response_due < today
        )
