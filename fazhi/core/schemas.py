"""Shapes of the core API's requests and responses (what a client sends and gets back).

Input schemas forbid unknown fields, so a misspelt field is an error rather than a
silently ignored value. Field titles are Chinese: they appear in the API docs."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field
from ninja import Schema as NinjaSchema
from ninja.schema import DjangoGetter
from pydantic import (
    ConfigDict,
    ModelWrapValidatorHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .models import OrgUnit
from .roles import Role

UnitKind = OrgUnit.Kind

# Row ids are signed 64-bit (BigAutoField). A larger number in a path, a query or a body
# would overflow the database driver (a 500), so the schema refuses it as a field error.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# No list is ever paged this deep; the bound keeps OFFSET inside what SQLite and
# PostgreSQL accept.
MAX_OFFSET = 10**9


class Schema(NinjaSchema):
    """ninja's Schema, read faster: every API schema in fazhi derives from this one.

    ninja lets pydantic read a record through a DjangoGetter, a Python object whose
    __getattr__ runs for every field of every row (a contract list of 50 rows: some 1,600
    calls, a third of the request). Here the record's fields are read once, in one loop,
    into a dict that pydantic validates in its own code; each value is converted exactly as
    DjangoGetter converts it (a manager or queryset to a list, a method called, a file to
    its URL) and a field ninja would resolve (`resolve_<name>`) is resolved the same way.
    Input schemas that forbid unknown fields keep ninja's path: pydantic must see the
    request's own keys to refuse the extra ones."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler, info: ValidationInfo
    ) -> Any:
        config = cls.model_config
        if config.get("extra") == "forbid" or config.get("validate_assignment", False):
            handler(values)
            return handler(DjangoGetter(values, cls, info.context))
        if isinstance(values, (DjangoGetter, NinjaSchema)):
            return handler(values)
        return handler(_read(cls, values, info.context))


_READERS: dict[type, tuple] = {}
# What DjangoGetter._convert_result leaves as it is, tested first because it is nearly
# every value.
_PLAIN = (str, int, float, bool, dt.date, type(None))


def _read(cls, obj, context) -> dict:
    keys = _READERS.get(cls)
    if keys is None:
        keys = _READERS[cls] = tuple(
            (key, cls._ninja_resolvers.get(key))
            for key in (
                field.validation_alias if isinstance(field.validation_alias, str) else name
                for name, field in cls.model_fields.items()
            )
        )
    getter = None
    out = {}
    is_dict = isinstance(obj, dict)
    for key, resolver in keys:
        if resolver is not None:
            getter = getter or DjangoGetter(obj, cls, context)
            value = resolver(getter=getter)
        elif is_dict:
            if key not in obj:
                continue
            value = obj[key]
        else:
            try:
                value = getattr(obj, key)
            except AttributeError:
                # A dotted or otherwise unusual name: DjangoGetter's own lookup decides.
                getter = getter or DjangoGetter(obj, cls, context)
                try:
                    out[key] = getattr(getter, key)
                except AttributeError:
                    pass
                continue
        out[key] = value if isinstance(value, _PLAIN) else _convert(value)
    return out


def _convert(value):
    return DjangoGetter._convert_result(None, value)  # uses nothing of the getter


class StrictIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value):
        # PostgreSQL text cannot hold NUL (0x00): refused here it is a field error, not a
        # 500 when the service saves it; no one types it, so nothing legitimate is lost.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("不能包含空字符(\\x00)")
        return value


class ErrorOut(Schema):
    """The one error body of the API."""

    code: str = Field(..., title="错误代码")
    message: str = Field(..., title="错误说明")
    errors: dict[str, list[str]] = Field(default_factory=dict, title="各字段的错误")


# --- org units --------------------------------------------------------------------


class UnitRef(Schema):
    id: int
    code: str
    name: str
    kind: str


class UnitOut(Schema):
    id: int
    kind: str = Field(..., title="类型")
    kind_label: str = Field(..., title="类型名称")
    code: str = Field(..., title="行政区划代码")
    name: str = Field(..., title="名称")
    short_name: str = Field(..., title="简称")
    parent_id: int | None = Field(None, title="上级单位")
    is_active: bool = Field(..., title="启用")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()


class UnitPage(Schema):
    count: int
    items: list[UnitOut]


class UnitCreateIn(StrictIn):
    parent_id: Id | None = Field(None, title="上级单位", description="县级单位不填")
    kind: UnitKind = Field(..., title="类型")
    code: str = Field(..., title="行政区划代码", min_length=1, max_length=15)
    name: str = Field(..., title="名称", min_length=1, max_length=64)
    short_name: str = Field("", title="简称", max_length=32)


