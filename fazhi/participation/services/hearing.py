"""听证: notice (≥ N days before), registration, selection of participants with the
interested parties represented, the published list, the signed record, the report."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.validators import validate_phone

from .. import params
from ..models import Hearing, HearingRegistration, Tag
from .common import MAX_SHORT, MAX_TEXT, ORGANISER_ROLES, has_html, text

H = Hearing.Status


def _err(field, message):
    return ServiceError(message, errors={field: [message]})


def earliest_hearing(unit, noticed_on: date) -> date:
    return deadline(noticed_on, params.HEARING_NOTICE_DAYS.value(unit), "days")


def hearing_create(
    *, actor, subject, title, matter, place, held_on, notice_published_on=None,
    registration_ends_on=None, org_unit=None,
) -> Hearing:  # fmt: skip
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权组织听证")
        unit = subject.org_unit if subject is not None else org_unit
        if unit is None or not unit_in_scope(actor, unit, ORGANISER_ROLES):
            raise Forbidden("只能为本单位的事项组织听证")
        noticed = notice_published_on or clock.today()
        if not isinstance(held_on, date):
            raise _err("held_on", "请填写听证日期")
        earliest = earliest_hearing(unit, noticed)
        if held_on < earliest:
            days = params.HEARING_NOTICE_DAYS.value(unit)
            raise _err("held_on", params.HEARING_LATE.format(days=days, earliest=earliest))
        reg_end = registration_ends_on or deadline(noticed, 3, "days")
        if not (noticed <= reg_end < held_on):
            raise _err("registration_ends_on", params.HEARING_REG_END)
        h = Hearing.objects.create(
            org_unit=unit,
            subject_type=ContentType.objects.get_for_model(subject) if subject else None,
            subject_id=subject.pk if subject else None,
            title=text(title, "title", "听证事项", MAX_SHORT, required=True),
            matter=text(matter, "matter", "听证内容", MAX_TEXT, required=True),
            place=text(place, "place", "地点", MAX_SHORT, required=True),
            held_on=held_on, notice_published_on=noticed, registration_ends_on=reg_end,
            created_by=actor,
        )  # fmt: skip
        audit.record(verb="hearing.create", actor=actor, obj=h,
                     changes={"held_on": held_on.isoformat(), "noticed": noticed.isoformat()})  # fmt: skip
    return h


def hearing_register(
    *, actor, hearing: Hearing, name, phone, tag, interested=False, statement=""
) -> HearingRegistration:
    """A resident (logged in) registers; the officer may register someone who came in person."""
    with transaction.atomic():
        if not (actor and actor.is_authenticated):
            raise Forbidden("请先登录后再报名")
        h = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if clock.today() > h.registration_ends_on or h.status != H.NOTICED:
            raise _err("name", params.HEARING_REG_CLOSED.format(day=h.registration_ends_on))
        staff = actor.has_role(*ORGANISER_ROLES) and unit_in_scope(
            actor, h.org_unit, ORGANISER_ROLES
        )
        if not staff and HearingRegistration.objects.filter(hearing=h, user=actor).exists():
            raise _err("name", params.HEARING_REG_TWICE)
        if tag not in Tag.values:
            raise _err("tag", "请选择身份")
        statement = text(statement, "statement", "意见要点", 1000)
        if has_html(statement):
            raise _err("statement", params.HTML)
        try:
            phone = validate_phone(str(phone or ""))
        except Exception as exc:  # core's ValidationError, in Chinese
            raise _err("phone", "手机号码格式不正确") from exc
        reg = HearingRegistration.objects.create(
            hearing=h, org_unit=h.org_unit, user=None if staff else actor,
            name=text(name, "name", "姓名", 50, required=True), phone=phone, tag=tag,
            interested=bool(interested) or tag == Tag.INTERESTED, statement=statement,
        )  # fmt: skip
        audit.record(verb="hearing.register", actor=actor, obj=reg, org_unit=h.org_unit,
                     changes={"hearing": h.pk, "tag": tag, "interested": reg.interested})  # fmt: skip
    return reg


def hearing_select(*, actor, hearing: Hearing, registrations) -> Hearing:
    """Choose the participants and publish their list; interested parties must be among them."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权选定听证参加人")
        h = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if not unit_in_scope(actor, h.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能管理本单位的听证")
        if h.status != H.NOTICED:
            raise _err("registrations", "参加人名单已经公布")
        ids = {getattr(r, "pk", r) for r in registrations or []}
        chosen = list(HearingRegistration.objects.filter(hearing=h, pk__in=ids))
        if not chosen:
            raise _err("registrations", params.HEARING_NONE_SELECTED)
        if not any(r.interested for r in chosen):
            raise _err("registrations", params.HEARING_NO_INTERESTED)
        HearingRegistration.objects.filter(pk__in=[r.pk for r in chosen]).update(selected=True)
        h.status, h.list_published_on = H.LISTED, clock.today()
        h.save(update_fields=["status", "list_published_on"])
        audit.record(verb="hearing.select", actor=actor, obj=h,
                     changes={"selected": sorted(r.pk for r in chosen)})  # fmt: skip
    return h


def hearing_record(*, actor, hearing: Hearing, uploaded_file) -> Hearing:
    """Upload the record signed by the participants: the hearing is held."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权上传听证笔录")
        h = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if not unit_in_scope(actor, h.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能管理本单位的听证")
        if h.status != H.LISTED:
            raise _err("file", "须先公布听证参加人名单")
        if clock.today() < h.held_on:
            raise _err("file", params.HEARING_NOT_YET.format(day=h.held_on))
        if uploaded_file is None:
            raise _err("file", params.HEARING_RECORD)
        att = attachment_add(actor=actor, record=h, uploaded_file=uploaded_file)
        h.status, h.record_attachment = H.HELD, att
        h.save(update_fields=["status", "record_attachment"])
        audit.record(verb="hearing.record", actor=actor, obj=h, changes={"attachment": att.pk})
    return h


def hearing_report(*, actor, hearing: Hearing, uploaded_file, summary) -> Hearing:
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权上传听证报告")
        h = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if not unit_in_scope(actor, h.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能管理本单位的听证")
        if h.status != H.HELD:
            raise _err("file", "听证举行并上传笔录后方可形成听证报告")
        summary = text(summary, "summary", "听证报告摘要", MAX_TEXT)
        if uploaded_file is None or not summary:
            raise _err("file", params.HEARING_REPORT)
        att = attachment_add(actor=actor, record=h, uploaded_file=uploaded_file)
        h.status, h.report_attachment, h.report_summary = H.REPORTED, att, summary
        h.save(update_fields=["status", "report_attachment", "report_summary"])
        audit.record(verb="hearing.report", actor=actor, obj=h, changes={"attachment": att.pk})
    return h
