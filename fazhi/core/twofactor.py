"""Two-factor login (等保 2.0 三级, GB/T 22239-2019 8.1.4.1 d): a TOTP authenticator on
the person's phone as the second, cryptographic factor, ten single-use recovery codes,
and a reset that only the security administrator may make.

Who must use it: the three administrators always; every staff account when the county
switches on `core.two_factor_all_staff`. Residents are not staff and never need it.
Anyone on the staff may enrol voluntarily; once enrolled, their login asks for a code.

The devices are django-otp's (`TOTPDevice`, `StaticDevice` + `StaticToken`); this module
is the only writer of them, and every write is audited."""

from __future__ import annotations

import base64
import re

from django.db import transaction
from django.db.models import Q
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit, params
from .models import AuditEvent, User
from .permissions import ServiceError, check_role
from .roles import ADMIN_ROLES, Role

ALL_STAFF = params.define(
    "core.two_factor_all_staff",
    "全体工作人员启用双因素认证(1=启用,0=仅三员)",
    default=0,
    basis="GB/T 22239-2019 第8.1.4.1条d)款(两种或两种以上组合的鉴别技术);三员始终启用",
    minimum=0,
    maximum=1,
)

RECOVERY_CODE_COUNT = 10
ISSUER = "法治平台"
TOTP_NAME = "手机验证器"
RECOVERY_NAME = "恢复码"
RESET_ROLES = {Role.SECURITY_ADMIN}

WRONG_CODE = "验证码不正确或已过期:请输入手机验证器当前显示的6位数字,或一个未用过的恢复码。"
THROTTLED = "验证过于频繁,请等待几秒后再输入。"
CODE_MISSING = "请输入6位验证码或恢复码。"


# --- who must use it ------------------------------------------------------------------


def is_staff_member(user) -> bool:
    return any(m.role != Role.RESIDENT for m in user.active_memberships())


def is_required(user) -> bool:
    """The three administrators always; other staff when the county (or their town)
    switched `core.two_factor_all_staff` on."""
    memberships = [m for m in user.active_memberships() if m.role != Role.RESIDENT]
    if any(m.role in ADMIN_ROLES for m in memberships):
        return True
    return any(ALL_STAFF.value(m.org_unit) == 1 for m in memberships)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def secret_of(device: TOTPDevice) -> str:
    """The key as the base32 text an authenticator app accepts, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG, drawn here (segno): the secret never leaves
    the server for a QR web service."""
    import segno

    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title="双因素认证绑定二维码"
    )


# --- enrolment -------------------------------------------------------------------------


def enrolment_start(*, actor) -> TOTPDevice:
    """The person's unconfirmed authenticator (made once; a reload shows the same QR)."""
    if not is_staff_member(actor):
        raise ServiceError("只有工作人员可以绑定双因素认证")
    if is_enrolled(actor):
        raise ServiceError("已绑定手机验证器;如需更换,请联系安全管理员重置")
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        with transaction.atomic():
            device = TOTPDevice.objects.create(user=actor, name=TOTP_NAME, confirmed=False)
            audit.record(verb="twofactor.enrol", actor=actor, obj=actor)
    return device


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in sorted(codes))
    return sorted(codes)


