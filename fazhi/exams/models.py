"""年度学法考试: the town's question bank, its exams (window, duration, paper rule, marks,
attempts), the candidates named when an exam is set, make-up windows (补考) and each
candidate's attempts with their stored random paper and answers.

A candidate's standing (attempts used, best score, passed, excellent) is kept on the
candidate row by the services, so 参考率 / 合格率 / 优秀率 are counts over one indexed
table, never recomputed from attempts per page."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin


class Kind(models.TextChoices):
    SINGLE = "single", "单选题"
    MULTIPLE = "multiple", "多选题"
    TRUE_FALSE = "true_false", "判断题"


# True/false questions have these two options, in this order, never shuffled.
TRUE_FALSE_OPTIONS = ["正确", "错误"]
LETTERS = "ABCDEFGH"


class Question(SearchableMixin, models.Model):
    """One question of a town's bank. `answer` holds the letters of the correct options
    ("A", "BD"); options are stored in the order they were written."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="题库单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("题型", max_length=16, choices=Kind.choices)
    topic = models.CharField("主题", max_length=50, default="综合")
    stem = models.TextField("题干")
    # The normalised stem (whitespace and punctuation dropped): one per bank.
    stem_key = models.CharField(max_length=64, editable=False)
    options = models.JSONField("选项", default=list)
    answer = models.CharField("正确答案", max_length=8)
    is_active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("录入时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("stem", "topic")

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "试题"
        verbose_name_plural = "试题"
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "stem_key"], name="exams_question_unique_stem"
            )
        ]
        indexes = [
            models.Index(fields=["org_unit", "kind", "topic", "id"]),
            models.Index(fields=["org_unit", "id"]),
        ]

    def __str__(self) -> str:
        return self.stem[:40]


class Exam(SearchableMixin, models.Model):
    """One exam of a town: its window, duration, paper rule, marks and attempts."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="组织单位", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("考试名称", max_length=200)
    year = models.PositiveIntegerField("年度")
    opens_at = models.DateTimeField("开考时间")
    closes_at = models.DateTimeField("截止时间")
    duration_minutes = models.PositiveIntegerField("答题时长(分钟)")
    # [{"kind": "single", "topic": "", "count": 40}, …]; an empty topic draws from any.
    rule = models.JSONField("组卷规则", default=list)
    question_count = models.PositiveIntegerField("试题数", default=0)
    pass_mark = models.PositiveIntegerField("合格分数线")
    excellent_mark = models.PositiveIntegerField("优秀分数线")
    attempts_limit = models.PositiveIntegerField("考试次数", default=1)
    candidate_roles = models.JSONField("参考人员范围", default=list)
    candidate_count = models.PositiveIntegerField("应考人数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)
    search = models.TextField(default="", editable=False)
    search_fields = ("title",)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "考试"
        verbose_name_plural = "考试"
        indexes = [
            models.Index(fields=["org_unit", "opens_at"]),
            models.Index(fields=["year", "opens_at"]),
            models.Index(fields=["opens_at", "id"]),
            models.Index(fields=["closes_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, moment=None) -> bool:
        moment = moment or clock.now()
        return self.opens_at <= moment < self.closes_at

    def is_closed(self, moment=None) -> bool:
        return (moment or clock.now()) >= self.closes_at


class Candidate(models.Model):
    """A person named to sit an exam (应考人员), with their standing kept by the services."""

    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="candidates"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="考生", on_delete=models.PROTECT, related_name="+"
    )
    # The unit the person works in (the town's offices, or a village): rates per unit.
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所在单位", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("身份", max_length=32)
    attempts_used = models.PositiveIntegerField("已考次数", default=0)
    took = models.BooleanField("已参考", default=False)
    best_score = models.DecimalField(
        "最高成绩", max_digits=5, decimal_places=1, null=True, blank=True
    )
    passed = models.BooleanField("合格", default=False)
    excellent = models.BooleanField("优秀", default=False)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "应考人员"
        verbose_name_plural = "应考人员"
        constraints = [
            models.UniqueConstraint(fields=["exam", "user"], name="exams_candidate_once")
        ]
        indexes = [
            models.Index(fields=["exam", "org_unit", "id"]),
            models.Index(fields=["user", "exam"]),
            models.Index(fields=["exam", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.exam} · {self.user}"

    @property
    def standing(self) -> str:
        if not self.took:
            return "缺考"
        if self.excellent:
            return "优秀"
        return "合格" if self.passed else "不合格"


class MakeUp(models.Model):
    """A make-up window (补考) for one candidate who was absent or failed: one more
    attempt, inside its own window."""

    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="makeups"
    )
    candidate = models.ForeignKey(
        Candidate, verbose_name="考生", on_delete=models.CASCADE, related_name="makeups"
    )
    opens_at = models.DateTimeField("补考开始时间")
    closes_at = models.DateTimeField("补考截止时间")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="安排人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("安排时间", default=clock.now)

    class Meta:
        verbose_name = "补考"
        verbose_name_plural = "补考"
        indexes = [models.Index(fields=["candidate", "closes_at"])]

    def __str__(self) -> str:
        return f"{self.candidate} 补考"


class Attempt(models.Model):
    """One sitting: the candidate's random paper (question ids and each question's option
    order), their answers as saved, the server's deadline, and the marking."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "答题中"
        SUBMITTED = "submitted", "已交卷"
        TIMED_OUT = "timed_out", "超时收卷"

    exam = models.ForeignKey(
        Exam, verbose_name="考试", on_delete=models.PROTECT, related_name="attempts"
    )
    candidate = models.ForeignKey(
        Candidate, verbose_name="考生", on_delete=models.PROTECT, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="考生", on_delete=models.PROTECT, related_name="+"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所在单位", on_delete=models.PROTECT, related_name="+"
    )
    makeup = models.ForeignKey(
        MakeUp,
        verbose_name="补考",
        on_delete=models.PROTECT,
        related_name="attempts",
        null=True,
        blank=True,
    )
    number = models.PositiveIntegerField("第几次", default=1)
    # [[question id, [original option index shown first, second, …]], …]
    paper = models.JSONField("试卷", default=list)
    # {"<position>": "AC"}: the original letters chosen (shuffling is undone on save).
    answers = models.JSONField("作答", default=dict)
    started_at = models.DateTimeField("开始时间", default=clock.now)
    deadline = models.DateTimeField("交卷截止")
    # The close of the window this sitting belongs to: results and review open then.
    window_closes_at = models.DateTimeField("考试窗口截止")
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.IN_PROGRESS
    )
    finished_at = models.DateTimeField("收卷时间", null=True, blank=True)
    last_saved_at = models.DateTimeField("最近保存", null=True, blank=True)
    correct = models.PositiveIntegerField("答对题数", default=0)
    score = models.DecimalField("成绩", max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField("合格", default=False)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "答卷"
        verbose_name_plural = "答卷"
        indexes = [
            models.Index(fields=["user", "exam", "number"]),
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["exam", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.exam} · 第{self.number}次"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS

    def results_open(self, moment=None) -> bool:
        """Scores and the review of wrong answers are shown after the window closes."""
        return (moment or clock.now()) >= self.window_closes_at
