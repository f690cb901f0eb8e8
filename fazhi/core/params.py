"""Configurable legal parameters (architecture rule 10): every period length, threshold
and local rule is a parameter with the law's default and its citation, because provinces
and counties differ. Apps declare theirs at import time:

    FILING_DAYS = params.define(
        "documents.filing_days", "公布后报送备案期限", default=15, unit="日",
        basis="各地规范性文件备案规定(本地规则,常见为5个工作日或10、15、30日)",
        minimum=1, maximum=60,
    )

and read them for the record's unit: `params.value("documents.filing_days", town)` (or
`FILING_DAYS.value(town)`). A county supervisor sets a local value on the county (it
applies to all its towns) or on one town; the nearest unit's value wins, else the default.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from . import audit
from .epoch import remembered
from .hooks import import_declarations
from .models import OrgUnit, ParameterValue
from .permissions import ServiceError, check_role
from .prepared import PreparedQuery, prepared
from .roles import Role
from .scoping import unit_in_scope

# Who sets local values: the county's rule-of-law office (via its supervisor), for the
# county or one of its towns.
PARAMETER_ROLES = {Role.COUNTY_SUPERVISOR}


@dataclass(frozen=True)
class Param:
    key: str
    label: str
    default: int | Decimal | str
    unit: str = ""  # 日 / 工作日 / 年 / 月 / 元 / 分 …
    basis: str = ""  # the legal basis or "本地规则", shown beside the value
    minimum: int | Decimal | None = None
    maximum: int | Decimal | None = None

    def value(self, unit: OrgUnit | None):
        return value(self.key, unit)

    def parse(self, raw) -> int | Decimal | str:
        """A submitted value as this parameter's type, or a ServiceError in Chinese."""
        kind = type(self.default)
        text = str(raw).strip()
        try:
            parsed = kind(text) if kind is not Decimal else Decimal(text)
        except (ValueError, InvalidOperation):
            raise ServiceError(
                "取值格式不正确", errors={"value": ["应为整数" if kind is int else "应为数字"]}
            ) from None
        if kind is Decimal and not parsed.is_finite():
            raise ServiceError("取值格式不正确", errors={"value": ["应为数字"]})
        if self.minimum is not None and parsed < self.minimum:
            raise ServiceError(
                f"{self.label}不能小于{self.minimum}{self.unit}",
                errors={"value": [f"不能小于{self.minimum}"]},
            )
        if self.maximum is not None and parsed > self.maximum:
            raise ServiceError(
                f"{self.label}不能大于{self.maximum}{self.unit}",
                errors={"value": [f"不能大于{self.maximum}"]},
            )
        return parsed


REGISTRY: dict[str, Param] = {}


def define(key: str, label: str, *, default, unit: str = "", basis: str = "", **limits) -> Param:
    """Declare a parameter (once, at import of the app module that uses it)."""
    param = Param(key, label, default, unit, basis, **limits)
    existing = REGISTRY.get(key)
    if existing is not None and existing != param:
        raise ValueError(f"parameter {key} defined twice differently")
    REGISTRY[key] = param
    return param


def _to_type(param: Param, stored):
    if isinstance(param.default, Decimal):
        return Decimal(str(stored))
    return type(param.default)(stored)


# Within one request a page may read a dozen parameters for the same town: the local
# values of a unit and its ancestors are read once per request (RequestCacheMiddleware)
# and kept for its duration only, so a value set in another process is seen on the next
# request. Outside `values_cached()` (commands, tests) every read goes to the database.
_request_values: ContextVar[dict | None] = ContextVar("fazhi_parameter_values", default=None)


# The statement behind _local_values, compiled once per number of ancestor codes (a town
# has two: county, town) instead of on every page that shows a deadline (core.prepared).
_local_queries: dict[int, PreparedQuery] = {}


def _local_rows(count: int) -> PreparedQuery:
    query = _local_queries.get(count)
    if query is None:
        query = _local_queries[count] = prepared(
            lambda *codes: (
                ParameterValue.objects.filter(org_unit__code__in=codes)
                .order_by("org_unit__code")  # the county first, the town's own value last (wins)
                .values_list("key", "value")
            ),
            *(f"sample-code-{i}" for i in range(count)),
        )
    return query


def _local_values(unit: OrgUnit) -> dict[str, str]:
    """key → stored value in force for `unit` (the nearest ancestor's). One query."""
    cache = _request_values.get()
    if cache is not None and unit.code in cache:
        return cache[unit.code]
    found = remembered("params", unit.code, lambda: _read_local_values(unit))
    if cache is not None:
        cache[unit.code] = found
    return found


