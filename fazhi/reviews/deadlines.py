"""Pending items of 智能预审 for the workbench: a reviewer's runs with findings still
待确认. A pre-review has no statutory period, so the items carry no due date."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse

from fazhi.core.pending import PendingItem

from .models import PrecheckFinding, PrecheckRun
from .services import DECIDER_ROLES


def pending_items(user, today: date) -> list[PendingItem]:
    """One item per visible run (not the user's own) with findings awaiting a decision;
    one query however many runs there are."""
    if not (user and user.is_authenticated and user.has_role(*DECIDER_ROLES)):
        return []
    runs = (
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
        )
        for run in runs
    ]
