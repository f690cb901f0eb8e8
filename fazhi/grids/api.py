"""The 网格走访 API: key persons and visits of one's grids (readable only by those who
visit or supervise the grid; anyone else gets 403 or 404), recording a visit (a client
key makes a replayed submission land once: 201 the first time, 200 with "该走访已提交"
after), and the compliance rates per grid (aggregates, also for leaders and the county).
The same services and scoping as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from uuid import UUID

from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock, pii
from fazhi.core.paging import CAP, api_page
from fazhi.core.permissions import check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn

from . import selectors, services
from .models import COMPLIANCE_ROLES, KEY_READER_ROLES, KeyPerson
from .params import REPLAYED

router = Router(tags=["网格走访"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
GroupCode = Literal["hardship", "sensitive", "special"]
ModeCode = Literal["home", "phone", "talk", "video"]
NO_ACCESS = "重点人员信息仅本网格网格员、所在村社干部和本镇法治办工作人员可以查看(个人信息保护法第二十八条、第三十四条)"


class PersonOut(Schema):
    id: int
    name: str = Field(..., title="姓名")
    id_number_masked: str = Field(..., title="公民身份号码(脱敏)")
    phone_masked: str = Field(..., title="联系电话(脱敏)")
    address: str = Field(..., title="居住地址")
    org_unit_id: int = Field(..., title="所属网格")
    org_unit: str = Field(..., title="网格名称")
    categories: list[str] = Field(..., title="重点人群类别")
    main_group: str = Field(..., title="主要人群代码")
    interval_days: int | None = Field(None, title="走访周期(日)")
    last_visited_on: dt.date | None = Field(None, title="最近走访日期")
    next_visit_due: dt.date | None = Field(None, title="应走访日期")
    is_active: bool = Field(..., title="在册")

    @staticmethod
    def resolve_id_number_masked(obj) -> str:
        return pii.mask_id_number(obj.id_number)

    @staticmethod
    def resolve_phone_masked(obj) -> str:
        return pii.mask_phone(obj.phone)

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_categories(obj) -> list[str]:
        return [c.name for c in obj.categories.all()]


class PersonPage(Schema):
    count: int = Field(..., title=f"条数(最多计{CAP}条)")
    items: list[PersonOut]


class VisitOut(Schema):
    id: int
    person_id: int
    person: str = Field(..., title="走访对象")
    org_unit_id: int = Field(..., title="网格")
    group: str = Field(..., title="人群代码")
    visited_on: dt.date = Field(..., title="走访日期")
    mode: str = Field(..., title="走访方式代码")
    mode_label: str = Field(..., title="走访方式")
    situation: str = Field(..., title="走访情况")
    needs: str = Field(..., title="诉求")
    signals: list[str] = Field(..., title="风险信号")
    signal_note: str = Field(..., title="其他风险情况")
    follow_up: str = Field(..., title="后续措施")
    due_on: dt.date | None = Field(None, title="应走访日期")
    on_time: bool = Field(..., title="按期")
    client_key: UUID = Field(..., title="提交编号")
    recorded_by: str = Field(..., title="走访人")

    @staticmethod
    def resolve_person(obj) -> str:
        return obj.person.name

    @staticmethod
    def resolve_mode_label(obj) -> str:
        return obj.get_mode_display()

    @staticmethod
    def resolve_recorded_by(obj) -> str:
        return str(obj.recorded_by)


class VisitPage(Schema):
    count: int = Field(..., title=f"条数(最多计{CAP}条)")
    items: list[VisitOut]


class VisitCreatedOut(VisitOut):
    message: str = Field(..., title="结果说明")


class VisitIn(StrictIn):
    person_id: Id = Field(..., title="走访对象")
    visited_on: dt.date = Field(..., title="走访日期")
    mode: ModeCode = Field(..., title="走访方式")
    situation: str = Field(..., title="走访情况", min_length=1, max_length=5000)
    needs: str = Field("", title="诉求", max_length=5000)
    signals: list[str] = Field(default_factory=list, title="风险信号", max_length=20)
    signal_note: str = Field("", title="其他风险情况", max_length=500)
    follow_up: str = Field("", title="后续措施", max_length=5000)
    client_key: UUID | None = Field(
        None, title="提交编号", description="客户端生成的UUID;同一编号重复提交只保存一次"
    )


class RateOut(Schema):
    org_unit_id: int
    org_unit: str = Field(..., title="网格")
    village: str = Field(..., title="村社")
    visits: int = Field(..., title="走访人次")
    due: int = Field(..., title="应走访人数")
    on_time: int = Field(..., title="按期走访人数")
    rate: float | None = Field(None, title="按期走访率(%)")


class TownRateOut(Schema):
    org_unit_id: int
    org_unit: str = Field(..., title="乡镇")
    visits: int = Field(..., title="走访人次")
    due: int = Field(..., title="应走访人数")
    on_time: int = Field(..., title="按期走访人数")
    rate: float | None = Field(None, title="按期走访率(%)")


class ComplianceOut(Schema):
    start: dt.date
    end: dt.date
    towns: list[TownRateOut] = Field(
        ..., title="各乡镇(可见多个乡镇且未指定 town_id 时;此时 grids 为空)"
    )
    grids: list[RateOut] = Field(..., title="各网格(一个乡镇或本人网格)")
    counted_at: dt.datetime | None = Field(
        None, title="统计时间(各乡镇汇总在复用时长内复用同一次统计;为空即实时统计)"
    )


def _read(request):
    check_role(request.auth, KEY_READER_ROLES, NO_ACCESS)


@router.get(
    "/grids/persons",
    response={200: PersonPage, **ERRORS},
    url_name="grids_person_list",
    summary="可见范围内的重点人员,应走访日期近者在前",
)
def person_list(
    request,
    group: GroupCode | None = None,
    warning: Literal["overdue", "due_soon"] | None = None,
    q: str = Query("", max_length=40),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.person_list(request.auth, group=group or "", warning=warning or "", q=q)
    return api_page(qs, offset, limit)


@router.get(
    "/grids/persons/{person_id}",
    response={200: PersonOut, **ERRORS},
    url_name="grids_person_detail",
    summary="一名重点人员(证件号码、电话脱敏)",
)
def person_detail(request, person_id: Id):
    _read(request)
    return selectors.person_get(request.auth, person_id)


@router.get(
    "/grids/visits",
    response={200: VisitPage, **ERRORS},
    url_name="grids_visit_list",
    summary="可见范围内的走访,新近者在前",
)
def visit_list(
    request,
    person_id: Id | None = None,
    group: GroupCode | None = None,
    signals: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    person = selectors.person_get(request.auth, person_id) if person_id else None
    qs = selectors.visit_list(
        request.auth, person=person, group=group or "", signals=signals, start=start, end=end
    )
    return api_page(qs, offset, limit)


@router.post(
    "/grids/visits",
    response={201: VisitCreatedOut, 200: VisitCreatedOut, **ERRORS},
    url_name="grids_visit_create",
    summary="登记走访(只能为本人负责网格内的重点人员;同一提交编号只保存一次)",
)
def visit_create(request, payload: VisitIn):
    check_role(request.auth, services.VISITOR_ROLES, NO_ACCESS)
    # Unscoped on purpose: a person outside the worker's grids is refused by the service
    # with the rule, the same answer whether or not the id exists.
    person = KeyPerson.objects.select_related("org_unit").filter(pk=payload.person_id).first()
    data = payload.dict(exclude={"person_id"})
    visit, created = services.visit_record(actor=request.auth, person=person, **data)
    visit = selectors.visit_get(request.auth, visit.pk)
    visit.message = "走访已登记" if created else REPLAYED
    return Status(201 if created else 200, visit)


@router.get(
    "/grids/visits/{visit_id}",
    response={200: VisitOut, **ERRORS},
    url_name="grids_visit_detail",
    summary="一次走访",
)
def visit_detail(request, visit_id: Id):
    _read(request)
    return selectors.visit_get(request.auth, visit_id)


@router.get(
    "/grids/compliance",
    response={200: ComplianceOut, **ERRORS},
    url_name="grids_compliance",
    summary="各网格走访完成率(只含汇总数字)",
)
def compliance(
    request,
    start: dt.date | None = None,
    end: dt.date | None = None,
    town_id: Id | None = None,
    fresh: bool = False,
):
    check_role(request.auth, COMPLIANCE_ROLES, "无权查看走访完成率")
    today = clock.today()
    start = start or today.replace(month=1, day=1)
    end = end or today
    view = selectors.compliance_view(request.auth, start, end, town_id=town_id, fresh=fresh)
    return {
        "start": start,
        "end": end,
        "towns": [
            {
                "org_unit_id": r.unit.pk,
                "org_unit": r.unit.name,
                "visits": r.visits,
                "due": r.due,
                "on_time": r.on_time,
                "rate": r.rate,
            }
            for r in view.towns
        ],
        "grids": [
            {
                "org_unit_id": r.unit.pk,
                "org_unit": r.unit.name,
                "village": r.unit.parent.name if r.unit.parent_id else "",
                "visits": r.visits,
                "due": r.due,
                "on_time": r.on_time,
                "rate": r.rate,
            }
            for r in view.grids.values()
        ],
        "counted_at": view.taken_at,
    }
