"""The 公众参与 API: the public reads (no token: open consultations, one consultation
with its published answers, hearings), staff reads of their scope, answering comments,
and a resident's comment (session)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core.paging import api_page, rows_of
from fazhi.core.permissions import check_role
from fazhi.core.roles import Role
from fazhi.core.schemas import MAX_OFFSET, ErrorOut, Id, Schema, StrictIn

from . import selectors, services

router = Router(tags=["公众参与"])

ERRORS = {codes_4xx: ErrorOut}
MAX_PAGE = 200


class ConsultationOut(Schema):
    id: int
    title: str = Field(..., title="标题")
    kind: str = Field(..., title="事项类型代码")
    org_unit: str = Field(..., title="单位")
    starts_on: dt.date
    ends_on: dt.date
    status: str = Field(..., title="状态(open / closed / scheduled)")
    comment_count: int
    unanswered_count: int
    feedback_rate: float = Field(..., title="反馈率(%)")
    adoption_rate: float = Field(..., title="采纳率(%)")
    public_url: str

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class ParagraphOut(Schema):
    no: int
    label: str
    text: str


class PublicCommentOut(Schema):
    id: int
    paragraph: int | None
    who: str = Field(..., title="提出人(公开时只显示姓氏)")
    tag: str
    channel: str
    body: str = Field(..., title="意见(隐藏的为空;个人信息已遮盖)")
    hidden: bool
    hidden_reason: str
    outcome: str | None = Field(None, title="处理结果")
    reason: str | None = Field(None, title="答复理由")


class ConsultationDetailOut(ConsultationOut):
    reason_short: str
    paragraphs: list[ParagraphOut]
    comments: list[PublicCommentOut] = Field(
        ...,
        title="意见(按提交先后,从 comments_offset 起最多 comments_limit 条;共 comment_count 条)",
    )

    @staticmethod
    def resolve_comments(obj) -> list[dict]:
        offset, limit = getattr(obj, "comments_window", (0, selectors.COMMENTS_PER_PAGE))
        return _public_comments(rows_of(selectors.comments_of(obj), offset, offset + limit))


class ConsultationPage(Schema):
    count: int
    items: list[ConsultationOut]


class HearingOut(Schema):
    id: int
    title: str
    org_unit: str
    place: str
    notice_published_on: dt.date
    registration_ends_on: dt.date
    held_on: dt.date
    status: str
    list_published_on: dt.date | None

    @staticmethod
    def resolve_org_unit(obj) -> str:
        return obj.org_unit.name


class AnswerIn(StrictIn):
    comment_ids: list[Id] = Field(..., title="意见", min_length=1, max_length=500)
    outcome: Literal["adopted", "partly", "rejected"]
    reason: str = Field("", title="理由", max_length=5000)


class CommentIn(StrictIn):
    body: str = Field(..., title="意见内容", max_length=20000)
    paragraph: int | None = Field(None, ge=1, le=100000)
    tag: Literal[
        "deputy", "cppcc", "people_org", "grassroots", "social_org", "interested", "public"
    ] = "public"


def _public_comments(rows) -> list[dict]:
    comments = []
    for cm in rows:
        answer = None if cm.hidden else cm.answer
        comments.append(
            {
                "id": cm.pk, "paragraph": cm.paragraph,
                "who": services.mask_name(cm.author_name) if cm.author_id else cm.author_name,
                "tag": cm.get_tag_display(), "channel": cm.get_channel_display(),
                "body": "" if cm.hidden else services.mask_personal(cm.body),
                "hidden": cm.hidden, "hidden_reason": cm.hidden_reason,
                "outcome": answer.get_outcome_display() if answer else None,
                "reason": answer.reason if answer else None,
            }
        )  # fmt: skip
    return comments


@router.get(
    "/participation/public/consultations",
    auth=None,
    response={200: ConsultationPage, **ERRORS},
    url_name="participation_public_list",
    summary="公开:正在或已经征求意见的事项(无需登录)",
)
def public_list(
    request,
    status: Literal["open", "closed"] = "open",
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    qs = selectors.public_consultations(status=status)
    return api_page(qs, offset, limit)


@router.get(
    "/participation/public/consultations/{consultation_id}",
    auth=None,
    response={200: ConsultationDetailOut, **ERRORS},
    url_name="participation_public_detail",
    summary="公开:征求意见稿、意见及答复(个人信息已遮盖)",
)
def public_detail(
    request,
    consultation_id: Id,
    comments_offset: int = Query(0, ge=0, le=MAX_OFFSET),
    comments_limit: int = Query(selectors.COMMENTS_PER_PAGE, ge=1, le=MAX_PAGE),
):
    c = selectors.public_consultation(consultation_id)
    c.comments_window = (comments_offset, comments_limit)
    return c


@router.get(
    "/participation/public/hearings",
    auth=None,
    response={200: list[HearingOut], **ERRORS},
    url_name="participation_public_hearings",
    summary="公开:听证公告",
)
def public_hearings(request):
    return list(selectors.public_hearings()[:MAX_PAGE])


@router.get(
    "/participation/consultations",
    response={200: ConsultationPage, **ERRORS},
    url_name="participation_consultations",
    summary="可见范围内的征求意见",
)
def consultations(
    request,
    status: Literal["open", "closed", "unanswered"] | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    check_role(request.auth, services.PAGE_ROLES, "无权查看征求意见")
    qs = selectors.consultation_list(request.auth, status=status or "")
    return api_page(qs, offset, limit)


@router.post(
    "/participation/consultations/{consultation_id}/answers",
    response={201: ConsultationDetailOut, **ERRORS},
    url_name="participation_answer",
    summary="答复意见(采纳 / 部分采纳 / 不采纳,须说明理由;可合并答复)",
)
def answer(request, consultation_id: Id, payload: AnswerIn):
    check_role(request.auth, services.ORGANISER_ROLES, "无权答复意见")
    c = selectors.consultation_get(request.auth, consultation_id)
    services.answer_comments(actor=request.auth, consultation=c, comments=payload.comment_ids,
                             outcome=payload.outcome, reason=payload.reason)  # fmt: skip
    c.refresh_from_db()
    return Status(201, c)


@router.post(
    "/participation/public/consultations/{consultation_id}/comments",
    response={201: PublicCommentOut, **ERRORS},
    url_name="participation_comment",
    summary="注册公众提交意见(登录后)",
)
def comment(request, consultation_id: Id, payload: CommentIn):
    check_role(request.auth, {Role.RESIDENT}, "仅注册公众可提交意见")
    c = selectors.public_consultation(consultation_id)
    cm = services.comment_submit(
        actor=request.auth, consultation=c, body=payload.body, paragraph=payload.paragraph,
        tag=payload.tag, ip=request.META.get("REMOTE_ADDR", ""),
    )  # fmt: skip
    return Status(201, {
        "id": cm.pk, "paragraph": cm.paragraph, "who": services.mask_name(cm.author_name),
        "tag": cm.get_tag_display(), "channel": cm.get_channel_display(),
        "body": services.mask_personal(cm.body), "hidden": False, "hidden_reason": "",
        "outcome": None, "reason": None,
    })  # fmt: skip


@router.get(
    "/participation/hearings",
    response={200: list[HearingOut], **ERRORS},
    url_name="participation_hearings",
    summary="可见范围内的听证",
)
def hearings(request):
    check_role(request.auth, services.PAGE_ROLES, "无权查看听证")
    return list(selectors.hearing_list(request.auth)[:MAX_PAGE])
