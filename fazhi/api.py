"""The API at /api/v1/: assembles each app's ninja Router, authenticates, and turns every
error into one JSON body: {"code": "...", "message": "<中文>", "errors": {"字段": ["…"]}}.

Two ways in: the browser session (CSRF enforced on writes, as for any form) and a
personal API token (`Authorization: Bearer fz_…`, made on the "API令牌" page)."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer, django_auth

from fazhi.core import clock, epoch
from fazhi.core.models import ApiToken
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.registry import api_routers
from fazhi.core.services import token_hash

logger = logging.getLogger(__name__)

# How often a token's last_used_at is written: once a minute is precise enough for
# "is this token still in use" and spares a write on every request.
LAST_USED_GRANULARITY = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    """A personal API token. Only its SHA-256 is stored, so the lookup is by hash."""

    def authenticate(self, request, token: str):
        token = (token or "").strip()
        found = None
        if token.startswith("fz_") and len(token) <= 100:
            found = (
                ApiToken.objects.select_related("user")
                .filter(token_hash=token_hash(token), revoked_at__isnull=True)
                # The epoch in the same statement, as the session store reads it (core.epoch).
                .annotate(epoch=epoch.as_subquery())
                .first()
            )
        if found is None or not found.user.is_active:
            # A wrong token is a 401 at once: falling through to the session check would
            # answer a token client's POST with a confusing CSRF failure.
            raise AuthenticationError(message="API令牌无效或已撤销")
        now = clock.wall_now()
        if found.last_used_at is None or now - found.last_used_at >= LAST_USED_GRANULARITY:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        epoch.note(found.epoch)
        request.user = found.user
        request.api_token = found
        return found.user


class ChineseJSONRenderer(JSONRenderer):
    # Chinese text as it is, not as \uXXXX escapes: readable in logs and curl output.
    json_dumps_params = {"ensure_ascii": False}


class LocalSwagger(Swagger):
    """Swagger UI from django-ninja's own files under /static/ (the CSP allows no CDN).
    ninja renders its local template only when "ninja" is an installed app, which fazhi
    avoids (settings.py: every command would load the API machinery); its other template,
    the CDN one, is replaced by the local one, found beside it."""

    template_cdn = str(Path(Swagger.template_cdn).with_name("swagger.html"))


class FazhiAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # The routes do not change while a process runs, and building the schema of some
        # three hundred operations takes seconds: each process builds it once.
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        cache = self.__dict__.setdefault("_schemas", {})
        if path_prefix not in cache:
            cache[path_prefix] = super().get_openapi_schema(path_prefix=path_prefix)
        return cache[path_prefix]

    def _get_urls(self):
        # ninja's root view ("api-root", also used to compute the paths in the schema)
        # answers Django's HTML 404. Ours has the same name, comes last and matches any
        # other path under /api/v1/, so an unknown path gets the JSON error body too.
        urls = [u for u in super()._get_urls() if getattr(u, "name", None) != "api-root"]
        return [*urls, re_path(r"", csrf_exempt(_unknown_path), name="api-root")]


def _unknown_path(request):
    return error_response(request, 404, "not_found", "接口不存在")


api = FazhiAPI(
    title="法治平台 API",
    version="1.0.0",
    description=(
        "依法治镇工作平台的数据接口。认证方式:浏览器登录会话(写操作须带 X-CSRFToken),"
        "或个人API令牌(请求头 `Authorization: Bearer fz_…`,在“API令牌”页面创建)。"
        "出错时统一返回 `{code, message, errors}`。"
    ),
    urls_namespace="api-1.0.0",
    # Token first: it answers only when an Authorization header is present, so a token
    # client is never asked for a CSRF token; the session check (CSRF on) comes second.
    auth=[TokenAuth(), django_auth],
    # validatorUrl off: Swagger UI would otherwise fetch a badge from swagger.io.
    docs=LocalSwagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    renderer=ChineseJSONRenderer(),
)


# --- one error body for everything ----------------------------------------------------


def error_response(request, status: int, code: str, message: str, errors: dict | None = None):
    return api.create_response(
        request, {"code": code, "message": message, "errors": errors or {}}, status=status
    )


# Chinese text for pydantic's error types; anything not listed reads "格式不正确".
_TYPE_MESSAGES = {
    "missing": "字段必填",
    "extra_forbidden": "不允许的字段",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文本",
    "date_type": "应为日期(YYYY-MM-DD)",
    "date_parsing": "应为日期(YYYY-MM-DD)",
    "date_from_datetime_parsing": "应为日期(YYYY-MM-DD)",
    "date_from_datetime_inexact": "应为日期(YYYY-MM-DD)",
    "datetime_type": "应为日期时间",
    "datetime_parsing": "应为日期时间",
    "datetime_from_date_parsing": "应为日期时间",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为JSON对象",
    "model_attributes_type": "应为JSON对象",
}


def _zh_message(err: dict) -> str:
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if kind in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind]
    if kind == "string_too_short":
        return "不能为空" if ctx.get("min_length") == 1 else f"至少{ctx.get('min_length')}个字符"
    if kind == "string_too_long":
        return f"不能超过{ctx.get('max_length')}个字符"
    if kind in ("greater_than_equal", "greater_than"):
        return f"不能小于{ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"不能大于{ctx.get('le', ctx.get('lt'))}"
    if kind in ("enum", "literal_error"):
        return f"取值无效,可选:{ctx.get('expected', '')}"
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        return str(ctx["error"])  # our own validators raise Chinese messages
    return "格式不正确"


def _field_name(loc: tuple) -> str:
    """("body", "payload", "code") → "code"; ("query", "limit") → "limit"; an error about
    the body as a whole (("body", "payload")) → "__all__"."""
    parts = [str(p) for p in loc[1:]]
    if loc and loc[0] == "body":
        parts = parts[1:]  # drop the view's parameter name
    return ".".join(parts) or "__all__"


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    errors: dict[str, list[str]] = {}
    for err in exc.errors:
        field = _field_name(tuple(err.get("loc", ())))
        message = _zh_message(err)
        if field == "__all__" and err.get("type") == "missing":
            message = "请提交JSON格式的请求内容"
        errors.setdefault(field, []).append(message)
    return error_response(request, 422, "validation_error", "提交的数据不符合要求", errors)


@api.exception_handler(ServiceError)
def _service_error(request, exc: ServiceError):
    status = 403 if isinstance(exc, Forbidden) else 400
    return error_response(request, status, exc.code, exc.message, exc.errors)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(request, 404, "not_found", "记录不存在或无权查看")


@api.exception_handler(PermissionDenied)
def _denied(request, exc):
    return error_response(request, 403, "forbidden", str(exc) or "无权执行此操作")


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc: AuthenticationError):
    message = exc.message if exc.message != "Unauthorized" else "请先登录或提供有效的API令牌"
    return error_response(request, 401, "unauthenticated", message)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    # ninja raises HttpError itself only for an unreadable body and a failed CSRF check.
    if exc.status_code == 400:
        return error_response(request, 400, "malformed_body", "请求内容不是有效的JSON")
    if exc.status_code == 403 and "CSRF" in exc.message:
        return error_response(
            request, 403, "csrf_failed", "CSRF校验失败:请刷新页面后重试,或改用API令牌"
        )
    return error_response(request, exc.status_code, "error", exc.message)


@api.exception_handler(Exception)
def _unexpected(request, exc):
    logger.exception("API error", exc_info=exc)
    return error_response(request, 500, "server_error", "服务器内部错误,请联系系统管理员")


# Each app's router comes from the app registry (core.registry): its `api.py`.
for _router in api_routers():
    api.add_router("/", _router)
