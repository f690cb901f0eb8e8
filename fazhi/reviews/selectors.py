"""Reads of 智能预审, scoped to what the user may see and prefetched (no N+1)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from fazhi.core.scoping import get_visible_or_404

from .models import PrecheckFinding, PrecheckRun
from .precheck.rules import CATEGORIES
from .services import READER_ROLES

Decision = PrecheckFinding.Decision


def runs_visible_to(user, kind: str = ""):
    """Runs of the user's scope, newest first, each with its finding counts."""
    qs = (
        PrecheckRun.objects.visible_to(user, READER_ROLES)
        .select_related("org_unit", "created_by")
        .annotate(
            finding_count=Count("findings"),
            high_count=Count("findings", filter=Q(findings__severity="high")),
            pending_count=Count("findings", filter=Q(findings__decision=Decision.PENDING)),
        )
        .order_by("-created_at", "-id")
    )
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def run_with_findings(user, pk: int) -> PrecheckRun:
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


def finding_visible(user, run_pk: int, finding_pk: int) -> PrecheckFinding:
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
        """Acceptance rate among decided findings; None while nothing is decided."""
        return self.accepted / self.decided if self.decided else None


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
