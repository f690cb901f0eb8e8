"""The 行政协议与合同 API: the register (scoped, filtered), registration and editing,
workflow steps as explicit POSTs, and the payment schedule. The same services and
scoping as the pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import READER_ROLES, Category, ProcurementKind, TenderMethod

router = Router(tags=["行政协议与合同"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
CategoryCode = Literal[tuple(Category.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(services.Status.values)]  # type: ignore[valid-type]
Verb = Literal[tuple(t.verb for t in services.CONTRACT_FLOW.transitions)]  # type: ignore[valid-type]
WarningCode = Literal[tuple(selectors.WARNINGS)]  # type: ignore[valid-type]
Money = Field(..., ge=0, le=Decimal("999999999999.99"), max_digits=14, decimal_places=2)


class PaymentOut(Schema):
    id: int
    condition: str = Field(..., title="付款条件")
    amount: Decimal = Field(..., title="应付金额(元)")
    delivered_on: dt.date | None = Field(None, title="交付(验收合格)日期")
    due_on: dt.date | None = Field(None, title="应付日期")
    paid_on: dt.date | None = Field(None, title="实付日期")
    paid_amount: Decimal | None = Field(None, title="实付金额(元)")


class StepOut(Schema):
    label: str
    from_status: str
    to_status: str
    actor: str
    note: str
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor) if obj.actor_id else ""


class ContractOut(Schema):
    id: int
    org_unit_id: int = Field(..., title="所属单位")
    title: str = Field(..., title="合同名称")
    category: str = Field(..., title="合同类型代码")
    category_label: str = Field(..., title="合同类型")
    is_administrative_agreement: bool = Field(..., title="是否行政协议")
    procurement_kind: str = Field(..., title="采购类别")
    counterparty_name: str = Field(..., title="相对方名称")
    counterparty_is_person: bool
    counterparty_credit_code: str = Field(..., title="统一社会信用代码")
    counterparty_is_sme: bool = Field(..., title="相对方为中小企业")
    amount: Decimal = Field(..., title="合同金额(元)")
    term_start: dt.date | None
    term_end: dt.date | None
    payment_term_days: int | None = Field(None, title="付款期限(日)")
    payment_term_agreed: bool
    has_arbitration_clause: bool
    dispute_resolution: str
    tender_method: str
    tender_date: dt.date | None
    tender_notice_ref: str
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    reviewed_on: dt.date | None = Field(None, title="合法性审核完成日")
    signed_on: dt.date | None = Field(None, title="签订日期")
    archive_due: dt.date | None = Field(None, title="归档期限")
    archived_on: dt.date | None = Field(None, title="归档日期")
    archive_number: str = Field(..., title="档案号")
    completed_on: dt.date | None = None
    is_imported: bool = Field(..., title="历史台账导入")
    review_reference: str = Field(..., title="线下审核记录")
    created_on: dt.date = Field(..., title="登记日期")

    @staticmethod
    def resolve_category_label(obj) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class ContractDetailOut(ContractOut):
    body: str = Field(..., title="合同文本")
    payments: list[PaymentOut]
    timeline: list[StepOut]
    actions: list[str] = Field(..., title="当前可执行的操作")

    @staticmethod
    def resolve_payments(obj):
        return list(obj.payments.all())


class ContractPage(Schema):
    count: int
    items: list[ContractOut]


class ContractIn(StrictIn):
    title: str = Field(..., title="合同名称", min_length=1, max_length=200)
    category: CategoryCode = Field(..., title="合同类型")
    procurement_kind: Literal[tuple(ProcurementKind.values)] = Field("", title="采购类别")  # type: ignore[valid-type]
    counterparty_name: str = Field(..., title="相对方名称", min_length=1, max_length=200)
    counterparty_is_person: bool = False
    counterparty_credit_code: str = Field("", title="统一社会信用代码", max_length=18)
    counterparty_is_sme: bool = False
    amount: Decimal = Money
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    payment_term_days: int | None = Field(None, ge=1, le=3650)
    payment_term_agreed: bool = False
    payment_conditional_on_third_party: bool = False
    has_arbitration_clause: bool = False
    dispute_resolution: str = Field("", max_length=500)
    tender_method: Literal[tuple(TenderMethod.values)] = ""  # type: ignore[valid-type]
    tender_date: dt.date | None = None
    tender_notice_ref: str = Field("", max_length=100)
    body: str = Field("", max_length=100_000)


class ContractUpdateIn(StrictIn):
    """Only the fields sent are changed (登记 status only)."""

    title: str | None = Field(None, min_length=1, max_length=200)
    category: CategoryCode | None = None
    counterparty_name: str | None = Field(None, min_length=1, max_length=200)
    counterparty_credit_code: str | None = Field(None, max_length=18)
    counterparty_is_sme: bool | None = None
    amount: Decimal | None = Field(None, ge=0, le=Decimal("999999999999.99"), decimal_places=2)
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    payment_term_days: int | None = Field(None, ge=1, le=3650)
    payment_term_agreed: bool | None = None
    has_arbitration_clause: bool | None = None
    dispute_resolution: str | None = Field(None, max_length=500)
    tender_method: Literal[tuple(TenderMethod.values)] | None = None  # type: ignore[valid-type]
    tender_date: dt.date | None = None
    tender_notice_ref: str | None = Field(None, max_length=100)
    body: str | None = Field(None, max_length=100_000)


class TransitionIn(StrictIn):
    note: str = Field("", title="说明", max_length=2000)
    reviewer_id: Id | None = Field(None, title="审核人(提交合法性审核时必填)")
    signed_on: dt.date | None = Field(None, title="签订日期(登记签订时必填)")
    archive_number: str = Field("", title="档案号(归档时必填)", max_length=64)
    archived_on: dt.date | None = Field(None, title="归档日期(默认今天)")
    completed_on: dt.date | None = Field(None, title="履行完毕或解除日期(默认今天)")


class PaymentIn(StrictIn):
    condition: str = Field(..., title="付款条件", min_length=1, max_length=200)
    amount: Decimal = Field(..., gt=0, le=Decimal("999999999999.99"), decimal_places=2)
    delivered_on: dt.date | None = Field(None, title="交付(验收合格)日期")
    due_on: dt.date | None = Field(None, title="应付日期")


class PayIn(StrictIn):
    paid_on: dt.date = Field(..., title="实付日期")
    paid_amount: Decimal = Field(..., gt=0, le=Decimal("999999999999.99"), decimal_places=2)


def _detail(user, pk):
    contract = selectors.contract_get(user, pk)
    contract.timeline = timeline(contract)
    contract.actions = [t.verb for t in services.CONTRACT_FLOW.available(user, contract)]
    return contract


@router.get("/contracts", response={200: ContractPage, **ERRORS}, summary="可见范围内的合同协议")
def contracts_list(
    request,
    category: CategoryCode | None = None,
    status: StatusCode | None = None,
    kind: Literal["agreement", "contract"] | None = None,
    year: int | None = Query(None, ge=2000, le=2100),
    q: str = Query("", max_length=50),
    warning: WarningCode | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, READER_ROLES, "无权查看合同协议")
    qs = selectors.contract_list(
        request.auth,
        category=category or "",
        status=status or "",
        kind=kind or "",
        year=year,
        q=q.replace("\x00", ""),
        warning=warning or "",
    )
    return api_page(qs, offset, limit)


@router.post("/contracts", response={201: ContractDetailOut, **ERRORS}, summary="登记合同")
def contract_create(request, payload: ContractIn):
    contract = services.contract_create(actor=request.auth, **payload.dict())
    return Status(201, _detail(request.auth, contract.pk))


@router.get(
    "/contracts/{contract_id}", response={200: ContractDetailOut, **ERRORS}, summary="一份合同"
)
def contract_detail(request, contract_id: Id):
    check_role(request.auth, READER_ROLES, "无权查看合同协议")
    return _detail(request.auth, contract_id)


@router.patch(
    "/contracts/{contract_id}",
    response={200: ContractDetailOut, **ERRORS},
    summary="修改登记状态的合同(只改提交的字段)",
)
def contract_update(request, contract_id: Id, payload: ContractUpdateIn):
    check_role(request.auth, services.WRITER_ROLES, "只有法治办工作人员可以修改合同")
    contract = selectors.contract_get(request.auth, contract_id)
    data = payload.dict(exclude_unset=True)
    services.contract_update(actor=request.auth, contract=contract, **data)
    return _detail(request.auth, contract_id)


@router.post(
    "/contracts/{contract_id}/transitions/{verb}",
    response={200: ContractDetailOut, **ERRORS},
    summary="办理一步流程(提交审核、签订、归档、履行、解除……)",
)
def contract_transition(request, contract_id: Id, verb: Verb, payload: TransitionIn):
    check_role(request.auth, READER_ROLES, "无权办理合同")
    contract = selectors.contract_get(request.auth, contract_id)
    fields = payload.dict()
    reviewer_id = fields.pop("reviewer_id")
    if reviewer_id is not None:
        from fazhi.reviews.selectors import reviewer_candidates

        reviewer = (
            reviewer_candidates(contract.org_unit, exclude=contract.created_by)
            .filter(pk=reviewer_id)
            .first()
        )
        if reviewer is None:
            message = "所选审核人不是本镇的法律顾问或审核人员(起草人不得审核)"
            raise ServiceError(message, errors={"reviewer_id": [message]})
        fields["reviewer"] = reviewer
    note = fields.pop("note")
    services.contract_transition(actor=request.auth, obj=contract, verb=verb, note=note, **fields)
    return _detail(request.auth, contract_id)


@router.post(
    "/contracts/{contract_id}/payments",
    response={201: PaymentOut, **ERRORS},
    summary="添加付款计划(中小企业合同按交付日期自动计算应付日期)",
)
def payment_add(request, contract_id: Id, payload: PaymentIn):
    check_role(request.auth, services.WRITER_ROLES, "只有法治办工作人员可以登记付款计划")
    contract = selectors.contract_get(request.auth, contract_id)
    return Status(
        201, services.payment_add(actor=request.auth, contract=contract, **payload.dict())
    )


@router.post(
    "/contracts/{contract_id}/payments/{payment_id}/pay",
    response={200: PaymentOut, **ERRORS},
    summary="登记付款",
)
def payment_pay(request, contract_id: Id, payment_id: Id, payload: PayIn):
    check_role(request.auth, services.WRITER_ROLES, "只有法治办工作人员可以登记付款")
    payment = selectors.payment_get(request.auth, payment_id, contract_pk=contract_id)
    return services.payment_record(actor=request.auth, payment=payment, **payload.dict())
