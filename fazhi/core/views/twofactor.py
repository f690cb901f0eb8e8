"""Two-factor login pages: a staff member's own status, enrolment and recovery codes;
the security administrator's list of enrolled accounts and the reset.

Recovery codes are shown in the response to the form that made them, never redirected
through the session (like new API tokens)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from .. import twofactor
from ..middleware import TWO_FACTOR_SESSION_KEY
from ..paging import page_of
from ..permissions import ServiceError, role_required
from ..roles import ALL_STAFF_ROLES, Role

PER_PAGE = 50


def _codes_page(request, codes, *, first_time):
    return render(
        request,
        "core/twofactor/recovery_codes.html",
        {"codes": [f"{c[:4]}-{c[4:]}" for c in codes], "first_time": first_time},
    )


@role_required(*ALL_STAFF_ROLES)
def twofactor_status(request):
    user = request.user
    return render(
        request,
        "core/twofactor/status.html",
        {
            "enrolled": twofactor.is_enrolled(user),
            "required": twofactor.is_required(user),
            "codes_left": twofactor.recovery_codes_left(user),
            "count": twofactor.RECOVERY_CODE_COUNT,
        },
    )


@role_required(*ALL_STAFF_ROLES)
def twofactor_enrol(request):
    user = request.user
    if twofactor.is_enrolled(user):
        messages.info(request, "您已绑定手机验证器")
        return redirect("core:twofactor_status")
    device = twofactor.enrolment_start(actor=user)
    error = ""
    if request.method == "POST":
        try:
            device, codes = twofactor.enrolment_confirm(
                actor=user, code=request.POST.get("code", "")
            )
        except ServiceError as exc:
            error = exc.message
        else:
            otp_login(request, device)  # this session now holds the second factor
            if request.session.get(TWO_FACTOR_SESSION_KEY) is None:
                request.session[TWO_FACTOR_SESSION_KEY] = (
                    "required" if twofactor.is_required(user) else "none"
                )
            messages.success(request, "手机验证器绑定成功")
            return _codes_page(request, codes, first_time=True)
    return render(
        request,
        "core/twofactor/enrol.html",
        {
            "qr": mark_safe(twofactor.qr_svg(device)),  # SVG drawn by segno from our own data
            "secret": twofactor.secret_of(device),
            "required": twofactor.is_required(user),
            "error": error,
            "count": twofactor.RECOVERY_CODE_COUNT,
        },
        status=400 if error else 200,
    )


@require_POST
@role_required(*ALL_STAFF_ROLES)
def recovery_codes_regenerate(request):
    try:
        codes = twofactor.recovery_codes_regenerate(actor=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("core:twofactor_status")
    return _codes_page(request, codes, first_time=False)


@role_required(Role.SECURITY_ADMIN)
def twofactor_users(request):
    users = twofactor.enrolled_users(request.user)
    page = page_of(users, request.GET.get("page"), PER_PAGE)
    return render(request, "core/twofactor/users.html", {"page": page})


@require_POST
@role_required(Role.SECURITY_ADMIN)
def twofactor_reset(request, pk):
    user = twofactor.account_for_reset(request.user, pk)
    try:
        twofactor.twofactor_reset(actor=request.user, user=user)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"已重置 {user.full_name or user.username} 的双因素认证,对方下次登录时重新绑定"
        )
    return redirect("core:twofactor_users")


urlpatterns = [
    path("2fa/", twofactor_status, name="twofactor_status"),
    path("2fa/enrol/", twofactor_enrol, name="twofactor_enrol"),
    path("2fa/recovery/", recovery_codes_regenerate, name="recovery_codes_regenerate"),
    path("security/twofactor/", twofactor_users, name="twofactor_users"),
    path("security/twofactor/<int:pk>/reset/", twofactor_reset, name="twofactor_reset"),
]
