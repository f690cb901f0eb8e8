"""What every write of 组织领导 shares: who may write for which unit, who counts as "the
unit's people", and the checks of free input."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit, User
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import RECORD_ROLES, Role
from fazhi.core.scoping import unit_in_scope

NOT_FOUND = "记录不存在或无权查看"
# Who opens the pages: the town's office and leaders, the county (reads), village cadres
# (their own village).
PAGE_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR, Role.VILLAGE_CADRE}
)
# The town's office keeps the town's and every village's records; a village cadre keeps
# their own village's.
WRITER_ROLES = frozenset({Role.LAW_OFFICER, Role.VILLAGE_CADRE})
VILLAGE_KINDS = (OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY)

_text = partial(clean_text, limit=5000)


def town_of(unit: OrgUnit) -> OrgUnit:
    return unit if unit.kind == OrgUnit.Kind.TOWN else unit.ancestor_of_kind(OrgUnit.Kind.TOWN)


def may_write(actor, unit: OrgUnit) -> bool:
    """The town's law officer for the town and its villages; a village cadre for their
    own village (never for the town)."""
    if not (actor and actor.is_authenticated):
        return False
    if unit_in_scope(actor, unit, {Role.LAW_OFFICER}):
        return True
    return unit.kind in VILLAGE_KINDS and unit_in_scope(actor, unit, {Role.VILLAGE_CADRE})


def check_writer(actor, unit: OrgUnit) -> None:
    """Refuse a writer outside the unit as "not found", anyone else as forbidden."""
    if not (actor and actor.is_authenticated and actor.has_role(*WRITER_ROLES)):
        raise Forbidden("只有镇法治办工作人员或本村社干部可以办理")
    if not may_write(actor, unit):
        inside = any(m.org_unit.code.startswith(unit.code) for m in actor.active_memberships())
        if inside or unit_in_scope(actor, unit, RECORD_ROLES):
            raise Forbidden("村社干部只能办理本村社的事项,镇级事项由镇法治办办理")
        raise ServiceError(NOT_FOUND, code="not_found")


def writable_units(actor):
    """The town(s) and villages `actor` may keep records for, by code."""
    units = OrgUnit.objects.none()
    if actor.has_role(Role.LAW_OFFICER):
        units = units | OrgUnit.objects.visible_to(actor, {Role.LAW_OFFICER}).filter(
            kind__in=[OrgUnit.Kind.TOWN, *VILLAGE_KINDS]
        )
    if actor.has_role(Role.VILLAGE_CADRE):
        units = units | OrgUnit.objects.visible_to(actor, {Role.VILLAGE_CADRE}).filter(
            kind__in=VILLAGE_KINDS
        )
    return units.filter(is_active=True).order_by("code")


def people_of(unit: OrgUnit):
    """People with an account (an active membership) in the unit's subtree; for a
    village, the town's own staff too (包村 leaders sit in village groups)."""
    # The subtree's unit ids, not a join matched by code per membership: the membership
    # index by unit then reads the subtree's few hundred rows instead of every county
    # membership of these roles (4.6 → 1.6 ms for a town on SQLite at county scale).
    subtree = OrgUnit.objects.filter(code__startswith=unit.code).values("pk")
    qs = User.objects.filter(
        is_active=True,
        memberships__is_active=True,
        memberships__role__in=RECORD_ROLES,
        memberships__org_unit__in=subtree,
    )
    if unit.kind in VILLAGE_KINDS:
        town = town_of(unit)
        qs = qs | User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=RECORD_ROLES,
            memberships__org_unit=town,
        )
    return qs.distinct().order_by("full_name", "username")


def is_person_of(user, unit: OrgUnit) -> bool:
    return user is not None and people_of(unit).filter(pk=user.pk).exists()


def choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values or value == "":
        options = "、".join(str(c.label) for c in choices if c.value)
        message = f"{label}不正确,可选:{options}"
        raise ServiceError(message, errors={field: [message]})
    return value


def a_date(value, field: str, label: str, *, required=True) -> date | None:
    if value is None or value == "":
        if required:
            raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        message = f"{label}格式应为 YYYY-MM-DD"
        raise ServiceError(message, errors={field: [message]}) from None


def refuse(message: str, field: str | None = None, code: str = "invalid"):
    return ServiceError(message, errors={field: [message]} if field else None, code=code)
