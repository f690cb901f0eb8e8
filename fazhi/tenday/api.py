"""The 法治建设旬报 API: the reports of one's scope, one report with its drafted figures and
timeline, drafting, editing and refreshing a draft, submitting and returning (explicit
POSTs), and the county's matrix of towns × 旬. The same services and scoping as the
pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.dates import add_months
from fazhi.core.models import OrgUnit
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import TenDayReport
from .periods import periods_between

router = Router(tags=["法治建设旬报"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
StatusCode = Literal["draft", "submitted", "returned"]
Verb = Literal["submit", "return"]


class StepOut(Schema):
    verb: str
    label: str = Field(..., title="操作名称")
    from_status: str
    to_status: str
    actor: str = Field(..., title="操作人")
    note: str = Field(..., title="说明")
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor) if obj.actor_id else "系统"


class FigureOut(Schema):
    key: str
    label: str
    value: float
    unit: str
    sentence: str
    section: str


class ReportOut(Schema):
    id: int
    title: str = Field(..., title="标题")
    org_unit_id: int = Field(..., title="报送单位")
    org_unit: str = Field(..., title="报送单位名称")
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date = Field(..., title="报送期限")
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    first_submitted_on: dt.date | None = Field(None, title="首次报送日期")
    submitted_on: dt.date | None = Field(None, title="最近报送日期")
    is_late: bool = Field(..., title="逾期报送")
    return_count: int = Field(..., title="退回次数")

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class ReportPage(Schema):
    count: int
    items: list[ReportOut]


class ReportDetailOut(ReportOut):
    body: str = Field(..., title="本旬工作情况")
    problems: str = Field(..., title="存在问题")
    next_steps: str = Field(..., title="下一步工作")
    return_comment: str = Field(..., title="退回意见")
    figures: list[FigureOut] = Field(..., title="起草依据的本旬数据")
    timeline: list[StepOut]

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class ReportIn(StrictIn):
    org_unit_id: Id = Field(..., title="乡镇")
    period_start: dt.date = Field(..., title="旬开始日期", description="每月1日、11日或21日")


class ReportUpdateIn(StrictIn):
    body: str = Field(..., title="本旬工作情况", min_length=1, max_length=10000)
    problems: str = Field("", title="存在问题", max_length=10000)
    next_steps: str = Field("", title="下一步工作", max_length=10000)


class TransitionIn(StrictIn):
    note: str = Field("", title="说明", description="退回时必填(查漏补缺的内容)", max_length=2000)


class CellOut(Schema):
    period_start: dt.date
    period_name: str
    state: str = Field(..., title="状态代码:on_time/late/returned/missing/due/future")
    state_label: str
    report_id: int | None


class RowOut(Schema):
    org_unit_id: int
    org_unit: str
    on_time_rate: float | None = Field(None, title="按时报送率(%)")
    cells: list[CellOut]


def _read(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看法治建设旬报")


def _writable(request, report_id):
    check_role(request.auth, services.WRITER_ROLES, "只有镇法治办工作人员可以修改旬报")
    return get_visible_or_404(
        TenDayReport.objects.select_related("org_unit"),
        request.auth,
        services.WRITER_ROLES,
        pk=report_id,
    )


@router.get("/tenday/reports", response={200: ReportPage, **ERRORS}, url_name="tenday_list",
            summary="可见范围内的旬报,按旬倒序")  # fmt: skip
def report_list(
    request,
    status: StatusCode | None = None,
    year: int | None = Query(None, ge=2000, le=2100),
    q: str = Query("", max_length=50, description="搜索旬报内容"),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.report_list(request.auth, status=status or "", year=year, q=q)
    return api_page(qs, offset, limit)


@router.post("/tenday/reports", response={201: ReportDetailOut, **ERRORS},
             url_name="tenday_create", summary="起草一旬的旬报(由本旬各项工作数据生成)")  # fmt: skip
def report_create(request, payload: ReportIn):
    check_role(request.auth, services.WRITER_ROLES, "只有镇法治办工作人员可以起草旬报")
    town = (
        OrgUnit.objects.visible_to(request.auth, services.WRITER_ROLES)
        .filter(pk=payload.org_unit_id)
        .first()
    )
    if town is None:
        raise Http404
    report = services.report_create(
        actor=request.auth, org_unit=town, period_start=payload.period_start
    )
    return Status(201, selectors.report_get(request.auth, report.pk))


@router.get("/tenday/reports/{report_id}", response={200: ReportDetailOut, **ERRORS},
            url_name="tenday_detail", summary="一份旬报及其起草数据和办理过程")  # fmt: skip
def report_detail(request, report_id: Id):
    _read(request)
    return selectors.report_get(request.auth, report_id)


@router.put("/tenday/reports/{report_id}", response={200: ReportDetailOut, **ERRORS},
            url_name="tenday_update", summary="修改旬报正文(起草中或已退回时)")  # fmt: skip
def report_update(request, report_id: Id, payload: ReportUpdateIn):
    report = _writable(request, report_id)
    services.report_update(actor=request.auth, report=report, **payload.dict())
    return selectors.report_get(request.auth, report_id)


@router.post("/tenday/reports/{report_id}/regenerate", response={200: ReportDetailOut, **ERRORS},
             url_name="tenday_regenerate", summary="按本旬最新数据重新生成草稿")  # fmt: skip
def report_regenerate(request, report_id: Id):
    report = _writable(request, report_id)
    services.report_regenerate(actor=request.auth, report=report)
    return selectors.report_get(request.auth, report_id)


@router.post("/tenday/reports/{report_id}/transitions/{verb}",
             response={200: ReportDetailOut, **ERRORS}, url_name="tenday_transition",
             summary="submit 报送县级(旬结束后,不得重复报送),return 退回查漏补缺(县级)")  # fmt: skip
def report_transition(request, report_id: Id, verb: Verb, payload: TransitionIn):
    _read(request)
    report = selectors.report_get(request.auth, report_id)
    services.report_transition(actor=request.auth, obj=report, verb=verb, note=payload.note)
    return selectors.report_get(request.auth, report_id)


@router.get("/tenday/matrix", response={200: list[RowOut], **ERRORS}, url_name="tenday_matrix",
            summary="各乡镇各旬的报送情况(按时/逾期/退回/缺报)")  # fmt: skip
def report_matrix(request, start: dt.date | None = None, end: dt.date | None = None):
    """Default: the last three months up to today."""
    _read(request)
    today = clock.today()
    end = end or today
    start = start or add_months(end.replace(day=1), -2)
    if end < start or (end - start).days > 366:
        message = "截止日期不能早于起始日期,且一次最多查看一年"
        raise ServiceError(message, errors={"end": [message]})
    periods = periods_between(start, end)
    _, rows = selectors.matrix(request.auth, periods[0].start, periods[-1].end, clock.today())
    return [
        {
            "org_unit_id": r.town.pk,
            "org_unit": r.town.name,
            "on_time_rate": r.on_time_rate,
            "cells": [
                {
                    "period_start": c.period.start,
                    "period_name": c.period.name,
                    "state": c.state,
                    "state_label": c.label,
                    "report_id": c.report.pk if c.report else None,
                }
                for c in r.cells
            ],
        }
        for r in rows
    ]
