"""What every service of 规范性文件 shares: who does what, the limits of free text, the
acting day and the actor's town."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core import clock
from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

# Who does what (product.md): the law officer drafts and moves the document, the town
# leader records the collective deliberation, the county supervisor reviews filings.
DRAFTER_ROLES = frozenset({Role.LAW_OFFICER})
LEADER_ROLES = frozenset({Role.TOWN_LEADER})
COUNTY_ROLES = frozenset({Role.COUNTY_SUPERVISOR})
NOT_FOUND = "记录不存在或无权查看"
MAX_TITLE = 200
MAX_BODY = 100_000
MAX_SHORT = 100
MAX_TEXT = 5000


def _today(on: date | None) -> date:
    return on or clock.today()


# Free text: one cleaning for every app; here optional unless a call says required.
_text = partial(clean_text, required=False)


def _require_date(value, field: str, label: str) -> date:
    if not isinstance(value, date):
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    return value


def _town_of(actor, org_unit: OrgUnit | None, roles) -> OrgUnit:
    """The town the actor acts for: the one given (if in scope), or their only town."""
    if org_unit is not None:
        if org_unit.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, org_unit, roles):
            raise ServiceError(
                "只能为本镇制定规范性文件", errors={"org_unit": ["单位不在管辖范围内"]}
            )
        return org_unit
    towns = [u for u in actor.units_for(roles) if u.kind == OrgUnit.Kind.TOWN]
    if len(towns) != 1:
        raise ServiceError("请选择制定单位", errors={"org_unit": ["请选择制定单位"]})
    return towns[0]
