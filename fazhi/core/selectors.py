"""Reads of core records, already scoped (architecture rule 2)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from fazhi.core import clock

from .models import AuditEvent, Membership, OrgUnit
from .roles import TREE_READER_ROLES


def unit_list(user):
    """Org units in the subtree of the user's tree-reading memberships."""
    return OrgUnit.objects.visible_to(user, TREE_READER_ROLES)


def unit_children(user, unit: OrgUnit):
    return (
        unit_list(user)
        .filter(parent=unit)
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__is_active=True)),
            child_count=Count("children", distinct=True),
        )
        .order_by("code")
    )


def tree_rows(user, limit: int = 3000) -> list[dict]:
    """The visible tree above grid level as indented rows, with member and grid counts.
    One query; grids are listed on their village's page."""
    units = (
        unit_list(user)
        .exclude(kind=OrgUnit.Kind.GRID)
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__is_active=True), distinct=True),
            grid_count=Count("children", filter=Q(children__kind=OrgUnit.Kind.GRID), distinct=True),
        )
        .order_by("code")[:limit]
    )
    rows = []
    base = None
    for unit in units:
        if base is None or not unit.code.startswith(base):
            base = unit.code
            base_level = unit.level
        rows.append({"unit": unit, "depth": unit.level - base_level})
    return rows


def unit_members(user, unit: OrgUnit):
    return (
        Membership.objects.visible_to(user, TREE_READER_ROLES)
        .filter(org_unit=unit, is_active=True)
        .select_related("user", "org_unit")
        .order_by("role", "user__username")
    )


def audit_daily_counts(days: int = 14) -> dict:
    """Events per day and result over the last `days` days, for the audit chart: a spike of
    failed logins or denials is what an audit administrator looks for first."""
    from django.db.models.functions import TruncDate

    today = clock.today()
    first = today - timedelta(days=days - 1)
    rows = (
        AuditEvent.objects.filter(occurred_at__gte=_day_start(first))
        .annotate(day=TruncDate("occurred_at", tzinfo=timezone.get_current_timezone()))
        .values("day", "result")
        .annotate(n=Count("id"))
        .order_by()
    )
    labels = [first + timedelta(days=i) for i in range(days)]
    series = {r: [0] * days for r in AuditEvent.Result.values}
    for row in rows:
        index = (row["day"] - first).days
        if 0 <= index < days:
            series[row["result"]][index] = row["n"]
    return {
        "labels": [d.strftime("%m-%d") for d in labels],
        "series": [
            {"name": label, "data": series[value]} for value, label in AuditEvent.Result.choices
        ],
    }


def locked_attempts():
    """Usernames locked right now (failures at the limit within the cool-off window)."""
    from axes.models import AccessAttempt
    from django.conf import settings

    since = clock.wall_now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def audit_event_list(*, verb="", actor_name="", object_type="", date_from=None, date_to=None,
                 result="", before_id=None, limit=50):
    """Audit events newest first, filtered, paged by id (no OFFSET on a big table)."""
    qs = AuditEvent.objects.select_related("org_unit").order_by("-id")
    if verb:
        qs = qs.filter(verb__startswith=verb)
    if actor_name:
        qs = qs.filter(actor_name=actor_name)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if result:
        qs = qs.filter(result=result)
    # Day bounds as datetimes so the occurred_at index is used (no per-row date casts).
    if date_from:
        qs = qs.filter(occurred_at__gte=_day_start(date_from))
    if date_to:
        qs = qs.filter(occurred_at__lt=_day_start(date_to + timedelta(days=1)))
    if before_id:
        qs = qs.filter(id__lt=before_id)
    return qs[:limit]
