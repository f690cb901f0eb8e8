"""The 社会矛盾预警 API: the warnings of one's scope (red first, then score), one warning
with its factors and timeline, 记录应对措施 / 撤销预警, and 立即研判 for a town's law
officer. The same services and scoping as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router
from ninja.responses import codes_4xx

from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import READER_ROLES

router = Router(tags=["社会矛盾预警"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
ColourCode = Literal["red", "yellow", "green"]
StateCode = Literal["active", "open", "responded", "dismissed", "resolved", "all"]
KindCode = Literal["dispute", "petition", "key_person"]
Verb = Literal["respond", "dismiss"]


class StepOut(Schema):
    verb: str = Field(..., title="操作")
    label: str = Field(..., title="操作名称")
    actor: str = Field(..., title="操作人")
    note: str = Field(..., title="说明")
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor) if obj.actor_id else "系统"


class FactorOut(Schema):
    key: str = Field(..., title="因素代码")
    label: str = Field(..., title="因素")
    value: str = Field(..., title="取值")
    weight: str = Field(..., title="计分规则")
    points: int = Field(..., title="得分")


class WarningOut(Schema):
    id: int
    subject_kind: str = Field(..., title="对象类型")
    subject_pk: int = Field(..., title="对象编号")
    title: str = Field(..., title="预警事项")
    url: str = Field(..., title="事项页面")
    org_unit_id: int = Field(..., title="所属单位")
    org_unit: str = Field(..., title="所属单位名称")
    score: int = Field(..., title="风险分")
    colour: str = Field(..., title="颜色代码")
    colour_label: str = Field(..., title="颜色")
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    raised_at: dt.datetime = Field(..., title="首次生成")
    evaluated_on: dt.date = Field(..., title="最近研判日期")
    response_due: dt.date | None = Field(None, title="应对期限")

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_colour_label(obj) -> str:
        return obj.get_colour_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class WarningPage(Schema):
    count: int = Field(..., title="条数(超过10000时为10000)")
    items: list[WarningOut]


class WarningDetailOut(WarningOut):
    factors: list[FactorOut]
    responded_at: dt.datetime | None = Field(None, title="应对时间")
    response_who: str = Field(..., title="责任人")
    response_measures: str = Field(..., title="应对措施")
    response_on: dt.date | None = Field(None, title="落实时间")
    response_minutes: int | None = Field(None, title="响应用时(分钟)")
    dismissed_reason: str = Field(..., title="撤销理由")
    timeline: list[StepOut]

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class TransitionIn(StrictIn):
    who: str = Field("", title="责任人", description="记录应对措施时必填", max_length=100)
    measures: str = Field("", title="应对措施", description="记录应对措施时必填", max_length=2000)
    on: dt.date | None = Field(None, title="落实时间", description="记录应对措施时必填")
    reason: str = Field("", title="撤销理由", description="撤销预警时必填", max_length=2000)


class EvaluationOut(Schema):
    day: dt.date
    offered: int = Field(..., title="研判事项数")
    raised: int = Field(..., title="新生成")
    recoloured: int = Field(..., title="颜色变化")
    reopened: int = Field(..., title="重新待应对")
    resolved: int = Field(..., title="解除")
    no_providers: bool = Field(..., title="尚无事项来源")
    lines: list[str] = Field(..., title="说明")

    @staticmethod
    def resolve_lines(obj) -> list[str]:
        return obj.lines()


def _read(request):
    check_role(request.auth, READER_ROLES, "无权查看矛盾预警")


@router.get(
    "/early-warnings",
    response={200: WarningPage, **ERRORS},
    url_name="earlywarning_list",
    summary="可见范围内的矛盾预警,红色在前,再按风险分",
)
def warning_list(
    request,
    colour: ColourCode | None = None,
    state: StateCode = "active",
    kind: KindCode | None = None,
    unit_id: Id | None = None,
    q: str = Query("", max_length=50),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    if "\x00" in q:  # PostgreSQL text cannot hold NUL: a field error, never a 500
        raise ServiceError("搜索词不能包含空字符", errors={"q": ["不能包含空字符(\\x00)"]})
    unit = None
    if unit_id is not None:
        unit = selectors.unit_choices(request.auth).filter(pk=unit_id).first()
        if unit is None:
            raise Http404
    qs = selectors.warning_list(request.auth, colour=colour or "", state=state, kind=kind or "",
                                unit=unit, q=q.strip())  # fmt: skip
    return api_page(qs, offset, limit)


@router.post(
    "/early-warnings/evaluate",
    response={200: EvaluationOut, **ERRORS},
    url_name="earlywarning_evaluate",
    summary="立即研判本镇(法治办工作人员)",
)
def warning_evaluate(request):
    check_role(request.auth, {Role.LAW_OFFICER}, "只有本镇法治办工作人员可以发起立即研判")
    return services.evaluate_now(actor=request.auth)


@router.get(
    "/early-warnings/{warning_id}",
    response={200: WarningDetailOut, **ERRORS},
    url_name="earlywarning_detail",
    summary="一条矛盾预警:风险因素、应对情况和办理过程",
)
def warning_detail(request, warning_id: Id):
    _read(request)
    return selectors.warning_get(request.auth, warning_id)


@router.post(
    "/early-warnings/{warning_id}/transitions/{verb}",
    response={200: WarningDetailOut, **ERRORS},
    url_name="earlywarning_transition",
    summary="respond 记录应对措施(责任人、措施、落实时间);dismiss 撤销预警(须写明理由)",
)
def warning_transition(request, warning_id: Id, verb: Verb, payload: TransitionIn):
    _read(request)
    warning = selectors.warning_get(request.auth, warning_id)
    data = payload.dict()
    fields = (
        {k: data[k] for k in ("who", "measures", "on")}
        if verb == "respond"
        else {"reason": data["reason"]}
    )
    services.warning_transition(actor=request.auth, obj=warning, verb=verb, **fields)
    return selectors.warning_get(request.auth, warning_id)
