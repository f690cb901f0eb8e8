"""Reads of 普法宣传, scoped and prefetched, so a page's query count does not grow with
its rows."""

from __future__ import annotations

import calendar as cal
from datetime import date

from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import (
    READER_ROLES,
    Campaign,
    Case,
    CasePush,
    CaseReceipt,
    Event,
    Option,
    StudyHours,
    StudyImport,
)
from .params import NOT_FOUND

_TARGETS = Prefetch("targets", queryset=Option.objects.order_by("order", "id"))


def _year(qs, field, year):
    if year:
        qs = qs.filter(**{f"{field}__gte": date(year, 1, 1), f"{field}__lte": date(year, 12, 31)})
    return qs


def event_list(actor, *, campaign=None, target=None, format=None, unit=None, year=None, q=""):
    """Events of the user's scope, newest first."""
    qs = (
        Event.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit", "format", "campaign")
        .prefetch_related(_TARGETS)
        .order_by("-held_on", "-id")
    )
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    if format:
        qs = qs.filter(format_id=format)
    if target:
        qs = qs.filter(
            pk__in=Event.targets.through.objects.filter(option_id=target).values("event_id")
        )
    if unit:
        qs = qs.filter(org_unit_id=unit)
    if q:
        qs = qs.filter(search_q(Event, q))
    return _year(qs, "held_on", year)


def event_get(actor, pk: int) -> Event:
    return get_visible_or_404(
        Event.objects.select_related(
            "org_unit", "format", "campaign", "created_by"
        ).prefetch_related(_TARGETS),
        actor,
        READER_ROLES,
        pk=pk,
    )


def reach(actor, year: int) -> dict:
    """Events and audience of a year by target, theme and holding unit (three queries)."""
    events = _year(Event.objects.visible_to(actor, READER_ROLES), "held_on", year)
    by_target = (
        Option.objects.filter(events__in=events.values("pk"))
        .values("name")
        .annotate(n=Count("events", distinct=True), people=Sum("events__audience"))
        .order_by("-n", "name")
    )
    by_theme = (
        events.values("theme")
        .annotate(events=Count("id"), audience=Sum("audience"))
        .order_by("-events", "theme")
    )
    by_unit = (
        events.values("org_unit__name", "org_unit__code")
        .annotate(events=Count("id"), audience=Sum("audience"))
        .order_by("org_unit__code")
    )
    by_target = [{"name": r["name"], "events": r["n"], "audience": r["people"]} for r in by_target]
    return {"target": by_target, "theme": list(by_theme), "unit": list(by_unit)}


def campaigns(actor, *, year=None):
    qs = (
        Campaign.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit")
        .annotate(event_count=Count("events"))
    )
    return _year(qs, "starts_on", year).order_by("starts_on", "id")


def month_calendar(actor, year: int, month: int) -> dict:
    """The weeks of a month (Monday first) with each day's campaigns and events."""
    first = date(year, month, 1)
    last = date(year, month, cal.monthrange(year, month)[1])
    camps = list(
        Campaign.objects.visible_to(actor, READER_ROLES)
        .filter(starts_on__lte=last, ends_on__gte=first)
        .select_related("org_unit")
        .order_by("starts_on", "id")
    )
    events = list(
        Event.objects.visible_to(actor, READER_ROLES)
        .filter(held_on__range=(first, last))
        .select_related("org_unit", "format")
        .order_by("held_on", "id")
    )
    weeks = []
    for week in cal.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            days.append({
                "day": day,
                "in_month": day.month == month,
                "campaigns": [c for c in camps if c.starts_on <= day <= c.ends_on],
                "events": [e for e in events if e.held_on == day],
            })  # fmt: skip
        weeks.append(days)
    return {"weeks": weeks, "campaigns": camps, "events": events, "first": first, "last": last}


def options(town, kind=None, *, active=True):
    qs = Option.objects.filter(org_unit=town)
    if kind:
        qs = qs.filter(kind=kind)
    if active:
        qs = qs.filter(is_active=True)
    return qs.order_by("kind", "order", "id")


def event_units(town):
    """The town and its villages/communities (where events are held)."""
    return OrgUnit.objects.filter(
        Q(pk=town.pk) | Q(parent=town, kind__in=[OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY]),
        is_active=True,
    ).order_by("code")


def study_imports(actor):
    return (
        StudyImport.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit", "created_by")
        .order_by("-created_at", "-id")
    )


def study_totals(actor, year: int):
    """Each person's online-study hours of periods ending in `year`, most first."""
    return (
        _year(StudyHours.objects.visible_to(actor, READER_ROLES), "period_end", year)
        .values("person_id", "person__full_name", "person__username")
        .annotate(hours=Sum("hours"), periods=Count("id"))
        .order_by("-hours", "person__username")
    )


def casepush_list(actor, *, q=""):
    qs = (
        CasePush.objects.visible_to(actor, READER_ROLES)
        .select_related("case", "pushed_by")
        .order_by("-pushed_on", "-id")
    )
    if q:
        qs = qs.filter(case__in=_case_search(q))
    return qs


def _case_search(q):
    return Case.objects.filter(search_q(Case, q)).values("pk")


def my_receipts(user):
    """The pushes a cadre received, unread first, newest first."""
    return (
        CaseReceipt.objects.filter(recipient=user)
        .select_related("push__case")
        .order_by("-push__pushed_on", "-push_id")
    )


def casepush_get(actor, pk: int) -> tuple[CasePush, bool]:
    """A push the user may open: a reader of its town, or one of its recipients (then
    True)."""
    qs = CasePush.objects.select_related("case", "pushed_by", "org_unit")
    push = qs.visible_to(actor, READER_ROLES).filter(pk=pk).first()
    if push is not None:
        return push, CaseReceipt.objects.filter(push=push, recipient=actor).exists()
    push = qs.filter(pk=pk, receipts__recipient=actor).first()
    if push is None:
        raise Http404(NOT_FOUND)
    return push, True


def receipts_of(push):
    return (
        CaseReceipt.objects.filter(push=push)
        .select_related("recipient")
        .order_by("read_at", "recipient__full_name")
    )


def case_list(actor, *, q=""):
    qs = (
        Case.objects.visible_to(actor, READER_ROLES)
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )
    if q:
        qs = qs.filter(search_q(Case, q))
    return qs
