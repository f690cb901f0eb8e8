"""What every write of 法治单元 shares: who writes what, the village a record belongs to
(in the actor's scope), the town a village lies in, and the checks of free input."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core import clock
from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import READER_ROLES, VILLAGE_KINDS
from ..params import NOT_A_VILLAGE, RULES_FUTURE, VILLAGE_OUTSIDE

# The town's law office keeps the checklist and the types, opens creation records, records
# the higher level's decisions (拟命名, 命名, 复核) and reviews the filed 村规民约.
OFFICE_ROLES = frozenset({Role.LAW_OFFICER})
# Village cadres keep their own village's registries, evidence and rules; the office too.
WRITER_ROLES = frozenset({Role.LAW_OFFICER, Role.VILLAGE_CADRE})
PAGE_ROLES = READER_ROLES

_text = partial(clean_text, limit=2000)


def village_in_scope(actor, unit, *, missing: str, roles=WRITER_ROLES) -> OrgUnit:
    """The village or community a record is written for: it must be given, be a village
    or community, and lie in the actor's scope (else the Chinese refusal, nothing
    written)."""
    if unit is None or unit == "":
        raise ServiceError(missing, errors={"org_unit": [missing]})
    if not isinstance(unit, OrgUnit):
        ok = str(unit).isdigit() and len(str(unit)) < 18
        unit = OrgUnit.objects.filter(pk=int(unit)).first() if ok else None
        if unit is None:
            raise ServiceError(missing, errors={"org_unit": [missing]})
    if unit.kind not in VILLAGE_KINDS:
        message = NOT_A_VILLAGE.format(name=unit.name)
        raise ServiceError(message, errors={"org_unit": [message]})
    if not unit_in_scope(actor, unit, roles):
        raise Forbidden(VILLAGE_OUTSIDE)
    return unit


def town_of(village: OrgUnit) -> OrgUnit:
    return village.parent


def office_town(actor, town) -> OrgUnit:
    """A town the actor keeps as law officer (the configuration's owner)."""
    if (
        town is None
        or town.kind != OrgUnit.Kind.TOWN
        or not unit_in_scope(actor, town, OFFICE_ROLES)
    ):
        raise Forbidden("只有本镇法治办工作人员可以设置")
    return town


def past_date(value, field: str, label: str, *, required=True) -> date | None:
    if value is None or value == "":
        if required:
            raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
        return None
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value))
        except ValueError:
            message = f"{label}格式应为 YYYY-MM-DD"
            raise ServiceError(message, errors={field: [message]}) from None
    if value > clock.today():
        message = RULES_FUTURE.format(label=label)
        raise ServiceError(message, errors={field: [message]})
    return value


def choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values:
        options = "、".join(str(c.label) for c in choices)
        message = f"{label}不正确,可选:{options}"
        raise ServiceError(message, errors={field: [message]})
    return value
