"""Role checks for views and services. Scope (which unit) is `scoping`'s job; this
module answers only "may a person with these roles use this page at all"."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class ServiceError(Exception):
    """A refusal from a service, with a Chinese message for the user and per-field errors."""

    def __init__(self, message: str, *, errors: dict | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.code = code


class Forbidden(ServiceError):
    def __init__(self, message: str = "无权执行此操作"):
        super().__init__(message, code="forbidden")


def check_role(user, roles, message: str = "无权执行此操作") -> None:
    if not (user and user.is_authenticated and user.has_role(*roles)):
        raise Forbidden(message)


def role_required(*roles):
    """View decorator: anonymous → login page; a user without any of `roles` → 403."""
    role_set = set(roles)

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(*role_set):
                raise PermissionDenied("无权访问此页面")
            return view(request, *args, **kwargs)

        wrapped.required_roles = frozenset(role_set)
        return wrapped

    return decorator
