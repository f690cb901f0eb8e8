"""The 矛盾纠纷 API: disputes of one's scope, intake, routing, the workflow's steps,
sessions, the agreement, judicial confirmation and follow-ups — the same services and
scoping as the pages. Personal data leaves only masked.

The signed copy of an agreement is uploaded on the dispute page (its signing date goes
with the file); the .docx is generated there too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.models import OrgUnit
from fazhi.core.paging import api_page
from fazhi.core.permissions import check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import PAGE_ROLES, Dispute

router = Router(tags=["矛盾纠纷"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
StatusCode = Literal[
    "registered", "accepted", "mediating", "mediated", "failed", "refused", "transferred", "closed"
]
SourceCode = Literal["grid_visit", "walk_in", "phone", "initiative"]
Verb = Literal["accept", "start", "refuse", "fail", "close"]
Warning = Literal["judicial_due", "judicial_overdue", "overdue"]


class PartyOut(Schema):
    id: int
    role: str = Field(..., title="当事人类别")
    name: str = Field(..., title="姓名(名称)")
    id_masked: str = Field(..., title="公民身份号码(部分)")
    phone_masked: str = Field(..., title="联系电话(部分)")
    address: str = Field(..., title="住址")


class StepOut(Schema):
    verb: str
    label: str = Field(..., title="操作名称")
    from_status: str
    to_status: str
    actor: str = Field(..., title="操作人")
    note: str
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor) if obj.actor_id else "系统"


class SessionOut(Schema):
    held_on: dt.date
    place: str
    mediators: str
    attendees: str
    record: str = Field(..., title="调解情况")
    result: str


class AgreementOut(Schema):
    form: str = Field(..., title="协议形式")
    facts: str
    issues: str
    responsibility: str
    terms: str = Field(..., title="协议内容")
    performance_manner: str
    performance_deadline: dt.date | None
    mediators: str
    committee: str
    agreed_on: dt.date
    signed_on: dt.date | None
    effective_on: dt.date | None = Field(None, title="生效日期")
    judicial_state: str = Field(..., title="司法确认状态")
    judicial_due: dt.date | None = Field(None, title="司法确认申请截止日")
    applied_on: dt.date | None
    court: str
    decided_on: dt.date | None


class DisputeOut(Schema):
    id: int
    org_unit_id: int
    org_unit: str = Field(..., title="承办单位")
    source: str = Field(..., title="来源")
    source_visit_id: int | None = Field(None, title="来源走访记录")
    category: str = Field(..., title="纠纷类别代码")
    category_label: str = Field(..., title="纠纷类别")
    place: str
    amount: Decimal | None
    involved_count: int | None = Field(None, title="涉及人数")
    summary: str
    handler: str = Field(..., title="承办机构")
    status: str
    status_label: str
    outcome: str
    registered_on: dt.date
    accepted_on: dt.date | None
    next_due: dt.date | None = Field(None, title="最近期限")
    judicial_due: dt.date | None = Field(None, title="司法确认申请截止日")

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_handler(obj) -> str:
        return obj.handler_label

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class DisputePage(Schema):
    count: int
    items: list[DisputeOut]


class DisputeDetailOut(DisputeOut):
    parties: list[PartyOut]
    sessions: list[SessionOut]
    agreement: AgreementOut | None
    earlier_disputes: int = Field(..., title="同一当事人此前纠纷件数")
    timeline: list[StepOut]

    @staticmethod
    def resolve_parties(obj):
        return list(obj.parties.all())

    @staticmethod
    def resolve_sessions(obj):
        return list(obj.sessions.all())

    @staticmethod
    def resolve_agreement(obj):
        return obj.agreement_row

    @staticmethod
    def resolve_earlier_disputes(obj) -> int:
        return obj.earlier_count

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class PartyIn(StrictIn):
    role: Literal["applicant", "respondent"]
    name: str = Field(..., min_length=1, max_length=100)
    id_number: str = Field(..., title="公民身份号码", max_length=18)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=200)


class DisputeIn(StrictIn):
    org_unit_id: Id = Field(..., title="纠纷所在单位(乡镇、村社或网格)")
    source: SourceCode
    source_visit_id: Id | None = Field(None, title="来源走访记录(网格走访)")
    category: str = Field(..., max_length=40)
    place: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1, max_length=5000)
    amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    involved_count: int | None = Field(None, ge=1, le=100_000)
    parties: list[PartyIn] = Field(..., min_length=2, max_length=20)


class TransitionIn(StrictIn):
    note: str = Field("", max_length=2000)
    party_id: Id | None = Field(None, title="拒绝调解的当事人(refuse)")
    refused_on: dt.date | None = Field(None, title="拒绝日期(refuse)")
    remedies: str | None = Field(None, title="告知的其他救济途径(fail)", max_length=5000)


class RouteIn(StrictIn):
    to_body: Literal["village_committee", "town_committee", "law_office", "other"]
    reason: str = Field(..., min_length=1, max_length=2000)
    to_name: str = Field("", max_length=100)
    to_unit_id: Id | None = None


class SessionIn(StrictIn):
    held_on: dt.date
    place: str = Field(..., min_length=1, max_length=200)
    mediators: str = Field(..., min_length=1, max_length=200)
    attendees: str = Field(..., min_length=1, max_length=500)
    record: str = Field(..., min_length=1, max_length=5000)
    result: Literal["continue", "agreed", "failed"]


class AgreementIn(StrictIn):
    form: Literal["written", "oral"]
    facts: str = Field("", max_length=5000)
    issues: str = Field("", max_length=5000)
    responsibility: str = Field("", max_length=5000)
    terms: str = Field("", max_length=5000)
    performance_manner: str = Field("", max_length=5000)
    performance_deadline: dt.date | None = None
    mediators: str = Field(..., min_length=1, max_length=200)
    agreed_on: dt.date | None = None


class JudicialIn(StrictIn):
    applied_on: dt.date | None = Field(None, title="申请日期(apply)")
    court: str = Field("", max_length=100, title="受理法院(apply)")
    note: str = Field("", max_length=2000, title="说明(waive 必填)")
    decision: Literal["confirmed", "rejected"] | None = Field(None, title="法院决定(decide)")
    decided_on: dt.date | None = Field(None, title="决定日期(decide)")


class FollowUpIn(StrictIn):
    visited_on: dt.date
    performance: Literal["done", "partial", "not_done"]
    note: str = Field("", max_length=5000)


def _detail(actor, pk):
    dispute = selectors.dispute_get(actor, pk)
    dispute.agreement_row = selectors.agreement_of(dispute)
    dispute.earlier_count, _ = selectors.earlier_disputes(actor, dispute)
    return dispute


def _mediated(request, dispute_id) -> Dispute:
    check_role(request.auth, services.MEDIATOR_ROLES, "只有人民调解员可以办理纠纷")
    dispute = get_visible_or_404(
        Dispute.objects.select_related("org_unit"),
        request.auth,
        services.MEDIATOR_ROLES,
        pk=dispute_id,
    )
    return dispute


@router.get(
    "/disputes",
    response={200: DisputePage, **ERRORS},
    url_name="disputes_list",
    summary="可见范围内的矛盾纠纷,按登记日期倒序",
)
def disputes_list(
    request,
    status: StatusCode | None = None,
    category: str | None = Query(None, max_length=40),
    source: Literal["grid_visit", "walk_in", "phone", "online", "initiative"] | None = None,
    unit_id: Id | None = None,
    warning: Warning | None = None,
    q: str | None = Query(None, max_length=100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, PAGE_ROLES, "无权查看矛盾纠纷")
    unit = None
    if unit_id is not None:
        unit = OrgUnit.objects.visible_to(request.auth).filter(pk=unit_id).first()
        if unit is None:
            raise Http404
    qs = selectors.dispute_list(
        request.auth, status=status or "", category=category or "", source=source or "",
        unit=unit, warning=warning or "", q=(q or "").replace("\x00", ""),
    )  # fmt: skip
    return api_page(qs, offset, limit)


@router.post(
    "/disputes",
    response={201: DisputeDetailOut, **ERRORS},
    url_name="dispute_create",
    summary="受理登记矛盾纠纷(至少两方当事人)",
)
def dispute_create(request, payload: DisputeIn):
    check_role(request.auth, services.INTAKE_ROLES, "只有司法所、村(社区)干部或网格员可以登记纠纷")
    unit = services.intake_units(request.auth).filter(pk=payload.org_unit_id).first()
    if unit is None:
        raise Http404
    data = payload.dict(exclude={"org_unit_id", "parties"})
    dispute = services.dispute_create(
        actor=request.auth, org_unit=unit, parties=[p.dict() for p in payload.parties], **data
    )
    return Status(201, _detail(request.auth, dispute.pk))


@router.get(
    "/disputes/{dispute_id}",
    response={200: DisputeDetailOut, **ERRORS},
    url_name="dispute_detail",
    summary="一件纠纷:当事人(部分号码)、调解记录、协议、办理过程",
)
def dispute_detail(request, dispute_id: Id):
    check_role(request.auth, PAGE_ROLES, "无权查看矛盾纠纷")
    return _detail(request.auth, dispute_id)


@router.post(
    "/disputes/{dispute_id}/transitions/{verb}",
    response={200: DisputeDetailOut, **ERRORS},
    url_name="dispute_transition",
    summary="accept 受理,start 开始调解,refuse 当事人拒绝调解,fail 调解不成,close 结案",
)
def dispute_transition(request, dispute_id: Id, verb: Verb, payload: TransitionIn):
    dispute = _mediated(request, dispute_id)
    services.dispute_transition(
        actor=request.auth, obj=dispute, verb=verb, note=payload.note, party=payload.party_id,
        refused_on=payload.refused_on, remedies=payload.remedies,
    )  # fmt: skip
    return _detail(request.auth, dispute_id)


@router.post(
    "/disputes/{dispute_id}/route",
    response={200: DisputeDetailOut, **ERRORS},
    url_name="dispute_route",
    summary="分流(写明理由);移交其他机关即终止调解",
)
def dispute_route(request, dispute_id: Id, payload: RouteIn):
    dispute = _mediated(request, dispute_id)
    to_unit = None
    if payload.to_unit_id:
        to_unit = OrgUnit.objects.visible_to(request.auth).filter(pk=payload.to_unit_id).first()
    services.dispute_route(
        actor=request.auth, dispute=dispute, to_body=payload.to_body, reason=payload.reason,
        to_name=payload.to_name, to_unit=to_unit,
    )  # fmt: skip
    return _detail(request.auth, dispute_id)


@router.post(
    "/disputes/{dispute_id}/sessions",
    response={201: DisputeDetailOut, **ERRORS},
    url_name="dispute_session_create",
    summary="记录调解情况(第一次记录即进入调解中)",
)
def session_create(request, dispute_id: Id, payload: SessionIn):
    dispute = _mediated(request, dispute_id)
    services.session_add(actor=request.auth, dispute=dispute, **payload.dict())
    return Status(201, _detail(request.auth, dispute_id))


@router.post(
    "/disputes/{dispute_id}/agreement",
    response={201: DisputeDetailOut, **ERRORS},
    url_name="dispute_agreement_create",
    summary="记录调解协议(书面协议须载明人民调解法第二十九条的全部事项)",
)
def agreement_create(request, dispute_id: Id, payload: AgreementIn):
    dispute = _mediated(request, dispute_id)
    services.agreement_record(actor=request.auth, dispute=dispute, **payload.dict())
    return Status(201, _detail(request.auth, dispute_id))


@router.post(
    "/disputes/{dispute_id}/judicial/{action}",
    response={200: DisputeDetailOut, **ERRORS},
    url_name="dispute_judicial",
    summary="司法确认:apply 记录共同申请(三十日内),waive 不申请,decide 法院的决定",
)
def judicial(request, dispute_id: Id, action: Literal["apply", "waive", "decide"],
             payload: JudicialIn):  # fmt: skip
    dispute = _mediated(request, dispute_id)
    actor = request.auth
    if action == "apply":
        services.judicial_apply(actor=actor, dispute=dispute, applied_on=payload.applied_on,
                                court=payload.court)  # fmt: skip
    elif action == "waive":
        services.judicial_waive(actor=actor, dispute=dispute, note=payload.note)
    else:
        services.judicial_decide(actor=actor, dispute=dispute, decision=payload.decision or "",
                                 decided_on=payload.decided_on, note=payload.note)  # fmt: skip
    return _detail(request.auth, dispute_id)


@router.post(
    "/disputes/{dispute_id}/followups",
    response={201: DisputeDetailOut, **ERRORS},
    url_name="dispute_followup_create",
    summary="记录回访(协议履行情况)",
)
def followup_create(request, dispute_id: Id, payload: FollowUpIn):
    dispute = _mediated(request, dispute_id)
    services.followup_add(actor=request.auth, dispute=dispute, **payload.dict())
    return Status(201, _detail(request.auth, dispute_id))
