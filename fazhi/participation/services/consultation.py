"""Opening a consultation on a subject, inviting groups, closing it."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope

from .. import params
from ..models import Consultation, Invitation, Tag
from .common import MAX_SHORT, MAX_TEXT, ORGANISER_ROLES, kind_of, split_text
from .common import text as clean_text


def minimum_end(kind: str, unit, starts_on: date) -> tuple[date, str]:
    """The earliest end date of a consultation of `kind` opened on `starts_on`."""
    if kind == "decision":
        n = params.MIN_DAYS_DECISION.value(unit)
        return deadline(starts_on, n, "days"), f"重大行政决策征求意见不少于{n}日"
    if kind == "normative":
        n = params.MIN_WORKDAYS_NORMATIVE.value(unit)
        return deadline(starts_on, n, "workdays"), f"行政规范性文件征求意见不少于{n}个工作日"
    n = params.MIN_DAYS_OTHER.value(unit)
    return deadline(starts_on, n, "days"), f"征求意见不少于{n}日"


def _guard_period(kind, unit, starts_on, ends_on, reason_short) -> None:
    if not isinstance(starts_on, date) or not isinstance(ends_on, date):
        raise ServiceError("请填写开始和截止日期", errors={"ends_on": ["请填写日期"]})
    if ends_on < starts_on:
        raise ServiceError(params.END_BEFORE_START, errors={"ends_on": [params.END_BEFORE_START]})
    earliest, rule = minimum_end(kind, unit, starts_on)
    if ends_on < earliest and not str(reason_short or "").strip():
        msg = params.SHORT_PERIOD.format(rule=rule, earliest=earliest)
        raise ServiceError(msg, errors={"reason_short": [msg]})


def consultation_open(
    *, actor, subject, title, text: str, starts_on, ends_on, reason_short="", org_unit=None
) -> Consultation:
    """Put `subject` (any record with `org_unit`; None for a free-standing matter of
    `org_unit`) to the public from `starts_on` to `ends_on`."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权发起公开征求意见")
        unit = subject.org_unit if subject is not None else org_unit
        if unit is None or not unit_in_scope(actor, unit, ORGANISER_ROLES):
            raise Forbidden("只能对本单位的事项征求意见")
        kind = kind_of(subject)
        title_ = clean_text(title, "title", "标题", MAX_SHORT, required=True)
        paragraphs = split_text(str(text or "")[:200_000])
        if not paragraphs:
            raise ServiceError(params.EMPTY_TEXT, errors={"text": [params.EMPTY_TEXT]})
        reason = clean_text(reason_short, "reason_short", "缩短期限理由", MAX_TEXT)
        _guard_period(kind, unit, starts_on, ends_on, reason)
        ct = None
        if subject is not None:
            ct = ContentType.objects.get_for_model(subject)
            if Consultation.objects.filter(
                subject_type=ct, subject_id=subject.pk, closed_on__isnull=True,
                ends_on__gte=clock.today(),
            ).exists():  # fmt: skip
                raise ServiceError(params.ALREADY_OPEN)
        c = Consultation.objects.create(
            org_unit=unit, subject_type=ct, subject_id=subject.pk if subject else None,
            kind=kind, title=title_, paragraphs=paragraphs, starts_on=starts_on,
            ends_on=ends_on, reason_short=reason, created_by=actor,
        )  # fmt: skip
        audit.record(
            verb="consultation.open", actor=actor, obj=c,
            changes={"kind": kind, "starts_on": starts_on.isoformat(),
                     "ends_on": ends_on.isoformat(), "paragraphs": len(paragraphs),
                     "reason_short": reason},
        )  # fmt: skip
    return c


def consultation_close(
    *, actor, consultation: Consultation, on: date | None = None
) -> Consultation:
    """End the period (the subject's own step does this, e.g. documents' close_comment)."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权结束征求意见")
        c = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not unit_in_scope(actor, c.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能结束本单位的征求意见")
        if c.closed_on is None:
            c.closed_on = on or clock.today()
            c.save(update_fields=["closed_on"])
            audit.record(verb="consultation.close", actor=actor, obj=c,
                         changes={"closed_on": c.closed_on.isoformat(),
                                  "comment_count": c.comment_count})  # fmt: skip
    return c


def invitation_add(
    *, actor, consultation: Consultation, group: str, invitees: str, method: str, sent_on=None
) -> Invitation:
    """Record that a group (人大代表, 人民团体 …) was invited to comment."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权发送征求意见邀请")
        if not unit_in_scope(actor, consultation.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能为本单位的征求意见发送邀请")
        if group not in Tag.values:
            raise ServiceError("请选择邀请对象类别", errors={"group": ["请选择邀请对象类别"]})
        inv = Invitation.objects.create(
            consultation=consultation, org_unit=consultation.org_unit, group=group,
            invitees=clean_text(invitees, "invitees", "邀请对象", MAX_SHORT, required=True),
            method=clean_text(method, "method", "邀请方式", 100, required=True),
            sent_on=sent_on or clock.today(), created_by=actor,
        )  # fmt: skip
        audit.record(verb="consultation.invite", actor=actor, obj=consultation,
                     changes={"group": group, "invitees": inv.invitees})  # fmt: skip
    return inv
