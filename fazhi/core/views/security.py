"""The security administrator's page: accounts locked by failed logins, and unlocking."""

from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from .. import audit
from ..permissions import role_required
from ..roles import Role
from ..selectors import locked_attempts


@role_required(Role.SECURITY_ADMIN)
def locked_accounts(request):
    attempts = [
        {"username": a.username, "ip": a.ip_address, "failures": a.failures_since_start,
         "until": a.attempt_time + settings.AXES_COOLOFF_TIME}
        for a in locked_attempts()[:200]
    ]
    return render(request, "core/locked_accounts.html", {"attempts": attempts})


@require_POST
@role_required(Role.SECURITY_ADMIN)
def unlock_account(request):
    username = request.POST.get("username", "").strip()
    if not username:
        messages.error(request, "请指定要解锁的账号")
        return redirect("core:locked_accounts")
    if len(username) > 150 or "\x00" in username:  # no account has such a name
        messages.error(request, "账号名称无效")
        return redirect("core:locked_accounts")
    count = reset(username=username)
    audit.record(verb="auth.unlock", actor=request.user, object_type="user", object_id=username,
                 object_repr=username, changes={"reset_attempts": count})
    messages.success(request, f"已解锁账号 {username}")
    return redirect("core:locked_accounts")


urlpatterns = [
    path("security/locked/", locked_accounts, name="locked_accounts"),
    path("security/unlock/", unlock_account, name="unlock_account"),
]
