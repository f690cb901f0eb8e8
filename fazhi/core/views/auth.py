"""Login and logout, with the per-username lock (django-axes) and a per-IP throttle."""


from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import path

from fazhi.core import clock

from ..middleware import client_ip

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
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
