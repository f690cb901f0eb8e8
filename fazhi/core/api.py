"""The core API: who am I, the org tree and its memberships, the holiday calendar, the
audit trail, personal API tokens and attachments (a record's files, e.g. a rectification's
evidence uploaded by its owner before submitting).

Reads are scoped with `visible_to` like the pages are; writes call the same services the
pages call, so a rule holds whichever way a change arrives."""

from __future__ import annotations

import re
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from ninja import Query, Router, Status
from ninja.responses import codes_4xx

from fazhi.core import clock

from . import attachments as attachment_svc
from . import selectors, services
from .models import (
    ApiToken,
    AuditEvent,
    HolidayOverride,
    HolidaySchedule,
    Membership,
    OrgUnit,
    User,
)
from .paging import api_page
from .permissions import Forbidden, ServiceError, check_role
from .roles import AUDIT_READER_ROLES, RECORD_ROLES, TREE_READER_ROLES, Role
from .schemas import (
    MAX_ID,
    MAX_OFFSET,
    RECORD_REF_HELP,
    AttachmentList,
    AttachmentOut,
    AuditEventOut,
    AuditEventPage,
    ErrorOut,
    HolidayOverrideIn,
    HolidayOverrideOut,
    HolidayYearOut,
    Id,
    MembershipGrantIn,
    MembershipOut,
    MembershipPage,
    MeOut,
    TokenCreatedOut,
    TokenCreateIn,
    TokenOut,
    UnitCreateIn,
    UnitKind,
    UnitOut,
    UnitPage,
    UnitUpdateIn,
)
from .scoping import get_visible_or_404

router = Router()

# Who sees an org unit through the API: everyone who reads records of a subtree (a
# village cadre sees their village and its grids) and everyone who browses the tree.
UNIT_READ_ROLES = RECORD_ROLES | TREE_READER_ROLES
# Memberships name people: only those who browse the tree see them, as on the pages.
MEMBERSHIP_READ_ROLES = TREE_READER_ROLES
# Every staff role may hold personal tokens; residents only use the public pages.
TOKEN_ROLES = frozenset(r for r in Role if r != Role.RESIDENT)

MAX_PAGE = 200
Limit = Query(50, ge=1, le=MAX_PAGE, description=f"每页条数(不超过{MAX_PAGE})")
Offset = Query(0, ge=0, le=MAX_OFFSET)
ERRORS = {codes_4xx: ErrorOut}


def _units(user):
    return OrgUnit.objects.visible_to(user, UNIT_READ_ROLES)


def _unit_field(user, unit_id: int, field: str) -> OrgUnit:
    """A unit named in a request body: one the user cannot see reads as "not found" on
    that field, never as a hint that it exists elsewhere."""
    unit = _units(user).filter(pk=unit_id).first()
    if unit is None:
        raise ServiceError("单位不存在或无权查看", errors={field: ["单位不存在或无权查看"]})
    return unit


# --- who am I ------------------------------------------------------------------------


@router.get("/me", response={200: MeOut, **ERRORS}, tags=["当前用户"], summary="当前用户及其任职")
def me(request):
    user = request.auth
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.full_name,
        "memberships": user.active_memberships(),
    }


# --- org units ------------------------------------------------------------------------


@router.get(
    "/org-units", response={200: UnitPage, **ERRORS}, tags=["组织机构"], summary="可见的组织单位"
)
def unit_list(
    request,
    kind: UnitKind | None = None,
    parent_id: Id | None = None,
    q: str = Query("", description="行政区划代码前缀", max_length=15),
    limit: int = Limit,
    offset: int = Offset,
):
    qs = _units(request.auth).order_by("code")
    if kind:
        qs = qs.filter(kind=kind)
    if parent_id is not None:
        qs = qs.filter(parent_id=parent_id)
    if q:
        qs = qs.filter(code__startswith=q)
    return api_page(qs, offset, limit)


