"""The 智能预审 API: run a pre-review (stored, or a quick check that stores nothing), read
the runs of one's scope, and mark a finding 采纳 / 不采纳. The same services and scoping
as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.paging import api_page
from fazhi.core.permissions import check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.workflow import timeline

from . import checklists, selectors, services
from .models import SubjectKind

router = Router(tags=["智能预审"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
KindCode = Literal["normative", "contract", "agreement", "village_rules"]


class FindingOut(Schema):
    """One finding, with the engine's fields."""

    category: str = Field(..., title="类别代码")
    category_label: str = Field(..., title="类别")
    rule: str = Field(..., title="规则")
    severity: str = Field(..., title="风险等级(high/medium/low)")
    paragraph: int | None = Field(None, title="段落序号(从0起;全文检查为空)")
    start: int | None = Field(None, title="段内起始字符位置")
    end: int | None = Field(None, title="段内结束字符位置")
    quote: str | None = Field(None, title="原文")
    basis: str = Field(..., title="法律依据")
    explanation: str = Field(..., title="问题说明")
    suggestion: str = Field(..., title="修改建议")


class StoredFindingOut(FindingOut):
    id: int
    decision: str = Field(..., title="审核结论(pending/accepted/rejected)")
    decision_label: str = Field(..., title="审核结论")
    note: str = Field(..., title="审核意见")
    decided_by: str | None = Field(None, title="审核人")
    decided_at: dt.datetime | None = Field(None, title="审核时间")

    @staticmethod
    def resolve_quote(obj) -> str | None:
        return obj.quote or None

    @staticmethod
    def resolve_decision_label(obj) -> str:
        return obj.get_decision_display()

    @staticmethod
    def resolve_decided_by(obj) -> str | None:
        return str(obj.decided_by) if obj.decided_by_id else None


class RunOut(Schema):
    id: int
    title: str = Field(..., title="文件标题")
    kind: str = Field(..., title="文件类型代码")
    kind_label: str = Field(..., title="文件类型")
    org_unit_id: int = Field(..., title="所属单位")
    created_by: str = Field(..., title="发起人")
    created_at: dt.datetime = Field(..., title="发起时间")
    finding_count: int = Field(..., title="问题数")
    high_count: int = Field(..., title="高风险问题数")
    pending_count: int = Field(..., title="待确认数")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_created_by(obj) -> str:
        return str(obj.created_by)


class RunPage(Schema):
    count: int
    items: list[RunOut]


class RunDetailOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    org_unit_id: int
    created_by: str
    created_at: dt.datetime
    paragraphs: list[str] = Field(..., title="段落(预审时的原文)")
    findings: list[StoredFindingOut]

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_created_by(obj) -> str:
        return str(obj.created_by)

    @staticmethod
    def resolve_findings(obj):
        return list(obj.findings.all())


class CheckIn(StrictIn):
    model_config = StrictIn.model_config | {"str_strip_whitespace": False}

    text: str = Field(..., title="文件内容(每行一段)")
    kind: KindCode | None = Field(None, title="文件类型", description="不填时按标题判断")


class RunCreateIn(CheckIn):
    title: str = Field(..., title="文件标题", min_length=1, max_length=200)


class CheckOut(Schema):
    kind: str
    kind_label: str
    findings: list[FindingOut]


class DecisionIn(StrictIn):
    decision: Literal["accepted", "rejected"] = Field(..., title="审核结论")
    note: str = Field("", title="审核意见", description="不采纳时必填", max_length=2000)


@router.get("/prechecks", response={200: RunPage, **ERRORS}, summary="可见范围内的预审,按时间倒序")
def prechecks_list(
    request,
    kind: KindCode | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, services.READER_ROLES, "无权查看智能预审")
    qs = selectors.run_list(request.auth, kind=kind or "")
    return api_page(qs, offset, limit)


@router.post("/prechecks", response={201: RunDetailOut, **ERRORS}, summary="预审一份草稿并保存")
def precheck_create(request, payload: RunCreateIn):
    run = services.precheck_run_create(
        actor=request.auth, title=payload.title, kind=payload.kind, text=payload.text
    )
    return Status(201, selectors.run_get(request.auth, run.pk))


