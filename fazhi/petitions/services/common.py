"""What every write of 信访 shares: who does what, the checks of free input and dates."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core import clock
from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role

from ..models import READER_ROLES
from ..params import DATE_BEFORE, DATE_IN_FUTURE, Period

# The town's 信访办 (the law office) registers and handles petitions.
HANDLER_ROLES = frozenset({Role.LAW_OFFICER})
# 复查 and 复核 are the organs above's: the county records them, or the town's office
# records what the organ above decided.
REVIEW_ROLES = frozenset({Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR})
PAGE_ROLES = READER_ROLES
NOT_FOUND = "记录不存在或无权查看"

_text = partial(clean_text, limit=5000)


def _refuse(field: str, message: str) -> ServiceError:
    return ServiceError(message, errors={field: [message]})


def _choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values or value == "":
        options = "、".join(str(c.label) for c in choices if c.value)
        raise _refuse(field, f"{label}不正确,可选:{options}")
    return value


def _date(value, field: str, label: str, *, required=True) -> date | None:
    """A date from the form or API (not in the future: a record of what happened)."""
    if value is None or value == "":
        if required:
            raise _refuse(field, f"请填写{label}")
        return None
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value))
        except ValueError:
            raise _refuse(field, f"{label}格式应为 YYYY-MM-DD") from None
    if value > clock.today():
        raise _refuse(field, DATE_IN_FUTURE.format(label=label))
    return value


def _not_before(value: date, field: str, label: str, before: date | None, before_label: str):
    if before is not None and value < before:
        raise _refuse(
            field,
            DATE_BEFORE.format(label=label, before_label=before_label, before=before.isoformat()),
        )


def due(start: date, period: Period) -> date:
    """The last day of `period` counted from `start` (the one deadline service)."""
    return deadline(start, period.n, period.unit)
