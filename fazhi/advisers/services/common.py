"""What every write of 法律顾问 shares: the field error, free-text cleaning with this
app's default length, the role-and-scope check, and the bounds of dates and notes."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope

NOT_FOUND = "记录不存在或无权查看"
# Terms and work lie in this century: a typo like 0001 or 9999 would overflow date sums.
MIN_DATE, MAX_DATE = date(2000, 1, 1), date(2099, 12, 31)
MAX_TEXT = 300
MAX_NOTE = 2000


def _err(field: str, message: str, code: str = "invalid") -> ServiceError:
    return ServiceError(message, errors={field: [message]}, code=code)


# Free text: one cleaning for every app, with this module's default length.
_text = partial(clean_text, limit=MAX_TEXT)


def _check_scope(actor, unit: OrgUnit, roles, message: str) -> None:
    check_role(actor, roles, message)
    if not unit_in_scope(actor, unit, roles):
        raise ServiceError(NOT_FOUND, code="not_found")
