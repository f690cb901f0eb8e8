"""Pending items of 法律顾问 for the workbench: a term ending within the notice period
(advisers.renewal_notice_days) asks for the assessment and the renewal decision; a term
that has ended with no next term and the adviser still on the register is flagged.
Both reads through core.pending.read (at most LIMIT, and whether there are more)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef

from fazhi.core.deadlines import deadline
from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, read
from fazhi.core.roles import Role

from .models import Adviser, Appointment, Assessment
from .params import ASSESSMENT_DUE_DAYS, RENEWAL_NOTICE_DAYS

PENDING_ROLES = {Role.LAW_OFFICER, Role.TOWN_LEADER}
# The longest notice a county may configure: the query's window.
_MAX_NOTICE = 365


def renewal_due(end: date, notice_days: int) -> date:
    """The day the renewal must be decided by: the term's end, counted as a period of
    `notice_days` days from the day the reminder starts (a rest day moves it on)."""
    return deadline(end - timedelta(days=notice_days), notice_days, "days")


def open_terms(user, today: date):
    """Each registered adviser's last term, when it ends within the longest notice window
    or has already ended (one query)."""
    later = Appointment.objects.filter(adviser=OuterRef("adviser"), start__gt=OuterRef("start"))
    return (
        Appointment.objects.visible_to(user, PENDING_ROLES)
        .filter(adviser__status=Adviser.Status.ACTIVE, end__lte=today + timedelta(days=_MAX_NOTICE))
        .exclude(Exists(later))
        .select_related("adviser", "org_unit")
        .order_by("end", "id")
    )


def unassessed(user, year: int):
    """Registered advisers with a term in `year` and no assessment for it (one query)."""
    return (
        Adviser.objects.visible_to(user, PENDING_ROLES)
        .filter(
            status=Adviser.Status.ACTIVE,
            pk__in=Appointment.objects.filter(
                start__lte=date(year, 12, 31), end__gte=date(year, 1, 1)
            ).values("adviser"),
        )
        .exclude(pk__in=Assessment.objects.filter(year=year).values("adviser"))
        .select_related("org_unit")
        .order_by("org_unit__code", "name")
    )


def _assessment_items(user, today: date) -> list[PendingItem]:
    """Last year's assessment, from 1 January until done (it decides renewal)."""
    year = today.year - 1
    items, due = [], {}
    advisers, capped = read(unassessed(user, year))
    for adviser in advisers:
        unit = adviser.org_unit
        if unit.pk not in due:
            due[unit.pk] = deadline(date(year, 12, 31), ASSESSMENT_DUE_DAYS.value(unit), "days")
        items.append(
            PendingItem(
                title=f"法律顾问{adviser.name}的{year}年度考核尚未进行(考核结果决定是否续聘)",
                category="法律顾问",
                list_url=reverse("advisers:adviser_list"),
                due=due[unit.pk],
                url=reverse("advisers:assessment_create", args=[adviser.pk]) + f"?year={year}",
                unit=unit.name,
                level="danger" if due[unit.pk] < today else "info",
                capped=capped,
            )
        )
    return items


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(*PENDING_ROLES)):
        return []
    items, notice = _assessment_items(user, today), {}
    # Capped, some terms read may lie outside their unit's notice: "at least" stays true.
    terms, capped = read(open_terms(user, today))
    for term in terms:
        unit = term.org_unit
        if unit.pk not in notice:
            notice[unit.pk] = RENEWAL_NOTICE_DAYS.value(unit)
        days = notice[unit.pk]
        url = reverse("advisers:adviser_detail", args=[term.adviser_id])
        if term.end < today:
            items.append(
                PendingItem(
                    title=f"法律顾问{term.adviser.name}的聘期已于{term.end:%Y年%-m月%-d日}届满,"
                    "尚未续聘或解聘",
                    category="法律顾问",
                    list_url=reverse("advisers:adviser_list"),
                    due=term.end,
                    url=url,
                    unit=unit.name,
                    level="danger",
                    capped=capped,
                )
            )
        elif term.end - timedelta(days=days) <= today:
            items.append(
                PendingItem(
                    title=f"法律顾问{term.adviser.name}的聘期将于{term.end:%Y年%-m月%-d日}届满,"
                    "请组织年度考核并决定是否续聘",
                    category="法律顾问",
                    list_url=reverse("advisers:adviser_list"),
                    due=renewal_due(term.end, days),
                    url=url,
                    unit=unit.name,
                    level="warning",
                    capped=capped,
                )
            )
    return items
