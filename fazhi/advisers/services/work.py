"""Work entries of 法律顾问: a consultation, negotiation, litigation, petition, training
or other item, on a day within one of the adviser's terms (kept by the law officer). The
legality reviews an adviser concludes are read from fazhi.reviews, never entered here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from fazhi.core import audit, clock

from ..models import KEEPER_ROLES, Adviser, WorkEntry
from .common import MIN_DATE, _check_scope, _err, _text


def _hours(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise _err("hours", "用时应为数字") from None
    if not hours.is_finite() or hours <= 0 or hours > 999:
        raise _err("hours", "用时应大于0且不超过999小时")
    if hours != hours.quantize(Decimal("0.1")):
        raise _err("hours", "用时最多保留1位小数")
    return hours


def work_entry_create(
    *,
    actor,
    adviser: Adviser,
    kind: str,
    date: date,
    description: str,
    hours=None,
    today: date | None = None,
) -> WorkEntry:
    """A consultation, negotiation, litigation, petition, training or other work item,
    on a day within one of the adviser's terms."""
    today = today or clock.today()
    _check_scope(actor, adviser.org_unit, KEEPER_ROLES, "只有法治办工作人员可以登记工作记录")
    if kind not in WorkEntry.Kind.values:
        raise _err("kind", "类别不正确")
    if date is None:
        raise _err("date", "请填写日期")
    if date > today:
        raise _err("date", "不能登记将来日期的工作")
    if date < MIN_DATE:
        raise _err("date", "日期应在2000年以后")
    description = _text(description, "description", "事项")
    hours = _hours(hours)
    with transaction.atomic():
        if not adviser.appointments.filter(start__lte=date, end__gte=date).exists():
            raise _err("date", "该日期不在法律顾问的聘期内(须先登记聘期)")
        entry = WorkEntry.objects.create(
            org_unit=adviser.org_unit,
            adviser=adviser,
            kind=kind,
            date=date,
            description=description,
            hours=hours,
            created_by=actor,
        )
        audit.record(
            verb="adviser.work_entry_create",
            actor=actor,
            obj=adviser,
            changes={
                "kind": [None, kind],
                "date": [None, str(date)],
                "description": [None, description],
                "hours": [None, str(hours) if hours is not None else None],
            },
        )
    return entry
