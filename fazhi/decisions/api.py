"""The 重大行政决策 API: decisions and catalogues of one's scope, one decision with its
five procedures and timeline, the steps of its workflow (explicit POSTs, the same
services and refusals as the pages), and the public catalogue (no token)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router
from ninja.responses import codes_4xx

from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import Decision

router = Router(tags=["重大行政决策"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
StatusCode = Literal[tuple(Decision.Status.values)]  # type: ignore[valid-type]
Verb = Literal[
    "start_participation",
    "finish_participation",
    "finish_expert",
    "submit_review",
    "submit_discussion",
    "decide",
    "publish",
    "archive",
    "return_revise",
]


class StepOut(Schema):
    label: str
    from_status: str
    to_status: str
    actor: str
    note: str
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor or "系统")


class GateOut(Schema):
    key: str
    label: str = Field(..., title="法定程序")
    articles: str = Field(..., title="条款")
    missing: str | None = Field(None, title="尚缺(空:已履行)")


class DecisionOut(Schema):
    id: int
    title: str = Field(..., title="决策事项")
    version: int
    year: int = Field(..., title="目录年度")
    category: str
    undertaker: str = Field(..., title="决策承办单位")
    org_unit: str = Field(..., title="决策机关")
    status: str
    status_label: str
    procedures_done: int = Field(..., title="已履行法定程序数(0–5)")
    next_due: dt.date | None = Field(None, title="最近期限")
    next_due_label: str
    decided_on: dt.date | None
    published_on: dt.date | None

    @staticmethod
    def resolve_year(obj) -> int:
        return obj.catalogue.year

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class DecisionPage(Schema):
    count: int
    items: list[DecisionOut]


class DecisionDetailOut(DecisionOut):
    body: str
    decision_text: str
    publish_channel: str
    gates: list[GateOut]
    timeline: list[StepOut]

    @staticmethod
    def resolve_gates(obj):
        return services.gate_report(obj)

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class CatalogueOut(Schema):
    id: int
    org_unit: str
    year: int
    status: str
    adopted_on: dt.date | None
    published_on: dt.date | None

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class PublicItemOut(Schema):
    title: str
    category: str
    undertaker: str
    status_label: str
    published_on: dt.date | None
    decision_text: str

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_decision_text(obj) -> str:
        return obj.decision_text if obj.published_on else ""


class PublicCatalogueOut(Schema):
    town: str
    year: int
    published_on: dt.date | None
    items: list[PublicItemOut]


class TransitionIn(StrictIn):
    note: str = Field("", max_length=2000)
    starts_on: dt.date | None = Field(None, title="征求意见开始日期")
    ends_on: dt.date | None = Field(None, title="征求意见截止日期")
    reason_short: str = Field("", title="缩短期限的理由", max_length=2000)
    reviewer_id: Id | None = Field(None, title="合法性审查人")
    decision_text: str = Field("", title="决定内容", max_length=20000)
    published_on: dt.date | None = Field(None, title="公布日期")
    publish_channel: str = Field("", title="公布载体", max_length=200)


def _read(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看重大行政决策")


@router.get(
    "/decisions",
    response={200: DecisionPage, **ERRORS},
    url_name="decisions_list",
    summary="可见范围内的重大行政决策,新建在前",
)
def decisions_list(
    request,
    status: StatusCode | None = None,
    year: int | None = Query(None, ge=2000, le=2100),
    q: str = Query("", max_length=50),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.decision_list(request.auth, status=status or "", year=year, q=q)
    return api_page(qs, offset, limit)


@router.get(
    "/decisions/{decision_id}",
    response={200: DecisionDetailOut, **ERRORS},
    url_name="decision_detail",
    summary="一项决策及其五项法定程序和办理过程",
)
def decision_detail(request, decision_id: Id):
    _read(request)
    return selectors.decision_get(request.auth, decision_id)


@router.post(
    "/decisions/{decision_id}/transitions/{verb}",
    response={200: DecisionDetailOut, **ERRORS},
    url_name="decision_transition",
    summary="办理决策的一步(各程序未履行完毕的,拒绝并说明条款)",
)
def decision_transition(request, decision_id: Id, verb: Verb, payload: TransitionIn):
    check_role(request.auth, services.WRITER_ROLES, "无权办理重大行政决策")
    d = get_visible_or_404(
        Decision.objects.select_related("org_unit", "catalogue"),
        request.auth,
        services.WRITER_ROLES,
        pk=decision_id,
    )
    data = payload.dict()
    reviewer = None
    if data.pop("reviewer_id") is not None:
        reviewer = User.objects.filter(pk=payload.reviewer_id).first()
        if reviewer is None:
            raise ServiceError("审查人不存在", errors={"reviewer_id": ["审查人不存在"]})
    services.decision_transition(actor=request.auth, obj=d, verb=verb, reviewer=reviewer, **data)
    return selectors.decision_get(request.auth, decision_id)


@router.get(
    "/decision-catalogues",
    response={200: list[CatalogueOut], **ERRORS},
    url_name="decision_catalogues",
    summary="可见范围内的决策事项目录",
)
def catalogues(request):
    _read(request)
    return list(selectors.catalogue_list(request.auth)[:100])


@router.get(
    "/public/decision-catalogues/{code}/{year}",
    response={200: PublicCatalogueOut, **ERRORS},
    url_name="decision_public_catalogue",
    auth=None,
    summary="已公布的年度决策事项目录(公开,无需登录)",
)
def public_catalogue(request, code: str, year: int):
    town = OrgUnit.objects.filter(code=code, kind=OrgUnit.Kind.TOWN, is_active=True).first()
    cat = selectors.public_catalogue(town, year) if town else None
    if cat is None:
        raise Http404
    items = list(selectors.public_items(cat))
    return {"town": town.name, "year": cat.year, "published_on": cat.published_on, "items": items}