class UnitUpdateIn(StrictIn):
    """Only the fields sent are changed; the code never changes."""

    name: str | None = Field(None, title="名称", min_length=1, max_length=64)
    short_name: str | None = Field(None, title="简称", max_length=32)
    is_active: bool | None = Field(None, title="启用")


# --- people and memberships -----------------------------------------------------


class MembershipOut(Schema):
    id: int
    user_id: int
    username: str
    full_name: str
    org_unit: UnitRef
    role: str = Field(..., title="角色")
    role_label: str = Field(..., title="角色名称")
    title: str = Field(..., title="职务")
    is_active: bool = Field(..., title="有效")
    created_at: dt.datetime

    @staticmethod
    def resolve_role_label(obj) -> str:
        return obj.get_role_display()

    @staticmethod
    def resolve_username(obj) -> str:
        return obj.user.username

    @staticmethod
    def resolve_full_name(obj) -> str:
        return obj.user.full_name


class MembershipPage(Schema):
    count: int
    items: list[MembershipOut]


class MembershipGrantIn(StrictIn):
    user_id: Id = Field(..., title="用户")
    org_unit_id: Id = Field(..., title="单位")
    role: Role = Field(..., title="角色")
    title: str = Field("", title="职务", max_length=64)


class MyMembershipOut(Schema):
    org_unit: UnitRef
    role: str
    role_label: str

    @staticmethod
    def resolve_role_label(obj) -> str:
        return obj.get_role_display()


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    memberships: list[MyMembershipOut]


# --- holidays ----------------------------------------------------------------------


class HolidayOverrideOut(Schema):
    date: dt.date
    is_workday: bool = Field(..., title="是否上班")
    name: str = Field(..., title="名称")


class HolidayYearOut(Schema):
    year: int
    schedule_known: bool = Field(..., title="当年官方安排已知")
    source: str = Field("", title="依据文件")
    overrides: list[HolidayOverrideOut]


class HolidayOverrideIn(StrictIn):
    date: dt.date = Field(..., title="日期")
    is_workday: bool = Field(..., title="是否上班", description="true 调休上班,false 放假")
    name: str = Field("", title="名称", max_length=32)


# --- audit trail ---------------------------------------------------------------------


class AuditEventOut(Schema):
    id: int
    occurred_at: dt.datetime
    actor_name: str
    verb: str
    object_type: str
    object_id: str
    object_repr: str
    org_unit_id: int | None
    changes: dict
    result: str
    ip: str
    request_id: str
    hash: str


class AuditEventPage(Schema):
    items: list[AuditEventOut]
    next_before_id: int | None = Field(
        None, title="下一页的 before_id", description="为空表示没有更早的记录"
    )


# --- API tokens ------------------------------------------------------------------------


class TokenOut(Schema):
    id: int
    name: str = Field(..., title="用途")
    prefix: str = Field(..., title="前缀")
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class TokenCreateIn(StrictIn):
    name: str = Field(..., title="用途", min_length=1, max_length=64)


class TokenCreatedOut(TokenOut):
    token: str = Field(..., title="令牌", description="只显示这一次,请立即妥善保存")


# --- attachments ---------------------------------------------------------------------------

# A record named in the API: "<app_label>.<model>:<id>", e.g. "inspections.finding:12".
RECORD_REF_HELP = "记录,格式为“应用.模型:编号”,如 inspections.finding:12"


class AttachmentOut(Schema):
    id: int
    record: str = Field(..., title="所属记录", description=RECORD_REF_HELP)
    name: str = Field(..., title="文件名")
    type: str = Field(..., title="文件类型")
    size: int = Field(..., title="大小(字节)")
    sha256: str = Field(..., title="SHA-256")
    uploaded_by: str = Field(..., title="上传人")
    uploaded_at: dt.datetime = Field(..., title="上传时间")
    download_url: str = Field(..., title="下载地址", description="浏览器登录后下载")

    @staticmethod
    def resolve_record(obj) -> str:
        ct = obj.content_type
        return f"{ct.app_label}.{ct.model}:{obj.object_id}"

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.original_name

    @staticmethod
    def resolve_type(obj) -> str:
        return obj.file_type

    @staticmethod
    def resolve_uploaded_by(obj) -> str:
        return str(obj.uploaded_by)

    @staticmethod
    def resolve_download_url(obj) -> str:
        from fazhi.core.links import reverse

        return reverse("core:attachment_download", args=[obj.pk])


class AttachmentList(Schema):
    record: str = Field(..., title="所属记录")
    count: int
    items: list[AttachmentOut]