@router.get(
    "/org-units/{unit_id}",
    response={200: UnitOut, **ERRORS},
    tags=["组织机构"],
    summary="一个组织单位",
)
def unit_detail(request, unit_id: Id):
    return get_visible_or_404(OrgUnit.objects, request.auth, UNIT_READ_ROLES, pk=unit_id)


@router.post(
    "/org-units", response={201: UnitOut, **ERRORS}, tags=["组织机构"], summary="新增组织单位"
)
def unit_create(request, payload: UnitCreateIn):
    user = request.auth
    parent = _unit_field(user, payload.parent_id, "parent_id") if payload.parent_id else None
    unit = services.org_unit_create(
        actor=user,
        parent=parent,
        kind=payload.kind.value,
        code=payload.code,
        name=payload.name,
        short_name=payload.short_name,
    )
    return Status(201, unit)


@router.patch(
    "/org-units/{unit_id}",
    response={200: UnitOut, **ERRORS},
    tags=["组织机构"],
    summary="修改组织单位(名称、简称、启用)",
)
def unit_update(request, unit_id: Id, payload: UnitUpdateIn):
    unit = get_visible_or_404(OrgUnit.objects, request.auth, UNIT_READ_ROLES, pk=unit_id)
    return services.org_unit_update(
        actor=request.auth,
        unit=unit,
        name=unit.name if payload.name is None else payload.name,
        short_name=unit.short_name if payload.short_name is None else payload.short_name,
        is_active=unit.is_active if payload.is_active is None else payload.is_active,
    )


# --- memberships ------------------------------------------------------------------------


def _memberships(user):
    return Membership.objects.visible_to(user, MEMBERSHIP_READ_ROLES).select_related(
        "user", "org_unit"
    )


@router.get(
    "/memberships", response={200: MembershipPage, **ERRORS}, tags=["任职"], summary="可见的任职"
)
def membership_list(
    request,
    org_unit_id: Id | None = None,
    role: Role | None = None,
    include_ended: bool = Query(False, description="是否包括已终止的任职"),
    limit: int = Limit,
    offset: int = Offset,
):
    qs = _memberships(request.auth).order_by("org_unit__code", "role", "id")
    if not include_ended:
        qs = qs.filter(is_active=True)
    if org_unit_id is not None:
        qs = qs.filter(org_unit_id=org_unit_id)
    if role:
        qs = qs.filter(role=role)
    return api_page(qs, offset, limit)


@router.post(
    "/memberships", response={201: MembershipOut, **ERRORS}, tags=["任职"], summary="分配角色"
)
def membership_grant(request, payload: MembershipGrantIn):
    actor = request.auth
    user = User.objects.filter(pk=payload.user_id, is_active=True).first()
    if user is None:
        raise ServiceError("用户不存在或已停用", errors={"user_id": ["用户不存在或已停用"]})
    unit = _unit_field(actor, payload.org_unit_id, "org_unit_id")
    membership = services.membership_grant(
        actor=actor, user=user, org_unit=unit, role=payload.role.value, title=payload.title
    )
    return Status(201, membership)


@router.post(
    "/memberships/{membership_id}/end",
    response={200: MembershipOut, **ERRORS},
    tags=["任职"],
    summary="终止任职",
)
def membership_end(request, membership_id: Id):
    membership = get_visible_or_404(
        _memberships(request.auth), request.auth, MEMBERSHIP_READ_ROLES, pk=membership_id
    )
    ended = services.membership_end(actor=request.auth, membership=membership)
    ended.user = membership.user  # already loaded: no extra query for the response
    return ended


# --- holidays -----------------------------------------------------------------------------


@router.get(
    "/holidays",
    response={200: HolidayYearOut, **ERRORS},
    tags=["节假日"],
    summary="某年的节假日调整及官方安排是否已知",
)
def holidays(request, year: int | None = Query(None, ge=2000, le=2100, description="默认今年")):
    from .deadlines import schedule_known  # lazily: deadlines reads this module's models

    year = year or clock.today().year
    schedule = HolidaySchedule.objects.filter(year=year).first()
    return {
        "year": year,
        "schedule_known": schedule_known(year),
        "source": schedule.source if schedule else "",
        "overrides": list(HolidayOverride.objects.filter(date__year=year).order_by("date")),
    }