@router.post(
    "/prechecks/check",
    response={200: CheckOut, **ERRORS},
    summary="即时预审(不保存):返回发现的问题",
)
def precheck_check(request, payload: CheckIn):
    result = services.precheck_text(actor=request.auth, text=payload.text, kind=payload.kind)
    return {
        "kind": result.kind,
        "kind_label": result.kind_label,
        "findings": [{**f.__dict__, "category_label": f.category_label} for f in result.findings],
    }


@router.get(
    "/prechecks/{run_id}", response={200: RunDetailOut, **ERRORS}, summary="一次预审及其全部问题"
)
def precheck_detail(request, run_id: Id):
    check_role(request.auth, services.READER_ROLES, "无权查看智能预审")
    return selectors.run_get(request.auth, run_id)


@router.post(
    "/prechecks/{run_id}/findings/{finding_id}/decision",
    response={200: StoredFindingOut, **ERRORS},
    summary="标记预审意见采纳或不采纳(不采纳须说明理由)",
)
def precheck_finding_decision(request, run_id: Id, finding_id: Id, payload: DecisionIn):
    check_role(request.auth, services.DECIDER_ROLES, "只有法律顾问或法治办工作人员可以审核预审意见")
    finding = selectors.finding_get(request.auth, run_id, finding_id)
    return services.precheck_finding_decide(
        actor=request.auth, finding=finding, decision=payload.decision, note=payload.note
    )


# --- 合法性审核 ---------------------------------------------------------------------------

review_router = Router(tags=["合法性审核"])

SubjectKindCode = Literal["normative", "agreement", "contract", "decision"]
StatusCode = Literal["pending", "concluded", "withdrawn"]
ConclusionCode = Literal["passed", "passed_with_changes", "rejected"]


class ReviewOut(Schema):
    id: int
    title: str = Field(..., title="审核事项")
    kind: str = Field(..., title="事项类型代码")
    kind_label: str = Field(..., title="事项类型")
    org_unit_id: int = Field(..., title="所属单位")
    subject_type: str = Field(..., title="审核对象类型(app.model)")
    subject_id: int = Field(..., title="审核对象编号")
    requested_by: str = Field(..., title="送审人")
    reviewer: str = Field(..., title="审核人")
    reviewer_id: int
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    requested_at: dt.datetime = Field(..., title="送审时间")
    due_date: dt.date = Field(..., title="审核期限")
    overdue: bool = Field(..., title="是否超期")
    concluded_at: dt.datetime | None = Field(None, title="出具意见时间")
    conclusion: str = Field("", title="审核结论代码")
    conclusion_label: str = Field("", title="审核结论")
    precheck_run_id: int | None = Field(None, title="智能预审编号")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_subject_type(obj) -> str:
        return f"{obj.content_type.app_label}.{obj.content_type.model}"

    @staticmethod
    def resolve_subject_id(obj) -> int:
        return obj.object_id

    @staticmethod
    def resolve_requested_by(obj) -> str:
        return str(obj.requested_by)

    @staticmethod
    def resolve_reviewer(obj) -> str:
        return str(obj.reviewer)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue()

    @staticmethod
    def resolve_conclusion_label(obj) -> str:
        return obj.get_conclusion_display() if obj.conclusion else ""


class ReviewPage(Schema):
    count: int
    items: list[ReviewOut]


class CheckItemOut(Schema):
    key: str = Field(..., title="审核要点代码")
    question: str = Field(..., title="审核要点")
    basis: str = Field(..., title="依据")
    ok: bool | None = Field(None, title="是否符合(未审核为空)")
    note: str = Field("", title="说明")


class StepOut(Schema):
    label: str
    from_status: str
    to_status: str
    actor: str | None
    note: str
    at: dt.datetime


class ReviewDetailOut(ReviewOut):
    opinion: str = Field("", title="书面审核意见")
    withdraw_reason: str = Field("", title="撤回理由")
    checklist: list[CheckItemOut]
    timeline: list[StepOut]

    @staticmethod
    def resolve_checklist(obj) -> list[dict]:
        answers = obj.checklist or {}
        return [
            {
                "key": i.key,
                "question": i.question,
                "basis": i.basis,
                "ok": (answers.get(i.key) or {}).get("ok"),
                "note": (answers.get(i.key) or {}).get("note", ""),
            }
            for i in checklists.items_for(obj.kind)
        ]

    @staticmethod
    def resolve_timeline(obj) -> list[dict]:
        return [
            {
                "label": s.label,
                "from_status": s.from_status,
                "to_status": s.to_status,
                "actor": str(s.actor) if s.actor_id else None,
                "note": s.note,
                "at": s.at,
            }
            for s in timeline(obj)
        ]


