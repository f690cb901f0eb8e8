"""Pending items of 法治单元 for the workbench: a village's 村规民约 returned for
correction, with the correction deadline (a parameter, on the official calendar; danger
when overdue), for the village's cadre; the rules filed and awaiting review for the
town's law office (no statutory period: undated). At most core.pending.LIMIT of each,
nearest first, two queries."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import VillageRules

# A returned 村规民约 turns amber a week before its correction deadline.
WARN_DAYS = 7


def _returned(user, today: date) -> list[PendingItem]:
    rules, capped = read(
        VillageRules.objects.visible_to(user, {Role.VILLAGE_CADRE, Role.LAW_OFFICER})
        .filter(status=VillageRules.Status.RETURNED)
        .select_related("org_unit")
        .defer("text", "findings")
        .order_by("correction_due", "id")
    )
    list_url = reverse("lawunits:villagerules_list") + "?status=returned"
    return [
        PendingItem(
            title=f"改正村规民约:{r.org_unit.name}{r.title}(已退回,改正后重新报备)",
            category="村规民约改正",
            due=r.correction_due,
            url=reverse("lawunits:rules_detail", args=[r.pk]),
            unit=r.org_unit.name,
            level=level(r.correction_due, today, warn_days=WARN_DAYS),
            list_url=list_url,
            capped=capped,
        )
        for r in rules
    ]


def _to_review(user) -> list[PendingItem]:
    rules, capped = read(
        VillageRules.objects.visible_to(user, {Role.LAW_OFFICER})
        .filter(status=VillageRules.Status.FILED)
        .select_related("org_unit")
        .defer("text", "findings")
        .order_by("filed_on", "id")
    )
    list_url = reverse("lawunits:villagerules_list") + "?status=filed"
    return [
        PendingItem(
            title=f"审查村规民约:{r.org_unit.name}{r.title}"
            + (f"(预审提示{r.finding_count}处)" if r.finding_count else ""),
            category="村规民约审查",
            url=reverse("lawunits:rules_detail", args=[r.pk]),
            unit=r.org_unit.name,
            level="warning" if r.finding_count else "info",
            list_url=list_url,
            capped=capped,
        )
        for r in rules
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(Role.VILLAGE_CADRE, Role.LAW_OFFICER):
        items += _returned(user, today)
    if user.has_role(Role.LAW_OFFICER):
        items += _to_review(user)
    return items
