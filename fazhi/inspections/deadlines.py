"""Pending items of 督查整改 for the workbench: an owner's open findings with their
deadlines (danger when overdue), and for the inspecting side the rectifications
submitted and awaiting 销号. Two queries at most, however many findings there are, each
bounded (core.pending.read)."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import OWNER_ROLES, Finding, Inspection
from .services import INSPECTOR_ROLES

# An owner's finding turns amber a week before its deadline.
WARN_DAYS = 7


def _owned(user, today: date) -> list[PendingItem]:
    findings, capped = read(
        Finding.objects.visible_to(user)
        .filter(
            owner=user,
            status__in=[Finding.Status.PENDING, Finding.Status.RETURNED],
            inspection__status=Inspection.Status.RECTIFYING,
        )
        .select_related("inspection", "org_unit")
        .order_by("deadline", "id")
    )
    return [
        PendingItem(
            title=f"整改督查问题:{f}"
            + ("(已退回,请补充后重新提交)" if f.status == Finding.Status.RETURNED else ""),
            category="督查整改",
            list_url=reverse("inspections:inspection_list"),
            due=f.deadline,
            url=reverse("inspections:finding_detail", args=[f.pk]),
            unit=f.org_unit.name,
            level=level(f.deadline, today, warn_days=WARN_DAYS),
            capped=capped,
        )
        for f in findings
    ]


def _awaiting_closure(user) -> list[PendingItem]:
    # The county closes its own inspections' findings, a town's law officer its
    # self-inspections' (never a finding they own themselves).
    qs = Finding.objects.none()
    if user.has_role(Role.COUNTY_SUPERVISOR):
        qs = qs | Finding.objects.visible_to(user, {Role.COUNTY_SUPERVISOR}).filter(
            inspection__conducted_by__kind="county"
        )
    if user.has_role(Role.LAW_OFFICER):
        qs = qs | Finding.objects.visible_to(user, {Role.LAW_OFFICER}).filter(
            inspection__conducted_by__kind="town"
        )
    findings, capped = read(
        qs.filter(status=Finding.Status.SUBMITTED)
        .exclude(owner=user)
        .select_related("org_unit")
        .order_by("deadline", "id")
    )
    return [
        PendingItem(
            title=f"审核整改销号:{f}",
            category="督查整改",
            list_url=reverse("inspections:inspection_list"),
            due=f.deadline,
            url=reverse("inspections:finding_detail", args=[f.pk]),
            unit=f.org_unit.name,
            level="warning",
            capped=capped,
        )
        for f in findings
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(*OWNER_ROLES):
        items += _owned(user, today)
    if user.has_role(*INSPECTOR_ROLES):
        items += _awaiting_closure(user)
    return items
