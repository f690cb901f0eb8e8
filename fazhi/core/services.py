"""Every write to the core records: org units, memberships, accounts, holidays, tokens.

Each service is keyword-only, runs in one transaction, checks who may do it and in
which unit, validates, writes and records an audit event (architecture rule 1)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core import clock

from . import audit, pii, selectors
from .models import ApiToken, HolidayOverride, HolidaySchedule, Membership, OrgUnit, User
from .permissions import Forbidden, ServiceError, check_role
from .roles import (
    ADMIN_ROLES,
    BUSINESS_ROLES,
    HOLIDAY_ROLES,
    MEMBERSHIP_MANAGER_ROLES,
    ROLE_UNIT_KINDS,
    UNIT_MANAGER_ROLES,
    Role,
)
from .scoping import unit_in_scope
from .validators import PARENT_KINDS, validate_id_number, validate_org_code, validate_phone
from .xlsx import Ledger, export_ledger


def _snapshot(obj, fields) -> dict:
    return {f: getattr(obj, f) for f in fields}


# --- org units ----------------------------------------------------------------

UNIT_FIELDS = ("kind", "code", "name", "short_name", "parent_id", "is_active")


def _check_unit_manager(actor, unit: OrgUnit | None) -> None:
    check_role(actor, UNIT_MANAGER_ROLES, "无权维护组织机构")
    if unit is None or not unit_in_scope(actor, unit, UNIT_MANAGER_ROLES):
        raise Forbidden("只能维护本单位及下级单位")


def org_unit_create(
    *, actor, parent: OrgUnit | None, kind: str, code: str, name: str, short_name: str = ""
) -> OrgUnit:
    """Add a unit under `parent` (a county has no parent and only the system
    administrator adds one)."""
    with transaction.atomic():
        if parent is None:
            check_role(actor, {Role.SYS_ADMIN}, "只有系统管理员可以新增县级单位")
            if kind != OrgUnit.Kind.COUNTY:
                raise ServiceError("只有县级单位可以没有上级单位", errors={"parent": ["请选择上级单位"]})
        else:
            _check_unit_manager(actor, parent)
            if parent.kind not in PARENT_KINDS.get(kind, set()):
                raise ServiceError(
                    f"{OrgUnit.Kind(parent.kind).label}下不能设立{dict(OrgUnit.Kind.choices).get(kind, kind)}",
                    errors={"kind": ["单位类型与上级单位不匹配"]},
                )
        try:
            code = validate_org_code(kind, code, parent.code if parent else None)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], errors={"code": exc.messages}) from exc
        name = (name or "").strip()
        if not name:
            raise ServiceError("请填写单位名称", errors={"name": ["请填写单位名称"]})
        if OrgUnit.objects.filter(code=code).exists():
            raise ServiceError("该行政区划代码已被使用", errors={"code": ["该代码已存在"]})
        unit = OrgUnit.objects.create(
            parent=parent, kind=kind, code=code, name=name, short_name=short_name.strip()
        )
        audit.record(verb="org_unit.create", actor=actor, obj=unit, org_unit=unit,
                     changes=audit.diff({}, _snapshot(unit, UNIT_FIELDS)))
    return unit


def org_unit_update(*, actor, unit: OrgUnit, name: str, short_name: str, is_active: bool) -> OrgUnit:
    """Rename or (de)activate a unit. Codes never change: records hang off them."""
    with transaction.atomic():
        unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
        _check_unit_manager(actor, unit)
        name = (name or "").strip()
        if not name:
            raise ServiceError("请填写单位名称", errors={"name": ["请填写单位名称"]})
        before = _snapshot(unit, UNIT_FIELDS)
        unit.name, unit.short_name, unit.is_active = name, (short_name or "").strip(), is_active
        unit.save(update_fields=["name", "short_name", "is_active"])
        audit.record(verb="org_unit.update", actor=actor, obj=unit, org_unit=unit,
                     changes=audit.diff(before, _snapshot(unit, UNIT_FIELDS)))
    return unit


# --- people and memberships -----------------------------------------------------

def _set_pii(user: User, *, id_number: str | None, phone: str | None) -> None:
    errors: dict[str, list[str]] = {}
    if id_number is not None:
        if id_number.strip():
            try:
                user.id_number = validate_id_number(id_number)
            except ValidationError as exc:
                errors["id_number"] = exc.messages
        else:
            user.id_number = ""
        user.id_number_hash = pii.keyed_hash(user.id_number)
    if phone is not None:
        if phone.strip():
            try:
                user.phone = validate_phone(phone)
            except ValidationError as exc:
                errors["phone"] = exc.messages
        else:
            user.phone = ""
        user.phone_hash = pii.keyed_hash(user.phone)
    if errors:
        raise ServiceError("个人信息格式不正确", errors=errors)


def user_create(
    *, actor, username: str, full_name: str, password: str, id_number: str = "", phone: str = "",
    must_change_password: bool = True, password_hash: str = "",
) -> User:
    """Create an account (memberships are granted separately). The initial password was
    chosen by someone else, so by default its owner must change it at first login (等保).
    `password_hash`: `make_password(password)` computed once by a caller that creates many
    accounts with one password (the demo), sparing half a second of hashing per account;
    the password is still checked against the policy."""
    check_role(actor, MEMBERSHIP_MANAGER_ROLES | {Role.SYS_ADMIN}, "无权创建账号")
    return _user_create(actor=actor, username=username, full_name=full_name, password=password,
                        id_number=id_number, phone=phone,
                        must_change_password=must_change_password, password_hash=password_hash)


def _user_create(*, actor, username, full_name, password, id_number="", phone="",
                 must_change_password=False, password_hash="") -> User:
    with transaction.atomic():
        username = (username or "").strip()
        if not username:
            raise ServiceError("请填写用户名", errors={"username": ["请填写用户名"]})
        # Case-blind: "Officer" beside "officer" would pass for the same person in the
        # audit trail and on every page that names an actor.
        if User.objects.filter(username__iexact=username).exists():
            raise ServiceError("该用户名已被使用", errors={"username": ["该用户名已被使用"]})
        user = User(username=username, full_name=(full_name or "").strip(),
                    must_change_password=must_change_password)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ServiceError("密码不符合要求", errors={"password": exc.messages}) from exc
        _set_pii(user, id_number=id_number, phone=phone)
        if password_hash:
            user.password = password_hash
        else:
            user.set_password(password)
        user.save()
        audit.record(verb="user.create", actor=actor, obj=user,
                     changes={"username": username, "full_name": user.full_name})
    return user


def membership_grant(*, actor, user: User, org_unit: OrgUnit, role: str, title: str = "") -> Membership:
    """Give `user` a role in `org_unit`, within the actor's scope and the role rules."""
    with transaction.atomic():
        if role not in Role.values:
            raise ServiceError("未知的角色", errors={"role": ["未知的角色"]})
        check_role(actor, MEMBERSHIP_MANAGER_ROLES, "无权分配角色")
        if not unit_in_scope(actor, org_unit, MEMBERSHIP_MANAGER_ROLES):
            raise Forbidden("只能为本单位及下级单位分配角色")
        if role in ADMIN_ROLES and not actor.has_role(Role.SECURITY_ADMIN):
            raise Forbidden("管理员角色只能由安全管理员分配")
        if org_unit.kind not in ROLE_UNIT_KINDS[Role(role)]:
            allowed = "、".join(OrgUnit.Kind(k).label for k in sorted(ROLE_UNIT_KINDS[Role(role)]))
            raise ServiceError(
                f"{Role(role).label}只能设在{allowed}", errors={"org_unit": ["单位类型与角色不匹配"]}
            )
        if user.pk == actor.pk:
            # Any role, not only administrator roles: a security administrator who made
            # themselves 县级督导 would read every record and unmask personal data.
            raise Forbidden("不能给自己分配角色")
        held = set(user.memberships.filter(is_active=True).values_list("role", flat=True))
        if (role in ADMIN_ROLES and held & BUSINESS_ROLES) or (
            role in BUSINESS_ROLES and held & ADMIN_ROLES
        ):
            raise ServiceError("管理员不得兼任业务角色(三权分立、最小权限)",
                               errors={"role": ["该用户已担任管理员或业务角色"]})
        if role in ADMIN_ROLES and (held & ADMIN_ROLES) - {role}:
            raise ServiceError("系统、安全、审计管理员须由不同人员担任(三权分立)",
                               errors={"role": ["该用户已担任其他管理员角色"]})
        existing = Membership.objects.filter(user=user, org_unit=org_unit, role=role).first()
        if existing and existing.is_active:
            raise ServiceError("该用户已在此单位担任该角色", errors={"role": ["已存在"]})
        try:
            if existing:
                existing.is_active, existing.title = True, title
                existing.save(update_fields=["is_active", "title"])
                membership = existing
            else:
                membership = Membership.objects.create(
                    user=user, org_unit=org_unit, role=role, title=title
                )
        except IntegrityError as exc:
            raise ServiceError("该用户已在此单位担任该角色") from exc
        audit.record(verb="membership.grant", actor=actor, obj=membership, org_unit=org_unit,
                     changes={"user": user.username, "role": role, "title": title})
    return membership


