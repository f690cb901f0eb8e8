"""The 法治单元 API: 民主法治村(社区) creation records with their checklist and stages,
the registries of 法治微单元 (ID numbers and phones masked), and 村规民约 with their
pre-review findings — the same services and scoping as the pages.

Evidence files are uploaded on the pages (photos are re-encoded without metadata there)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import pii
from fazhi.core.models import OrgUnit
from fazhi.core.paging import api_page
from fazhi.core.permissions import check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import get_visible_or_404

from . import selectors, services
from .models import VillageRecord

router = Router(tags=["法治单元"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
TierCode = Literal["county", "city", "province", "national"]
StageCode = Literal["creating", "declared", "proposed", "named", "reviewing"]
RecordVerb = Literal[
    "declare", "withdraw", "propose", "name", "not_named", "review", "confirm", "revoke"
]
RulesStatus = Literal["filed", "returned", "accepted"]


class RecordOut(Schema):
    id: int
    org_unit_id: int
    org_unit: str = Field(..., title="村(社区)")
    tier: str = Field(..., title="级别代码")
    tier_label: str = Field(..., title="级别")
    status: str = Field(..., title="阶段代码")
    status_label: str = Field(..., title="阶段")
    started_on: dt.date
    declared_on: dt.date | None
    proposed_on: dt.date | None
    named_on: dt.date | None

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_tier_label(obj) -> str:
        return obj.get_tier_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class CriterionOut(Schema):
    criterion: str = Field(..., title="创建标准")
    evidenced: bool = Field(..., title="已上传佐证")


class RecordDetailOut(RecordOut):
    checklist: list[CriterionOut]

    @staticmethod
    def resolve_checklist(obj):
        missing = {c.pk for c in services.missing_criteria(obj)}
        return [
            {"criterion": c.name, "evidenced": c.pk not in missing}
            for c, _ in selectors.checklist(obj)
        ]


class RecordPage(Schema):
    count: int
    items: list[RecordOut]


class EntryOut(Schema):
    id: int
    org_unit_id: int
    org_unit: str = Field(..., title="村(社区)")
    unit_type: str = Field(..., title="类型")
    name: str = Field(..., title="名称(个人姓名已脱敏)")
    id_number: str = Field(..., title="公民身份号码(脱敏)")
    phone: str = Field(..., title="联系电话(脱敏)")
    since: dt.date
    training_count: int

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_unit_type(obj) -> str:
        return obj.unit_type.name

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.display_name

    @staticmethod
    def resolve_id_number(obj) -> str:
        return pii.mask_id_number(obj.id_number)

    @staticmethod
    def resolve_phone(obj) -> str:
        return pii.mask_phone(obj.phone)


class EntryPage(Schema):
    count: int
    items: list[EntryOut]


class EntryIn(StrictIn):
    org_unit_id: Id = Field(..., title="村(社区)")
    unit_type: str = Field(..., title="类型代码", max_length=40)
    name: str = Field(..., title="名称(姓名)", min_length=1, max_length=100)
    id_number: str = Field("", title="公民身份号码", max_length=18)
    phone: str = Field("", title="联系电话", max_length=11)
    description: str = Field("", title="简介", max_length=300)
    since: dt.date | None = Field(None, title="认定日期")


class FindingOut(Schema):
    category_label: str
    quote: str
    basis: str
    explanation: str
    suggestion: str


class RulesOut(Schema):
    id: int
    org_unit_id: int
    org_unit: str = Field(..., title="村(社区)")
    title: str
    status: str
    status_label: str
    adopted_on: dt.date
    filed_on: dt.date
    finding_count: int = Field(..., title="预审提示数")
    correction_due: dt.date | None = Field(None, title="改正期限")
    version: int = Field(..., title="报备次数")

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class RulesDetailOut(RulesOut):
    text: str
    findings: list[FindingOut]


class RulesPage(Schema):
    count: int
    items: list[RulesOut]


class RulesIn(StrictIn):
    org_unit_id: Id | None = Field(None, title="村(社区)")
    title: str = Field("村规民约", title="名称", max_length=200)
    text: str = Field(..., title="正文", max_length=30_000)
    adopted_on: dt.date = Field(..., title="村民会议通过日期")
    filed_on: dt.date | None = Field(None, title="报备日期")


class TransitionIn(StrictIn):
    note: str = Field("", title="说明", max_length=2000)
    document: str = Field("", title="命名文件", max_length=200)


def _read(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看法治单元")


@router.get("/lawunits/records", response={200: RecordPage, **ERRORS}, url_name="lawunits_records",
            summary="民主法治村(社区)创建记录")  # fmt: skip
def records(
    request,
    tier: TierCode | None = None,
    status: StageCode | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.record_list(request.auth, tier=tier or "", status=status or "")
    return api_page(qs, offset, limit)


@router.get("/lawunits/records/{record_id}", response={200: RecordDetailOut, **ERRORS},
            url_name="lawunits_record_detail", summary="一条创建记录及其创建标准佐证情况")  # fmt: skip
def record_detail(request, record_id: Id):
    _read(request)
    return selectors.record_get(request.auth, record_id)


@router.post("/lawunits/records/{record_id}/transitions/{verb}",
             response={200: RecordDetailOut, **ERRORS}, url_name="lawunits_record_transition",
             summary="申报、列入拟命名名单、命名、复核等")  # fmt: skip
def record_transition(request, record_id: Id, verb: RecordVerb, payload: TransitionIn):
    check_role(request.auth, services.WRITER_ROLES, "无权办理民主法治村(社区)创建")
    record = get_visible_or_404(
        VillageRecord.objects.select_related("org_unit"),
        request.auth,
        services.WRITER_ROLES,
        pk=record_id,
    )
    services.record_transition(actor=request.auth, obj=record, verb=verb, **payload.dict())
    return selectors.record_get(request.auth, record_id)


@router.get("/lawunits/registry", response={200: EntryPage, **ERRORS}, url_name="lawunits_registry",
            summary="法治微单元名册(在册)")  # fmt: skip
def registry(
    request,
    unit_type: str = Query("", max_length=40),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.entry_list(request.auth, unit_type=unit_type)
    return api_page(qs, offset, limit)


@router.post("/lawunits/registry", response={201: EntryOut, **ERRORS},
             url_name="lawunits_entry_create", summary="登记法治微单元")  # fmt: skip
def entry_create(request, payload: EntryIn):
    check_role(
        request.auth, services.WRITER_ROLES, "只有村社干部或法治办工作人员可以登记法治微单元"
    )
    village = OrgUnit.objects.filter(pk=payload.org_unit_id).first()
    data = payload.dict(exclude={"org_unit_id"})
    entry = services.entry_create(actor=request.auth, org_unit=village, **data)
    return Status(201, selectors.entry_get(request.auth, entry.pk))


@router.get("/lawunits/rules", response={200: RulesPage, **ERRORS}, url_name="lawunits_rules",
            summary="村规民约备案")  # fmt: skip
def rules(
    request,
    status: RulesStatus | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.rules_list(request.auth, status=status or "")
    return api_page(qs, offset, limit)


@router.post("/lawunits/rules", response={201: RulesDetailOut, **ERRORS},
             url_name="lawunits_rules_file", summary="报备村规民约(自动预审)")  # fmt: skip
def rules_file(request, payload: RulesIn):
    check_role(request.auth, services.WRITER_ROLES, "只有村社干部或法治办工作人员可以报备村规民约")
    village = (
        OrgUnit.objects.filter(pk=payload.org_unit_id).first() if payload.org_unit_id else None
    )
    rules = services.rules_file(
        actor=request.auth, org_unit=village, **payload.dict(exclude={"org_unit_id"})
    )
    return Status(201, selectors.rules_get(request.auth, rules.pk))


@router.get("/lawunits/rules/{rules_id}", response={200: RulesDetailOut, **ERRORS},
            url_name="lawunits_rules_detail", summary="一件村规民约及其预审提示")  # fmt: skip
def rules_detail(request, rules_id: Id):
    _read(request)
    return selectors.rules_get(request.auth, rules_id)
