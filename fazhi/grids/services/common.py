"""What every write of 网格走访 shares: who may do what where, the checks of free input,
and the one computation of a person's next visit due date."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.models import CODE_LENGTHS, OrgUnit
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import KEY_READER_ROLES

# Who registers key persons and records visits: the grid's worker (own grids), the
# village cadre (the village's grids) and the town's law office (the whole town).
VISITOR_ROLES = KEY_READER_ROLES
# Who keeps the town's categories and risk-signal choices.
CONFIG_ROLES = frozenset({Role.LAW_OFFICER})
# Who registers the helpers of a grid (网格助手).
HELPER_ROLES = frozenset({Role.LAW_OFFICER, Role.VILLAGE_CADRE})

NOT_FOUND = "记录不存在或无权查看"
MAX_TEXT = 5000

_text = partial(clean_text, limit=MAX_TEXT)


def town_of(unit: OrgUnit) -> OrgUnit:
    """The town a grid (or village, or the town itself) belongs to."""
    code = unit.code[: CODE_LENGTHS["town"]]
    if unit.code == code:
        return unit
    return OrgUnit.objects.get(code=code)


def may_visit(user, unit: OrgUnit) -> bool:
    """Whether `user` registers persons and records visits in grid `unit`."""
    return bool(user and user.is_authenticated and unit_in_scope(user, unit, VISITOR_ROLES))


def grid_choices(user):
    """The grids the user works in (their own grids, their village's, their town's)."""
    return (
        OrgUnit.objects.visible_to(user, VISITOR_ROLES)
        .filter(kind=OrgUnit.Kind.GRID, is_active=True)
        .select_related("parent")
        .order_by("code")
    )


def towns_configured_by(user):
    return OrgUnit.objects.visible_to(user, CONFIG_ROLES).filter(kind=OrgUnit.Kind.TOWN)


def _date(value, field: str, label: str) -> date:
    if value is None or value == "":
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        message = f"{label}格式应为 YYYY-MM-DD"
        raise ServiceError(message, errors={field: [message]}) from None


def _choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values:
        options = "、".join(str(c.label) for c in choices)
        message = f"{label}不正确,可选:{options}"
        raise ServiceError(message, errors={field: [message]})
    return value


def due_after(base: date | None, interval: int | None) -> date | None:
    """The day the next visit falls due: `interval` days after the last visit (or the
    registration), moved to the next working day when it is a rest day (民法典 203,
    through the one deadline service)."""
    if base is None or not interval:
        return None
    return deadline(base, int(interval), "days")
