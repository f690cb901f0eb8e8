"""Reads of 组织领导, scoped and prefetched (a page's query count does not grow with its
rows)."""

from __future__ import annotations

from datetime import date
from os.path import commonprefix

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Substr

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q
from fazhi.core.summary import percent

from .models import Attendance, GroupMember, LawReport, LeadingGroup, Meeting, WorkRule

VILLAGE_KINDS = (OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY)


def current_q(day: date, prefix: str = "") -> Q:
    """Memberships in force on `day`: started on or before it, not ended before it."""
    return Q(**{f"{prefix}started_on__lte": day}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gte": day})
    )


def group_list(actor, *, on: date):
    """The leading groups one sees (town first, then villages by code), with how many
    members were in each on `on`."""
    return (
        LeadingGroup.objects.visible_to(actor)
        .select_related("org_unit")
        .annotate(member_count=Count("members", filter=current_q(on, "members__")))
        .order_by("org_unit_id")
    )


def group_get(actor, pk: int) -> LeadingGroup:
    return get_visible_or_404(LeadingGroup.objects.select_related("org_unit"), actor, None, pk=pk)


def members_on(group: LeadingGroup, day: date):
    """Who was in the group on `day` (the history answers any past date)."""
    return (
        GroupMember.objects.filter(group=group)
        .filter(current_q(day))
        .select_related("user")
        .order_by("role", "started_on", "id")
    )


def member_history(group: LeadingGroup):
    return (
        GroupMember.objects.filter(group=group)
        .select_related("user")
        .order_by("-started_on", "-id")
    )


def members_for_export(actor, *, on: date | None = None):
    qs = GroupMember.objects.visible_to(actor).select_related("group__org_unit", "user")
    if on:
        qs = qs.filter(current_q(on))
    return qs.order_by("group__org_unit__code", "role", "started_on", "id")


def village_group_rate(town: OrgUnit) -> tuple[int, int, float]:
    """(villages/communities with a group, all of them, per cent) of a town (or of every
    town of a county)."""
    villages = OrgUnit.objects.filter(
        code__startswith=town.code, kind__in=VILLAGE_KINDS, is_active=True
    )
    total = villages.count()
    with_group = LeadingGroup.objects.filter(org_unit__in=villages.values("pk")).count()
    return with_group, total, percent(with_group, total)


def _by_town(towns, rows_of) -> dict[str, dict]:
    """Per town code, the row `rows_of(length, codes, prefix)` gives for it: one grouped
    query per length of the towns' codes (one: a town's code is 9 digits), so a county's
    page asks the same few queries for 3 towns as for 30. A unit belongs to the town
    whose code its own code starts with, as in the per-town reads."""
    found: dict[str, dict] = {}
    for length in sorted({len(t.code) for t in towns}):
        codes = [t.code for t in towns if len(t.code) == length]
        # The codes' common beginning (the county's, or the one town's) bounds the read
        # through the code index; the grouping does the rest.
        for row in rows_of(length, codes, commonprefix(codes)):
            found[row["town_code"]] = row
    return found


def village_group_rates(towns) -> list[tuple[OrgUnit, int, int, float]]:
    """`(town, *village_group_rate(town))` for each of `towns`, in one query: the towns'
    active villages and communities grouped by town, each counted with whether it has a
    leading group."""
    towns = list(towns)
    has_group = Exists(LeadingGroup.objects.filter(org_unit=OuterRef("pk")))
    found = _by_town(
        towns,
        lambda length, codes, prefix: (
            OrgUnit.objects.filter(kind__in=VILLAGE_KINDS, is_active=True, code__startswith=prefix)
            .annotate(town_code=Substr("code", 1, length))
            .filter(town_code__in=codes)
            .order_by()
            .values("town_code")
            .annotate(total=Count("id"), with_group=Count("id", filter=has_group))
        ),
    )
    rows = []
    for t in towns:
        row = found.get(t.code, {"with_group": 0, "total": 0})
        rows.append((t, row["with_group"], row["total"], percent(row["with_group"], row["total"])))
    return rows


