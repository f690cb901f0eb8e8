"""Reads of core records, already scoped (architecture rule 2)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from .models import AuditEvent, Membership, OrgUnit
from .roles import TREE_READER_ROLES


def units_visible_to(user):
    """Org units in the subtree of the user's tree-reading memberships."""
    return OrgUnit.objects.visible_to(user, TREE_READER_ROLES)


def unit_children(user, unit: OrgUnit):
    return (
        units_visible_to(user)
        .filter(parent=unit)
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__is_active=True)),
            child_count=Count("children", distinct=True),
        )
        .order_by("code")
    )


def roots_for(user):
    """The top units a user browses from: their own memberships' units, outermost first."""
    units = units_visible_to(user).order_by("code")
    codes: list[str] = []
    roots = []
    for u in units.filter(kind__in=["county", "town", "village", "community", "grid"])[:500]:
        if not any(u.code.startswith(c) for c in codes):
            codes.append(u.code)
            roots.append(u)
    return roots


def unit_members(user, unit: OrgUnit):
    return (
        Membership.objects.visible_to(user, TREE_READER_ROLES)
        .filter(org_unit=unit, is_active=True)
        .select_related("user", "org_unit")
        .order_by("role", "user__username")
    )


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def audit_events(*, verb="", actor_name="", object_type="", date_from=None, date_to=None,
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
