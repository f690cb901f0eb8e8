"""Pending items of 重大行政决策 for the workbench: each decision's nearest gate deadline —
the consultation's end (第十五条), the legality review's due date (第二十六条, kept by
fazhi.reviews), the next implementation report (第三十四条, local period) — from the
indexed `next_due` column the services keep; and, for the town leader, decisions waiting
for collective discussion. One query per kind, bounded."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read

from .models import Decision
from .services import LEADER_ROLES, OFFICE_ROLES

WARN_DAYS = 7


def _dated(user, today: date, roles) -> list[PendingItem]:
    rows, capped = read(
        Decision.objects.visible_to(user, roles)
        .filter(next_due__isnull=False)
        .select_related("org_unit")
        .order_by("next_due", "id")
    )
    return [
        PendingItem(
            title=f"{d.next_due_label}:{d}",
            category="重大行政决策",
            due=d.next_due,
            url=reverse("decisions:decision_detail", args=[d.pk]),
            unit=d.org_unit.name,
            level=level(d.next_due, today, warn_days=WARN_DAYS),
            list_url=reverse("decisions:decision_list"),
            capped=capped,
        )
        for d in rows
    ]


def _to_decide(user) -> list[PendingItem]:
    rows, capped = read(
        Decision.objects.visible_to(user, LEADER_ROLES)
        .filter(status=Decision.Status.DISCUSSION)
        .select_related("org_unit")
        .order_by("created_at", "id")
    )
    return [
        PendingItem(
            title=f"集体讨论决定:{d}",
            category="重大行政决策",
            url=reverse("decisions:decision_detail", args=[d.pk]),
            unit=d.org_unit.name,
            level="warning",
            list_url=reverse("decisions:decision_list") + "?status=discussion",
            capped=capped,
        )
        for d in rows
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(*OFFICE_ROLES):
        items += _dated(user, today, OFFICE_ROLES)
    if user.has_role(*LEADER_ROLES):
        items += _dated(user, today, LEADER_ROLES) if not user.has_role(*OFFICE_ROLES) else []
        items += _to_decide(user)
    return items
