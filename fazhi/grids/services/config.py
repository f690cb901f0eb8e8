"""The town's settings of 网格走访 (its law officer's): key-group categories with their
visit intervals, the risk-signal choices of the visit form; and the helpers of a grid."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.validators import validate_phone

from ..models import GridHelper, Group, KeyGroupCategory, RiskSignal
from ..params import (
    CATEGORY_DUPLICATE,
    CATEGORY_OFFICER_ONLY,
    DEFAULTS_EXIST,
    HELPER_MANAGERS_ONLY,
    INTERVAL_HARDSHIP,
    INTERVAL_SENSITIVE,
    INTERVAL_SPECIAL,
    NOT_A_GRID,
    SIGNAL_DUPLICATE,
)
from .common import CONFIG_ROLES, HELPER_ROLES, NOT_FOUND, _choice, _text

# The seed's key groups and their usual categories (the defaults a town starts with).
DEFAULT_CATEGORIES = [
    (Group.HARDSHIP, "低保户"),
    (Group.HARDSHIP, "特困人员"),
    (Group.HARDSHIP, "独居老人"),
    (Group.HARDSHIP, "残疾人"),
    (Group.SENSITIVE, "信访重点人员"),
    (Group.SENSITIVE, "涉稳重点人员"),
    (Group.SPECIAL, "社区矫正对象"),
    (Group.SPECIAL, "刑满释放人员"),
    (Group.SPECIAL, "严重精神障碍患者"),
]
DEFAULT_SIGNALS = ["情绪激动", "扬言上访", "扬言极端", "矛盾激化", "生活困难加剧"]
INTERVAL_PARAMS = {
    Group.HARDSHIP: INTERVAL_HARDSHIP,
    Group.SENSITIVE: INTERVAL_SENSITIVE,
    Group.SPECIAL: INTERVAL_SPECIAL,
}


def default_interval(group: str, town) -> int:
    return int(INTERVAL_PARAMS[Group(group)].value(town))


def _interval(value, group, town) -> int:
    if value in (None, ""):
        return default_interval(group, town)
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= 366:
        message = "走访周期应为1至366日"
        raise ServiceError(message, errors={"interval_days": [message]})
    return days


def _officer_of(actor, town) -> None:
    check_role(actor, CONFIG_ROLES, CATEGORY_OFFICER_ONLY)
    if town is None or town.kind != "town" or not unit_in_scope(actor, town, CONFIG_ROLES):
        raise Forbidden(CATEGORY_OFFICER_ONLY)


def defaults_load(*, actor, town) -> list[KeyGroupCategory]:
    """Give a town the default categories (with the intervals in force there) and risk
    signals; refused when it already has categories (nothing is overwritten)."""
    _officer_of(actor, town)
    with transaction.atomic():
        if KeyGroupCategory.objects.filter(org_unit=town).exists():
            raise ServiceError(DEFAULTS_EXIST, code="exists")
        made = KeyGroupCategory.objects.bulk_create(
            KeyGroupCategory(
                org_unit=town, group=g, name=n, interval_days=default_interval(g, town)
            )
            for g, n in DEFAULT_CATEGORIES
        )
        have = set(RiskSignal.objects.filter(org_unit=town).values_list("name", flat=True))
        RiskSignal.objects.bulk_create(
            RiskSignal(org_unit=town, name=n) for n in DEFAULT_SIGNALS if n not in have
        )
        audit.record(
            verb="grids_category.defaults",
            actor=actor,
            obj=town,
            org_unit=town,
            changes={"categories": [c.name for c in made], "signals": DEFAULT_SIGNALS},
        )
    return made


def category_create(*, actor, town, group, name, interval_days=None) -> KeyGroupCategory:
    _officer_of(actor, town)
    group = _choice(group, Group, "group", "人群")
    name = _text(name, "name", "类别名称", limit=40)
    interval = _interval(interval_days, group, town)
    with transaction.atomic():
        if KeyGroupCategory.objects.filter(org_unit=town, name=name).exists():
            message = CATEGORY_DUPLICATE.format(name=name)
            raise ServiceError(message, errors={"name": [message]})
        category = KeyGroupCategory.objects.create(
            org_unit=town, group=group, name=name, interval_days=interval
        )
        audit.record(
            verb="grids_category.create",
            actor=actor,
            obj=category,
            changes={"group": group, "name": name, "interval_days": interval},
        )
    return category


def category_update(*, actor, category, interval_days=None, is_active=None, name=None):
    """Change a category's interval, name or use; the due dates of its persons follow."""
    from .person import refresh_persons_of

    town = category.org_unit
    _officer_of(actor, town)
    clean = {}
    if name is not None:
        clean["name"] = _text(name, "name", "类别名称", limit=40)
    if interval_days is not None:
        clean["interval_days"] = _interval(interval_days, category.group, town)
    if is_active is not None:
        clean["is_active"] = bool(is_active)
    with transaction.atomic():
        locked = KeyGroupCategory.objects.select_for_update().get(pk=category.pk)
        if (
            "name" in clean
            and KeyGroupCategory.objects.filter(org_unit=town, name=clean["name"])
            .exclude(pk=locked.pk)
            .exists()
        ):
            message = CATEGORY_DUPLICATE.format(name=clean["name"])
            raise ServiceError(message, errors={"name": [message]})
        before = {k: getattr(locked, k) for k in clean}
        changed = {k: v for k, v in clean.items() if before[k] != v}
        if not changed:
            return locked
        for k, v in changed.items():
            setattr(locked, k, v)
        locked.save(update_fields=sorted(changed))
        audit.record(
            verb="grids_category.update",
            actor=actor,
            obj=locked,
            changes=audit.diff({k: before[k] for k in changed}, changed),
        )
        if {"interval_days", "is_active"} & set(changed):
            refresh_persons_of(locked)
    return locked


