"""What every write of 工作任务 shares: who may do what, owners of a unit, dates."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit, User
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role

from ..models import OWNER_ROLES_BY_KIND

# Who writes plans: the town's law office (its plan, items, breakdown), the county
# supervisor (the county's plan, sent down to every town).
PLANNER_ROLES = frozenset({Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR})
NOT_FOUND = "记录不存在或无权查看"

_text = partial(clean_text, limit=2000)


def parse_date(value, field: str, label: str) -> date:
    if isinstance(value, date):
        return value
    if value in (None, ""):
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        message = f"{label}格式应为 YYYY-MM-DD"
        raise ServiceError(message, errors={field: [message]}) from None


def on_working_day(day: date) -> date:
    """A deadline on a rest day ends on the next working day (民法典第二百零三条): the
    deadline service's one-day count from the day before gives exactly that."""
    return deadline(day - timedelta(days=1), 1, "days")


def owner_roles(unit: OrgUnit) -> frozenset:
    return OWNER_ROLES_BY_KIND.get(unit.kind, frozenset())


def owner_choices(unit: OrgUnit):
    """The people of `unit` itself who may own a task there (one query)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__org_unit=unit,
            memberships__role__in=owner_roles(unit),
        )
        .distinct()
        .order_by("full_name", "username")
    )


def is_owner_of(user: User, unit: OrgUnit) -> bool:
    return owner_choices(unit).filter(pk=user.pk).exists()


def role_names(roles) -> str:
    return "、".join(str(Role(r).label) for r in sorted(roles))
