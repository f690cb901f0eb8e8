"""Pending items of 网格走访 for the workbench: the key persons whose visit is overdue or
falls due within the warning days, nearest first — for the grid worker of their grid and
the cadre of their village (the town's law office reads the list and the compliance
page instead: a whole town's persons would bury its own workbench). One query, bounded."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from fazhi.core.pending import PendingItem, level
from fazhi.core.roles import Role

from .models import KeyPerson
from .params import DUE_SOON_DAYS

# At most this many persons are read; the workbench shows five and the count.
LIMIT = 200
WORKBENCH_ROLES = {Role.GRID_WORKER, Role.VILLAGE_CADRE}


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(*WORKBENCH_ROLES)):
        return []
    horizon = today + timedelta(days=int(DUE_SOON_DAYS.default))
    persons = (
        KeyPerson.objects.visible_to(user, WORKBENCH_ROLES)
        .filter(is_active=True, next_visit_due__lte=horizon)
        .select_related("org_unit")
        .order_by("next_visit_due", "id")[:LIMIT]
    )
    overdue_url = reverse("grids:person_list") + "?warning=overdue"
    soon_url = reverse("grids:person_list") + "?warning=due_soon"
    items = []
    for p in persons:
        overdue = p.next_visit_due < today
        items.append(
            PendingItem(
                title=f"走访{p.masked_name}({p.get_main_group_display()})"
                + ("已逾期" if overdue else "即将到期"),
                category="重点人员走访逾期" if overdue else "重点人员走访即将到期",
                due=p.next_visit_due,
                url=reverse("grids:visit_create") + f"?person={p.pk}",
                unit=p.org_unit.name,
                level=level(p.next_visit_due, today, warn_days=int(DUE_SOON_DAYS.default)),
                list_url=overdue_url if overdue else soon_url,
            )
        )
    return items
