"""公众参与: public consultations on drafts, the comments and their answers, hearings.

A shared service (like fazhi.reviews): any app may put one of its records to the public
(a normative document in public comment, a major decision, a plan). The subject is
reached by a generic relation, so participation never imports the subject's app.

- Consultation: one draft put to the public for a period, its text split into
  articles/paragraphs (`paragraphs`: [{"no", "label", "text"}]). Counters of comments and
  answers are columns the services keep (list pages never count per row).
- Comment: a resident's comment online, or one the officer entered from an offline
  channel; on one paragraph (quoted) or on the whole draft. Hidden by a moderator with a
  reason, never deleted.
- Answer: 采纳 / 部分采纳 / 不采纳 with a reason, for one or several comments (grouped).
- Invitation: a group invited to comment (人大代表, 政协委员, 人民团体 …).
- Hearing, HearingRegistration: 听证 on a subject, its notice, registrations, the
  selected participants (published), the signed record and the report.
- ResidentConsent: a resident's consent to the processing of their personal data
  (个人信息保护法 第十三、十四、二十九条), kept as the proof of consent.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from fazhi.core import clock, pii
from fazhi.core.links import reverse
from fazhi.core.models import Attachment, OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# Staff who read consultations and hearings in their scope.
READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR, Role.LEGAL_ADVISER}
)


class Tag(models.TextChoices):
    """Who took part, by channel of the seed: the platform's 纽带."""

    DEPUTY = "deputy", "人大代表"
    CPPCC = "cppcc", "政协委员"
    PEOPLE_ORG = "people_org", "人民团体"
    GRASSROOTS = "grassroots", "基层组织"
    SOCIAL_ORG = "social_org", "社会组织"
    INTERESTED = "interested", "利害关系人"
    PUBLIC = "public", "群众"


class Channel(models.TextChoices):
    ONLINE = "online", "网上"
    LETTER = "letter", "信函"
    SYMPOSIUM = "symposium", "座谈会"
    HOTLINE = "hotline", "热线电话"
    VISIT = "visit", "来访"


class Outcome(models.TextChoices):
    ADOPTED = "adopted", "采纳"
    PARTLY = "partly", "部分采纳"
    REJECTED = "rejected", "不采纳"


