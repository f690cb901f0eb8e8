"""What every write of 督查整改 shares: who inspects and who may own a finding, the
checks of free input, and the locked inspection the inspecting side writes to."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit, User
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import OWNER_ROLES, READER_ROLES, Inspection, owner_town_codes

# Who opens inspections and records findings: the county for its towns, a town for itself.
INSPECTOR_ROLES = frozenset({Role.COUNTY_SUPERVISOR, Role.LAW_OFFICER})
# Who opens the pages of this app at all (what each sees is then scoped).
PAGE_ROLES = READER_ROLES | OWNER_ROLES

NOT_FOUND = "记录不存在或无权查看"
MAX_TITLE = 200
MAX_BASIS = 200
MAX_TEXT = 5000
UNKNOWN_FIELDS = "不能修改的字段:{fields}"


# --- who is who -------------------------------------------------------------------------


def inspector_roles(inspection: Inspection) -> set:
    """The inspecting side: the county supervisor for the county's inspections, the
    town's law officer for its self-inspections."""
    return {Role.COUNTY_SUPERVISOR} if inspection.is_county else {Role.LAW_OFFICER}


def is_inspector(user, inspection: Inspection) -> bool:
    roles = inspector_roles(inspection)
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*roles)
        and unit_in_scope(user, inspection.org_unit, roles)
    )


def owner_in_town(owner: User, town: OrgUnit) -> bool:
    """Whether `owner` holds a staff role in the town or one of its villages and grids."""
    return town.code in owner_town_codes(owner)


def owner_choices(town: OrgUnit):
    """Everyone who may own a finding of an inspection of `town` (one query)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=OWNER_ROLES,
            memberships__org_unit__code__startswith=town.code,
        )
        .distinct()
        .order_by("full_name", "username")
    )


def town_choices(user, kind: str | None = None):
    """Towns the user may open an inspection of (county: its towns; law officer: own)."""
    if user.has_role(Role.COUNTY_SUPERVISOR) and kind != Inspection.Kind.SELF:
        qs = OrgUnit.objects.visible_to(user, {Role.COUNTY_SUPERVISOR})
    else:
        qs = OrgUnit.objects.visible_to(user, {Role.LAW_OFFICER})
    return qs.filter(kind=OrgUnit.Kind.TOWN, is_active=True).order_by("code")


# --- validation helpers -------------------------------------------------------------------


# Free text: one cleaning for every app, with this module's default length.
_text = partial(clean_text, limit=MAX_TEXT)


def _choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values or value == "":
        options = "、".join(str(c.label) for c in choices if c.value)
        message = f"{label}不正确,可选:{options}"
        raise ServiceError(message, errors={field: [message]})
    return value


def _date(value, field: str, label: str, *, required=True) -> date | None:
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


def _unknown_fields(fields: dict, editable: dict) -> None:
    unknown = sorted(set(fields) - set(editable))
    if unknown:
        message = UNKNOWN_FIELDS.format(fields="、".join(unknown))
        raise ServiceError(message, errors={k: ["不能修改此字段"] for k in unknown})


def _iso_or_none(d) -> str | None:
    return d.isoformat() if d else None


# --- the inspection the inspecting side writes to -----------------------------------------


def _locked_open_inspection(actor, inspection, *, county_only, town_only, completed):
    """The inspection's row, locked, for the inspecting side while it is not completed:
    out of scope is "not found", the other side is refused with `county_only` (a county
    inspection) or `town_only` (a self-inspection), a completed one with `completed`."""
    locked = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("org_unit", "conducted_by")
        .filter(pk=inspection.pk)
        .first()
    )
    if locked is None or not unit_in_scope(actor, locked.org_unit, INSPECTOR_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not is_inspector(actor, locked):
        raise Forbidden(county_only if locked.is_county else town_only)
    if locked.status == Inspection.Status.COMPLETED:
        raise ServiceError(completed, code="wrong_state")
    return locked
