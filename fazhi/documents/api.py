"""The 规范性文件 API: the register, a document with its timeline, drafting, every step
as an explicit POST (/documents/{id}/transitions/{verb}), filings and the county's
review of them, and the per-town filing rates. Same services and scoping as the pages."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import READER_ROLES, Document

router = Router(tags=["规范性文件"])
ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200


class StepOut(Schema):
    verb: str
    label: str
    from_status: str
    to_status: str
    actor: str
    note: str
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor)


class DocumentOut(Schema):
    id: int
    org_unit_id: int
    org_unit: str = Field(..., title="制定单位")
    issuer: str = Field(..., title="制定主体代码")
    title: str
    status: str
    status_label: str
    touches_business: bool
    fair_competition: str
    number: str = Field(..., title="文号")
    year: int | None
    serial: int | None
    comment_start: dt.date | None
    comment_end: dt.date | None
    comment_channel: str
    comment_count: int | None
    deliberation_meeting: str
    deliberation_date: dt.date | None
    deliberation_decision: str
    registered_on: dt.date | None
    published_on: dt.date | None
    publish_channel: str
    effective_from: dt.date | None
    valid_until: dt.date | None
    ended_on: dt.date | None
    created_by: str
    created_at: dt.datetime

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_created_by(obj) -> str:
        return str(obj.created_by)


class DocumentPage(Schema):
    count: int
    items: list[DocumentOut]


class FilingOut(Schema):
    id: int
    document_id: int
    org_unit_id: int
    county_id: int
    status: str
    status_label: str
    submitted_on: dt.date
    due_date: dt.date
    on_time: bool
    county_opinion: str
    order_kind: str
    correction_due: dt.date | None
    returned_count: int
    correction_ordered: bool

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class FilingPage(Schema):
    count: int
    items: list[FilingOut]


class DocumentDetailOut(DocumentOut):
    body: str
    effective_warning: str = Field(..., title="提示(施行日期距公布不足规定日数等)")
    filing: FilingOut | None
    filing_due: dt.date | None = Field(None, title="报送备案期限")
    available: list[str] = Field(..., title="当前可执行的操作")
    timeline: list[StepOut]

    @staticmethod
    def resolve_filing(obj):
        return obj.api_filing


class FilingDetailOut(FilingOut):
    available: list[str]
    timeline: list[StepOut]


class DocumentIn(StrictIn):
    title: str = Field(..., min_length=1, max_length=200, title="标题")
    issuer: str = Field("government", max_length=32, title="制定主体(government/government_office)")
    body: str = Field("", max_length=100_000, title="正文")
    touches_business: bool = Field(False, title="涉及经营主体经济活动")
    number: str | None = Field(None, max_length=64, title="文号(由系统编号,不得填写)")


class TransitionIn(StrictIn):
    """The fields of the step being taken; each step reads only its own."""

    note: str = Field("", max_length=5000, title="说明")
    conclusion: str | None = Field(None, max_length=16, title="公平竞争审查结论")
    reason: str | None = Field(None, max_length=5000, title="适用例外理由")
    until: dt.date | None = Field(None, title="例外实施期限")
    comment_start: dt.date | None = None
    comment_channel: str | None = Field(None, max_length=100)
    comment_end: dt.date | None = None
    comment_count: int | None = Field(None, ge=0, le=1_000_000)
    comment_adoption: str | None = Field(None, max_length=5000)
    reviewer_id: Id | None = Field(None, title="合法性审核人")
    meeting: str | None = Field(None, max_length=100)
    meeting_date: dt.date | None = None
    decision: str | None = Field(None, max_length=24)
    published_on: dt.date | None = None
    publish_channel: str | None = Field(None, max_length=100)
    effective_from: dt.date | None = None
    valid_until: dt.date | None = None
    urgent_reason: str | None = Field(None, max_length=5000)
    number: str | None = Field(None, max_length=64, title="文号(由系统编号,不得填写)")


class ReviewIn(StrictIn):
    reviewer_id: Id


class FilingIn(StrictIn):
    materials: str = Field("", max_length=5000)


class FilingTransitionIn(StrictIn):
    note: str = Field("", max_length=5000)
    order_kind: str | None = Field(None, max_length=16)
    correction_due: dt.date | None = None
    materials: str | None = Field(None, max_length=5000)


class RatesOut(Schema):
    unit_id: int
    unit: str
    year: int
    published: int
    filed: int
    on_time: int
    reviewed: int
    conforming: int
    returned: int
    corrections_ordered: int
    corrections_done: int
    filing_rate: float | None = Field(None, title="报备率(%)")
    on_time_rate: float | None = Field(None, title="按时报送率(%)")
    conformity_rate: float | None = Field(None, title="合规率(%)")


def _reader(request):
    check_role(request.auth, READER_ROLES, "无权查看规范性文件")


def _reviewer(doc: Document, reviewer_id):
    from fazhi.reviews.selectors import reviewer_candidates

    if reviewer_id is None:
        return None
    found = reviewer_candidates(doc.org_unit).filter(pk=reviewer_id).first()
    if found is None:
        if reviewer_id == doc.created_by_id:
            return doc.created_by  # the review service refuses it with its rule
        message = "审核人不存在或不是本镇、本县的法律顾问或法治办工作人员"
        raise ServiceError(message, errors={"reviewer_id": [message]})
    return found


def _detail(request, doc: Document) -> Document:
    filing = selectors.filing_of(doc)
    # Derived fields of the answer, as attributes the schema reads.
    doc.effective_warning = services.effective_warning(doc)
    doc.api_filing = filing
    doc.available = [t.verb for t in services.DOCUMENT_FLOW.available(request.auth, doc)]
    doc.timeline = timeline(doc)
    return doc


@router.get("/documents", response={200: DocumentPage, **ERRORS}, url_name="documents_list",
            summary="可见范围内的规范性文件")  # fmt: skip
def documents_list(
    request,
    status: str = Query("", max_length=20),
    year: int | None = Query(None, ge=1900, le=2999),
    q: str = Query("", max_length=100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _reader(request)
    if status and status not in Document.Status.values:
        raise ServiceError("状态不正确", errors={"status": ["状态不正确"]})
    qs = selectors.document_list(request.auth, status=status, year=year, q=q.replace("\x00", ""))
    return api_page(qs, offset, limit)


@router.post("/documents", response={201: DocumentDetailOut, **ERRORS}, url_name="document_create",
             summary="起草规范性文件")  # fmt: skip
def document_create(request, payload: DocumentIn):
    doc = services.document_create(actor=request.auth, **payload.dict())
    return Status(201, _detail(request, selectors.document_get(request.auth, doc.pk)))


@router.get("/documents/{document_id}", response={200: DocumentDetailOut, **ERRORS},
            url_name="document_detail", summary="一件规范性文件及其办理过程")  # fmt: skip
def document_detail(request, document_id: Id):
    _reader(request)
    return _detail(request, selectors.document_get(request.auth, document_id))


@router.post("/documents/{document_id}/transitions/{verb}",
             response={200: DocumentDetailOut, **ERRORS}, url_name="document_transition",
             summary="办理一个步骤(征求意见、送审、审议、登记编号、公布……)")  # fmt: skip
def document_transition(request, document_id: Id, verb: str, payload: TransitionIn):
    _reader(request)
    doc = selectors.document_get(request.auth, document_id)
    fields = payload.dict(exclude_unset=True)
    note = fields.pop("note", "")
    if "reviewer_id" in fields:
        fields["reviewer"] = _reviewer(doc, fields.pop("reviewer_id"))
    services.document_transition(actor=request.auth, obj=doc, verb=verb[:40], note=note, **fields)
    return _detail(request, selectors.document_get(request.auth, document_id))


@router.post("/documents/{document_id}/review", response={201: DocumentDetailOut, **ERRORS},
             url_name="document_review_request", summary="重新送请合法性审核")  # fmt: skip
def document_review_request(request, document_id: Id, payload: ReviewIn):
    _reader(request)
    doc = selectors.document_get(request.auth, document_id)
    services.document_request_review(
        actor=request.auth, document=doc, reviewer=_reviewer(doc, payload.reviewer_id)
    )
    return Status(201, _detail(request, doc))


@router.post("/documents/{document_id}/filing", response={201: FilingDetailOut, **ERRORS},
             url_name="filing_submit", summary="报送县级备案")  # fmt: skip
def filing_submit(request, document_id: Id, payload: FilingIn):
    _reader(request)
    doc = selectors.document_get(request.auth, document_id)
    filing = services.filing_submit(actor=request.auth, document=doc, materials=payload.materials)
    return Status(201, _filing_detail(request, filing))


def _filing_detail(request, filing):
    filing.available = [t.verb for t in services.FILING_FLOW.available(request.auth, filing)]
    filing.timeline = timeline(filing)
    return filing


@router.get("/filings", response={200: FilingPage, **ERRORS}, url_name="filings_list",
            summary="可见范围内的备案(县级督导:全县各镇)")  # fmt: skip
def filings_list(
    request,
    year: int | None = Query(None, ge=1900, le=2999),
    status: str = Query("", max_length=20),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _reader(request)
    qs = selectors.filing_list(request.auth, status=status, year=year)
    return api_page(qs, offset, limit)


@router.get("/filings/rates", response={200: list[RatesOut], **ERRORS}, url_name="filing_rates",
            summary="各镇报备率、按时报送率、合规率")  # fmt: skip
def filing_rates(request, year: int = Query(..., ge=1900, le=2999)):
    _reader(request)
    return [
        {**{k: getattr(r, k) for k in RatesOut.model_fields if hasattr(r, k)},
         "unit_id": r.unit.pk, "unit": r.unit.name}
        for r in selectors.filing_rates(request.auth, year)
    ]  # fmt: skip


@router.get("/filings/{filing_id}", response={200: FilingDetailOut, **ERRORS},
            url_name="filing_detail", summary="一件备案及其审查过程")  # fmt: skip
def filing_detail(request, filing_id: Id):
    _reader(request)
    return _filing_detail(request, selectors.filing_get(request.auth, filing_id))


@router.post("/filings/{filing_id}/transitions/{verb}", response={200: FilingDetailOut, **ERRORS},
             url_name="filing_transition",
             summary="县级审查(准予备案、退回补正、责令纠正或撤销)或镇的补正、纠错报告")  # fmt: skip
def filing_transition(request, filing_id: Id, verb: str, payload: FilingTransitionIn):
    _reader(request)
    filing = selectors.filing_get(request.auth, filing_id)
    fields = payload.dict(exclude_unset=True)
    note = fields.pop("note", "")
    services.filing_transition(actor=request.auth, obj=filing, verb=verb[:40], note=note, **fields)
    return _filing_detail(request, selectors.filing_get(request.auth, filing_id))


__all__ = ["router", "Http404"]