def _read_local_values(unit: OrgUnit) -> dict[str, str]:
    found: dict[str, str] = {}
    codes = unit.ancestor_codes()
    for key, stored in _local_rows(len(codes))(*codes) if codes else ():
        found[key] = stored
    return found


@contextmanager
def values_cached() -> Iterator[None]:
    """Within the block each unit's local values are read once (a request; a bulk writer
    such as scale-data, which reads the same town's parameters for every row)."""
    token = _request_values.set({})
    try:
        yield
    finally:
        _request_values.reset(token)


class RequestCacheMiddleware:
    """Keeps the parameter values read during one request for that request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with values_cached():
            return self.get_response(request)


def _forget_cached_values() -> None:
    cache = _request_values.get()
    if cache is not None:
        cache.clear()


def value(key: str, unit: OrgUnit | None):
    """The value in force for `unit`: the nearest ancestor's local value, else the default."""
    if key not in REGISTRY:  # declared by an app module this process has not imported yet
        import_declarations()
    param = REGISTRY[key]
    if unit is None:
        return param.default
    stored = _local_values(unit).get(key)
    return param.default if stored is None else _to_type(param, stored)


def parameter_set(*, actor, unit: OrgUnit, key: str, raw_value, reason: str = "") -> ParameterValue:
    """Set the local value of `key` on a county or town of the actor's county."""
    check_role(actor, PARAMETER_ROLES, "只有县级督导可以设置参数")
    if key not in REGISTRY:  # declared by an app module this process has not imported yet
        import_declarations()
    param = REGISTRY.get(key)
    if param is None:
        raise ServiceError("参数不存在", errors={"key": ["参数不存在"]})
    if unit.kind not in ("county", "town") or not unit_in_scope(actor, unit, PARAMETER_ROLES):
        raise ServiceError(
            "只能为本县或本县的乡镇设置参数", errors={"unit": ["单位不在管辖范围内"]}
        )
    parsed = param.parse(raw_value)
    stored = str(parsed) if isinstance(parsed, Decimal) else parsed
    _forget_cached_values()
    with transaction.atomic():
        row = ParameterValue.objects.filter(org_unit=unit, key=key).first()
        before = row.value if row else None
        if row is None:
            row = ParameterValue(org_unit=unit, key=key)
        row.value, row.reason, row.set_by = stored, reason.strip()[:200], actor
        row.save()
        audit.record(
            verb="parameter.set",
            actor=actor,
            obj=row,
            org_unit=unit,
            changes={key: [before, stored]},
        )
    return row


def parameter_reset(*, actor, unit: OrgUnit, key: str) -> None:
    """Remove a local value: the unit falls back to its county's value or the default."""
    check_role(actor, PARAMETER_ROLES, "只有县级督导可以设置参数")
    if not unit_in_scope(actor, unit, PARAMETER_ROLES):
        raise ServiceError("只能为本县或本县的乡镇设置参数")
    _forget_cached_values()
    with transaction.atomic():
        row = ParameterValue.objects.filter(org_unit=unit, key=key).first()
        if row is None:
            return
        audit.record(
            verb="parameter.reset",
            actor=actor,
            obj=row,
            org_unit=unit,
            changes={key: [row.value, None]},
        )
        row.delete()


def values_for(param: Param, units) -> dict[int, int | Decimal | str]:
    """unit id → `param`'s value in force for each of `units`, in one query: the same rule
    as `value` (the nearest unit that sets it, the unit itself first, else the default),
    for a county page that would otherwise read each of its thirty towns' values."""
    units = list(units)
    codes = {code for unit in units for code in unit.ancestor_codes()}
    stored = dict(
        ParameterValue.objects.filter(key=param.key, org_unit__code__in=codes)
        .order_by()
        .values_list("org_unit__code", "value")
    )
    found = {}
    for unit in units:
        value = param.default
        for code in unit.ancestor_codes():  # the county first: a nearer unit's value wins
            if code in stored:
                value = _to_type(param, stored[code])
        found[unit.pk] = value
    return found


def all_params() -> list[Param]:
    """Every declared parameter, in key order. Apps declare theirs in modules imported by
    their pages and services; importing those here makes the list complete in any process
    (a command does not load the URLconf)."""
    import_declarations()
    return sorted(REGISTRY.values(), key=lambda p: p.key)


def local_values(units) -> dict[tuple[str, int], ParameterValue]:
    """{(key, unit id): row} of the local values set on `units` (one query)."""
    rows = ParameterValue.objects.filter(org_unit__in=units).select_related("org_unit", "set_by")
    return {(r.key, r.org_unit_id): r for r in rows}
