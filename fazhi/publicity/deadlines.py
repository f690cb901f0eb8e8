"""Pending items of 普法宣传 for the workbench: for the town's law office, each themed
campaign starting within the reminder period (working days, core.deadlines) or under
way that has no event recorded yet; for a cadre, each pushed case still unread. Two
queries at most."""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef

from fazhi.core.deadlines import deadline
from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import RECIPIENT_ROLES, Campaign, CaseReceipt, Event
from .params import REMIND_WORKDAYS


def reminder_horizon(unit, today: date) -> date:
    """The last start day a campaign may have to be reminded of today."""
    return deadline(today, REMIND_WORKDAYS.value(unit), "workdays")


def _campaigns(user, today: date) -> list[PendingItem]:
    towns = [u for u in user.units_for({Role.LAW_OFFICER})]
    if not towns:
        return []
    horizon = max(reminder_horizon(t, today) for t in towns)
    qs, capped = read(
        Campaign.objects.visible_to(user, {Role.LAW_OFFICER})
        .filter(starts_on__lte=horizon, ends_on__gte=today)
        .exclude(Exists(Event.objects.filter(campaign=OuterRef("pk"))))
        .select_related("org_unit")
        .order_by("starts_on", "id")
    )
    return [
        PendingItem(
            title=f"筹备主题宣传:{c.name}({c.period_label})"
            + ("—已开始,尚未登记活动" if c.starts_on <= today else ""),
            category="普法宣传",
            due=c.starts_on,
            url=f"{reverse('publicity:event_create')}?campaign={c.pk}",
            list_url=reverse("publicity:campaign_list"),
            unit=c.org_unit.name,
            level="warning" if c.starts_on <= today else level(c.starts_on, today, warn_days=7),
            capped=capped,
        )
        for c in qs
    ]


def _unread(user) -> list[PendingItem]:
    receipts, capped = read(
        CaseReceipt.objects.filter(recipient=user, read_at__isnull=True)
        .select_related("push__case", "org_unit")
        .order_by("-push__pushed_on", "-id")
    )
    return [
        PendingItem(
            title=f"阅读推送案例:{r.push.case.title}",
            category="以案释法",
            url=reverse("publicity:casepush_detail", args=[r.push_id]),
            list_url=reverse("publicity:casepush_list"),
            unit=r.org_unit.name,
            capped=capped,
        )
        for r in receipts
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(Role.LAW_OFFICER):
        items += _campaigns(user, today)
    if user.has_role(*RECIPIENT_ROLES):
        items += _unread(user)
    return items