class ChecklistOut(Schema):
    kind: str
    kind_label: str
    items: list[CheckItemOut]


class CheckAnswerIn(StrictIn):
    ok: bool = Field(..., title="是否符合")
    note: str = Field("", title="说明", description="不符合时必填", max_length=1000)


class ConcludeIn(StrictIn):
    opinion: str = Field(..., title="书面审核意见", max_length=20000)
    conclusion: ConclusionCode = Field(..., title="审核结论")
    checklist: dict[str, CheckAnswerIn] = Field(
        ..., title="审核要点", description="每一项审核要点的判断:{代码: {ok, note}}"
    )


class WithdrawIn(StrictIn):
    reason: str = Field(..., title="撤回理由", max_length=1000)


def _review(request, review_id):
    check_role(request.auth, services.REVIEW_READER_ROLES, "无权查看合法性审核")
    return selectors.review_get(request.auth, review_id)


@review_router.get(
    "/reviews",
    response={200: ReviewPage, **ERRORS},
    url_name="review_list",
    summary="可见范围内的合法性审核(本人待审的在前)",
)
def review_list(
    request,
    status: StatusCode | None = None,
    kind: SubjectKindCode | None = None,
    overdue: bool = False,
    mine: bool = False,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, services.REVIEW_READER_ROLES, "无权查看合法性审核")
    qs = selectors.review_list(
        request.auth, status=status or "", kind=kind or "", overdue=overdue, mine=mine
    )
    return api_page(qs, offset, limit)


@review_router.get(
    "/reviews/checklists",
    response={200: list[ChecklistOut], **ERRORS},
    url_name="review_checklists",
    summary="各类事项的合法性审核要点及依据",
)
def review_checklists(request):
    check_role(request.auth, services.REVIEW_READER_ROLES, "无权查看合法性审核")
    return [
        {
            "kind": kind,
            "kind_label": SubjectKind(kind).label,
            "items": [i._asdict() for i in checklists.items_for(kind)],
        }
        for kind in SubjectKind.values
    ]


@review_router.get(
    "/reviews/{review_id}",
    response={200: ReviewDetailOut, **ERRORS},
    url_name="review_detail",
    summary="一件合法性审核:审核要点、意见、结论和办理过程",
)
def review_detail(request, review_id: Id):
    return _review(request, review_id)


@review_router.post(
    "/reviews/{review_id}/transitions/conclude",
    response={200: ReviewDetailOut, **ERRORS},
    url_name="review_conclude",
    summary="出具审核意见(书面意见和结论缺一不可,审核要点逐项判断)",
)
def review_conclude(request, review_id: Id, payload: ConcludeIn):
    check_role(
        request.auth,
        services.REVIEWER_ROLES,
        "只有法律顾问或法治办工作人员可以出具合法性审核意见",
    )
    review = selectors.review_get(request.auth, review_id)
    done = services.review_conclude(
        actor=request.auth,
        review=review,
        opinion=payload.opinion,
        conclusion=payload.conclusion,
        checklist={k: v.model_dump() for k, v in payload.checklist.items()},
    )
    return selectors.review_get(request.auth, done.pk)


@review_router.post(
    "/reviews/{review_id}/transitions/withdraw",
    response={200: ReviewDetailOut, **ERRORS},
    url_name="review_withdraw",
    summary="撤回送审(须说明理由)",
)
def review_withdraw(request, review_id: Id, payload: WithdrawIn):
    check_role(request.auth, services.REQUESTER_ROLES, "只有法治办工作人员可以撤回送审")
    review = selectors.review_get(request.auth, review_id)
    done = services.review_withdraw(actor=request.auth, review=review, reason=payload.reason)
    return selectors.review_get(request.auth, done.pk)


router.add_router("", review_router)
