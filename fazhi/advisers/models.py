"""法律顾问: the registry of a town's (or county's) legal advisers, their appointment terms,
the work they do besides legality reviews, the configurable annual 考核办法 and each
year's assessment, which decides renewal (legal-rules.md §5).

The legality reviews an adviser concludes are not copied here: the work record reads
them from `fazhi.reviews` (selectors.review_stats), so the count is always the real one.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core import clock
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet

# --- who ------------------------------------------------------------------------------
KEEPER_ROLES = {Role.LAW_OFFICER}  # registry, terms, work entries
ASSESSOR_ROLES = {Role.TOWN_LEADER, Role.LAW_OFFICER}
SCHEME_ROLES = {Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR}
# Read every adviser of their scope; a legal adviser reads only their own record.
MANAGER_READER_ROLES = {Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER}
READER_ROLES = MANAGER_READER_ROLES | {Role.LEGAL_ADVISER}
EXPORT_ROLES = MANAGER_READER_ROLES


class Adviser(models.Model):
    """One legal adviser appointed by a town (or county)."""

    class Kind(models.TextChoices):
        LAWYER = "lawyer", "律师"
        EXPERT = "expert", "法学专家"
        PUBLIC_LAWYER = "public_lawyer", "公职律师"
        JUSTICE_OFFICE = "justice_office", "司法所工作人员"

    class Status(models.TextChoices):
        ACTIVE = "active", "在册"
        DISMISSED = "dismissed", "已解聘"

    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="聘任单位", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adviser_records",
        help_text="持“法律顾问”角色的账号;关联后,其完成的合法性审核自动计入工作记录",
    )
    name = models.CharField("姓名", max_length=64)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    institution = models.CharField("律师事务所/工作单位", max_length=100)
    licence_no = models.CharField("执业证号", max_length=32, blank=True)
    practice_since = models.DateField("执业起始日期", null=True, blank=True)
    sanction_record = models.BooleanField("受过行业惩戒或行政处罚", default=False)
    criminal_record = models.BooleanField("受过刑事处罚", default=False)
    specialty = models.CharField("专业领域", max_length=100, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.ACTIVE)
    note = models.TextField("备注", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")
    reader_roles = MANAGER_READER_ROLES

    class Meta:
        verbose_name = "法律顾问"
        verbose_name_plural = "法律顾问"
        ordering = ["org_unit__code", "name", "id"]
        indexes = [
            models.Index(fields=["org_unit", "status"]),
            models.Index(fields=["org_unit", "kind"]),
            models.Index(fields=["user"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "user"],
                condition=Q(user__isnull=False),
                name="adviser_unique_user_per_unit",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def practice_years(self, on: date) -> int:
        """Full years of practice on `on` (0 without a start date)."""
        if not self.practice_since:
            return 0
        years = on.year - self.practice_since.year
        if (on.month, on.day) < (self.practice_since.month, self.practice_since.day):
            years -= 1
        return max(years, 0)


class Appointment(models.Model):
    """One term of appointment (聘期); a renewal is the next term, starting when the last ends."""

    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="聘任单位", on_delete=models.PROTECT, related_name="+"
    )
    adviser = models.ForeignKey(
        Adviser, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="appointments"
    )
    start = models.DateField("聘期开始")
    end = models.DateField("聘期届满")
    agreement_ref = models.CharField("聘用合同编号", max_length=64, blank=True)
    is_renewal = models.BooleanField("续聘", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "聘任"
        verbose_name_plural = "聘任"
        ordering = ["adviser_id", "start"]
        indexes = [
            models.Index(fields=["org_unit", "end"]),
            models.Index(fields=["adviser", "start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="appointment_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.adviser} {self.start}至{self.end}"


class WorkEntry(models.Model):
    """Work other than legality reviews (those are counted from fazhi.reviews)."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", "法律咨询"
        NEGOTIATION = "negotiation", "参与谈判"
        LITIGATION = "litigation", "诉讼代理"
        PETITION = "petition", "信访化解"
        TRAINING = "training", "法治培训"
        OTHER = "other", "其他"

    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    adviser = models.ForeignKey(
        Adviser, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="work_entries"
    )
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    date = models.DateField("日期")
    description = models.CharField("事项", max_length=300)
    hours = models.DecimalField("用时(小时)", max_digits=5, decimal_places=1, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "工作记录"
        verbose_name_plural = "工作记录"
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["org_unit", "date"]),
            models.Index(fields=["adviser", "date"]),
            models.Index(fields=["org_unit", "kind", "date"]),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.description[:30]}"


class AssessmentScheme(models.Model):
    """The 考核办法 of a county (for all its towns) or of one town: criteria with weights
    (maximum scores) summing to 100, grade thresholds, and which grades renew.

    criteria: [{"key": "c1", "name": "履职工作量", "weight": 30, "source": "workload"}, ...]
      (source: "workload" / "timeliness" lets the form suggest a score from the work
      record; the assessor confirms)
    grades: [{"name": "优秀", "min": 90}, {"name": "合格", "min": 60}, {"name": "不合格", "min": 0}]
    renew_grades: ["优秀", "合格"]
    """

    org_unit = models.OneToOneField(
        "core.OrgUnit", verbose_name="适用单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("名称", max_length=100)
    criteria = models.JSONField("考核项目")
    grades = models.JSONField("等次")
    renew_grades = models.JSONField("续聘等次")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="修改人", on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "考核办法"
        verbose_name_plural = "考核办法"

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One adviser's annual assessment: a score per criterion, total, grade, renew or not."""

    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    adviser = models.ForeignKey(
        Adviser, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField("考核年度")
    scheme_name = models.CharField("考核办法", max_length=100)
    # The criteria as they were when scored, so a later change of the 考核办法 does not
    # rewrite an old assessment.
    criteria = models.JSONField("考核项目")
    scores = models.JSONField("各项得分")
    total = models.DecimalField("总分", max_digits=5, decimal_places=1)
    grade = models.CharField("等次", max_length=16)
    renew = models.BooleanField("续聘")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="考核人", on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField("考核意见", blank=True)
    created_at = models.DateTimeField("考核时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "年度考核"
        verbose_name_plural = "年度考核"
        ordering = ["-year", "adviser_id"]
        indexes = [models.Index(fields=["org_unit", "year"])]
        constraints = [
            models.UniqueConstraint(fields=["adviser", "year"], name="assessment_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.adviser} {self.year}年度考核 {self.grade}"
