"""The 信访 API: petitions of one's scope (filters and warnings as on the list page),
registering one, one petition with its petitioners (ID number and phone masked) and
timeline, its steps (explicit POSTs), and the county's open petitions by town and age.
The same services and scoping as the pages: the person a whistle-blowing accuses gets 404."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import pii
from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.workflow import timeline

from . import selectors, services
from .models import Petition

router = Router(tags=["信访"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
ChannelCode = Literal["letter", "online", "visit", "phone"]
CategoryCode = Literal[tuple(Petition.Category.values)]
StatusCode = Literal[tuple(Petition.Status.values)]
Verb = Literal[tuple(services.STEP_FIELDS)]


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
        return str(obj.actor) if obj.actor_id else "系统"


class PetitionerOut(Schema):
    name: str = Field(..., title="姓名")
    id_number: str = Field(..., title="公民身份号码(掩码)")
    phone: str = Field(..., title="联系电话(掩码)")
    address: str = Field(..., title="住址")
    is_representative: bool = Field(..., title="集体访代表")

    @staticmethod
    def resolve_id_number(obj) -> str:
        return pii.mask_id_number(obj.id_number)

    @staticmethod
    def resolve_phone(obj) -> str:
        return pii.mask_phone(obj.phone)


class PetitionOut(Schema):
    id: int
    number: str = Field(..., title="编号")
    title: str = Field(..., title="事项摘要")
    org_unit_id: int = Field(..., title="办理单位")
    org_unit: str = Field(..., title="办理单位名称")
    channel: str = Field(..., title="信访形式")
    source: str = Field(..., title="来源")
    category: str = Field(..., title="类别")
    is_group: bool = Field(..., title="集体访")
    people_count: int = Field(..., title="涉及人数")
    is_accusation: bool = Field(..., title="检举控告类")
    repeat_count: int = Field(..., title="此前信访次数")
    received_on: dt.date = Field(..., title="收到日期")
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    accept_due: dt.date = Field(..., title="受理告知期限")
    handling_due: dt.date | None = Field(None, title="办理期限")
    next_due: dt.date | None = Field(None, title="下一法定期限")

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class PetitionPage(Schema):
    count: int = Field(..., title="条数(超过10000时为10001)")
    items: list[PetitionOut]


class PetitionDetailOut(PetitionOut):
    content: str = Field(..., title="请求、事实和理由")
    transferred_by: str
    accused_name: str = Field(..., title="被检举控告人或单位")
    objection_due: dt.date | None
    decided_on: dt.date | None
    notified_on: dt.date | None
    late_reason: str
    transferred_to: str
    decision_reason: str
    extended_on: dt.date | None
    extension_days: int | None
    extension_reason: str
    answered_on: dt.date | None
    facts: str
    opinion: str
    legal_basis: str
    result: str
    review_organ: str
    served_on: dt.date | None
    review_requested_on: dt.date | None
    review_due: dt.date | None
    review_opinion: str
    review_served_on: dt.date | None
    rereview_requested_on: dt.date | None
    rereview_due: dt.date | None
    rereview_opinion: str
    rereview_served_on: dt.date | None
    petitioners: list[PetitionerOut]
    timeline: list[StepOut]

    @staticmethod
    def resolve_petitioners(obj):
        return list(obj.petitioners.all())

    @staticmethod
    def resolve_timeline(obj):
        return timeline(obj)


class PetitionerIn(StrictIn):
    name: str = Field(..., title="姓名", min_length=1, max_length=50)
    address: str = Field(..., title="住址", min_length=1, max_length=200)
    id_number: str = Field("", title="公民身份号码", max_length=18)
    phone: str = Field("", title="联系电话", max_length=11)


class PetitionIn(StrictIn):
    title: str = Field(..., title="事项摘要", min_length=1, max_length=200)
    channel: ChannelCode = Field(..., title="信访形式")
    category: CategoryCode = Field(..., title="类别")
    content: str = Field(..., title="请求、事实和理由", min_length=1, max_length=5000)
    received_on: dt.date = Field(..., title="收到日期")
    source: Literal["direct", "transferred"] = Field("direct", title="来源")
    transferred_by: str = Field("", title="转送、交办机关", max_length=100)
    is_group: bool = Field(False, title="集体访")
    people_count: int | None = Field(None, title="涉及人数", ge=1, le=100_000)
    is_accusation: bool = Field(False, title="检举控告类")
    accused_name: str = Field("", title="被检举控告人或单位", max_length=100)
    accused_user_id: Id | None = Field(None, title="被检举控告的系统用户")
    petitioners: list[PetitionerIn] = Field(..., title="信访人(集体访为代表,不超过5名)",
                                            max_length=50)  # fmt: skip


class StepIn(StrictIn):
    """The fields of the step (see each verb); dates default to today."""

    note: str = Field("", title="说明(不予受理、异议、延期时必填理由)", max_length=2000)
    decided_on: dt.date | None = None
    notified_on: dt.date | None = None
    late_reason: str | None = Field(None, max_length=200)
    transferred_to: str | None = Field(None, max_length=100)
    objected_on: dt.date | None = None
    extended_on: dt.date | None = None
    days: int | None = Field(None, ge=1, le=365, title="延长日数")
    answered_on: dt.date | None = None
    facts: str | None = Field(None, max_length=5000)
    opinion: str | None = Field(None, max_length=5000)
    legal_basis: str | None = Field(None, max_length=5000)
    result: Literal["support", "explain", "reject"] | None = None
    review_organ: str | None = Field(None, max_length=200)
    served_on: dt.date | None = None
    requested_on: dt.date | None = None


class AgeRowOut(Schema):
    town_id: int
    town: str
    bands: dict[str, int] = Field(..., title="按收到以来日数分段的办理中事项数")
    total: int


def _read(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看信访事项")


@router.get(
    "/petitions",
    response={200: PetitionPage, **ERRORS},
    url_name="petitions_list",
    summary="可见范围内的信访事项(warning=overdue/due_soon 时按期限先后)",
)
def petitions_list(
    request,
    status: StatusCode | None = None,
    state: Literal["open", "done"] | None = None,
    channel: ChannelCode | None = None,
    category: CategoryCode | None = None,
    warning: Literal["overdue", "due_soon"] | None = None,
    town: Id | None = None,
    age: Literal["0-15", "16-30", "31-60", "61+"] | None = None,
    q: str = Query("", max_length=50),
    year: int | None = Query(None, ge=2000, le=2100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    filters = dict(status=status, state=state, channel=channel, category=category,
                   warning=warning, town=town, age=age, q=q.replace("\x00", ""), year=year)  # fmt: skip
    qs = selectors.petition_list(request.auth, **{k: v for k, v in filters.items() if v})
    return api_page(qs, offset, limit)


@router.post(
    "/petitions",
    response={201: PetitionDetailOut, **ERRORS},
    url_name="petition_create",
    summary="登记信访事项(本镇信访办;集体访代表不超过5人)",
)
def petition_create(request, payload: PetitionIn):
    check_role(request.auth, services.HANDLER_ROLES, "只有镇信访办(法治办)工作人员可以登记信访事项")
    units = request.auth.units_for(services.HANDLER_ROLES)
    town = next((u for u in units if u.kind == OrgUnit.Kind.TOWN), None)
    data = payload.dict(exclude={"accused_user_id", "petitioners"})
    accused = None
    if payload.accused_user_id:
        accused = User.objects.filter(pk=payload.accused_user_id).first()
        if accused is None:
            raise ServiceError("被检举控告的系统用户不存在", errors={"accused_user_id": ["不存在"]})
    petition = services.petition_register(
        actor=request.auth,
        org_unit=town,
        accused_user=accused,
        petitioners=[p.dict() for p in payload.petitioners],
        **data,
    )
    return Status(201, selectors.petition_get(request.auth, petition.pk))


@router.get(
    "/petitions/ages",
    response={200: list[AgeRowOut], **ERRORS},
    url_name="petition_ages",
    summary="各镇办理中的信访事项按收到以来日数分段(0–15、16–30、31–60、60日以上)",
)
def petition_ages(request):
    _read(request)
    codes = [code for code, *_ in selectors.AGE_BANDS]
    return [
        {"town_id": r["town"].pk, "town": r["town"].name, "total": r["total"],
         "bands": dict(zip(codes, r["bands"], strict=True))}
        for r in selectors.petition_ages(request.auth)
    ]  # fmt: skip


@router.get(
    "/petitions/{petition_id}",
    response={200: PetitionDetailOut, **ERRORS},
    url_name="petition_detail",
    summary="一件信访事项及其信访人(掩码)和办理过程",
)
def petition_detail(request, petition_id: Id):
    _read(request)
    return selectors.petition_get(request.auth, petition_id)


@router.post(
    "/petitions/{petition_id}/transitions/{verb}",
    response={200: PetitionDetailOut, **ERRORS},
    url_name="petition_transition",
    summary=(
        "信访事项的办理步骤:accept 受理、not_accept 不予受理、transfer 转送、object 异议、"
        "extend 延期、answer 出具处理意见书、serve 送达、request_review/decide_review 复查、"
        "request_rereview/decide_rereview 复核"
    ),
)
def petition_transition(request, petition_id: Id, verb: Verb, payload: StepIn):
    _read(request)
    petition = selectors.petition_get(request.auth, petition_id)
    allowed = {name for name, *_ in services.STEP_FIELDS[verb]}
    sent = payload.dict(exclude_unset=True, exclude={"note"})
    extra = sorted(set(sent) - allowed)
    if extra:
        message = f"此步骤不接受字段:{'、'.join(extra)}"
        raise ServiceError(message, errors={k: ["此步骤不接受该字段"] for k in extra})
    services.petition_transition(
        actor=request.auth, obj=petition, verb=verb, note=payload.note, **sent
    )
    return selectors.petition_get(request.auth, petition_id)
