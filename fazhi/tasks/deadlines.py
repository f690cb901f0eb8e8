"""Pending items of 工作任务 for the workbench: an owner's open tasks that are overdue or due
soon, and for the town's law office every such task of the town — nearest first, bounded,
two queries at most."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import Task
from .selectors import due_soon_until


def _items(warned, today: date, category: str, list_url: str, prefix: str) -> list[PendingItem]:
    tasks, capped = warned
    return [
        PendingItem(
            title=f"{prefix}{t.title}({t.assignee})" + ("·已逾期" if t.due < today else ""),
            category=category,
            due=t.due,
            url=reverse("tasks:task_detail", args=[t.pk]),
            unit=t.org_unit.name,
            # Everything listed is due soon at least: amber, red once past the deadline.
            level="danger" if level(t.due, today) == "danger" else "warning",
            list_url=list_url,
            capped=capped,
        )
        for t in tasks
    ]


def _warned(qs, unit, today: date):
    """The nearest LIMIT open tasks due soon or overdue, and whether there are more."""
    return read(
        qs.filter(status=Task.Status.OPEN, due__lte=due_soon_until(unit, today))
        .select_related("org_unit")
        .order_by("due", "id")
    )


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    base = reverse("tasks:task_list")
    units = user.units_for({Role.LAW_OFFICER})
    if units:
        qs = Task.objects.visible_to(user, {Role.LAW_OFFICER}).exclude(owner=user)
        items += _items(_warned(qs, units[0], today), today, "工作任务督办",
                        f"{base}?warning=overdue", "督办:")  # fmt: skip
    own = user.units_for(set(Role))
    qs = Task.objects.visible_to(user).filter(owner=user)
    items += _items(_warned(qs, own[0] if own else None, today), today, "我的工作任务",
                    f"{base}?mine=1", "完成任务:")  # fmt: skip
    return items
