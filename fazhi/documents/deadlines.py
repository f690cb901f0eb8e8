"""Pending items of 规范性文件 for the workbench (a few queries, never one per row):

- law officers: published documents not yet filed with the county (due: the filing
  deadline counted at publication); filings returned for completion or ordered to be
  corrected (due: the county's deadline); documents whose validity ends within the
  reminder window (6 months by default) — time to evaluate them;
- county supervisors: filings awaiting review from the towns of their county.

Each read through core.pending.read (at most LIMIT, and whether there are more)."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core import pending
from fazhi.core.dates import add_months
from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem
from fazhi.core.roles import Role

from . import params
from .models import Document, Filing

S = Document.Status


# Due within 3 days is shown as warning (core.pending.level, this app's threshold).
WARN_DAYS = 3


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(Role.LAW_OFFICER):
        items += _officer_items(user, today)
    if user.has_role(Role.COUNTY_SUPERVISOR):
        items += _county_items(user, today)
    return items


def _officer_items(user, today: date) -> list[PendingItem]:
    roles = {Role.LAW_OFFICER}
    items = []
    unfiled = (
        Document.objects.visible_to(user, roles)
        .filter(status__in=(S.PUBLISHED, S.IN_FORCE), filing__isnull=True)
        .select_related("org_unit")
    )
    unfiled, capped = pending.read(unfiled)
    for d in unfiled:
        items.append(
            PendingItem(
                title=f"报送备案:{d.number} {d.title}",
                category="规范性文件备案",
                list_url=reverse("documents:filing_list"),
                due=d.filing_due,
                url=reverse("documents:document_detail", args=[d.pk]),
                unit=d.org_unit.name,
                level=pending.level(d.filing_due, today, warn_days=WARN_DAYS),
                capped=capped,
            )
        )
    answers = (
        Filing.objects.visible_to(user, roles)
        .filter(status__in=(Filing.Status.RETURNED, Filing.Status.CORRECTION_ORDERED))
        .select_related("document", "org_unit")
    )
    answers, capped = pending.read(answers)
    for f in answers:
        what = (
            "补正后重新报送" if f.status == Filing.Status.RETURNED else f.get_order_kind_display()
        )
        items.append(
            PendingItem(
                title=f"县级备案审查意见:{what} · {f.document.title}",
                category="规范性文件备案",
                list_url=reverse("documents:filing_list"),
                due=f.correction_due,
                url=reverse("documents:filing_detail", args=[f.pk]),
                unit=f.org_unit.name,
                level=(
                    pending.level(f.correction_due, today, warn_days=WARN_DAYS)
                    if f.correction_due
                    else "warning"
                ),
                capped=capped,
            )
        )
    # The reminder window is a parameter per town; the widest is 12 months, read per row's
    # town from the rows already fetched (no extra query per row: one per distinct town).
    horizon = add_months(today, 12)
    expiring = (
        Document.objects.visible_to(user, roles)
        .filter(
            status__in=(S.PUBLISHED, S.IN_FORCE), valid_until__gte=today, valid_until__lte=horizon
        )
        .select_related("org_unit")
        .order_by("valid_until")
    )
    months: dict[int, int] = {}
    # Capped, some read rows may fall outside their town's window: "at least" stays true.
    expiring, capped = pending.read(expiring)
    for d in expiring:
        if d.org_unit_id not in months:
            months[d.org_unit_id] = int(params.EXPIRY_REMINDER_MONTHS.value(d.org_unit))
        if d.valid_until > add_months(today, months[d.org_unit_id]):
            continue
        items.append(
            PendingItem(
                title=f"有效期即将届满,请评估:{d.number} {d.title}",
                category="规范性文件有效期",
                list_url=reverse("documents:document_list"),
                due=d.valid_until,
                url=reverse("documents:document_detail", args=[d.pk]),
                unit=d.org_unit.name,
                level=pending.level(d.valid_until, today, warn_days=30),
                capped=capped,
            )
        )
    return items


def _county_items(user, today: date) -> list[PendingItem]:
    waiting = (
        Filing.objects.visible_to(user, {Role.COUNTY_SUPERVISOR})
        .filter(status=Filing.Status.SUBMITTED)
        .select_related("document", "org_unit")
        .order_by("submitted_on")
    )
    review_days = None
    items = []
    waiting, capped = pending.read(waiting)
    for f in waiting:
        if review_days is None:
            review_days = int(params.FILING_REVIEW_DAYS.value(f.org_unit))
        due = f.submitted_on + timedelta(days=review_days)
        items.append(
            PendingItem(
                title=f"备案审查:{f.org_unit.name} {f.document.number} {f.document.title}",
                category="规范性文件备案审查",
                list_url=reverse("documents:filing_list"),
                due=due,
                url=reverse("documents:filing_detail", args=[f.pk]),
                unit=f.org_unit.name,
                level=pending.level(due, today, warn_days=WARN_DAYS),
                capped=capped,
            )
        )
    return items
