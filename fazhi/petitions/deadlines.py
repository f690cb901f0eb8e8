"""Pending items of 信访 for the workbench: open petitions whose next statutory deadline
is past or within the warning period (受理告知, 办结, 复查/复核意见), nearest first, for
the town's 信访办 (law office) and its leaders. One query on the indexed `next_due`,
never the accused's own whistle-blowing (the list is scoped like every read)."""

from __future__ import annotations

import datetime as dt

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import Petition
from .params import DUE_SOON_DAYS

WARNED_ROLES = (Role.LAW_OFFICER, Role.TOWN_LEADER)
STEP = {
    Petition.Status.REGISTERED: "受理并书面告知",
    Petition.Status.ACCEPTED: "办结并出具处理意见书",
    Petition.Status.ANSWERED: "送达处理意见书",
    Petition.Status.REVIEWING: "作出复查意见",
    Petition.Status.REREVIEWING: "作出复核意见",
}


def pending_items(user, today: dt.date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(*WARNED_ROLES)):
        return []
    units = user.units_for(set(WARNED_ROLES))
    warn = DUE_SOON_DAYS.value(units[0] if units else None)
    horizon = today + dt.timedelta(days=warn)
    petitions, capped = read(
        Petition.objects.visible_to(user, set(WARNED_ROLES))
        .filter(next_due__lte=horizon)
        .select_related("org_unit")
        .order_by("next_due", "id")
    )
    list_url = reverse("petitions:petition_list")
    items = []
    for p in petitions:
        overdue = p.next_due < today
        items.append(
            PendingItem(
                title=f"信访事项“{p.title}”:{STEP.get(p.status, '办理')}"
                + ("(已逾期)" if overdue else ""),
                category="信访事项",
                due=p.next_due,
                url=reverse("petitions:petition_detail", args=[p.pk]),
                unit=p.org_unit.name,
                level=level(p.next_due, today, warn_days=warn),
                list_url=list_url + ("?warning=overdue" if overdue else "?warning=due_soon"),
                capped=capped,
            )
        )
    return items
