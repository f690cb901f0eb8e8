"""What every write of 普法宣传 shares: who writes, the actor's town, input checks."""

from __future__ import annotations

from datetime import date

from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..params import NOT_FOUND, WRITER_ONLY

# The town's law office keeps the calendar, the configuration, imports and pushes.
WRITER_ROLES = frozenset({Role.LAW_OFFICER})
# Events are also recorded by a village's cadre, for their village.
EVENT_WRITER_ROLES = frozenset({Role.LAW_OFFICER, Role.VILLAGE_CADRE})


def refuse(field: str, message: str):
    return ServiceError(message, errors={field: [message]})


def writer_town(actor, town: OrgUnit | None = None) -> OrgUnit:
    """The town the law officer writes for: `town` if given and theirs, else their own."""
    check_role(actor, WRITER_ROLES, WRITER_ONLY)
    if town is None:
        towns = [u for u in actor.units_for(WRITER_ROLES) if u.kind == OrgUnit.Kind.TOWN]
        if not towns:
            raise Forbidden(WRITER_ONLY)
        return towns[0]
    if town.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, town, WRITER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    return town


def town_of(unit: OrgUnit) -> OrgUnit:
    return unit if unit.kind == OrgUnit.Kind.TOWN else unit.ancestor_of_kind(OrgUnit.Kind.TOWN)


def as_date(value, field: str, label: str) -> date:
    if isinstance(value, date):
        return value
    if value in (None, ""):
        raise refuse(field, f"请填写{label}")
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise refuse(field, f"{label}格式应为 YYYY-MM-DD") from None
