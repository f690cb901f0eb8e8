"""Reads of core records, already scoped (architecture rule 2)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
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
            member_count=count_of(Membership.objects.filter(is_active=True), "org_unit"),
            child_count=count_of(OrgUnit.objects.all(), "parent"),
        )
        .order_by("code")
    )


def tree_rows(user) -> list[dict]:
    """The top of the visible tree as indented rows: the viewer's own units and the units
    right under them, with member, sub-unit and grid counts. A county supervisor gets the
    county and its 30 towns, not 1,500 rows; each unit's page lists its own children.
    Counts are subqueries per row (a join of members × children would multiply rows)."""
    visible = unit_list(user).exclude(kind=OrgUnit.Kind.GRID)
    codes = list(visible.order_by("code").values_list("code", "id", "parent_id"))
    ids = {pk for _, pk, _ in codes}
    top_ids = [pk for _, pk, parent in codes if parent not in ids]
    shown = visible.filter(Q(pk__in=top_ids) | Q(parent_id__in=top_ids))
    units = shown.annotate(
        member_count=count_of(Membership.objects.filter(is_active=True), "org_unit"),
        child_count=count_of(OrgUnit.objects.exclude(kind=OrgUnit.Kind.GRID), "parent"),
        grid_count=count_of(OrgUnit.objects.filter(kind=OrgUnit.Kind.GRID), "parent"),
    ).order_by("code")
    top = set(top_ids)
    return [{"unit": unit, "depth": 0 if unit.pk in top else 1} for unit in units]


def count_of(queryset, field: str):
    """How many rows of `queryset` point at the outer row through `field`: a correlated
    COUNT subquery, 0 when none (evaluated for the rows a page shows, not for every row
    before the page is cut, as a join with GROUP BY is)."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counted), 0)


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


def audit_event_list(
    *,
    verb="",
    actor_name="",
    object_type="",
    date_from=None,
    date_to=None,
    result="",
    before_id=None,
    limit=50,
):
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