class Consultation(SearchableMixin, models.Model):
    reader_roles = READER_ROLES
    # The character pairs of the title, indexed for ?q= (core.search).
    search = models.TextField(default="", editable=False)
    search_fields = ("title",)

    class Kind(models.TextChoices):
        NORMATIVE = "normative", "行政规范性文件"
        DECISION = "decision", "重大行政决策"
        PLAN = "plan", "规划计划"
        OTHER = "other", "其他"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    kind = models.CharField("事项类型", max_length=16, choices=Kind.choices)
    title = models.CharField("征求意见稿标题", max_length=200)
    paragraphs = models.JSONField("条文", default=list)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("截止日期")
    reason_short = models.TextField("缩短期限理由", blank=True)
    closed_on = models.DateField("结束日期", null=True, blank=True)
    # Counters kept by the services (comments not hidden; answered among them).
    comment_count = models.PositiveIntegerField("意见数", default=0)
    answered_count = models.PositiveIntegerField("已答复数", default=0)
    adopted_count = models.PositiveIntegerField("采纳数", default=0)
    partly_count = models.PositiveIntegerField("部分采纳数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("发起时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        indexes = [
            models.Index(fields=["org_unit", "starts_on", "id"]),
            models.Index(fields=["starts_on", "id"]),
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["ends_on", "closed_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:consultation_detail", args=[self.pk])

    @property
    def public_url(self) -> str:
        return reverse("participation:public_consultation", args=[self.pk])

    @property
    def status(self) -> str:
        """ "open" while comments are taken (until the end date, unless closed early)."""
        if self.closed_on is not None or clock.today() > self.ends_on:
            return "closed"
        return "open" if clock.today() >= self.starts_on else "scheduled"

    @property
    def status_label(self) -> str:
        return {"open": "征求意见中", "closed": "已结束", "scheduled": "未开始"}[self.status]

    @property
    def unanswered_count(self) -> int:
        return self.comment_count - self.answered_count

    @property
    def all_answered(self) -> bool:
        return self.answered_count >= self.comment_count

    @property
    def feedback_rate(self) -> float:
        from fazhi.core.summary import percent

        return percent(self.answered_count, self.comment_count)

    @property
    def adoption_rate(self) -> float:
        """采纳 and 部分采纳 among the answered comments."""
        from fazhi.core.summary import percent

        return percent(self.adopted_count + self.partly_count, self.answered_count)

    def paragraph(self, no: int | None) -> dict | None:
        for p in self.paragraphs:
            if p["no"] == no:
                return p
        return None


class Answer(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="answers")
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField("处理结果", max_length=16, choices=Outcome.choices)
    reason = models.TextField("理由")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="答复人", on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField("答复时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "意见答复"
        verbose_name_plural = "意见答复"

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}:{self.reason[:30]}"


class Comment(models.Model):
    reader_roles = READER_ROLES

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    paragraph = models.PositiveIntegerField("针对条文", null=True, blank=True)
    quote = models.TextField("引用原文", blank=True)
    body = models.TextField("意见内容")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提出人账号",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    author_name = models.CharField("提出人", max_length=50)
    tag = models.CharField("参与者身份", max_length=16, choices=Tag.choices, default=Tag.PUBLIC)
    channel = models.CharField("渠道", max_length=16, choices=Channel.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("提出时间", default=clock.now)
    # Keyed hash of the client address (rate limit per IP without keeping the address).
    ip_hash = models.CharField(max_length=64, blank=True)
    answer = models.ForeignKey(
        Answer, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    hidden = models.BooleanField("已隐藏", default=False)
    hidden_reason = models.TextField("隐藏理由", blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "意见"
        verbose_name_plural = "意见"
        indexes = [
            models.Index(fields=["consultation", "id"]),
            models.Index(fields=["author", "created_at"]),
            models.Index(fields=["ip_hash", "created_at"]),
            models.Index(fields=["org_unit", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.body[:30]


class Invitation(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="invitations"
    )
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    group = models.CharField("邀请对象类别", max_length=16, choices=Tag.choices)
    invitees = models.CharField("邀请对象", max_length=200)
    method = models.CharField("邀请方式", max_length=100)
    sent_on = models.DateField("邀请日期")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "征求意见邀请"
        verbose_name_plural = "征求意见邀请"

    def __str__(self) -> str:
        return f"{self.get_group_display()}:{self.invitees}"


class Hearing(models.Model):
    reader_roles = READER_ROLES

    class Status(models.TextChoices):
        NOTICED = "noticed", "已公告"
        LISTED = "listed", "参加人已公布"
        HELD = "held", "已举行"
        REPORTED = "reported", "已形成报告"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField("听证事项", max_length=200)
    matter = models.TextField("听证内容及材料说明")
    place = models.CharField("地点", max_length=200)
    held_on = models.DateField("听证日期")
    notice_published_on = models.DateField("公告日期")
    registration_ends_on = models.DateField("报名截止日期")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOTICED)
    list_published_on = models.DateField("参加人名单公布日期", null=True, blank=True)
    record_attachment = models.ForeignKey(
        Attachment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report_attachment = models.ForeignKey(
        Attachment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report_summary = models.TextField("听证报告摘要", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "听证"
        verbose_name_plural = "听证"
        indexes = [
            models.Index(fields=["org_unit", "held_on", "id"]),
            models.Index(fields=["held_on", "id"]),
            models.Index(fields=["subject_type", "subject_id"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:hearing_detail", args=[self.pk])


class HearingRegistration(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.PROTECT, related_name="registrations")
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField("姓名", max_length=50)
    phone = pii.EncryptedTextField("联系电话", blank=True)
    tag = models.CharField("身份", max_length=16, choices=Tag.choices)
    interested = models.BooleanField("利害关系人", default=False)
    statement = models.TextField("拟发表意见要点", blank=True)
    selected = models.BooleanField("入选", default=False)
    registered_at = models.DateTimeField(default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "听证报名"
        verbose_name_plural = "听证报名"

    def __str__(self) -> str:
        return self.name


class ResidentConsent(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    version = models.CharField("告知书版本", max_length=20)
    id_number_consent = models.BooleanField("同意处理身份证号(敏感个人信息)", default=False)
    consented_at = models.DateTimeField(default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "个人信息处理同意"
        verbose_name_plural = "个人信息处理同意"

    def __str__(self) -> str:
        return f"{self.user_id} {self.version}"
