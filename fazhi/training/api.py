"""The 案例实景式教学 API: the case library, sessions with their roster, evaluations and
steps, and "my sessions". The same services and scoping as the pages; an evaluation is
shown to the town's law office and leaders, the county, and the person evaluated."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.models import User
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn
from fazhi.core.scoping import get_visible_or_404

from . import selectors, services
from .models import CURATOR_ROLES, READER_ROLES, Case, Participant, Session

router = Router(tags=["案例实景式教学"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
StatusCode = Literal["planned", "held", "evaluated", "cancelled"]
WarningCode = Literal["hold_overdue", "evaluation_pending", "evaluation_overdue"]
Verb = Literal["hold", "evaluate", "cancel"]
RatingCode = Literal["excellent", "good", "pass", "improve"]


class CaseOut(Schema):
    id: int
    org_unit_id: int = Field(..., title="所属乡镇")
    title: str = Field(..., title="案例名称")
    case_type: str = Field(..., title="案例类型")
    facts: str = Field(..., title="案情")
    roles: list[str] = Field(..., title="演练角色")
    legal_points: str = Field(..., title="法律要点")
    model_handling: str = Field(..., title="规范处置流程")
    is_active: bool = Field(..., title="在用")
    created_on: dt.date

    @staticmethod
    def resolve_roles(obj) -> list[str]:
        return obj.role_list


class CasePage(Schema):
    count: int
    items: list[CaseOut]


class ParticipantOut(Schema):
    id: int
    user_id: int
    name: str = Field(..., title="姓名")
    role: str = Field(..., title="扮演角色")
    rating: str | None = Field(None, title="评价代码(无权查看或未评价为 null)")
    rating_label: str | None = Field(None, title="评价")
    comment: str | None = Field(None, title="评语")


class SessionOut(Schema):
    id: int
    org_unit_id: int = Field(..., title="所属乡镇")
    case_id: int
    case_title: str = Field(..., title="案例")
    case_type: str = Field(..., title="案例类型")
    held_on: dt.date = Field(..., title="举行日期")
    place: str = Field(..., title="地点")
    host: str = Field(..., title="主持人")
    status: str = Field(..., title="状态代码")
    status_label: str = Field(..., title="状态")
    evaluation_due: dt.date | None = Field(None, title="评价期限")
    evaluated_on: dt.date | None = None
    lessons: str = Field(..., title="经验与不足")


class SessionPage(Schema):
    count: int
    items: list[SessionOut]


class SessionDetailOut(SessionOut):
    participants: list[ParticipantOut]


class MySessionOut(Schema):
    session: SessionOut
    role: str
    rating_label: str | None = Field(None, title="我的评价(完成评价后显示)")
    comment: str | None = None


class CaseIn(StrictIn):
    title: str = Field(..., title="案例名称", min_length=1, max_length=200)
    case_type: str = Field(..., title="案例类型", max_length=20)
    facts: str = Field(..., title="案情", min_length=1, max_length=10000)
    roles: list[str] = Field(..., title="演练角色", min_length=1, max_length=30)
    legal_points: str = Field(..., title="法律要点", min_length=1, max_length=10000)
    model_handling: str = Field(..., title="规范处置流程", min_length=1, max_length=10000)


class CaseUpdateIn(StrictIn):
    title: str | None = Field(None, title="案例名称", min_length=1, max_length=200)
    case_type: str | None = Field(None, title="案例类型", max_length=20)
    facts: str | None = Field(None, title="案情", min_length=1, max_length=10000)
    roles: list[str] | None = Field(None, title="演练角色", min_length=1, max_length=30)
    legal_points: str | None = Field(None, title="法律要点", min_length=1, max_length=10000)
    model_handling: str | None = Field(None, title="规范处置流程", min_length=1, max_length=10000)
    is_active: bool | None = Field(None, title="在用")


class SessionIn(StrictIn):
    case_id: Id = Field(..., title="教学案例")
    held_on: dt.date = Field(..., title="举行日期")
    place: str = Field(..., title="地点", min_length=1, max_length=200)
    host_id: Id = Field(..., title="主持人")


class ParticipantIn(StrictIn):
    user_id: Id = Field(..., title="参训人员")
    role: str = Field(..., title="扮演角色", min_length=1, max_length=50)


class EvaluationIn(StrictIn):
    rating: RatingCode = Field(..., title="评价")
    comment: str = Field(
        "", title="评语", description="评价为 improve(需改进)时必填", max_length=2000
    )


class TransitionIn(StrictIn):
    note: str = Field("", title="说明", description="取消教学时必填", max_length=2000)
    lessons: str | None = Field(
        None, title="经验与不足", description="完成评价时必填", max_length=10000
    )


def _read(request):
    check_role(request.auth, READER_ROLES, "无权查看案例实景式教学")


def _session(s: Session) -> dict:
    return {
        "id": s.pk,
        "org_unit_id": s.org_unit_id,
        "case_id": s.case_id,
        "case_title": s.case.title,
        "case_type": s.case.case_type,
        "held_on": s.held_on,
        "place": s.place,
        "host": str(s.host),
        "status": s.status,
        "status_label": s.get_status_display(),
        "evaluation_due": s.evaluation_due,
        "evaluated_on": s.evaluated_on,
        "lessons": s.lessons,
    }


def _detail(user, pk: int) -> dict:
    s = selectors.session_get(user, pk)
    reads_all = selectors.reads_evaluations(user, s)
    rows = []
    for p in s.roster:
        shown = reads_all or (p.user_id == user.pk and s.status == Session.Status.EVALUATED)
        rows.append(
            {
                "id": p.pk,
                "user_id": p.user_id,
                "name": str(p.user),
                "role": p.role,
                "rating": (p.rating or None) if shown else None,
                "rating_label": p.get_rating_display() if shown and p.rating else None,
                "comment": p.comment if shown else None,
            }
        )
    return {**_session(s), "participants": rows}


def _user(pk: int, field: str, message: str) -> User:
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise ServiceError(message, errors={field: [message]})
    return user


@router.get("/training/cases", response={200: CasePage, **ERRORS}, url_name="training_cases_list",
            summary="典型案例库(可按类型筛选、搜索)")  # fmt: skip
def cases_list(
    request,
    case_type: str | None = Query(None, max_length=20),
    q: str | None = Query(None, max_length=50),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.case_list(request.auth, case_type=case_type or "", q=q or "")
    return api_page(qs, offset, limit)


@router.post("/training/cases", response={201: CaseOut, **ERRORS}, url_name="training_case_create",
             summary="录入典型案例(镇司法所/法治办)")  # fmt: skip
def case_create(request, payload: CaseIn):
    check_role(request.auth, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以录入典型案例")
    town = services.actor_town(request.auth)
    case = services.case_create(actor=request.auth, org_unit=town, **payload.dict())
    return Status(201, case)


@router.get("/training/cases/{case_id}", response={200: CaseOut, **ERRORS},
            url_name="training_case_detail", summary="一个典型案例")  # fmt: skip
def case_detail(request, case_id: Id):
    _read(request)
    return selectors.case_get(request.auth, case_id)


@router.patch("/training/cases/{case_id}", response={200: CaseOut, **ERRORS},
              url_name="training_case_update", summary="修改典型案例(只改提交的字段)")  # fmt: skip
def case_update(request, case_id: Id, payload: CaseUpdateIn):
    check_role(request.auth, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以修改典型案例")
    case = get_visible_or_404(Case.objects.all(), request.auth, CURATOR_ROLES, pk=case_id)
    return services.case_update(actor=request.auth, case=case, **payload.dict(exclude_unset=True))


@router.get("/training/sessions", response={200: SessionPage, **ERRORS},
            url_name="training_sessions_list", summary="实景教学,按举行日期倒序")  # fmt: skip
def sessions_list(
    request,
    status: StatusCode | None = None,
    year: int | None = Query(None, ge=2000, le=2100),
    warning: WarningCode | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    _read(request)
    qs = selectors.session_list(request.auth, status=status or "", year=year, warning=warning or "")
    return {"count": qs.count(), "items": [_session(s) for s in qs[offset : offset + limit]]}


@router.post("/training/sessions", response={201: SessionDetailOut, **ERRORS},
             url_name="training_session_create", summary="安排实景教学")  # fmt: skip
def session_create(request, payload: SessionIn):
    check_role(request.auth, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以安排实景教学")
    case = Case.objects.visible_to(request.auth, CURATOR_ROLES).filter(pk=payload.case_id).first()
    if case is None:
        raise Http404
    host = _user(payload.host_id, "host_id", "主持人须为本镇工作人员")
    try:
        session = services.session_create(
            actor=request.auth, case=case, held_on=payload.held_on, place=payload.place, host=host
        )
    except ServiceError as exc:
        exc.errors = {("host_id" if k == "host" else k): v for k, v in exc.errors.items()}
        raise
    return Status(201, _detail(request.auth, session.pk))


@router.get("/training/sessions/{session_id}", response={200: SessionDetailOut, **ERRORS},
            url_name="training_session_detail", summary="一次实景教学及参训人员")  # fmt: skip
def session_detail(request, session_id: Id):
    _read(request)
    return _detail(request.auth, session_id)


@router.post("/training/sessions/{session_id}/participants",
             response={201: SessionDetailOut, **ERRORS}, url_name="training_participant_add",
             summary="加入参训名单(本镇人员,案例中的角色)")  # fmt: skip
def participant_add(request, session_id: Id, payload: ParticipantIn):
    check_role(request.auth, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以安排参训人员")
    session = get_visible_or_404(Session.objects.all(), request.auth, CURATOR_ROLES, pk=session_id)
    user = _user(payload.user_id, "user_id", "参训人员须为本镇工作人员")
    try:
        services.participant_add(actor=request.auth, session=session, user=user, role=payload.role)
    except ServiceError as exc:
        exc.errors = {("user_id" if k == "user" else k): v for k, v in exc.errors.items()}
        raise
    return Status(201, _detail(request.auth, session_id))


@router.post("/training/participants/{participant_id}/evaluation",
             response={200: SessionDetailOut, **ERRORS}, url_name="training_participant_evaluate",
             summary="评价参训人员(教学已举行、尚未完成评价时)")  # fmt: skip
def participant_evaluate(request, participant_id: Id, payload: EvaluationIn):
    check_role(request.auth, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以评价参训人员")
    participant = get_visible_or_404(
        Participant.objects.select_related("session"),
        request.auth,
        CURATOR_ROLES,
        pk=participant_id,
    )
    services.participant_evaluate(actor=request.auth, participant=participant, **payload.dict())
    return _detail(request.auth, participant.session_id)


@router.post("/training/sessions/{session_id}/transitions/{verb}",
             response={200: SessionDetailOut, **ERRORS}, url_name="training_session_transition",
             summary="hold 标记已举行,evaluate 完成评价(须填经验与不足),cancel 取消教学(须填说明)")  # fmt: skip
def session_transition(request, session_id: Id, verb: Verb, payload: TransitionIn):
    check_role(request.auth, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以办理实景教学")
    session = get_visible_or_404(Session.objects.all(), request.auth, CURATOR_ROLES, pk=session_id)
    services.session_transition(
        actor=request.auth, obj=session, verb=verb, note=payload.note, lessons=payload.lessons
    )
    return _detail(request.auth, session_id)


@router.get("/training/my-sessions", response={200: list[MySessionOut], **ERRORS},
            url_name="training_my_sessions", summary="我的培训:本人参加的教学、角色和本人评价")  # fmt: skip
def my_sessions(request):
    _read(request)
    rows = selectors.my_sessions(request.auth)[:MAX_PAGE]
    return [
        {
            "session": _session(p.session),
            "role": p.role,
            "rating_label": p.get_rating_display()
            if p.rating and p.session.status == Session.Status.EVALUATED
            else None,
            "comment": p.comment if p.session.status == Session.Status.EVALUATED else None,
        }
        for p in rows
    ]
