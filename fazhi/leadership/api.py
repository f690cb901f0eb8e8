"""组织领导 API: meetings and study sessions (list, detail, record one, mark it held), the
leading groups with who was in each on a day, and 述法 (list, one's own submission).
The same services and scoping as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import api_page
from fazhi.core.permissions import check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn

from . import selectors, services
from .models import LawReport

router = Router(tags=["组织领导"])
ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
KindCode = Literal["deployment", "topical", "relay", "central_group", "law_study", "seminar"]


class DecisionOut(Schema):
    seq: int
    text: str = Field(..., title="决定事项")


class MeetingOut(Schema):
    id: int
    org_unit_id: int
    org_unit: str = Field(..., title="单位")
    level: str = Field(..., title="层级")
    kind: str = Field(..., title="类型")
    title: str = Field(..., title="会议名称")
    held_on: dt.date = Field(..., title="会议日期")
    place: str
    status: str

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class MeetingDetailOut(MeetingOut):
    agenda: str
    minutes: str
    attendees: list[str] = Field(..., title="出席人员")
    absences: list[str] = Field(..., title="缺席人员及原因")
    decisions: list[DecisionOut]

    @staticmethod
    def resolve_attendees(obj) -> list[str]:
        return [str(a.user) for a in obj.attendances.all() if a.present]

    @staticmethod
    def resolve_absences(obj) -> list[str]:
        return [f"{a.user}({a.absence_reason})" for a in obj.attendances.all() if not a.present]

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.all())


class MeetingPage(Schema):
    count: int
    items: list[MeetingOut]


class AbsenceIn(StrictIn):
    user_id: Id
    reason: str = Field(..., max_length=200)


class MeetingIn(StrictIn):
    org_unit_id: Id = Field(..., title="单位(乡镇或村社)")
    kind: KindCode
    title: str = Field(..., min_length=1, max_length=200)
    held_on: dt.date
    place: str = Field("", max_length=100)
    host_id: Id | None = None
    agenda: str = Field("", max_length=5000)
    attendee_ids: list[Id] = Field(default_factory=list, max_length=500)
    absences: list[AbsenceIn] = Field(default_factory=list, max_length=500)


class HoldIn(StrictIn):
    minutes: str = Field(..., max_length=20000)
    decisions: list[str] = Field(default_factory=list, max_length=30)


class MemberOut(Schema):
    user: str
    role: str
    duties: str
    started_on: dt.date
    ended_on: dt.date | None

    @staticmethod
    def resolve_user(obj) -> str:
        return str(obj.user)


class LawReportOut(Schema):
    id: int
    year: int
    org_unit_id: int
    reporter: str
    status: str
    due_on: dt.date
    rating: str
    meeting_id: int | None

    @staticmethod
    def resolve_reporter(obj) -> str:
        return str(obj.reporter)


class LawReportPage(Schema):
    count: int
    items: list[LawReportOut]


class LawReportSubmitIn(StrictIn):
    org_unit_id: Id = Field(..., title="乡镇")
    year: int = Field(..., ge=2000, le=2100)
    report_text: str = Field("", max_length=20000)


def _read(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看组织领导")


def _users(ids) -> list[User]:
    found = {u.pk: u for u in User.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise Http404
    return [found[i] for i in ids]


@router.get("/meetings", response={200: MeetingPage, **ERRORS}, url_name="leadership_meetings",
            summary="可见范围内的会议与学习,按日期倒序")  # fmt: skip
def meetings_list(
    request,
    kind: KindCode | None = None,
    level: Literal["town", "village"] | None = None,
    year: int | None = Query(None, ge=2000, le=2100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.meeting_list(request.auth, kind=kind or "", level=level or "", year=year)
    return api_page(qs, offset, limit)


@router.post("/meetings", response={201: MeetingDetailOut, **ERRORS},
             url_name="leadership_meeting_create", summary="记录会议或学习(待召开)")  # fmt: skip
def meeting_create(request, payload: MeetingIn):
    check_role(request.auth, services.WRITER_ROLES, "只有镇法治办工作人员或村社干部可以记录会议")
    unit = (
        OrgUnit.objects.visible_to(request.auth, services.WRITER_ROLES)
        .filter(pk=payload.org_unit_id)
        .first()
    )
    if unit is None:
        raise Http404
    host = _users([payload.host_id])[0] if payload.host_id else None
    absent = _users([a.user_id for a in payload.absences])
    meeting = services.meeting_create(
        actor=request.auth,
        org_unit=unit,
        kind=payload.kind,
        title=payload.title,
        held_on=payload.held_on,
        place=payload.place,
        host=host,
        agenda=payload.agenda,
        attendees=_users(payload.attendee_ids),
        absences=[(u, a.reason) for u, a in zip(absent, payload.absences, strict=True)],
    )
    return Status(201, selectors.meeting_get(request.auth, meeting.pk))


@router.get("/meetings/{meeting_id}", response={200: MeetingDetailOut, **ERRORS},
            url_name="leadership_meeting_detail", summary="一次会议或学习")  # fmt: skip
def meeting_detail(request, meeting_id: Id):
    _read(request)
    return selectors.meeting_get(request.auth, meeting_id)


@router.post("/meetings/{meeting_id}/hold", response={200: MeetingDetailOut, **ERRORS},
             url_name="leadership_meeting_hold", summary="标记已召开(纪要与决定)")  # fmt: skip
def meeting_hold(request, meeting_id: Id, payload: HoldIn):
    check_role(request.auth, services.WRITER_ROLES, "只有镇法治办工作人员或村社干部可以记录会议")
    meeting = selectors.meeting_get(request.auth, meeting_id)
    services.meeting_hold(
        actor=request.auth, obj=meeting, minutes=payload.minutes, decisions=payload.decisions
    )
    return selectors.meeting_get(request.auth, meeting_id)


@router.get("/leading-groups/{group_id}/members", response={200: list[MemberOut], **ERRORS},
            url_name="leadership_group_members", summary="某日在任的领导小组成员")  # fmt: skip
def group_members(request, group_id: Id, on: dt.date | None = None):
    _read(request)
    group = selectors.group_get(request.auth, group_id)
    return list(selectors.members_on(group, on or clock.today()))


@router.get("/lawreports", response={200: LawReportPage, **ERRORS}, url_name="leadership_lawreports",
            summary="可见范围内的述法")  # fmt: skip
def lawreports_list(
    request,
    year: int | None = Query(None, ge=2000, le=2100),
    status: Literal["pending", "submitted", "reviewed"] | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.lawreport_list(request.auth, year=year, status=status or "")
    return api_page(qs, offset, limit)


@router.post("/lawreports/submit", response={200: LawReportOut, **ERRORS},
             url_name="leadership_lawreport_submit", summary="提交本人的述法报告")  # fmt: skip
def lawreport_submit(request, payload: LawReportSubmitIn):
    town = OrgUnit.objects.filter(pk=payload.org_unit_id, kind=OrgUnit.Kind.TOWN).first()
    if town is None:
        raise Http404
    report = services.lawreport_submit(
        actor=request.auth, town=town, year=payload.year, report_text=payload.report_text
    )
    return LawReport.objects.get(pk=report.pk)
