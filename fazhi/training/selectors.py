"""Reads of 案例实景式教学, scoped (the county and the town's staff) and prefetched, so a
page's query count does not grow with its rows."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch

from fazhi.core import clock
from fazhi.core.scoping import get_visible_or_404, unit_in_scope
from fazhi.core.search import search_q

from .models import CURATOR_ROLES, EVALUATION_READER_ROLES, Case, Participant, Session

S = Session.Status
# The list's warning filter: what the law office must still do.
WARNINGS = {
    "hold_overdue": "已过举行日期未标记举行",
    "evaluation_pending": "待评价",
    "evaluation_overdue": "评价逾期",
}


def case_list(actor, *, case_type: str = "", q: str = "", active: bool | None = None):
    """The cases of the library the actor sees, newest first."""
    qs = Case.objects.visible_to(actor).select_related("org_unit").order_by("-created_on", "-id")
    if case_type:
        qs = qs.filter(case_type=case_type)
    if active is not None:
        qs = qs.filter(is_active=active)
    if q:
        qs = qs.filter(search_q(Case, q))
    return qs


def case_get(actor, pk: int) -> Case:
    """One case with its sessions (newest first); else 404."""
    sessions = Session.objects.select_related("host").order_by("-held_on", "-id")
    return get_visible_or_404(
        Case.objects.select_related("org_unit", "created_by").prefetch_related(
            Prefetch("sessions", queryset=sessions, to_attr="session_rows")
        ),
        actor,
        None,
        pk=pk,
    )


def session_list(
    actor,
    *,
    status: str = "",
    year: int | None = None,
    case_type: str = "",
    warning: str = "",
    today: dt.date | None = None,
):
    """Sessions the actor sees, newest first (the page, the API and the workbench's
    查看全部 read through it). Warnings are ranges on indexed date columns."""
    today = today or clock.today()
    qs = (
        Session.objects.visible_to(actor)
        .select_related("org_unit", "case", "host")
        .order_by("-held_on", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(held_on__gte=dt.date(year, 1, 1), held_on__lte=dt.date(year, 12, 31))
    if case_type:
        qs = qs.filter(case__case_type=case_type)
    if warning == "hold_overdue":
        qs = qs.filter(status=S.PLANNED, held_on__lt=today)
    elif warning == "evaluation_pending":
        qs = qs.filter(status=S.HELD)
    elif warning == "evaluation_overdue":
        qs = qs.filter(status=S.HELD, evaluation_due__lt=today)
    return qs


def participant_counts(session_ids) -> dict[int, int]:
    """Roster size per session, for one page of sessions (one query)."""
    rows = (
        Participant.objects.filter(session_id__in=list(session_ids))
        .values("session_id")
        .annotate(n=Count("id"))
        .values_list("session_id", "n")
    )
    return dict(rows)


def session_get(actor, pk: int) -> Session:
    """One session with its roster (people and evaluators); else 404."""
    roster = Participant.objects.select_related("user", "evaluated_by").order_by("id")
    return get_visible_or_404(
        Session.objects.select_related("org_unit", "case", "host", "created_by").prefetch_related(
            Prefetch("participants", queryset=roster, to_attr="roster")
        ),
        actor,
        None,
        pk=pk,
    )


def reads_evaluations(user, session: Session) -> bool:
    """Whether `user` reads every participant's evaluation (else only their own)."""
    return bool(
        user.has_role(*EVALUATION_READER_ROLES)
        and unit_in_scope(user, session.org_unit, EVALUATION_READER_ROLES)
    )


def curates(user, unit) -> bool:
    return bool(user.has_role(*CURATOR_ROLES) and unit_in_scope(user, unit, CURATOR_ROLES))


def my_sessions(user):
    """The sessions `user` takes part in, newest first, each with their own row (role and
    evaluation): the "我的培训" list."""
    return (
        Participant.objects.visible_to(user)
        .filter(user=user)
        .exclude(session__status=S.CANCELLED)
        .select_related("session__case", "session__org_unit", "session__host")
        .order_by("-session__held_on", "-session_id")
    )