@router.post(
    "/holidays/overrides",
    response={200: HolidayOverrideOut, **ERRORS},
    tags=["节假日"],
    summary="设置某一天放假或调休上班(系统管理员)",
)
def holiday_override_set(request, payload: HolidayOverrideIn):
    return services.holiday_override_set(
        actor=request.auth, day=payload.date, is_workday=payload.is_workday, name=payload.name
    )


# --- audit trail ------------------------------------------------------------------------------


@router.get(
    "/audit-events",
    response={200: AuditEventPage, **ERRORS},
    tags=["审计"],
    summary="审计日志(审计管理员),按编号倒序分页",
)
def audit_events(
    request,
    verb: str = Query("", max_length=64, description="操作(前缀匹配)"),
    actor_name: str = Query("", max_length=150),
    object_type: str = Query("", max_length=64),
    date_from: date | None = None,
    date_to: date | None = None,
    before_id: int | None = Query(None, ge=1, le=MAX_ID, description="上一页返回的 next_before_id"),
    limit: int = Limit,
):
    check_role(request.auth, AUDIT_READER_ROLES, "只有审计管理员可以查看审计日志")
    # Keyset paging by id: the trail only grows, and OFFSET would scan it from the top.
    events = list(
        selectors.audit_event_list(
            verb=verb,
            actor_name=actor_name,
            object_type=object_type,
            date_from=date_from,
            date_to=date_to,
            before_id=before_id,
            limit=limit + 1,
        )
    )
    more = len(events) > limit
    events = events[:limit]
    return {"items": events, "next_before_id": events[-1].id if more else None}


@router.get(
    "/audit-events/{event_id}",
    response={200: AuditEventOut, **ERRORS},
    tags=["审计"],
    summary="一条审计事件(审计管理员)",
)
def audit_event(request, event_id: Id):
    check_role(request.auth, AUDIT_READER_ROLES, "只有审计管理员可以查看审计日志")
    event = AuditEvent.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


# --- personal API tokens ------------------------------------------------------------------------


@router.get(
    "/tokens", response={200: list[TokenOut], **ERRORS}, tags=["API令牌"], summary="我的API令牌"
)
def token_list(request):
    check_role(request.auth, TOKEN_ROLES, "无权使用API令牌")
    return list(ApiToken.objects.filter(user=request.auth).order_by("-created_at"))


@router.post(
    "/tokens",
    response={201: TokenCreatedOut, **ERRORS},
    tags=["API令牌"],
    summary="新建API令牌(令牌只返回这一次)",
)
def token_create(request, payload: TokenCreateIn):
    check_role(request.auth, TOKEN_ROLES, "无权使用API令牌")
    if getattr(request, "api_token", None) is not None:
        # A leaked token must not be able to mint itself successors.
        raise Forbidden("不能用API令牌创建新令牌,请登录后创建")
    token, raw = services.api_token_create(actor=request.auth, name=payload.name)
    token.token = raw
    return Status(201, token)


@router.post(
    "/tokens/{token_id}/revoke",
    response={200: TokenOut, **ERRORS},
    tags=["API令牌"],
    summary="撤销API令牌",
)
def token_revoke(request, token_id: Id):
    actor = request.auth
    qs = ApiToken.objects.all()
    if not actor.has_role(Role.SECURITY_ADMIN):  # the security admin may revoke anyone's
        qs = qs.filter(user=actor)
    token = qs.filter(pk=token_id).first()
    if token is None:
        raise Http404
    return services.api_token_revoke(actor=actor, token=token)


# --- attachments ----------------------------------------------------------------------------
# The same services as the pages' upload form (content, size and structure inspected before
# anything is stored) and the same scoping: a record one may not see is "not found".

