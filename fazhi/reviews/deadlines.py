"""Pending items of 合法性审核 and 智能预审 for the workbench.

- 合法性审核: each pending review assigned to the user, with its due date (danger when
  overdue, warning on its last two days); for a town's law officers, every overdue review
  of their town that someone else is to give.
- 智能预审: a reviewer's runs with findings still 待确认 (no statutory period, no date).

Each read through core.pending.read (at most LIMIT, and whether there are more)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read

from .models import PrecheckFinding, PrecheckRun, ReviewRequest
from .services import DECIDER_ROLES, REQUESTER_ROLES, REVIEWER_ROLES

CATEGORY = "合法性审核"


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    return review_items(user, today) + precheck_items(user, today)


def review_items(user, today: date) -> list[PendingItem]:
    """Reviews awaiting the user's opinion, and (law officers) their town's overdue ones;
    one query each."""
    items = []
    pending = ReviewRequest.Status.PENDING
    if user.has_role(*REVIEWER_ROLES):
        mine, capped = read(
            ReviewRequest.objects.visible_to(user, REVIEWER_ROLES)
            .filter(reviewer=user, status=pending)
            .select_related("org_unit")
            .order_by("due_date", "id")
        )
        for r in mine:
            late = "(已超期)" if r.due_date < today else ""
            items.append(
                PendingItem(
                    title=f"请对《{r.title}》出具合法性审核意见{late}",
                    category=CATEGORY,
                    due=r.due_date,
                    url=reverse("reviews:review_detail", args=[r.pk]),
                    unit=r.org_unit.name,
                    level=level(r.due_date, today, warn_days=2),
                    capped=capped,
                )
            )
    if user.has_role(*REQUESTER_ROLES):
        overdue, capped = read(
            ReviewRequest.objects.visible_to(user, REQUESTER_ROLES)
            .filter(status=pending, due_date__lt=today)
            .exclude(reviewer=user)
            .select_related("org_unit", "reviewer")
            .order_by("due_date", "id")
        )
        for r in overdue:
            items.append(
                PendingItem(
                    title=f"《{r.title}》合法性审核已超期,审核人:{r.reviewer}",
                    category=CATEGORY,
                    due=r.due_date,
                    url=reverse("reviews:review_detail", args=[r.pk]),
                    unit=r.org_unit.name,
                    level="danger",
                    capped=capped,
                )
            )
    return items


def precheck_items(user, today: date) -> list[PendingItem]:
    """One item per visible run (not the user's own) with findings awaiting a decision;
    one query however many runs there are."""
    if not (user and user.is_authenticated and user.has_role(*DECIDER_ROLES)):
        return []
    runs, capped = read(
        PrecheckRun.objects.visible_to(user, DECIDER_ROLES)
        .exclude(created_by=user)
        .annotate(
            pending=Count("findings", filter=Q(findings__decision=PrecheckFinding.Decision.PENDING))
        )
        .filter(pending__gt=0)
        .select_related("org_unit")
        .order_by("-created_at", "-id")
    )
    return [
        PendingItem(
            title=f"{run.title}:{run.pending}条预审意见待确认",
            category="智能预审",
            url=reverse("reviews:precheck_detail", args=[run.pk]),
            unit=run.org_unit.name,
            capped=capped,
        )
        for run in runs
    ]