def membership_end(*, actor, membership: Membership) -> Membership:
    with transaction.atomic():
        membership = Membership.objects.select_for_update().select_related("org_unit").get(
            pk=membership.pk
        )
        check_role(actor, MEMBERSHIP_MANAGER_ROLES, "无权变更角色")
        if not unit_in_scope(actor, membership.org_unit, MEMBERSHIP_MANAGER_ROLES):
            raise Forbidden("只能变更本单位及下级单位的角色")
        if membership.role in ADMIN_ROLES and not actor.has_role(Role.SECURITY_ADMIN):
            raise Forbidden("管理员角色只能由安全管理员变更")
        if not membership.is_active:
            raise ServiceError("该任职已经终止")
        membership.is_active = False
        membership.save(update_fields=["is_active"])
        audit.record(verb="membership.end", actor=actor, obj=membership,
                     org_unit=membership.org_unit,
                     changes={"is_active": {"before": True, "after": False}})
    return membership


# --- holidays ---------------------------------------------------------------------

def holiday_schedule_enter(
    *, actor, year: int, source: str, holidays: list[tuple[date, str]], workdays: list[tuple[date, str]]
) -> HolidaySchedule:
    """Enter a year's official schedule: its holidays and its 调休 working weekends."""
    check_role(actor, HOLIDAY_ROLES, "只有系统管理员可以维护节假日安排")
    with transaction.atomic():
        if not (2000 <= year <= 2100):
            raise ServiceError("年份不正确", errors={"year": ["年份应在2000至2100之间"]})
        if not (source or "").strip():
            raise ServiceError("请填写依据文件", errors={"source": ["请填写国务院办公厅通知文号"]})
        days = [(d, n, False) for d, n in holidays] + [(d, n, True) for d, n in workdays]
        wrong = [d for d, _, _ in days if d.year != year]
        if wrong:
            raise ServiceError(f"日期 {wrong[0]} 不在{year}年内", errors={"days": ["日期须在所选年份内"]})
        if len({d for d, _, _ in days}) != len(days):
            raise ServiceError("同一日期不能既放假又上班", errors={"days": ["日期重复"]})
        schedule, _ = HolidaySchedule.objects.update_or_create(year=year, defaults={"source": source})
        HolidayOverride.objects.filter(date__year=year).delete()
        HolidayOverride.objects.bulk_create(
            HolidayOverride(date=d, name=n, is_workday=w) for d, n, w in days
        )
        audit.record(verb="holiday.schedule_enter", actor=actor, obj=schedule,
                     changes={"year": year, "source": source,
                              "holidays": [str(d) for d, _ in holidays],
                              "workdays": [str(d) for d, _ in workdays]})
    return schedule