def enrolment_confirm(*, actor, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the authenticator with a code it shows; returns the device and the ten
    recovery codes (shown once; django-otp keeps them to compare)."""
    code = normalise(code)
    if not code:
        raise ServiceError(CODE_MISSING, errors={"code": [CODE_MISSING]})
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        raise ServiceError("绑定已失效,请重新打开绑定页面扫描二维码")
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        raise ServiceError(THROTTLED, errors={"code": [THROTTLED]})
    if not (re.fullmatch(r"\d{6}", code) and device.verify_token(code)):
        audit.record(
            verb="twofactor.confirm", actor=actor, obj=actor, result=AuditEvent.Result.FAILURE
        )
        message = "验证码不正确:请输入手机验证器上当前显示的6位数字(注意手机时间要准确)。"
        raise ServiceError(message, errors={"code": [message]})
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(actor)
        audit.record(
            verb="twofactor.confirm",
            actor=actor,
            obj=actor,
            changes={"recovery_codes": [None, RECOVERY_CODE_COUNT]},
        )
    return device, codes


def recovery_codes_regenerate(*, actor) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    if not is_enrolled(actor):
        raise ServiceError("尚未绑定手机验证器,不能生成恢复码")
    with transaction.atomic():
        before = recovery_codes_left(actor)
        codes = _new_recovery_codes(actor)
        audit.record(
            verb="twofactor.recovery_regenerate",
            actor=actor,
            obj=actor,
            changes={"recovery_codes": [before, RECOVERY_CODE_COUNT]},
        )
    return codes


# --- the second login step -------------------------------------------------------------


def normalise(code: str) -> str:
    """What a person types: spaces and dashes dropped, letters lower case."""
    return re.sub(r"[\s\-]", "", str(code or "")).lower()[:32]


def verify(*, user, code: str):
    """The device that accepts `code` (the authenticator for six digits, else a recovery
    code, which is then used up), or a ServiceError. `throttled` in the error's code says
    the attempt was not checked at all (django-otp's growing delay after failures)."""
    code = normalise(code)
    if not code:
        raise ServiceError(CODE_MISSING, errors={"code": [CODE_MISSING]}, code="missing")
    if re.fullmatch(r"\d{6}", code):
        device = confirmed_device(user)
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise ServiceError(WRONG_CODE, errors={"code": [WRONG_CODE]}, code="wrong")
    # The row is locked so two racing requests cannot both use one code; the failure
    # count django-otp keeps for its delay is committed, then the refusal is raised.
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, _ = device.verify_is_allowed()
        accepted = allowed and device.verify_token(code)
        if accepted and isinstance(device, StaticDevice):
            left = device.token_set.count()
            audit.record(
                verb="twofactor.recovery_used",
                actor=user,
                obj=user,
                changes={"recovery_codes": [left + 1, left]},
            )
    if not allowed:
        raise ServiceError(THROTTLED, errors={"code": [THROTTLED]}, code="throttled")
    if not accepted:
        raise ServiceError(WRONG_CODE, errors={"code": [WRONG_CODE]}, code="wrong")
    return device


# --- reset by the security administrator ----------------------------------------------


def _scope_q(actor) -> Q:
    prefixes = [u.code for u in actor.units_for(RESET_ROLES)]
    q = Q(pk__in=[])
    for prefix in prefixes:
        q |= Q(memberships__org_unit__code__startswith=prefix)
    return q


def enrolled_users(actor):
    """Staff of the security administrator's county who hold an authenticator."""
    check_role(actor, RESET_ROLES, "只有安全管理员可以查看双因素认证绑定情况")
    ids = TOTPDevice.objects.values("user_id")
    return User.objects.filter(_scope_q(actor), pk__in=ids).distinct().order_by("username", "id")


def account_for_reset(actor, pk: int):
    """One account of the security administrator's county (404 outside it)."""
    from django.shortcuts import get_object_or_404

    check_role(actor, RESET_ROLES, "只有安全管理员可以重置双因素认证")
    return get_object_or_404(User.objects.filter(_scope_q(actor)).distinct(), pk=pk)


def twofactor_reset(*, actor, user) -> int:
    """Remove a person's authenticator and recovery codes (a lost phone); they enrol again
    at their next login. Returns how many devices were removed."""
    check_role(actor, RESET_ROLES, "只有安全管理员可以重置双因素认证")
    if user.pk == actor.pk:
        raise ServiceError("不能重置本人的双因素认证(三权分立:须由另一名安全管理员办理)")
    if not User.objects.filter(_scope_q(actor), pk=user.pk).exists():
        raise ServiceError("该账号不在本县范围内")
    with transaction.atomic():
        totp = TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
        static = StaticDevice.objects.filter(user=user)
        static_count = static.count()
        static.delete()
        if not totp and not static_count:
            raise ServiceError("该账号没有绑定双因素认证,无需重置")
        audit.record(
            verb="twofactor.reset",
            actor=actor,
            obj=user,
            changes={"devices": [totp + static_count, 0]},
        )
    return totp + static_count
