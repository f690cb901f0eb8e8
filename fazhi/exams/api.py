"""The 年度学法考试 API: the exams of one's scope with their rates (per unit), setting an
exam, the county's ranking of towns, and a candidate's answer save (the same services
and scoping as the pages)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.paging import api_page
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn

from . import selectors, services

router = Router(tags=["年度学法考试"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200
KindCode = Literal["single", "multiple", "true_false"]
RoleCode = Literal["town_leader", "law_officer", "village_cadre"]


class RatesOut(Schema):
    unit: str | None = Field(None, title="单位")
    total: int = Field(..., title="应考人数")
    took: int = Field(..., title="参考人数")
    passed: int = Field(..., title="合格人数")
    excellent: int = Field(..., title="优秀人数")
    took_rate: float | None = Field(None, title="参考率(%)")
    pass_rate: float | None = Field(None, title="合格率(%)")
    excellent_rate: float | None = Field(None, title="优秀率(%)")

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit.name if obj.unit else None


class RuleOut(Schema):
    kind: str
    topic: str
    count: int


class ExamOut(Schema):
    id: int
    title: str = Field(..., title="考试名称")
    org_unit_id: int
    org_unit: str = Field(..., title="组织单位")
    year: int
    opens_at: dt.datetime
    closes_at: dt.datetime
    duration_minutes: int
    question_count: int
    rule: list[RuleOut]
    pass_mark: int
    excellent_mark: int
    attempts_limit: int
    candidate_count: int

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class ExamPage(Schema):
    count: int
    items: list[ExamOut]


class ExamDetailOut(ExamOut):
    rates: RatesOut
    units: list[RatesOut]


class RuleIn(StrictIn):
    kind: KindCode
    topic: str = Field("", max_length=50)
    count: int = Field(..., ge=0, le=200)


class ExamIn(StrictIn):
    title: str = Field(..., min_length=1, max_length=200, title="考试名称")
    opens_at: dt.datetime
    closes_at: dt.datetime
    rule: list[RuleIn] = Field(..., max_length=30, title="组卷规则")
    duration_minutes: int | None = Field(None, ge=1, le=1000)
    pass_mark: int | None = Field(None, ge=0, le=1000)
    excellent_mark: int | None = Field(None, ge=0, le=1000)
    attempts_limit: int | None = Field(None, ge=0, le=100)
    candidate_roles: list[RoleCode] = Field(default_factory=list, title="加选的参考人员身份")


class AnswerIn(StrictIn):
    position: int = Field(..., ge=0, le=1000, title="题号(从0起)")
    choice: list[int] = Field(
        default_factory=list, max_length=8, title="所选选项(按试卷显示顺序,从0起)"
    )


class AnswerOut(Schema):
    saved: int = Field(..., title="已答题数")
    at: dt.datetime


def _detail(exam):
    exam.rates = selectors.rates_of(exam.candidates.all())
    exam.units = selectors.unit_rates(exam)
    return exam


@router.get("/exams", response={200: ExamPage, **ERRORS}, url_name="exams_list",
            summary="可见范围内的学法考试,按开考时间倒序")  # fmt: skip
def exams_list(
    request,
    year: int | None = Query(None, ge=2000, le=2100),
    q: str = Query("", max_length=100),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, services.READER_ROLES, "无权查看学法考试")
    qs = selectors.exam_list(request.auth, year=year, q=q)
    return api_page(qs, offset, limit)


@router.post("/exams", response={201: ExamDetailOut, **ERRORS}, url_name="exam_create",
             summary="发布学法考试(组卷规则须不超过题库;机关干部必考)")  # fmt: skip
def exam_create(request, payload: ExamIn):
    check_role(request.auth, services.OFFICE_ROLES, services.common.OFFICE_ONLY)
    data = payload.dict()
    exam = services.exam_create(actor=request.auth, **data)
    return Status(201, _detail(selectors.exam_get(request.auth, exam.pk)))


@router.get("/exams/{exam_id}", response={200: ExamDetailOut, **ERRORS}, url_name="exam_detail",
            summary="一场考试及其参考率、合格率、优秀率(总体和分单位)")  # fmt: skip
def exam_detail(request, exam_id: Id):
    check_role(request.auth, services.READER_ROLES, "无权查看学法考试")
    return _detail(selectors.exam_get(request.auth, exam_id))


@router.get("/exam-ranking", response={200: list[RatesOut], **ERRORS}, url_name="exam_ranking",
            summary="县级:各镇年度学法考试排名")  # fmt: skip
def exam_ranking(request, year: int | None = Query(None, ge=2000, le=2100)):
    check_role(request.auth, services.RANKING_ROLES, "只有县级督导可以查看各镇排名")
    return selectors.town_ranking(request.auth, year or clock.today().year)


@router.post("/exam-attempts/{attempt_id}/answers", response={200: AnswerOut, **ERRORS},
             url_name="exam_answer_save", summary="考生保存一道题的答案(截止后或他人试卷拒绝)")  # fmt: skip
def answer_save(request, attempt_id: Id, payload: AnswerIn):
    check_role(request.auth, services.SITTER_ROLES, "无权作答")
    try:
        attempt = services.answer_save(
            actor=request.auth, attempt_id=attempt_id, position=payload.position,
            choice=payload.choice,
        )  # fmt: skip
    except ServiceError as exc:
        if exc.code == "not_found":
            raise Http404 from None
        raise
    return {"saved": len(attempt.answers), "at": attempt.last_saved_at}
