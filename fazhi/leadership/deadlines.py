"""Pending items of 组织领导 for the workbench: a leading cadre's own 述法 still to
submit (due N days after the year, a parameter), and for the law officer the submitted
述法 awaiting 评议. Two queries at most, each bounded (core.pending.read)."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read
from fazhi.core.roles import Role

from .models import LawReport
from .params import LAWREPORT_WARN_DAYS


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    list_url = reverse("leadership:lawreport_list")
    own, capped = read(
        LawReport.objects.filter(reporter=user, status=LawReport.Status.PENDING)
        .select_related("org_unit")
        .order_by("due_on", "id")
    )
    items = [
        PendingItem(
            title=f"提交{r.year}年度述法报告",
            category="述法",
            list_url=list_url,
            due=r.due_on,
            url=reverse("leadership:lawreport_detail", args=[r.pk]),
            unit=r.org_unit.name,
            level=level(r.due_on, today, warn_days=LAWREPORT_WARN_DAYS),
            capped=capped,
        )
        for r in own
    ]
    if user.has_role(Role.LAW_OFFICER):
        submitted, capped = read(
            LawReport.objects.visible_to(user, {Role.LAW_OFFICER})
            .filter(status=LawReport.Status.SUBMITTED)
            .select_related("org_unit", "reporter")
            .order_by("due_on", "id")
        )
        items += [
            PendingItem(
                title=f"记录{r.reporter}{r.year}年度述法评议",
                category="述法",
                list_url=list_url,
                due=r.due_on,
                url=reverse("leadership:lawreport_detail", args=[r.pk]),
                unit=r.org_unit.name,
                level="warning",
                capped=capped,
            )
            for r in submitted
        ]
    return items