def rule_list(actor):
    return (
        WorkRule.objects.visible_to(actor)
        .select_related("org_unit", "created_by")
        .order_by("-adopted_on", "-id")
    )


def rule_get(actor, pk: int) -> WorkRule:
    return get_visible_or_404(
        WorkRule.objects.select_related("org_unit", "created_by"), actor, None, pk=pk
    )


def meeting_list(actor, *, kind="", level="", status="", year=None, q=""):
    """Meetings and study sessions one sees, newest first."""
    qs = (
        Meeting.objects.visible_to(actor)
        .select_related("org_unit", "host")
        .annotate(decision_count=Count("decisions"))
        .order_by("-held_on", "-id")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if level:
        qs = qs.filter(level=level)
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(held_on__gte=date(year, 1, 1), held_on__lte=date(year, 12, 31))
    if q:
        qs = qs.filter(search_q(Meeting, q))
    return qs


def meeting_get(actor, pk: int) -> Meeting:
    return get_visible_or_404(
        Meeting.objects.select_related("org_unit", "host", "created_by").prefetch_related(
            Prefetch(
                "attendances", queryset=Attendance.objects.select_related("user").order_by("id")
            ),
            "decisions",
        ),
        actor,
        None,
        pk=pk,
    )


def meetings_for_export(actor, **filters):
    return (
        meeting_list(actor, **filters)
        .select_related("host")
        .prefetch_related(
            Prefetch(
                "attendances", queryset=Attendance.objects.select_related("user").order_by("id")
            ),
            "decisions",
        )
    )


def held_meetings_of(town: OrgUnit):
    """The town's held meetings a 述法 may have been given at."""
    return Meeting.objects.filter(org_unit=town, status=Meeting.Status.HELD).order_by(
        "-held_on", "-id"
    )


def lawreport_list(actor, *, year=None, status=""):
    qs = (
        LawReport.objects.visible_to(actor)
        .select_related("org_unit", "reporter", "meeting")
        .order_by("-year", "-id")
    )
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return qs


def lawreport_get(actor, pk: int) -> LawReport:
    """One 述法 one may see: the town's readers, or the reporter themself."""
    qs = LawReport.objects.select_related("org_unit", "reporter", "meeting", "added_by")
    report = qs.filter(pk=pk, reporter=actor).first() if actor.is_authenticated else None
    return report or get_visible_or_404(qs, actor, None, pk=pk)


def lawreports_pending_of(user):
    """The user's own 述法 still to submit, nearest due first."""
    return (
        LawReport.objects.filter(reporter=user, status=LawReport.Status.PENDING)
        .select_related("org_unit")
        .order_by("due_on", "id")
    )


def coverage(town: OrgUnit, year: int) -> tuple[int, int, float]:
    """(submitted or reviewed, on the list, per cent) of the year's 述法."""
    qs = LawReport.objects.filter(org_unit__code__startswith=town.code, year=year)
    agg = qs.aggregate(
        total=Count("id"), done=Count("id", filter=~Q(status=LawReport.Status.PENDING))
    )
    return agg["done"], agg["total"], percent(agg["done"], agg["total"])


def coverages(towns, year: int) -> list[tuple[OrgUnit, int, int, float]]:
    """`(town, *coverage(town, year))` for each of `towns`, in one query: the year's 述法
    grouped by the town their unit belongs to."""
    towns = list(towns)
    found = _by_town(
        towns,
        lambda length, codes, prefix: (
            LawReport.objects.filter(year=year, org_unit__code__startswith=prefix)
            .annotate(town_code=Substr("org_unit__code", 1, length))
            .filter(town_code__in=codes)
            .order_by()
            .values("town_code")
            .annotate(
                total=Count("id"), done=Count("id", filter=~Q(status=LawReport.Status.PENDING))
            )
        ),
    )
    rows = []
    for t in towns:
        row = found.get(t.code, {"done": 0, "total": 0})
        rows.append((t, row["done"], row["total"], percent(row["done"], row["total"])))
    return rows
