"""The 普法宣传 API: events of one's scope (list, one, record), and the 以案释法 pushes
(list with reading rates, one with its receipts, push a case). The same services and
scoping as the pages. Photos are uploaded on the event page (they are re-encoded
without metadata there)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.models import OrgUnit
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn

from . import selectors, services
from .models import READER_ROLES, Campaign, Case, Option
from .params import EVENT_WRITER_ONLY, NOT_RECIPIENT, WRITER_ONLY

BAD_TARGET = "宣传对象须为本镇配置的“八进”对象"

router = Router(tags=["普法宣传"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200


class EventOut(Schema):
    id: int
    title: str = Field(..., title="活动名称")
    theme: str = Field(..., title="主题")
    campaign_id: int | None = Field(None, title="主题宣传活动")
    format: str = Field(..., title="活动形式")
    targets: list[str] = Field(..., title="宣传对象")
    held_on: dt.date = Field(..., title="活动日期")
    place: str = Field(..., title="地点")
    organiser: str = Field(..., title="组织者")
    audience: int = Field(..., title="受众人数")
    org_unit_id: int = Field(..., title="举办单位")
    org_unit: str = Field(..., title="举办单位名称")

    @staticmethod
    def resolve_format(obj) -> str:
        return obj.format.name

    @staticmethod
    def resolve_targets(obj) -> list[str]:
        return [t.name for t in obj.targets.all()]

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class EventPage(Schema):
    count: int
    items: list[EventOut]


class EventIn(StrictIn):
    org_unit_id: Id = Field(..., title="举办单位(本镇或村社)")
    campaign_id: Id | None = Field(None, title="主题宣传活动")
    theme: str = Field("", title="主题", max_length=100)
    title: str = Field(..., title="活动名称", min_length=1, max_length=200)
    format_id: Id = Field(..., title="活动形式")
    target_ids: list[Id] = Field(..., title="宣传对象(八进)")
    held_on: dt.date = Field(..., title="活动日期")
    place: str = Field(..., title="地点", min_length=1, max_length=200)
    organiser: str = Field(..., title="组织者", min_length=1, max_length=100)
    audience: int = Field(..., title="受众人数")
    summary: str = Field("", title="活动情况", max_length=5000)


class PushOut(Schema):
    id: int
    case_id: int
    case: str = Field(..., title="案例")
    pushed_on: dt.date = Field(..., title="推送日期")
    recipient_count: int = Field(..., title="推送人数")
    read_count: int = Field(..., title="已读人数")
    read_rate: float = Field(..., title="阅读率(%)")

    @staticmethod
    def resolve_case(obj) -> str:
        return obj.case.title


class PushPage(Schema):
    count: int
    items: list[PushOut]


class ReceiptOut(Schema):
    recipient_id: int
    recipient: str
    read_at: dt.datetime | None

    @staticmethod
    def resolve_recipient(obj) -> str:
        return str(obj.recipient)


class PushDetailOut(PushOut):
    facts: str
    law_applied: str
    lesson: str
    receipts: list[ReceiptOut]

    @staticmethod
    def resolve_receipts(obj):
        return obj.receipts_list


class PushIn(StrictIn):
    case_id: Id = Field(..., title="案例")
    recipient_ids: list[Id] = Field(..., title="接收干部")
    note: str = Field("", title="推送说明", max_length=200)


def _read(request):
    check_role(request.auth, READER_ROLES, "无权查看普法宣传记录")


@router.get("/publicity/events", response={200: EventPage, **ERRORS}, url_name="publicity_events",
            summary="可见范围内的普法活动,按活动日期倒序")  # fmt: skip
def events_list(
    request,
    year: int | None = Query(None, ge=2000, le=2100),
    campaign: int | None = Query(None, ge=1),
    q: str = Query("", max_length=50),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.event_list(request.auth, year=year, campaign=campaign, q=q)
    return api_page(qs, offset, limit)


@router.get("/publicity/events/{event_id}", response={200: EventOut, **ERRORS},
            url_name="publicity_event_detail", summary="一场普法活动")  # fmt: skip
def event_detail(request, event_id: Id):
    _read(request)
    return selectors.event_get(request.auth, event_id)


@router.post("/publicity/events", response={201: EventOut, **ERRORS},
             url_name="publicity_event_create", summary="登记普法活动")  # fmt: skip
def event_create(request, payload: EventIn):
    user = request.auth
    check_role(user, services.EVENT_WRITER_ROLES, EVENT_WRITER_ONLY)
    unit = (
        OrgUnit.objects.visible_to(user, services.EVENT_WRITER_ROLES)
        .filter(pk=payload.org_unit_id)
        .first()
    )
    if unit is None:
        raise Http404
    town = services.town_of(unit)
    campaign = None
    if payload.campaign_id:
        campaign = Campaign.objects.filter(org_unit=town, pk=payload.campaign_id).first()
        if campaign is None:
            raise Http404
    options = {o.pk: o for o in Option.objects.filter(org_unit=town, is_active=True)}
    if any(i not in options for i in payload.target_ids):
        raise ServiceError(BAD_TARGET, errors={"target_ids": [BAD_TARGET]})
    data = payload.dict(exclude={"org_unit_id", "campaign_id", "format_id", "target_ids"})
    event = services.event_create(
        actor=user, org_unit=unit, campaign=campaign, format=options.get(payload.format_id),
        targets=[options[i] for i in payload.target_ids], **data,
    )  # fmt: skip
    return Status(201, selectors.event_get(user, event.pk))


@router.get("/publicity/case-pushes", response={200: PushPage, **ERRORS},
            url_name="publicity_casepushes", summary="以案释法案例推送及阅读率")  # fmt: skip
def pushes_list(
    request,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.casepush_list(request.auth)
    return api_page(qs, offset, limit)


@router.get("/publicity/case-pushes/{push_id}", response={200: PushDetailOut, **ERRORS},
            url_name="publicity_casepush_detail", summary="一次案例推送及阅读回执")  # fmt: skip
def push_detail(request, push_id: Id):
    _read(request)
    push = selectors.casepush_list(request.auth).filter(pk=push_id).first()
    if push is None:
        raise Http404
    push.facts, push.law_applied, push.lesson = (
        push.case.facts,
        push.case.law_applied,
        push.case.lesson,
    )
    push.receipts_list = list(selectors.receipts_of(push))
    return push


@router.post("/publicity/case-pushes", response={201: PushOut, **ERRORS},
             url_name="publicity_casepush_create", summary="推送以案释法案例给干部")  # fmt: skip
def push_create(request, payload: PushIn):
    user = request.auth
    check_role(user, services.WRITER_ROLES, WRITER_ONLY)
    town = services.writer_town(user)
    case = Case.objects.filter(org_unit=town, pk=payload.case_id).first()
    if case is None:
        raise Http404
    recipients = list(services.recipient_choices(town).filter(pk__in=payload.recipient_ids))
    if len(recipients) != len(set(payload.recipient_ids)):
        raise ServiceError(
            NOT_RECIPIENT.format(name="所选人员"), errors={"recipient_ids": ["含非本镇干部"]}
        )
    push = services.casepush_create(actor=user, case=case, recipients=recipients, note=payload.note)
    return Status(201, push)
