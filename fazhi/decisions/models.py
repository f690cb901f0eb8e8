"""重大行政决策: the town's annual decision catalogue (决策事项目录) and each major
decision run through the five statutory procedures (重大行政决策程序暂行条例, applied by
towns per 第四十二条): public participation, expert argumentation, risk assessment,
legality review, collective discussion; then decision, publication, archive,
implementation reports and post-evaluation. A change to an adopted decision is a new
version that runs the procedure again (第三十七条)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Who reads decisions of their scope: the town's office and leaders, its legal advisers,
# the county supervising.
READER_ROLES = frozenset(
    {Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER, Role.LEGAL_ADVISER}
)

USER = settings.AUTH_USER_MODEL


class Catalogue(models.Model):
    """决策事项目录 of one town for one year: drafted by the law office, adopted by the
    town leader (after the Party committee's consent, 第三条第三款), then published."""

    class Status(models.TextChoices):
        DRAFT = "draft", "编制中"
        ADOPTED = "adopted", "已通过"
        PUBLISHED = "published", "已公布"

    org_unit = models.ForeignKey(OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("年度")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default="draft")
    adopted_on = models.DateField("通过日期", null=True, blank=True)
    adopted_by = models.ForeignKey(
        USER,
        verbose_name="通过人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_on = models.DateField("公布日期", null=True, blank=True)
    created_by = models.ForeignKey(
        USER, verbose_name="编制人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "决策事项目录"
        verbose_name_plural = "决策事项目录"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year"], name="decisions_one_catalogue_a_year"
            )
        ]
        indexes = [models.Index(fields=["year", "id"])]

    def __str__(self) -> str:
        return f"{self.org_unit.name}{self.year}年度重大行政决策事项目录"

    @property
    def title(self) -> str:
        return str(self)


class Decision(SearchableMixin, models.Model):
    """One major administrative decision (one version of it)."""

    search_fields = ("title", "undertaker")

    class Category(models.TextChoices):
        POLICY = "policy", "重大公共政策和措施"
        PLAN = "plan", "重要规划"
        RESOURCES = "resources", "自然和文化资源开发利用保护"
        PROJECT = "project", "重大公共建设项目"
        OTHER = "other", "其他重大事项"

    class Status(models.TextChoices):
        DRAFT = "draft", "起草"
        PARTICIPATION = "participation", "公众参与"
        EXPERT = "expert", "专家论证"
        RISK = "risk", "风险评估"
        LEGALITY_REVIEW = "legality_review", "合法性审查"
        DISCUSSION = "discussion", "集体讨论决定"
        DECIDED = "decided", "已决定"
        PUBLISHED = "published", "已公布"
        ARCHIVED = "archived", "已归档"
        SUPERSEDED = "superseded", "已调整(被新版本替代)"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="决策机关", on_delete=models.PROTECT, related_name="+"
    )
    catalogue = models.ForeignKey(
        Catalogue, verbose_name="决策事项目录", on_delete=models.PROTECT, related_name="decisions"
    )
    title = models.CharField("决策事项", max_length=200)
    category = models.CharField("事项类别", max_length=16, choices=Category.choices)
    undertaker = models.CharField("决策承办单位", max_length=100)
    body = models.TextField("决策草案", blank=True)
    version = models.PositiveSmallIntegerField("版本", default=1)
    previous = models.ForeignKey(
        "self",
        verbose_name="上一版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
    )
    revise_reason = models.TextField("调整理由", blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default="draft")
    # 公众参与: the consultation lives in fazhi.participation; a shorter period's reason is
    # kept here too (第十五条 requires it to be stated when the consultation opens).
    consult_starts_on = models.DateField("征求意见开始", null=True, blank=True)
    consult_ends_on = models.DateField("征求意见截止", null=True, blank=True)
    consult_reason_short = models.TextField("缩短征求意见期限的理由", blank=True)
    # How many of the five procedures are complete (0–5), and the day the fifth was:
    # kept by the services, read by the figures.
    procedures_done = models.PositiveSmallIntegerField("已履行法定程序数", default=0)
    procedures_completed_on = models.DateField("五项程序履行完毕日期", null=True, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_text = models.TextField("决定内容", blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    publish_channel = models.CharField("公布载体", max_length=200, blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    # The nearest deadline of the decision's current gate (the workbench's warning column).
    next_due = models.DateField("最近期限", null=True, blank=True)
    next_due_label = models.CharField("期限事项", max_length=40, blank=True)
    created_by = models.ForeignKey(
        USER, verbose_name="起草人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)
    # The character pairs of title and undertaker, indexed for ?q= (core.search).
    search = models.TextField(default="", editable=False)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        verbose_name = "重大行政决策"
        verbose_name_plural = "重大行政决策"
        indexes = [
            models.Index(fields=["created_at", "id"]),
            models.Index(fields=["org_unit", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["org_unit", "next_due"]),
            models.Index(fields=["org_unit", "decided_on"]),
        ]

    def __str__(self) -> str:
        return self.title + (f"(第{self.version}版)" if self.version > 1 else "")

    def get_absolute_url(self) -> str:
        from fazhi.core.links import reverse

        return reverse("decisions:decision_detail", args=[self.pk])

    def attachments_locked(self) -> str | None:
        if self.status == self.Status.ARCHIVED:
            return "已归档的决策材料不能删除(第三十三条:决策过程材料完整归档)"
        return None


class _Part(models.Model):
    """A piece of a decision's file: scoped by the decision's town, locked once archived."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="决策机关", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("记录时间", default=clock.now)
    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = READER_ROLES

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return self.decision.get_absolute_url()

    def attachments_locked(self) -> str | None:
        return self.decision.attachments_locked()


class Expert(_Part):
    """专家论证 (第十九、二十条): an expert who declared no direct interest in the matter, and
    the signed written opinion (uploaded as the attachment of this row)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="experts")
    name = models.CharField("专家姓名", max_length=50)
    field = models.CharField("专业领域", max_length=100)
    affiliation = models.CharField("工作单位", max_length=100, blank=True)
    no_conflict = models.BooleanField("已声明与决策事项无直接利害关系", default=True)
    opinion = models.TextField("论证意见", blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "论证专家"
        verbose_name_plural = "论证专家"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name}({self.field})"


class RiskAssessment(_Part):
    """风险评估 (第二十二、二十三条): the report's risks, measures and response plan, who
    assessed (a person, and the unit or third party that did the work); the report file is
    this row's attachment."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="risk")
    risks = models.TextField("风险点")
    measures = models.TextField("风险防范措施")
    response_plan = models.TextField("处置预案")
    level = models.CharField(
        "风险等级", max_length=8, choices=[("low", "低"), ("medium", "中"), ("high", "高")]
    )
    controllable = models.BooleanField("风险可控", default=True)
    assessor = models.ForeignKey(
        USER, verbose_name="评估负责人", on_delete=models.PROTECT, related_name="+"
    )
    assessor_org = models.CharField("评估单位", max_length=100)
    assessed_on = models.DateField("评估日期")

    class Meta:
        verbose_name = "风险评估"
        verbose_name_plural = "风险评估"

    def __str__(self) -> str:
        return f"{self.decision.title} 风险评估报告"


class Discussion(_Part):
    """集体讨论决定 (第三十条): the meeting, who attended, the order in which they spoke (the
    chief — 行政首长 — last), the chief's decision and any dissent, as recorded. The minutes
    are this row's attachment. A leadership meeting may be linked by its id."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="discussion")
    meeting_name = models.CharField("会议名称", max_length=100)
    meeting_date = models.DateField("会议日期")
    attendees = models.JSONField("参会人员", default=list)
    speaking_order = models.JSONField("发言顺序", default=list)
    chief = models.CharField("行政首长", max_length=50)
    dissent = models.TextField("不同意见", blank=True)
    chief_reason = models.TextField("行政首长决定与多数意见不一致的理由", blank=True)
    leadership_meeting_id = models.PositiveIntegerField("领导班子会议编号", null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "集体讨论记录"
        verbose_name_plural = "集体讨论记录"

    def __str__(self) -> str:
        return f"{self.meeting_name}({self.meeting_date:%Y-%m-%d})"


class ImplementationReport(_Part):
    """决策执行情况报告 (第三十四条)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="reports")
    reported_on = models.DateField("报告日期")
    content = models.TextField("执行情况")
    problems = models.TextField("发现的问题", blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "决策执行情况报告"
        verbose_name_plural = "决策执行情况报告"
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"执行情况报告({self.reported_on:%Y-%m-%d})"


class PostEvaluation(_Part):
    """决策后评估 (第三十六条): never by the person or unit that did the pre-decision
    assessment."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="evaluations")
    evaluator = models.ForeignKey(
        USER, verbose_name="评估负责人", on_delete=models.PROTECT, related_name="+"
    )
    evaluator_org = models.CharField("评估单位", max_length=100)
    evaluated_on = models.DateField("评估日期")
    conclusion = models.TextField("评估结论")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "决策后评估"
        verbose_name_plural = "决策后评估"
        ordering = ["evaluated_on", "id"]

    def __str__(self) -> str:
        return f"决策后评估({self.evaluated_on:%Y-%m-%d})"
