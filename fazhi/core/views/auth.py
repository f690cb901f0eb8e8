"""Login and logout, with the per-username lock (django-axes), a per-IP throttle and the
second factor (core.twofactor: the code step at /login/code/)."""


from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import path

from fazhi.core import clock

from .. import twofactor  # declares core.two_factor_all_staff for the parameter page
from ..middleware import TWO_FACTOR_SESSION_KEY, client_ip

LOCKED_MESSAGE = "登录失败次数过多,账号已锁定30分钟,请稍后再试或联系安全管理员解锁。"
IP_THROTTLED_MESSAGE = "该地址登录失败次数过多,请30分钟后再试。"


def lockout_response(request, original_response=None, credentials=None):
    """What axes answers once a username is locked: the login page, with the reason."""
    from django.contrib.auth.forms import AuthenticationForm

    return render(
        request, "registration/login.html",
        {"form": AuthenticationForm(request), "locked": LOCKED_MESSAGE}, status=429,
    )


def _ip_throttled(request) -> bool:
    since = clock.wall_now() - settings.AXES_COOLOFF_TIME
    failures = AccessFailureLog.objects.filter(
        ip_address=client_ip(request) or None, attempt_time__gte=since
    ).count()
    return failures >= settings.FAZHI_IP_FAILURE_LIMIT


class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if _ip_throttled(request):
            from ..audit import record
            from ..models import AuditEvent

            record(verb="auth.login_throttled", actor_name=request.POST.get("username", "")[:150],
                   result=AuditEvent.Result.DENIED)
            form = self.get_form()
            return render(request, self.template_name,
                          {"form": form, "locked": IP_THROTTLED_MESSAGE}, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """The password was right. With an authenticator, the person is not logged in
        yet: the code step (/login/code/) finishes the login. Without one, they are
        logged in, and sent to enrolment first if two-factor login is required."""
        from django.shortcuts import redirect

        user = form.get_user()
        if twofactor.is_enrolled(user):
            self.request.session[PENDING_SESSION_KEY] = {
                "user": user.pk,
                "backend": user.backend,
                "at": int(clock.wall_now().timestamp()),
                "next": self.get_success_url(),
            }
            return redirect("login_code")
        response = super().form_valid(form)
        required = twofactor.is_required(user)
        self.request.session[TWO_FACTOR_SESSION_KEY] = "required" if required else "none"
        if required:
            return redirect("core:twofactor_enrol")
        return response


# The person who gave the right password and still owes the second factor (not logged in).
PENDING_SESSION_KEY = "fazhi_2fa_pending"
PENDING_SECONDS = 5 * 60
PENDING_EXPIRED = "验证已超时,请重新输入用户名和密码。"


def _pending_user(request):
    from ..models import User

    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending:
        return None, None
    if int(clock.wall_now().timestamp()) - pending["at"] > PENDING_SECONDS:
        del request.session[PENDING_SESSION_KEY]
        return None, None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def login_code(request):
    """The second login step: the 6-digit code of the authenticator, or a recovery code.
    A wrong code counts as a failed login for the account's lock (5 in 30 minutes), and
    the per-IP throttle applies as to passwords."""
    from axes.handlers.proxy import AxesProxyHandler
    from django.contrib.auth import login
    from django.contrib.auth.signals import user_login_failed
    from django.shortcuts import redirect
    from django.utils.http import url_has_allowed_host_and_scheme
    from django_otp import login as otp_login

    from ..permissions import ServiceError

    user, pending = _pending_user(request)
    if user is None:
        from django.contrib import messages

        messages.error(request, PENDING_EXPIRED)
        return redirect("login")
    context = {"step": "code", "username": user.username}
    if request.method != "POST":
        return render(request, "registration/login.html", context)
    credentials = {"username": user.username}
    if _ip_throttled(request):
        return render(request, "registration/login.html",
                      {**context, "locked": IP_THROTTLED_MESSAGE}, status=429)
    if AxesProxyHandler.is_locked(request, credentials):
        del request.session[PENDING_SESSION_KEY]
        return lockout_response(request)
    try:
        device = twofactor.verify(user=user, code=request.POST.get("code", ""))
    except ServiceError as exc:
        if exc.code == "wrong":
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                del request.session[PENDING_SESSION_KEY]
                request.axes_locked_out = False  # answered here, not again by AxesMiddleware
                return lockout_response(request)
        return render(request, "registration/login.html",
                      {**context, "code_error": exc.message}, status=400)
    del request.session[PENDING_SESSION_KEY]
    user.backend = pending["backend"]
    login(request, user)
    otp_login(request, device)
    request.session[TWO_FACTOR_SESSION_KEY] = (
        "required" if twofactor.is_required(user) else "none"
    )
    target = pending.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return redirect(target)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Everyone changes their own password (等保: users can change their password); the
    policy validators apply, the session stays valid, and the change is audited."""

    template_name = "registration/password_change.html"
    success_url = "/"

    def form_valid(self, form):
        from django.contrib import messages

        from ..audit import record

        response = super().form_valid(form)
        if self.request.user.must_change_password:
            self.request.user.must_change_password = False
            self.request.user.save(update_fields=["must_change_password"])
        record(verb="auth.password_change", actor=self.request.user, obj=self.request.user)
        messages.success(self.request, "密码已修改")
        return response


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("login/code/", login_code, name="login_code"),
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
