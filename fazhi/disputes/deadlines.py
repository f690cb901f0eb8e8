"""Pending items of 矛盾纠纷 for the workbench of those who mediate (the town's law office,
a village's cadres): open judicial-confirmation windows (人民调解法第三十三条, 30 days
from the agreement's effect) until an application or a waiver is recorded, and disputes
waiting for acceptance or past their handling target. Bounded, nearest first, two queries."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read

from .models import Dispute
from .params import JUDICIAL_WARN_DAYS
from .services import MEDIATOR_ROLES

# What an item shows of a dispute: read only these (a dispute row carries its account of
# the facts and its parties' notes; up to 51 rows per kind are read).
SHOWN = ("category", "summary", "status", "judicial_due", "next_due", "org_unit__name")


def _judicial(user, today: date) -> list[PendingItem]:
    disputes, capped = read(
        Dispute.objects.visible_to(user, MEDIATOR_ROLES)
        .filter(judicial_due__isnull=False)
        .select_related("org_unit")
        .only(*SHOWN)
        .order_by("judicial_due", "id")
    )
    warn = int(JUDICIAL_WARN_DAYS.default)
    list_url = reverse("disputes:dispute_list") + "?warning=judicial_due"
    return [
        PendingItem(
            title=f"司法确认申请期限:{d}(调解协议生效后三十日内共同申请)",
            category="人民调解司法确认",
            due=d.judicial_due,
            url=reverse("disputes:dispute_detail", args=[d.pk]),
            unit=d.org_unit.name,
            level=level(d.judicial_due, today, warn_days=warn),
            list_url=list_url,
            capped=capped,
        )
        for d in disputes
    ]


def _handling(user, today: date) -> list[PendingItem]:
    disputes, capped = read(
        Dispute.objects.visible_to(user, MEDIATOR_ROLES)
        .filter(status__in=Dispute.OPEN, next_due__isnull=False)
        .select_related("org_unit")
        .only(*SHOWN)
        .order_by("next_due", "id")
    )
    list_url = reverse("disputes:dispute_list") + "?warning=overdue"
    items = []
    for d in disputes:
        what = "待受理" if d.status == Dispute.Status.REGISTERED else "调解中"
        items.append(
            PendingItem(
                title=f"{what}:{d}({d.short_summary})",
                category="矛盾纠纷调解",
                due=d.next_due,
                url=reverse("disputes:dispute_detail", args=[d.pk]),
                unit=d.org_unit.name,
                level=level(d.next_due, today),
                list_url=list_url,
                capped=capped,
            )
        )
    return items


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(*MEDIATOR_ROLES)):
        return []
    return _judicial(user, today) + _handling(user, today)