RECORD_REF = re.compile(r"^([a-z][a-z0-9_]{0,99})\.([a-z][a-z0-9_]{0,99}):([1-9][0-9]{0,18})$")
RECORD_REF_FORMAT = "记录格式应为“应用.模型:编号”,如 inspections.finding:12"
NOT_ATTACHABLE = "该类记录不能添加附件"
MALFORMED_UPLOAD = "上传内容无法解析:请以 multipart/form-data 提交 record 与 file"
RecordQuery = Query(..., max_length=200, description=RECORD_REF_HELP)
# The upload's body, described for the API docs. The view reads the form itself: a body
# that is not valid multipart must be a 400 in Chinese, and ninja's form parsing would let
# Django's MultiPartParserError through as a 500.
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["record", "file"],
                    "properties": {
                        "record": {
                            "type": "string",
                            "maxLength": 200,
                            "title": "记录",
                            "description": RECORD_REF_HELP,
                        },
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "title": "文件",
                            "description": "经内容、大小和结构检查后保存",
                        },
                    },
                }
            }
        },
    }
}


def _record(user, ref: str):
    """The record `ref` names ("inspections.finding:12"), if the user may see it. A
    malformed reference or a kind of record that takes no files is a 400 on `record`; a
    record that does not exist or lies outside the user's scope is a 404."""
    match = RECORD_REF.match(ref.strip())
    if match is None or int(match[3]) > MAX_ID:
        raise ServiceError(RECORD_REF_FORMAT, errors={"record": [RECORD_REF_FORMAT]})
    app_label, model, object_id = match[1], match[2], int(match[3])
    try:
        ct = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        ct = None
    if ct is None or attachment_svc.scoped_manager(ct.model_class()) is None:
        raise ServiceError(NOT_ATTACHABLE, errors={"record": [NOT_ATTACHABLE]})
    return attachment_svc.record_for(user, ct.pk, object_id)


@router.post(
    "/attachments",
    response={201: AttachmentOut, **ERRORS},
    tags=["附件"],
    url_name="attachment_upload_api",
    summary="上传附件(multipart/form-data:record 与 file)",
    openapi_extra=UPLOAD_BODY,
)
def attachment_upload(request):
    check_role(request.auth, attachment_svc.ATTACHER_ROLES, "无权上传附件")
    try:
        record, upload = request.POST.get("record"), request.FILES.get("file")
    except RequestDataTooBig:
        raise ServiceError("上传内容过大", code="too_large") from None
    except (MultiPartParserError, SuspiciousOperation):
        raise ServiceError(MALFORMED_UPLOAD, code="malformed_body") from None
    errors = {}
    if not (record or "").strip():
        errors["record"] = ["请指明附件所属的记录:" + RECORD_REF_FORMAT]
    elif len(record) > 200:
        errors["record"] = [RECORD_REF_FORMAT]
    if upload is None:
        errors["file"] = ["请选择要上传的文件"]
    if errors:
        raise ServiceError("提交的数据不符合要求", errors=errors, code="validation_error")
    target = _record(request.auth, record)
    attachment = attachment_svc.attachment_add(
        actor=request.auth, record=target, uploaded_file=upload
    )
    return Status(201, attachment)


@router.get(
    "/attachments",
    response={200: AttachmentList, **ERRORS},
    tags=["附件"],
    url_name="attachments_list",
    summary="一条记录的附件,新上传的在前",
)
def attachments_list(request, record: str = RecordQuery):
    check_role(request.auth, attachment_svc.DOWNLOADER_ROLES, "无权查看附件")
    target = _record(request.auth, record)
    items = list(attachment_svc.attachments_for(target).select_related("content_type"))
    return {"record": record.strip(), "count": len(items), "items": items}


@router.delete(
    "/attachments/{attachment_id}",
    response={204: None, **ERRORS},
    tags=["附件"],
    url_name="attachment_delete",
    summary="删除附件(上传人或本单位法治办;记录锁定其附件时拒绝)",
)
def attachment_delete(request, attachment_id: Id):
    check_role(request.auth, attachment_svc.ATTACHER_ROLES, "无权删除附件")
    attachment = attachment_svc.attachment_visible_or_404(request.auth, attachment_id)
    attachment_svc.attachment_remove(actor=request.auth, attachment=attachment)
    return Status(204, None)
