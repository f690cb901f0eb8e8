"""案例实景式教学 (scenario training): a town's case library (典型案例库) and the training
sessions that run one of its cases with the town's people in the case's roles, each
participant evaluated afterwards, and the session's lessons (经验与不足).

Cases and sessions belong to a town. They are read by the county that supervises it and
by the town's staff, wherever they sit (a village cadre on a village, a grid worker on a
grid): they are the people who train. A participant's evaluation is read by the town's
law office and leaders, the county, and the participant alone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core import clock
from fazhi.core.models import CODE_LENGTHS, OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import ScopedQuerySet
from fazhi.core.search import SearchableMixin

# The town's people who train and read the library: staff of the town, its villages and
# grids. (Legal advisers are outside counsel, not trainees.)
STAFF_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER}
)
# Everyone who opens the pages: the town's staff and the county supervisor.
READER_ROLES = STAFF_ROLES | {Role.COUNTY_SUPERVISOR}
# Who curates the library and runs sessions: the town's law office (司法所).
CURATOR_ROLES = frozenset({Role.LAW_OFFICER})
# Who reads every participant's evaluation (besides the participant): the people who
# run and supervise training.
EVALUATION_READER_ROLES = frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR})


def staff_town_codes(user) -> set[str]:
    """Codes of the towns in which `user` holds a staff role now (a village cadre's town
    is the one their village lies in)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    town = CODE_LENGTHS["town"]
    return {
        m.org_unit.code[:town]
        for m in user.active_memberships()
        if m.role in STAFF_ROLES and len(m.org_unit.code) >= town
    }


class TownQuerySet(ScopedQuerySet):
    """Scoped like every record for the county; the town's staff see their towns' records
    from wherever they sit. With explicit `roles`, plain subtree scoping (the writers')."""

    def visible_to(self, user, roles=None):
        if roles is not None:
            return super().visible_to(user, roles)
        q = self.scope_q(user, {Role.COUNTY_SUPERVISOR, Role.LAW_OFFICER, Role.TOWN_LEADER})
        towns = staff_town_codes(user)
        if towns:
            ids = OrgUnit.objects.filter(code__in=sorted(towns)).values("id")
            staff = Q(**{f"{self.scope_field}_id__in": ids})
            q = staff if q is None else (q | staff)
        return self.none() if q is None else self.filter(q)


class Case(SearchableMixin, models.Model):
    """One case of a town's library: what happened, the roles to play, the law that
    applies (article numbers) and the model way to handle it."""

    reader_roles = READER_ROLES

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属乡镇", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("案例名称", max_length=200)
    case_type = models.CharField("案例类型", max_length=20)
    facts = models.TextField("案情")
    # One role per line (信访人, 接访干部 …): a session gives each participant one of them.
    roles = models.TextField("演练角色")
    legal_points = models.TextField("法律要点")
    model_handling = models.TextField("规范处置流程")
    is_active = models.BooleanField("在用", default=True)
    search = models.TextField(default="", editable=False)
    search_fields = ("title", "facts")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT, related_name="+"
    )
    created_on = models.DateField("录入日期", default=clock.today)
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = TownQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "典型案例"
        verbose_name_plural = "典型案例"
        indexes = [
            models.Index(fields=["created_on", "id"], name="training_case_order_idx"),
            models.Index(
                fields=["org_unit", "case_type", "created_on"], name="training_case_type_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def role_list(self) -> list[str]:
        return [r.strip() for r in self.roles.splitlines() if r.strip()]


class Session(models.Model):
    """One training session (实景教学/模拟演练) running a case on a day at a place."""

    class Status(models.TextChoices):
        PLANNED = "planned", "计划中"
        HELD = "held", "已举行(待评价)"
        EVALUATED = "evaluated", "已评价"
        CANCELLED = "cancelled", "已取消"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属乡镇", on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, verbose_name="教学案例", on_delete=models.PROTECT, related_name="sessions"
    )
    held_on = models.DateField("举行日期")
    place = models.CharField("地点", max_length=200)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="主持人", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PLANNED)
    # Kept by the services when the session is marked held (held_on + the evaluation
    # period in working days): the workbench and the list read this indexed column.
    evaluation_due = models.DateField("评价期限", null=True, blank=True)
    evaluated_on = models.DateField("评价完成日期", null=True, blank=True)
    lessons = models.TextField("经验与不足", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)

    objects = TownQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "实景教学"
        verbose_name_plural = "实景教学"
        indexes = [
            models.Index(fields=["held_on", "id"], name="training_session_order_idx"),
            models.Index(
                fields=["org_unit", "status", "held_on"], name="training_session_status_idx"
            ),
            models.Index(fields=["status", "held_on"], name="training_session_due_held_idx"),
            models.Index(fields=["status", "evaluation_due"], name="training_session_due_eval_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.case}"


class Participant(models.Model):
    """One person taking part in a session in one of the case's roles, with the
    evaluation the law office gives them afterwards."""

    class Rating(models.TextChoices):
        NONE = "", "未评价"
        EXCELLENT = "excellent", "优秀"
        GOOD = "good", "良好"
        PASS = "pass", "合格"
        IMPROVE = "improve", "需改进"

    # The session's town, on the row for scoping.
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属乡镇", on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        Session, verbose_name="实景教学", on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="参训人员",
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField("扮演角色", max_length=50)
    rating = models.CharField("评价", max_length=16, choices=Rating.choices, default="", blank=True)
    comment = models.TextField("评语", blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评价人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    evaluated_at = models.DateTimeField("评价时间", null=True, blank=True)

    objects = TownQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "参训人员"
        verbose_name_plural = "参训人员"
        ordering = ["session", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="training_participant_once")
        ]
        indexes = [models.Index(fields=["user", "session"], name="training_participant_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} · {self.role}"
