"""The 督查整改 API: inspections of one's scope, opening and correcting one, recording and
correcting findings, and the transitions of both (explicit POSTs). The same services and
scoping as the pages.

Evidence for a rectification is uploaded as an attachment of the finding (POST
/api/v1/attachments with record="inspections.finding:{id}", or the finding page's upload
form) before POST /inspection-findings/{id}/transitions/submit."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import Finding, Inspection

router = Router(tags=["督查整改"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
KindCode = Literal["county_special", "self", "other"]
TopicCode = Literal["documents", "contracts", "decisions", "enforcement", "general"]
StatusCode = Literal["in_progress", "rectifying", "completed"]
InspectionVerb = Literal["issue", "complete"]
FindingVerb = Literal["submit", "close", "return"]


class StepOut(Schema):
    verb: str = Field(..., title="操作")
    label: str = Field(..., title="操作名称")
    from_status: str
    to_status: str
    actor: str = Field(..., title="操作人")
    note: str = Field(..., title="说明")
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor)


class FindingOut(Schema):
    id: int
    inspection_id: int
    description: str = Field(..., title="问题描述")
    basis: str = Field(..., title="依据")
    owner_id: int = Field(..., title="整改责任人")
    owner: str = Field(..., title="整改责任人姓名")
    deadline: dt.date = Field(..., title="整改期限")
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    rectification: str = Field(..., title="整改情况")
    closed_by: str | None = Field(None, title="销号人")
    closed_on: dt.date | None = Field(None, title="销号日期")

    @staticmethod
    def resolve_owner(obj) -> str:
        return str(obj.owner)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_closed_by(obj) -> str | None:
        return str(obj.closed_by) if obj.closed_by_id else None


class FindingDetailOut(FindingOut):
    timeline: list[StepOut]

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class InspectionOut(Schema):
    id: int
    title: str = Field(..., title="督查名称")
    kind: str = Field(..., title="督查类型代码")
    kind_label: str = Field(..., title="督查类型")
    topic: str = Field(..., title="督查内容代码")
    topic_label: str = Field(..., title="督查内容")
    basis: str = Field(..., title="督查依据")
    org_unit_id: int = Field(..., title="被督查单位")
    org_unit: str = Field(..., title="被督查单位名称")
    conducted_by: str = Field(..., title="督查单位")
    started_on: dt.date
    ended_on: dt.date | None
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    conclusion: str = Field(..., title="结论代码(空:尚未作出)")
    conclusion_label: str = Field(..., title="结论")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_topic_label(obj) -> str:
        return obj.get_topic_display()

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_conducted_by(obj) -> str:
        return obj.conducted_by.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_conclusion_label(obj) -> str:
        return obj.get_conclusion_display()


class InspectionRowOut(InspectionOut):
    finding_count: int = Field(..., title="问题数")
    open_count: int = Field(..., title="未销号问题数")


class InspectionPage(Schema):
    count: int
    items: list[InspectionRowOut]


class InspectionDetailOut(InspectionOut):
    findings: list[FindingOut]
    timeline: list[StepOut]

    @staticmethod
    def resolve_findings(obj):
        return obj.visible_findings

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class InspectionIn(StrictIn):
    org_unit_id: Id = Field(..., title="被督查乡镇")
    kind: KindCode = Field(..., title="督查类型")
    title: str = Field(..., title="督查名称", min_length=1, max_length=200)
    topic: TopicCode = Field(..., title="督查内容")
    basis: str = Field("", title="督查依据", max_length=200)
    started_on: dt.date = Field(..., title="开始日期")


class FindingIn(StrictIn):
    description: str = Field(..., title="问题描述", min_length=1, max_length=5000)
    basis: str = Field(..., title="依据", min_length=1, max_length=200)
    owner_id: Id = Field(..., title="整改责任人")
    deadline: dt.date | None = Field(
        None, title="整改期限", description="不填时按参数“督查问题整改期限”计算"
    )


class InspectionUpdateIn(StrictIn):
    """Only the fields sent are changed (督查类型 and 被督查单位 never change)."""

    title: str | None = Field(None, title="督查名称", min_length=1, max_length=200)
    topic: TopicCode | None = Field(None, title="督查内容")
    basis: str | None = Field(None, title="督查依据", max_length=200)
    started_on: dt.date | None = Field(None, title="开始日期")
    ended_on: dt.date | None = Field(None, title="结束日期", description="null 为清除")


class FindingUpdateIn(StrictIn):
    """Only the fields sent are changed; only while the finding is 待整改 or 退回."""

    description: str | None = Field(None, title="问题描述", min_length=1, max_length=5000)
    basis: str | None = Field(None, title="依据", min_length=1, max_length=200)
    owner_id: Id | None = Field(None, title="整改责任人")
    deadline: dt.date | None = Field(None, title="整改期限")


class InspectionTransitionIn(StrictIn):
    note: str = Field("", title="说明", max_length=2000)
    conclusion: Literal["found_issues", "no_issues"] | None = Field(
        None, title="督查结论", description="办结未记录问题的督查时须为 no_issues"
    )
    ended_on: dt.date | None = Field(None, title="结束日期")


class FindingTransitionIn(StrictIn):
    note: str = Field("", title="说明", description="退回整改时必填", max_length=2000)
    rectification: str | None = Field(
        None, title="整改情况", description="提交整改时必填", max_length=5000
    )


def _read(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看督查整改")


@router.get(
    "/inspections",
    response={200: InspectionPage, **ERRORS},
    url_name="inspections_list",
    summary="可见范围内的督查,按开始日期倒序",
)
def inspections_list(
    request,
    kind: KindCode | None = None,
    status: StatusCode | None = None,
    year: int | None = Query(None, ge=2000, le=2100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.inspection_list(request.auth, kind=kind or "", status=status or "", year=year)
    return api_page(qs, offset, limit)


@router.post(
    "/inspections",
    response={201: InspectionDetailOut, **ERRORS},
    url_name="inspection_create",
    summary="发起督查(县级专项督查或镇级自查)",
)
def inspection_create(request, payload: InspectionIn):
    check_role(request.auth, services.INSPECTOR_ROLES, "只有县级督导或镇法治办工作人员可以发起督查")
    town = (
        OrgUnit.objects.visible_to(request.auth, services.INSPECTOR_ROLES)
        .filter(pk=payload.org_unit_id)
        .first()
    )
    if town is None:
        raise Http404
    data = payload.dict(exclude={"org_unit_id"})
    inspection = services.inspection_create(actor=request.auth, org_unit=town, **data)
    return Status(201, selectors.inspection_get(request.auth, inspection.pk))


@router.get(
    "/inspections/{inspection_id}",
    response={200: InspectionDetailOut, **ERRORS},
    url_name="inspection_detail",
    summary="一次督查及其问题和办理过程",
)
def inspection_detail(request, inspection_id: Id):
    _read(request)
    return selectors.inspection_get(request.auth, inspection_id)


@router.patch(
    "/inspections/{inspection_id}",
    response={200: InspectionDetailOut, **ERRORS},
    url_name="inspection_update",
    summary="修改督查(督查单位,办结前;只改提交的字段)",
)
def inspection_update(request, inspection_id: Id, payload: InspectionUpdateIn):
    check_role(request.auth, services.INSPECTOR_ROLES, "只有督查单位可以修改督查")
    inspection = get_visible_or_404(
        Inspection.objects.select_related("org_unit", "conducted_by"),
        request.auth,
        services.INSPECTOR_ROLES,
        pk=inspection_id,
    )
    services.inspection_update(
        actor=request.auth, inspection=inspection, **payload.dict(exclude_unset=True)
    )
    return selectors.inspection_get(request.auth, inspection_id)


@router.post(
    "/inspections/{inspection_id}/findings",
    response={201: FindingDetailOut, **ERRORS},
    url_name="inspection_finding_create",
    summary="记录督查问题(整改责任人须为被督查单位的工作人员)",
)
def finding_create(request, inspection_id: Id, payload: FindingIn):
    check_role(request.auth, services.INSPECTOR_ROLES, "只有督查单位可以记录督查问题")
    inspection = get_visible_or_404(
        Inspection.objects.select_related("org_unit", "conducted_by"),
        request.auth,
        services.INSPECTOR_ROLES,
        pk=inspection_id,
    )
    owner = User.objects.filter(pk=payload.owner_id).first()
    if owner is None:
        message = services.OWNER_OUTSIDE.format(town=inspection.org_unit.name)
        raise ServiceError(message, errors={"owner_id": [message]})
    finding = services.finding_add(
        actor=request.auth,
        inspection=inspection,
        description=payload.description,
        basis=payload.basis,
        owner=owner,
        deadline=payload.deadline,
    )
    return Status(201, selectors.finding_get(request.auth, finding.pk))


@router.post(
    "/inspections/{inspection_id}/transitions/{verb}",
    response={200: InspectionDetailOut, **ERRORS},
    url_name="inspection_transition",
    summary="督查的办理操作:issue 下发整改通知,complete 办结督查",
)
def inspection_transition(
    request, inspection_id: Id, verb: InspectionVerb, payload: InspectionTransitionIn
):
    check_role(request.auth, services.INSPECTOR_ROLES, "只有督查单位可以办理督查")
    inspection = get_visible_or_404(
        Inspection.objects.select_related("org_unit", "conducted_by"),
        request.auth,
        services.INSPECTOR_ROLES,
        pk=inspection_id,
    )
    services.inspection_transition(
        actor=request.auth,
        obj=inspection,
        verb=verb,
        note=payload.note,
        conclusion=payload.conclusion,
        ended_on=payload.ended_on,
    )
    return selectors.inspection_get(request.auth, inspection_id)


@router.get(
    "/inspection-findings/{finding_id}",
    response={200: FindingDetailOut, **ERRORS},
    url_name="inspection_finding_detail",
    summary="一个督查问题及其整改过程",
)
def finding_detail(request, finding_id: Id):
    _read(request)
    return selectors.finding_get(request.auth, finding_id)


@router.patch(
    "/inspection-findings/{finding_id}",
    response={200: FindingDetailOut, **ERRORS},
    url_name="inspection_finding_update",
    summary="修改督查问题(督查单位,待整改或退回时;只改提交的字段)",
)
def finding_update(request, finding_id: Id, payload: FindingUpdateIn):
    check_role(request.auth, services.INSPECTOR_ROLES, "只有督查单位可以修改督查问题")
    finding = get_visible_or_404(
        Finding.objects.select_related("org_unit", "inspection__org_unit"),
        request.auth,
        services.INSPECTOR_ROLES,
        pk=finding_id,
    )
    fields = payload.dict(exclude_unset=True)
    if "owner_id" in fields:
        owner_id = fields.pop("owner_id")
        owner = User.objects.filter(pk=owner_id).first() if owner_id else None
        if owner is None:
            message = services.OWNER_OUTSIDE.format(town=finding.org_unit.name)
            raise ServiceError(message, errors={"owner_id": [message]})
        fields["owner"] = owner
    try:
        services.finding_update(actor=request.auth, finding=finding, **fields)
    except ServiceError as exc:
        if "owner" in exc.errors:  # the API's field is owner_id
            exc.errors = {("owner_id" if k == "owner" else k): v for k, v in exc.errors.items()}
        raise
    return selectors.finding_get(request.auth, finding_id)


@router.post(
    "/inspection-findings/{finding_id}/transitions/{verb}",
    response={200: FindingDetailOut, **ERRORS},
    url_name="inspection_finding_transition",
    summary="督查问题的办理操作:submit 提交整改,close 审核销号,return 退回整改",
)
def finding_transition(request, finding_id: Id, verb: FindingVerb, payload: FindingTransitionIn):
    _read(request)
    finding = selectors.finding_get(request.auth, finding_id)
    services.finding_transition(
        actor=request.auth,
        obj=finding,
        verb=verb,
        note=payload.note,
        rectification=payload.rectification,
    )
    return selectors.finding_get(request.auth, finding_id)
