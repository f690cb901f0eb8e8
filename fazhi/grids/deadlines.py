"""Pending items of 网格走访 for the workbench: the key persons whose visit is overdue or
falls due within the warning days, nearest first — for the grid worker of their grid and
the cadre of their village (the town's law office reads the list and the compliance
page instead: a whole town's persons would bury its own workbench). Two kinds, overdue
and due soon, one bounded query each (core.pending.read): a grid worker with 400
overdue persons still sees the ones falling due, and "以上" for the overdue."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import KeyPerson
from .params import DUE_SOON_DAYS

WORKBENCH_ROLES = {Role.GRID_WORKER, Role.VILLAGE_CADRE}


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(*WORKBENCH_ROLES)):
        return []
    warn = int(DUE_SOON_DAYS.default)
    persons = (
        KeyPerson.objects.visible_to(user, WORKBENCH_ROLES)
        .filter(is_active=True)
        .select_related("org_unit")
        .order_by("next_visit_due", "id")
    )
    kinds = (
        ("重点人员走访逾期", "overdue", persons.filter(next_visit_due__lt=today)),
        (
            "重点人员走访即将到期",
            "due_soon",
            persons.filter(next_visit_due__gte=today, next_visit_due__lte=today + timedelta(warn)),
        ),
    )
    items = []
    for category, warning, qs in kinds:
        rows, capped = read(qs)
        list_url = reverse("grids:person_list") + f"?warning={warning}"
        items += [
            PendingItem(
                title=f"走访{p.masked_name}({p.get_main_group_display()})"
                + ("已逾期" if warning == "overdue" else "即将到期"),
                category=category,
                due=p.next_visit_due,
                url=reverse("grids:visit_create") + f"?person={p.pk}",
                unit=p.org_unit.name,
                level=level(p.next_visit_due, today, warn_days=warn),
                list_url=list_url,
                capped=capped,
            )
            for p in rows
        ]
    return items
