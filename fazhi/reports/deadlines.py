"""The annual summary on the workbench: the year just ended's 法治政府建设工作总结 of a town
(or the county) is due to the level above by early March (legal-rules §7; taken as
1 March, moved to the next working day when that is a rest day, through the shared deadline
service). Its law office, its leaders (and, for the county, the supervisor) see it from
1 January until the leaders approve it; red once overdue. One query."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.deadlines import deadline
from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level

from .models import AnnualReport
from .services import annual as services

CATEGORY = "年度法治政府建设工作总结"


def due_date(year: int) -> date:
    """When `year`'s summary is due: 1 March of the next year, or the working day after."""
    return deadline(date(year + 1, 3, 1) - timedelta(days=1), 1, "days")


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    units = {
        m.org_unit
        for m in user.active_memberships()
        if services.reportable(m.org_unit)
        and m.role in services.editors(m.org_unit) | services.approvers(m.org_unit)
    }
    if not units:
        return []
    year = today.year - 1
    approved = set(
        AnnualReport.objects.filter(
            org_unit__in=units, year=year, status=AnnualReport.Status.APPROVED
        ).values_list("org_unit_id", flat=True)
    )
    due = due_date(year)
    return [
        PendingItem(
            title=f"{unit.name}{year}年度法治政府建设工作总结(报上级,须经领导审定)",
            category=CATEGORY,
            due=due,
            url=reverse("annual_preview", args=[unit.pk, year]),
            unit=unit.name,
            level=level(due, today),
            list_url=reverse("annual_index"),
        )
        for unit in sorted(units, key=lambda u: u.code)
        if unit.pk not in approved
    ]