def holiday_override_set(*, actor, day: date, is_workday: bool, name: str) -> HolidayOverride:
    """Correct one day of the calendar (e.g. a late change to the official schedule)."""
    check_role(actor, HOLIDAY_ROLES, "只有系统管理员可以维护节假日安排")
    with transaction.atomic():
        before = HolidayOverride.objects.filter(date=day).first()
        override, _ = HolidayOverride.objects.update_or_create(
            date=day, defaults={"is_workday": is_workday, "name": (name or "").strip()}
        )
        audit.record(verb="holiday.override_set", actor=actor, obj=override,
                     changes={"date": str(day),
                              "is_workday": {"before": before.is_workday if before else None,
                                             "after": is_workday}})
    return override


def holiday_override_delete(*, actor, override: HolidayOverride) -> None:
    check_role(actor, HOLIDAY_ROLES, "只有系统管理员可以维护节假日安排")
    with transaction.atomic():
        audit.record(verb="holiday.override_delete", actor=actor, obj=override,
                     changes={"date": str(override.date), "is_workday": override.is_workday})
        override.delete()


# --- personal API tokens ------------------------------------------------------------

def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """Create a token for the actor; the raw token is returned once and never stored."""
    # Staff only: a resident's account (or any caller other than the pages) gets no token.
    check_role(actor, [r for r in Role if r != Role.RESIDENT], "无权使用API令牌")
    name = (name or "").strip()
    if not name:
        raise ServiceError("请填写令牌用途", errors={"name": ["请填写令牌用途"]})
    if len(name) > 64:
        raise ServiceError("令牌用途不能超过64个字", errors={"name": ["不能超过64个字"]})
    raw = "fz_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=actor, name=name, prefix=raw[:10], token_hash=token_hash(raw))
        audit.record(verb="api_token.create", actor=actor, obj=token, changes={"name": name})
    return token, raw


def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.user_id != actor.pk and not actor.has_role(Role.SECURITY_ADMIN):
            raise Forbidden("只能撤销自己的令牌")
        if token.revoked_at:
            raise ServiceError("该令牌已撤销")
        token.revoked_at = clock.wall_now()
        token.save(update_fields=["revoked_at"])
        audit.record(verb="api_token.revoke", actor=actor, obj=token)
    return token


AUDIT_EXPORT_LIMIT = 50_000
AUDIT_HEADERS = ["编号", "时间", "操作人", "操作", "对象类型", "对象编号", "对象", "单位", "结果",
                 "IP地址", "哈希"]  # fmt: skip


def audit_export(*, actor, filters: dict) -> Ledger:
    """The filtered audit events as an .xlsx ledger (newest 50,000 at most); the export is
    itself an audit event. The view checks the audit administrator's role."""
    events = selectors.audit_event_list(**filters, limit=AUDIT_EXPORT_LIMIT)
    rows = (
        (e.pk, timezone.localtime(e.occurred_at).strftime("%Y-%m-%d %H:%M:%S"), e.actor_name,
         e.verb, e.object_type, e.object_id, e.object_repr,
         e.org_unit.name if e.org_unit else "", e.get_result_display(), e.ip, e.hash)
        for e in events
    )  # fmt: skip
    return export_ledger(
        actor=actor,
        verb="audit.export",
        name="审计日志-",
        sheets=[("审计日志", AUDIT_HEADERS, rows)],
        counts={},
        filters={"filters": {k: str(v) for k, v in filters.items()}},
    )