def signal_create(*, actor, town, name) -> RiskSignal:
    _officer_of(actor, town)
    name = _text(name, "name", "风险信号", limit=40)
    with transaction.atomic():
        if RiskSignal.objects.filter(org_unit=town, name=name).exists():
            message = SIGNAL_DUPLICATE.format(name=name)
            raise ServiceError(message, errors={"name": [message]})
        signal = RiskSignal.objects.create(org_unit=town, name=name)
        audit.record(verb="grids_signal.create", actor=actor, obj=signal, changes={"name": name})
    return signal


def signal_toggle(*, actor, signal) -> RiskSignal:
    """Stop offering a signal on the form (recorded visits keep it), or offer it again."""
    _officer_of(actor, signal.org_unit)
    with transaction.atomic():
        signal.is_active = not signal.is_active
        signal.save(update_fields=["is_active"])
        audit.record(
            verb="grids_signal.update",
            actor=actor,
            obj=signal,
            changes=audit.diff(
                {"is_active": not signal.is_active}, {"is_active": signal.is_active}
            ),
        )
    return signal


def helper_add(*, actor, grid, name, kind, phone="") -> GridHelper:
    """Register a helper of a grid (a person without an account)."""
    check_role(actor, HELPER_ROLES, HELPER_MANAGERS_ONLY)
    if grid is None or grid.kind != "grid":
        raise ServiceError(NOT_A_GRID, errors={"grid": [NOT_A_GRID]})
    if not unit_in_scope(actor, grid, HELPER_ROLES):
        raise Forbidden(NOT_FOUND)
    name = _text(name, "name", "姓名", limit=40)
    kind = _choice(kind, GridHelper.Kind, "kind", "身份")
    phone = (phone or "").strip()
    if phone:
        try:
            phone = validate_phone(phone)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], errors={"phone": exc.messages}) from None
    with transaction.atomic():
        helper = GridHelper.objects.create(
            org_unit=grid, name=name, kind=kind, phone=phone, created_by=actor
        )
        # The phone itself never goes into the audit trail, only that one was given.
        audit.record(
            verb="grids_helper.create",
            actor=actor,
            obj=helper,
            changes={"name": name, "kind": kind, "phone": bool(phone)},
        )
    return helper


def helper_end(*, actor, helper) -> GridHelper:
    check_role(actor, HELPER_ROLES, HELPER_MANAGERS_ONLY)
    if not unit_in_scope(actor, helper.org_unit, HELPER_ROLES):
        raise Forbidden(NOT_FOUND)
    with transaction.atomic():
        helper.is_active = False
        helper.save(update_fields=["is_active"])
        audit.record(verb="grids_helper.end", actor=actor, obj=helper, changes={"is_active": False})
    return helper
