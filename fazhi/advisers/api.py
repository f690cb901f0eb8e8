"""The 法律顾问 API: the registry with each adviser's work record for a year, one adviser
in full, registration, terms, work entries, assessments, the 考核办法 in force, and the
dismiss / reinstate transitions as explicit POSTs. The same services and scoping as
the pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import unit_in_scope

from . import selectors, services
from .models import (
    ASSESSOR_ROLES,
    KEEPER_ROLES,
    MANAGER_READER_ROLES,
    READER_ROLES,
    Adviser,
    WorkEntry,
)

router = Router(tags=["法律顾问"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
Year = int


class WorkRecordOut(Schema):
    year: int = Field(..., title="年度")
    reviews: int = Field(..., title="完成合法性审核(件)")
    on_time: int = Field(..., title="按期完成(件)")
    on_time_rate: float | None = Field(None, title="按期率(%;无审核为空)")
    reviews_by_kind: dict[str, int] = Field(..., title="按审核类型")
    entries: dict[str, int] = Field(..., title="其他工作按类别(consultation/negotiation/…)")


class AdviserOut(Schema):
    id: int
    org_unit_id: int = Field(..., title="聘任单位")
    org_unit_name: str
    name: str = Field(..., title="姓名")
    kind: str = Field(..., title="类别代码")
    kind_label: str = Field(..., title="类别")
    institution: str = Field(..., title="律师事务所/工作单位")
    licence_no: str = Field(..., title="执业证号")
    practice_since: dt.date | None = Field(None, title="执业起始日期")
    status: str = Field(..., title="状态代码(active/dismissed)")
    status_label: str = Field(..., title="状态")
    user_id: int | None = Field(None, title="关联的登录账号")
    term_start: dt.date | None = Field(None, title="最近聘期开始")
    term_end: dt.date | None = Field(None, title="最近聘期届满")
    record: WorkRecordOut | None = Field(None, title="所选年度的工作记录")

    @staticmethod
    def resolve_org_unit_name(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_record(obj):
        rec = getattr(obj, "record", None)
        if rec is None:
            return None
        return {
            "year": rec.year,
            "reviews": rec.reviews,
            "on_time": rec.on_time,
            "on_time_rate": rec.on_time_rate,
            "reviews_by_kind": rec.reviews_by_kind,
            "entries": rec.entries,
        }


class AdviserPage(Schema):
    count: int
    items: list[AdviserOut]


class AppointmentOut(Schema):
    id: int
    start: dt.date = Field(..., title="聘期开始")
    end: dt.date = Field(..., title="聘期届满")
    agreement_ref: str = Field(..., title="聘用合同编号")
    is_renewal: bool = Field(..., title="续聘")


class WorkEntryOut(Schema):
    id: int
    kind: str = Field(..., title="类别代码")
    kind_label: str = Field(..., title="类别")
    date: dt.date
    description: str
    hours: Decimal | None = None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()


class AssessmentOut(Schema):
    id: int
    year: int = Field(..., title="考核年度")
    scheme_name: str = Field(..., title="考核办法")
    criteria: list[dict] = Field(..., title="考核项目(评分时)")
    scores: dict[str, str] = Field(..., title="各项得分")
    total: Decimal = Field(..., title="总分")
    grade: str = Field(..., title="等次")
    renew: bool = Field(..., title="续聘")
    assessor: str = Field(..., title="考核人")
    note: str = Field(..., title="考核意见")

    @staticmethod
    def resolve_assessor(obj) -> str:
        return str(obj.assessor)


class AdviserDetailOut(AdviserOut):
    specialty: str
    note: str
    appointments: list[AppointmentOut]
    work_entries: list[WorkEntryOut]
    assessments: list[AssessmentOut]

    @staticmethod
    def resolve_appointments(obj):
        return list(obj.appointments.all())

    @staticmethod
    def resolve_work_entries(obj):
        return list(obj.work_entries.all())

    @staticmethod
    def resolve_assessments(obj):
        return list(obj.assessments.all())


class AdviserCreateIn(StrictIn):
    name: str = Field(..., title="姓名", min_length=1, max_length=64)
    kind: Literal["lawyer", "expert", "public_lawyer", "justice_office"] = Field(..., title="类别")
    institution: str = Field(..., title="律师事务所/工作单位", min_length=1, max_length=100)
    licence_no: str = Field("", title="执业证号(律师、公职律师必填,17位数字)", max_length=32)
    practice_since: dt.date | None = Field(None, title="执业起始日期")
    sanction_record: bool = Field(False, title="受过行业惩戒或行政处罚")
    criminal_record: bool = Field(False, title="受过刑事处罚")
    specialty: str = Field("", title="专业领域", max_length=100)
    note: str = Field("", title="备注", max_length=2000)
    user_id: Id | None = Field(None, title="关联的登录账号(持法律顾问角色)")
    org_unit_id: Id | None = Field(None, title="聘任单位", description="不填为本人所在镇")


class AdviserUpdateIn(StrictIn):
    """A partial correction of the registry entry: only the fields sent change."""

    name: str = Field(None, title="姓名", min_length=1, max_length=64)
    kind: Literal["lawyer", "expert", "public_lawyer", "justice_office"] = Field(None, title="类别")
    institution: str = Field(None, title="律师事务所/工作单位", min_length=1, max_length=100)
    licence_no: str = Field(None, title="执业证号(律师、公职律师必填,17位数字)", max_length=32)
    practice_since: dt.date | None = Field(None, title="执业起始日期")
    sanction_record: bool = Field(None, title="受过行业惩戒或行政处罚")
    criminal_record: bool = Field(None, title="受过刑事处罚")
    specialty: str = Field(None, title="专业领域", max_length=100)
    note: str = Field(None, title="备注", max_length=2000)
    user_id: Id | None = Field(None, title="关联的登录账号(持法律顾问角色;null 为取消关联)")


class AppointmentIn(StrictIn):
    start: dt.date = Field(..., title="聘期开始")
    end: dt.date = Field(..., title="聘期届满")
    agreement_ref: str = Field("", title="聘用合同编号", max_length=64)


class WorkEntryIn(StrictIn):
    kind: Literal[tuple(WorkEntry.Kind.values)] = Field(..., title="类别")  # type: ignore[valid-type]
    date: dt.date = Field(..., title="日期")
    description: str = Field(..., title="事项", min_length=1, max_length=300)
    hours: Decimal | None = Field(None, title="用时(小时)", gt=0, le=999, decimal_places=1)


class AssessmentIn(StrictIn):
    year: int = Field(..., title="考核年度", ge=2000, le=9999)
    scores: dict[str, Decimal] = Field(..., title="各项得分", description="考核项目代码 → 得分")
    note: str = Field("", title="考核意见", max_length=2000)


class TransitionIn(StrictIn):
    note: str = Field("", title="说明", max_length=2000)


class CriterionOut(Schema):
    key: str
    name: str
    weight: int
    source: str


class GradeOut(Schema):
    name: str
    min: int


class SchemeOut(Schema):
    name: str
    unit_id: int | None = Field(None, title="制定单位(为空表示系统默认)")
    criteria: list[CriterionOut]
    grades: list[GradeOut]
    renew_grades: list[str]


def _detail(user, pk: int, year: int | None = None):
    adviser = selectors.adviser_get(user, pk)
    year = year or clock.today().year
    adviser.record = selectors.work_records([adviser], year)[adviser.pk]
    return adviser


def _read(request):
    check_role(request.auth, READER_ROLES, "无权查看法律顾问")


@router.get(
    "/advisers",
    response={200: AdviserPage, **ERRORS},
    url_name="advisers_list",
    summary="可见范围内的法律顾问及其年度工作记录",
)
def advisers_list(
    request,
    year: int | None = Query(None, ge=2000, le=9999),
    status: Literal["active", "dismissed"] | None = None,
    kind: Literal["lawyer", "expert", "public_lawyer", "justice_office"] | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.adviser_list(request.auth, status=status or "", kind=kind or "")
    items = selectors.attach_work_records(qs[offset : offset + limit], year or clock.today().year)
    return {"count": qs.count(), "items": items}


@router.post(
    "/advisers",
    response={201: AdviserDetailOut, **ERRORS},
    url_name="advisers_create",
    summary="登记法律顾问(核验任职条件)",
)
def advisers_create(request, payload: AdviserCreateIn):
    check_role(request.auth, KEEPER_ROLES, "只有法治办工作人员可以登记法律顾问")
    data = payload.dict()
    unit_id = data.pop("org_unit_id")
    unit = None
    if unit_id is not None:
        unit = OrgUnit.objects.filter(pk=unit_id).first()
        if unit is None or not unit_in_scope(request.auth, unit, KEEPER_ROLES):
            raise ServiceError(
                "只能为本镇登记法律顾问", errors={"org_unit_id": ["单位不在管辖范围内"]}
            )
    adviser = services.adviser_create(actor=request.auth, org_unit=unit, **data)
    return Status(201, _detail(request.auth, adviser.pk))


@router.get(
    "/advisers/scheme",
    response={200: SchemeOut, **ERRORS},
    url_name="advisers_scheme",
    summary="适用的法律顾问考核办法",
)
def advisers_scheme(request, unit_id: Id | None = None):
    check_role(request.auth, MANAGER_READER_ROLES, "无权查看考核办法")
    if unit_id is None:
        units = request.auth.units_for(MANAGER_READER_ROLES)
        unit = units[0]
    else:
        unit = get_object_or_404(OrgUnit, pk=unit_id)
        if not unit_in_scope(request.auth, unit, MANAGER_READER_ROLES):
            raise ServiceError("记录不存在或无权查看", code="not_found")
    s = services.scheme_for(unit)
    return {
        "name": s.name,
        "unit_id": s.unit.pk if s.unit else None,
        "criteria": s.criteria,
        "grades": s.grades,
        "renew_grades": s.renew_grades,
    }


@router.get(
    "/advisers/{adviser_id}",
    response={200: AdviserDetailOut, **ERRORS},
    url_name="advisers_detail",
    summary="一名法律顾问:聘期、工作记录、考核",
)
def advisers_detail(request, adviser_id: Id, year: int | None = Query(None, ge=2000, le=9999)):
    _read(request)
    return _detail(request.auth, adviser_id, year)


@router.patch(
    "/advisers/{adviser_id}",
    response={200: AdviserDetailOut, **ERRORS},
    url_name="adviser_update",
    summary="修改法律顾问登记信息(只改提交的字段,按登记条件核验)",
)
def adviser_update(request, adviser_id: Id, payload: AdviserUpdateIn):
    check_role(request.auth, KEEPER_ROLES, "只有法治办工作人员可以修改法律顾问信息")
    adviser = selectors.adviser_get(request.auth, adviser_id)
    data = payload.dict(exclude_unset=True)
    services.adviser_update(actor=request.auth, adviser=adviser, **data)
    return _detail(request.auth, adviser_id)


@router.post(
    "/advisers/{adviser_id}/appointments",
    response={201: AppointmentOut, **ERRORS},
    url_name="advisers_appointment_create",
    summary="登记聘期(首聘或续聘)",
)
def advisers_appointment_create(request, adviser_id: Id, payload: AppointmentIn):
    check_role(request.auth, KEEPER_ROLES, "只有法治办工作人员可以登记聘期")
    adviser = selectors.adviser_get(request.auth, adviser_id)
    term = services.appointment_create(actor=request.auth, adviser=adviser, **payload.dict())
    return Status(201, term)


@router.post(
    "/advisers/{adviser_id}/work-entries",
    response={201: WorkEntryOut, **ERRORS},
    url_name="advisers_work_entry_create",
    summary="登记工作记录(咨询、谈判、诉讼等)",
)
def advisers_work_entry_create(request, adviser_id: Id, payload: WorkEntryIn):
    check_role(request.auth, KEEPER_ROLES, "只有法治办工作人员可以登记工作记录")
    adviser = selectors.adviser_get(request.auth, adviser_id)
    entry = services.work_entry_create(actor=request.auth, adviser=adviser, **payload.dict())
    return Status(201, entry)


@router.post(
    "/advisers/{adviser_id}/assessments",
    response={201: AssessmentOut, **ERRORS},
    url_name="advisers_assessment_create",
    summary="年度考核(每项评分,得出等次与是否续聘)",
)
def advisers_assessment_create(request, adviser_id: Id, payload: AssessmentIn):
    check_role(request.auth, ASSESSOR_ROLES, "只有镇领导或法治办工作人员可以考核法律顾问")
    adviser = selectors.adviser_get(request.auth, adviser_id)
    assessment = services.assessment_create(
        actor=request.auth,
        adviser=adviser,
        year=payload.year,
        scores=payload.scores,
        note=payload.note,
    )
    return Status(201, assessment)


@router.post(
    "/advisers/{adviser_id}/transitions/{verb}",
    response={200: AdviserDetailOut, **ERRORS},
    url_name="advisers_transition",
    summary="解聘(dismiss)或恢复在册(reinstate),须填写说明",
)
def advisers_transition(
    request, adviser_id: Id, verb: Literal["dismiss", "reinstate"], payload: TransitionIn
):
    check_role(request.auth, KEEPER_ROLES, "只有法治办工作人员可以解聘法律顾问")
    adviser = selectors.adviser_get(request.auth, adviser_id)
    services.adviser_transition(actor=request.auth, obj=adviser, verb=verb, note=payload.note)
    return _detail(request.auth, adviser_id)


__all__ = ["router", "Adviser"]
