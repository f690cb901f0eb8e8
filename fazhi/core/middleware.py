"""Request context for the audit trail, and security headers Django does not set."""

from __future__ import annotations

import contextvars
import uuid

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
        token = _ctx.set({"ip": client_ip(request), "request_id": request.request_id})
        try:
            response = self.get_response(request)
        finally:
            _ctx.reset(token)
        response["X-Request-ID"] = request.request_id
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
