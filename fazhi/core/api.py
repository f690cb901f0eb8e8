"""The core API: who am I, the org tree and its memberships, the holiday calendar, the
audit trail and personal API tokens.

Reads are scoped with `visible_to` like the pages are; writes call the same services the
pages call, so a rule holds whichever way a change arrives."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.responses import codes_4xx

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
from .permissions import Forbidden, ServiceError, check_role
from .roles import AUDIT_READER_ROLES, RECORD_ROLES, TREE_READER_ROLES, Role
from .schemas import (
    MAX_ID,
    MAX_OFFSET,
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
    return {"count": qs.count(), "items": list(qs[offset : offset + limit])}


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
    return {"count": qs.count(), "items": list(qs[offset : offset + limit])}


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

    year = year or timezone.localdate().year
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
        selectors.audit_events(
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
