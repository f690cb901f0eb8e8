"""Pending 旬报 for the workbench of a town's law officer: each recently ended 旬 whose
report is not yet submitted (due in N working days; red once overdue) and every report
the county returned for completion. A few queries, however many periods."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.pending import PendingItem, level
from fazhi.core.roles import Role

from . import selectors
from .models import TenDayReport
from .periods import last_ended

CATEGORY = "法治建设旬报"
LOOKBACK = 6  # 旬 the workbench looks back over for missing reports (two months)


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(Role.LAW_OFFICER)):
        return []
    towns = list(
        OrgUnit.objects.visible_to(user, {Role.LAW_OFFICER}).filter(
            kind=OrgUnit.Kind.TOWN, is_active=True
        )
    )
    if not towns:
        return []
    last = last_ended(today)
    first = last
    for _ in range(LOOKBACK - 1):
        first = first.previous()
    _, rows = selectors.matrix(user, first.start, last.end, today, towns=towns)
    list_url = reverse("tenday:report_list")
    items = []
    for row in rows:
        for cell in row.cells:
            report = cell.report
            if cell.state == "returned":
                items.append(
                    PendingItem(
                        title=f"修改后重新报送旬报:{cell.period.name}(县级已退回,查漏补缺)",
                        category=CATEGORY,
                        due=None,
                        url=reverse("tenday:report_detail", args=[report.pk]),
                        unit=row.town.name,
                        level="warning",
                        list_url=list_url,
                    )
                )
            elif cell.state in ("missing", "due"):
                due = report.due_on if report else selectors.due_for(row.town, cell.period)
                url = reverse("tenday:report_detail", args=[report.pk]) if report else list_url
                items.append(
                    PendingItem(
                        title=f"报送法治建设旬报:{cell.period.name}",
                        category=CATEGORY,
                        due=due,
                        url=url,
                        unit=row.town.name,
                        level=level(due, today),
                        list_url=list_url,
                    )
                )
    return items


__all__ = ["pending_items", "TenDayReport"]
