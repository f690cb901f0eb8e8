"""Pending items of 案例实景式教学 for the workbench: for the town's law office, planned
sessions whose day has passed without being marked held, and held sessions awaiting
evaluation (due the local number of working days after the session); for everyone
else, the planned sessions they are on the roster of. Bounded reads (core.pending.read),
nearest first."""

from __future__ import annotations

from datetime import date

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read

from .models import CURATOR_ROLES, Participant, Session

CATEGORY = "案例实景教学"
# A participant sees an upcoming session from a fortnight ahead, amber in its last days.
AHEAD_DAYS = 14
WARN_DAYS = 3


def _list_url(warning: str = "") -> str:
    url = reverse("training:session_list")
    return f"{url}?warning={warning}" if warning else url


def _curated(user, today: date) -> list[PendingItem]:
    sessions = Session.objects.visible_to(user, CURATOR_ROLES).select_related("case", "org_unit")
    overdue, overdue_capped = read(
        sessions.filter(status=Session.Status.PLANNED, held_on__lt=today).order_by("held_on", "id")
    )
    held, held_capped = read(
        sessions.filter(status=Session.Status.HELD).order_by("evaluation_due", "id")
    )
    items = [
        PendingItem(
            title=f"教学已过举行日期,请标记已举行或取消:{s.case.title}",
            category=CATEGORY,
            due=s.held_on,
            url=reverse("training:session_detail", args=[s.pk]),
            unit=s.org_unit.name,
            level="danger",
            list_url=_list_url("hold_overdue"),
            capped=overdue_capped,
        )
        for s in overdue
    ]
    items += [
        PendingItem(
            title=f"评价参训人员并总结经验与不足:{s.case.title}({s.held_on:%m月%d日}举行)",
            category=CATEGORY,
            due=s.evaluation_due,
            url=reverse("training:session_detail", args=[s.pk]),
            unit=s.org_unit.name,
            level=level(s.evaluation_due, today),
            list_url=_list_url("evaluation_pending"),
            capped=held_capped,
        )
        for s in held
    ]
    return items


def _attending(user, today: date) -> list[PendingItem]:
    rows, capped = read(
        Participant.objects.visible_to(user)
        .filter(
            user=user,
            session__status=Session.Status.PLANNED,
            session__held_on__gte=today,
            session__held_on__lte=date.fromordinal(today.toordinal() + AHEAD_DAYS),
        )
        .select_related("session__case", "session__org_unit")
        .order_by("session__held_on", "id")
    )
    return [
        PendingItem(
            title=f"参加实景教学:{p.session.case.title}(扮演{p.role},{p.session.place})",
            category=CATEGORY,
            due=p.session.held_on,
            url=reverse("training:session_detail", args=[p.session_id]),
            unit=p.session.org_unit.name,
            level="warning" if (p.session.held_on - today).days <= WARN_DAYS else "info",
            list_url=_list_url(),
            capped=capped,
        )
        for p in rows
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items = _attending(user, today)
    if user.has_role(*CURATOR_ROLES):
        items += _curated(user, today)
    return items
