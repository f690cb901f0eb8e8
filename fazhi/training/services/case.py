"""The case library (典型案例库): the town's law office records and corrects its cases."""

from __future__ import annotations

import re

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, check_role

from ..models import CURATOR_ROLES, Case, Participant
from ..params import DUPLICATE_ROLE, NO_ROLES, ROLE_TOO_LONG, UNKNOWN_TYPE, case_types
from .common import MAX_TITLE, NOT_FOUND, _text, curator_town, is_curator, refuse, unknown_fields

# What the law office may correct, with the labels its page shows.
CASE_EDITABLE = {
    "title": "案例名称",
    "case_type": "案例类型",
    "facts": "案情",
    "roles": "演练角色",
    "legal_points": "法律要点",
    "model_handling": "规范处置流程",
    "is_active": "在用",
}
ROLE_USED = "角色“{role}”已在教学中分配给参训人员,不能删除"


def clean_roles(value) -> list[str]:
    """The roles to play, from a list or text (one per line, or separated by 、,;)."""
    items = value if isinstance(value, list | tuple) else re.split(r"[\n、,,;;]", str(value or ""))
    roles = [str(r).strip() for r in items if str(r).strip()]
    if not roles:
        raise refuse("roles", NO_ROLES)
    seen = set()
    for role in roles:
        if len(role) > 50:
            raise refuse("roles", ROLE_TOO_LONG.format(role=role[:20] + "…"))
        if role in seen:
            raise refuse("roles", DUPLICATE_ROLE.format(role=role))
        seen.add(role)
    return roles


def clean_type(value, unit: OrgUnit) -> str:
    value = str(value or "").strip()
    options = case_types(unit)
    if value not in options:
        raise refuse(
            "case_type", UNKNOWN_TYPE.format(value=value or "(空)", options="、".join(options))
        )
    return value


def _clean(fields: dict, unit: OrgUnit) -> dict:
    clean = {}
    if "title" in fields:
        clean["title"] = _text(fields["title"], "title", "案例名称", limit=MAX_TITLE)
    if "case_type" in fields:
        clean["case_type"] = clean_type(fields["case_type"], unit)
    if "facts" in fields:
        clean["facts"] = _text(fields["facts"], "facts", "案情")
    if "roles" in fields:
        clean["roles"] = "\n".join(clean_roles(fields["roles"]))
    if "legal_points" in fields:
        clean["legal_points"] = _text(fields["legal_points"], "legal_points", "法律要点")
    if "model_handling" in fields:
        clean["model_handling"] = _text(fields["model_handling"], "model_handling", "规范处置流程")
    if "is_active" in fields:
        clean["is_active"] = bool(fields["is_active"])
    return clean


def case_create(
    *, actor, org_unit, title, case_type, facts, roles, legal_points, model_handling
) -> Case:
    """Add a case to the town's library (the town's law office)."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以录入典型案例")
    town = curator_town(actor, org_unit)
    clean = _clean(
        {
            "title": title,
            "case_type": case_type,
            "facts": facts,
            "roles": roles,
            "legal_points": legal_points,
            "model_handling": model_handling,
        },
        town,
    )
    with transaction.atomic():
        case = Case.objects.create(org_unit=town, created_by=actor, **clean)
        audit.record(
            verb="training_case.create",
            actor=actor,
            obj=case,
            changes={"title": case.title, "case_type": case.case_type, "roles": case.role_list},
        )
    return case


def case_update(*, actor, case: Case, **fields) -> Case:
    """Correct a case; a role already given to a participant stays. Audited before/after."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以修改典型案例")
    unknown_fields(fields, CASE_EDITABLE)
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("org_unit")
            .filter(pk=case.pk)
            .first()
        )
        if locked is None or not is_curator(actor, locked.org_unit):
            raise Forbidden(NOT_FOUND)
        clean = _clean(fields, locked.org_unit)
        if "roles" in clean:
            kept = set(clean["roles"].split("\n"))
            used = (
                Participant.objects.filter(session__case=locked)
                .exclude(role__in=kept)
                .values_list("role", flat=True)
                .first()
            )
            if used:
                raise refuse("roles", ROLE_USED.format(role=used))
        before, after = {}, {}
        for name, value in clean.items():
            old = getattr(locked, name)
            if old != value:
                before[name], after[name] = old, value
                setattr(locked, name, value)
        if after:
            locked.save()
            audit.record(
                verb="training_case.update",
                actor=actor,
                obj=locked,
                changes=audit.diff(before, after),
            )
    return locked
