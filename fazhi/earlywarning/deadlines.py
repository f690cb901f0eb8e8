"""Pending items of 社会矛盾预警 for the workbench: open red warnings for the town leader
(respond within the red period), open yellow warnings for the law office (within the
yellow period). Overdue is danger. One query per role, bounded (core.pending.read)."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import Colour, EarlyWarning

CATEGORY = "矛盾预警"


def _items(user, today: date, colour: str, role, prefix: str) -> list[PendingItem]:
    list_url = reverse("earlywarning:warning_list") + f"?colour={colour}&state=open"
    # The open warnings of `colour` in the user's scope as `role`, nearest due first.
    warnings, capped = read(
        EarlyWarning.objects.visible_to(user, {role})
        .filter(status=EarlyWarning.Status.OPEN, colour=colour)
        .select_related("org_unit")
        .order_by("response_due", "id")
    )
    return [
        PendingItem(
            title=f"{prefix}:{w.title}(风险分{w.score}),请记录应对措施",
            category=CATEGORY,
            due=w.response_due,
            url=reverse("earlywarning:warning_detail", args=[w.pk]),
            unit=w.org_unit.name,
            # A red warning is never routine: at least amber until its day passes.
            level="danger"
            if colour == Colour.RED and w.overdue(today)
            else ("warning" if colour == Colour.RED else level(w.response_due, today)),
            list_url=list_url,
            capped=capped,
        )
        for w in warnings
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(Role.TOWN_LEADER):
        items += _items(user, today, Colour.RED, Role.TOWN_LEADER, "红色预警")
    if user.has_role(Role.LAW_OFFICER):
        items += _items(user, today, Colour.YELLOW, Role.LAW_OFFICER, "黄色预警")
    return items
