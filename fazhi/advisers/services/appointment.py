"""Appointment terms of 法律顾问: a term within the longest term the county allows; a
term after an earlier one is a renewal, which the latest annual assessment decides."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit
from fazhi.core.dates import add_years
from fazhi.core.permissions import ServiceError

from ..models import KEEPER_ROLES, Adviser, Appointment
from ..params import MAX_TERM_REFUSAL, MAX_TERM_YEARS, NOT_RENEWABLE_REFUSAL
from .adviser import qualification_refusal
from .common import MAX_DATE, MIN_DATE, _check_scope, _err, _text


def appointment_create(
    *, actor, adviser: Adviser, start: date, end: date, agreement_ref: str = ""
) -> Appointment:
    """A term of appointment. A term after an earlier one is a renewal, refused when the
    latest annual assessment said 不续聘 (the assessment decides renewal)."""
    _check_scope(actor, adviser.org_unit, KEEPER_ROLES, "只有法治办工作人员可以登记聘期")
    agreement_ref = _text(agreement_ref, "agreement_ref", "聘用合同编号", required=False, limit=64)
    if start is None:
        raise _err("start", "请填写聘期开始日期")
    if end is None:
        raise _err("end", "请填写聘期届满日期")
    for field, day in (("start", start), ("end", end)):
        if not MIN_DATE <= day <= MAX_DATE:
            raise _err(field, "日期应在2000年至2099年之间")
    if end <= start:
        raise _err("end", "聘期届满日期应晚于开始日期")
    years = MAX_TERM_YEARS.value(adviser.org_unit)
    if end >= add_years(start, years):
        raise _err("end", MAX_TERM_REFUSAL.format(years=years))
    with transaction.atomic():
        locked = Adviser.objects.select_for_update().get(pk=adviser.pk)
        if locked.status != Adviser.Status.ACTIVE:
            raise ServiceError("已解聘的法律顾问不能登记聘期", code="wrong_state")
        refusal = qualification_refusal(locked, start)
        if refusal:
            raise ServiceError(refusal, code="unqualified")
        terms = list(locked.appointments.order_by("start"))
        if any(t.start <= end and t.end >= start for t in terms):
            raise _err("start", "与已登记的聘期重叠")
        earlier = [t for t in terms if t.end < start]
        is_renewal = bool(earlier)
        if is_renewal:
            latest = locked.assessments.order_by("-year").first()
            if latest is not None and not latest.renew:
                raise ServiceError(
                    NOT_RENEWABLE_REFUSAL.format(year=latest.year, grade=latest.grade),
                    code="not_renewable",
                )
        appointment = Appointment.objects.create(
            org_unit=locked.org_unit,
            adviser=locked,
            start=start,
            end=end,
            agreement_ref=agreement_ref,
            is_renewal=is_renewal,
            created_by=actor,
        )
        audit.record(
            verb="adviser.appointment_create",
            actor=actor,
            obj=locked,
            changes={
                "appointment": [None, f"{start}至{end}"],
                "is_renewal": [None, is_renewal],
                "agreement_ref": [None, agreement_ref],
            },
        )
    return appointment
