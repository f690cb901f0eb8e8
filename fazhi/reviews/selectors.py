"""Reads of 智能预审 and 合法性审核, scoped to what the user may see and prefetched (no N+1)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When

from fazhi.core import clock
from fazhi.core.prepared import prepared
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.selectors import count_of
from fazhi.core.summary import percent

from .models import Conclusion, PrecheckFinding, PrecheckRun, ReviewRequest
from .precheck.rules import CATEGORIES
from .services import READER_ROLES, REVIEW_READER_ROLES, REVIEWER_ROLES

Decision = PrecheckFinding.Decision


def run_list(user, *, kind: str = ""):
    """Runs of the user's scope, newest first, each with its finding counts. The counts
    are correlated subqueries, so only the page's runs are counted (a join with GROUP BY
    counted every finding of the town before the page was cut: 70 ms at county scale), and
    the runs' text is left unread (the list never shows it)."""
    findings = PrecheckFinding.objects.all()
    qs = (
        PrecheckRun.objects.visible_to(user, READER_ROLES)
        .select_related("org_unit", "created_by")
        .defer("paragraphs")
        .annotate(
            finding_count=count_of(findings, "run"),
            high_count=count_of(findings.filter(severity="high"), "run"),
            pending_count=count_of(findings.filter(decision=Decision.PENDING), "run"),
        )
        .order_by("-created_at", "-id")
    )
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def run_get(user, pk: int) -> PrecheckRun:
    """One run the user may see, with its findings in the engine's order; else 404."""
    findings = PrecheckFinding.objects.select_related("decided_by").order_by("position", "id")
    return get_visible_or_404(
        PrecheckRun.objects.select_related("org_unit", "created_by").prefetch_related(
            Prefetch("findings", queryset=findings)
        ),
        user,
        READER_ROLES,
        pk=pk,
    )


def finding_get(user, run_pk: int, finding_pk: int) -> PrecheckFinding:
    """One finding of a run the user may see; else 404."""
    return get_visible_or_404(
        PrecheckFinding.objects.select_related("run__org_unit", "run__created_by", "decided_by"),
        user,
        READER_ROLES,
        pk=finding_pk,
        run_id=run_pk,
    )


@dataclass(frozen=True)
class RuleStat:
    """How reviewers have received one rule's findings."""

    rule: str
    category: str
    flagged: int
    accepted: int
    rejected: int

    @property
    def category_label(self) -> str:
        return CATEGORIES.get(self.category, self.category)

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def pending(self) -> int:
        return self.flagged - self.decided

    @property
    def rate(self) -> float | None:
        """Acceptance rate among decided findings, per cent with one decimal; None while
        nothing is decided."""
        return percent(self.accepted, self.decided, empty=None)


def rule_acceptance(user) -> list[RuleStat]:
    """Per rule, over the runs the user can see: findings, accepted, rejected and the
    acceptance rate. Weakest rules first; rules with no decision yet last."""
    rows = (
        PrecheckFinding.objects.visible_to(user, READER_ROLES)
        .values("rule", "category")
        .annotate(
            flagged=Count("id"),
            accepted=Count("id", filter=Q(decision=Decision.ACCEPTED)),
            rejected=Count("id", filter=Q(decision=Decision.REJECTED)),
        )
        .order_by()
    )
    stats = [RuleStat(**row) for row in rows]
    return sorted(
        stats,
        key=lambda s: (s.rate is None, s.rate if s.rate is not None else 0, -s.decided, s.rule),
    )


# --- 合法性审核 ---------------------------------------------------------------------------


def _of(subject):
    ct = ContentType.objects.get_for_model(type(subject))
    return ReviewRequest.objects.filter(content_type=ct, object_id=subject.pk)


def reviews_of(subject):
    """Every review of `subject`, newest first, with reviewer, requester and pre-review."""
    return (
        _of(subject)
        .select_related("reviewer", "requested_by", "precheck_run")
        .order_by("-requested_at", "-id")
    )


def review_history(subject) -> list[ReviewRequest]:
    """`reviews_of(subject)` as a list, read with a statement compiled once (core.prepared):
    the pages of documents, contracts and decisions show it on every view."""
    ct = ContentType.objects.get_for_model(type(subject))
    return _review_history(ct.pk, subject.pk)


_review_history = prepared(
    lambda content_type_id, object_id: (
        ReviewRequest.objects.filter(content_type_id=content_type_id, object_id=object_id)
        .select_related("reviewer", "requested_by", "precheck_run")
        .order_by("-requested_at", "-id")
    ),
    2_100_000_231,
    2_100_000_232,
)


def latest_review(subject) -> ReviewRequest | None:
    """The newest review of `subject` (any status), or None."""
    return reviews_of(subject).first()


def active_review(subject) -> ReviewRequest | None:
    """The review of `subject` in progress (审核中), or None."""
    return reviews_of(subject).filter(status=ReviewRequest.Status.PENDING).first()


def review_passed(subject) -> bool:
    """Whether `subject` has passed legality review: its latest concluded review is 通过
    or 修改后通过, and no review of it is in progress."""
    rows = list(
        _of(subject)
        .exclude(status=ReviewRequest.Status.WITHDRAWN)
        .order_by("-concluded_at", "-id")
        .values_list("status", "conclusion", "concluded_at")
    )
    if any(status == ReviewRequest.Status.PENDING for status, _, _ in rows):
        return False
    concluded = [r for r in rows if r[0] == ReviewRequest.Status.CONCLUDED]
    return bool(concluded) and concluded[0][1] in (
        Conclusion.PASSED,
        Conclusion.PASSED_WITH_CHANGES,
    )


def review_list(user, *, status="", kind="", overdue=False, mine=False, today=None):
    """Reviews in the user's scope, with what the list shows (no N+1): the user's own
    queue (pending reviews assigned to them) first, then other pending ones, then the
    rest, newest first."""
    today = today or clock.today()
    pending = ReviewRequest.Status.PENDING
    qs = (
        ReviewRequest.objects.visible_to(user, REVIEW_READER_ROLES)
        .select_related("org_unit", "reviewer", "requested_by", "content_type")
        .annotate(
            queue=Case(
                When(reviewer_id=user.pk, status=pending, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            pending_first=Case(
                When(status=pending, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
        )
    )
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if overdue:
        qs = qs.filter(status=pending, due_date__lt=today)
    if mine:
        qs = qs.filter(Q(reviewer_id=user.pk) | Q(requested_by_id=user.pk))
    return qs.order_by("-queue", "-pending_first", "-requested_at", "-id")


def review_get(user, pk: int) -> ReviewRequest:
    """One review the user may see, with its subject and pre-review; else 404."""
    return get_visible_or_404(
        ReviewRequest.objects.select_related(
            "org_unit", "reviewer", "requested_by", "content_type", "precheck_run"
        ),
        user,
        REVIEW_READER_ROLES,
        pk=pk,
    )


def reviewer_candidates(unit, *, exclude=None):
    """Users who may review a subject of `unit`: active legal advisers and law officers
    of its town or county, without `exclude` (the drafter: a user, an id, or several)."""
    from fazhi.core.models import User

    codes = unit.ancestor_codes()
    qs = User.objects.filter(
        is_active=True,
        memberships__is_active=True,
        memberships__role__in=list(REVIEWER_ROLES),
        memberships__org_unit__code__in=codes,
    )
    if exclude is not None:
        items = exclude if isinstance(exclude, list | tuple | set | frozenset) else [exclude]
        ids = [getattr(x, "pk", x) for x in items if x is not None]
        qs = qs.exclude(pk__in=ids)
    return qs.distinct().order_by("full_name", "username")
