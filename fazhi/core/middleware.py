"""Request context for the audit trail, the idle timeout's session renewal, and security
headers Django does not set."""

from __future__ import annotations

import contextvars
import uuid

from . import clock
from .verbs import VERB_LABELS

_ctx: contextvars.ContextVar[dict | None] = contextvars.ContextVar("fazhi_request", default=None)


def current_request_context() -> dict:
    return _ctx.get() or {}


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


class RequestContextMiddleware:
    """Gives every request an id and remembers its IP for audit events."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = uuid.uuid4().hex[:16]
        # The method: core.epoch lets only a request that reads take what a worker remembers.
        token = _ctx.set(
            {"ip": client_ip(request), "request_id": request.request_id, "method": request.method}
        )
        try:
            response = self.get_response(request)
        finally:
            _ctx.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


# The idle timeout (SESSION_COOKIE_AGE, 30 minutes) restarts with activity, but renewing
# the session on every request would write the session row on every page view (on SQLite
# every request would queue for the write lock). Once a minute is enough: the timeout is
# then between 29 and 30 minutes of idleness.
RENEW_EVERY_SECONDS = 60


def mark_renewed(session) -> None:
    """The session's expiry was just (re)set: the next renewal is due a minute from now."""
    session["_renewed_at"] = int(clock.wall_now().timestamp())


class SessionRenewalMiddleware:
    """Renews a logged-in session's expiry at most once a minute (instead of
    SESSION_SAVE_EVERY_REQUEST)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(clock.wall_now().timestamp())
            if now - session.get("_renewed_at", 0) >= RENEW_EVERY_SECONDS:
                mark_renewed(session)  # modified: SessionMiddleware saves it
        return response


CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
    "form-action 'self'"
)


class SecurityHeadersMiddleware:
    """Content-Security-Policy (no third-party origins, ever) and a Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.user.is_authenticated if hasattr(request, "user") else False:
            response.setdefault("Cache-Control", "no-store")
        return response


class ApiMethodNotAllowedMiddleware:
    """django-ninja answers a wrong HTTP method with a bare 405; under /api/ every error
    has the one JSON body, so that one is rewritten here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and request.path.startswith("/api/"):
            import json

            from django.http import HttpResponse

            body = {"code": "method_not_allowed", "message": f"该接口不支持 {request.method} 请求",
                    "errors": {}}
            rewritten = HttpResponse(json.dumps(body, ensure_ascii=False), status=405,
                                     content_type="application/json; charset=utf-8")
            if response.has_header("Allow"):
                rewritten["Allow"] = response["Allow"]
            return rewritten
        return response


class PasswordChangeRequiredMiddleware:
    """Until a person replaces a password someone else chose, every page sends them to the
    password page (等保: initial passwords are changed at first login). The API is left
    alone: its tokens are made by the person, after they have logged in here."""

    ALLOWED = ("/password/", "/logout/", "/login/", "/static/", "/api/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.must_change_password
            and not request.path.startswith(self.ALLOWED)
        ):
            from django.shortcuts import redirect

            return redirect("password_change")
        return self.get_response(request)


# The two-factor state of a session that logged in through the login form
# (core.views.auth): "required" while the person must hold a verified second factor.
# Sessions made otherwise (the test client's force_login, a resident's self-registration)
# carry no mark; every password login of staff goes through the form (the admin's own
# login page redirects there), so the mark is always set where it matters.
TWO_FACTOR_SESSION_KEY = "fazhi_2fa"

# The Chinese names of the two-factor audit verbs (core.twofactor records them). They are
# registered here because this module is loaded with every process (core.audit imports it).
VERB_LABELS.update(
    {
        "twofactor.enrol": "开始绑定双因素认证",
        "twofactor.confirm": "确认绑定双因素认证",
        "twofactor.recovery_used": "使用恢复码登录",
        "twofactor.recovery_regenerate": "重新生成恢复码",
        "twofactor.reset": "重置双因素认证",
    }
)


class TwoFactorRequiredMiddleware:
    """A person who must use two-factor login (the three administrators; all staff when
    the county switched it on) and has no authenticator yet is sent to enrolment before
    anything else, like the password-change rule below; a session whose second factor
    is no longer valid (reset by the security administrator) ends."""

    ALLOWED = ("/logout/", "/login/", "/password/", "/static/", "/core/2fa/enrol/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (
            session is not None
            and session.get(TWO_FACTOR_SESSION_KEY) == "required"
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(self.ALLOWED)
            and not getattr(user, "is_verified", lambda: False)()
        ):
            return self._refuse(request, user)
        return self.get_response(request)

    @staticmethod
    def _refuse(request, user):
        from django.contrib.auth import logout
        from django.shortcuts import redirect
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # enrolled again since this session's factor was reset: log in with the new one
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            logout(request)
            return redirect("login")
        if request.path.startswith("/api/"):
            import json

            from django.http import HttpResponse

            body = {"code": "two_factor_required", "message": "请先在网页上绑定双因素认证",
                    "errors": {}}
            return HttpResponse(json.dumps(body, ensure_ascii=False), status=403,
                                content_type="application/json; charset=utf-8")
        return redirect("core:twofactor_enrol")
