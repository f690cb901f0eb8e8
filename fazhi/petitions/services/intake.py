"""Registering a petition (登记, 信访工作条例 19–23): written or recorded, its petitioners
(a group visit with at most five representatives, art 20), whistle-blowing with the
accused named (arts 30, 46), the acceptance deadline from the rules in force, and the
link to the same person's earlier petitions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit, pii
from fazhi.core.models import OrgUnit, User
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.validators import validate_id_number, validate_phone

from ..models import Petition, Petitioner
from ..params import (
    ACCUSED_REQUIRED,
    GROUP_NEEDS_PEOPLE,
    MAX_REPRESENTATIVES,
    NEEDS_PETITIONER,
    TOO_MANY_REPRESENTATIVES,
    ruleset,
)
from .common import HANDLER_ROLES, NOT_FOUND, _choice, _date, _refuse, _text, due
from .flow import PETITION_FLOW


def _petitioner(row: dict, n: int) -> Petitioner:
    """One petitioner from a form row or API object: name and address (art 19), ID number
    and phone checked and kept encrypted."""
    field = f"petitioners-{n}"
    name = _text(row.get("name"), f"{field}-name", f"第{n + 1}位信访人姓名", limit=50)
    address = _text(row.get("address"), f"{field}-address", f"第{n + 1}位信访人住址", limit=200)
    id_number = str(row.get("id_number") or "").strip().upper()
    phone = str(row.get("phone") or "").strip()
    try:
        if id_number:
            id_number = validate_id_number(id_number)
        if phone:
            phone = validate_phone(phone)
    except ValidationError as exc:
        which = "id_number" if exc.code and exc.code.startswith("id") else "phone"
        raise _refuse(f"{field}-{which}", f"第{n + 1}位信访人:{exc.messages[0]}") from None
    return Petitioner(
        name=name,
        address=address,
        id_number=id_number,
        id_hash=pii.keyed_hash(id_number),
        phone=phone,
    )


def earlier_petitions(hashes, *, exclude_pk=None):
    """Petitions of the same people (by ID hash), any town: the repeat link."""
    hashes = [h for h in hashes if h]
    if not hashes:
        return Petition.objects.none()
    qs = Petition.objects.filter(
        pk__in=Petitioner.objects.filter(id_hash__in=hashes).values("petition_id")
    )
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def petition_register(
    *,
    actor,
    org_unit: OrgUnit,
    title,
    channel,
    category,
    content,
    received_on,
    petitioners: list[dict],
    source=Petition.Source.DIRECT,
    transferred_by="",
    is_group=False,
    people_count=None,
    is_accusation=False,
    accused_name="",
    accused_user: User | None = None,
) -> Petition:
    """Register a petition received by the town (status 已登记待受理)."""
    check_role(actor, HANDLER_ROLES, "只有镇信访办(法治办)工作人员可以登记信访事项")
    if org_unit is None or org_unit.kind != OrgUnit.Kind.TOWN:
        raise _refuse("org_unit", "办理单位须为乡镇(街道)")
    if not unit_in_scope(actor, org_unit, HANDLER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    title = _text(title, "title", "事项摘要", limit=200)
    channel = _choice(channel, Petition.Channel, "channel", "信访形式")
    category = _choice(category, Petition.Category, "category", "类别")
    content = _text(content, "content", "请求、事实和理由")
    received_on = _date(received_on, "received_on", "收到日期")
    source = _choice(source, Petition.Source, "source", "来源")
    transferred_by = _text(
        transferred_by,
        "transferred_by",
        "转送、交办机关",
        limit=100,
        required=source == Petition.Source.TRANSFERRED,
    )
    rows = [r for r in (petitioners or []) if any(str(v or "").strip() for v in r.values())]
    if not rows:
        raise _refuse("petitioners", NEEDS_PETITIONER)
    is_group = bool(is_group)
    if is_group and channel != Petition.Channel.VISIT:
        raise _refuse("is_group", "集体访为多人走访提出共同信访事项,信访形式应为“来访”")
    if is_group and len(rows) > MAX_REPRESENTATIVES:
        raise _refuse("petitioners", TOO_MANY_REPRESENTATIVES.format(n=len(rows)))
    people = _people_count(people_count, is_group, len(rows))
    people_rows = [_petitioner(row, n) for n, row in enumerate(rows)]
    is_accusation = bool(is_accusation)
    accused_name = _text(
        accused_name, "accused_name", "被检举控告人或单位", limit=100, required=False
    )
    if is_accusation and not accused_name:
        raise _refuse("accused_name", ACCUSED_REQUIRED)
    if not is_accusation:
        accused_name, accused_user = "", None
    if accused_user is not None and accused_user.pk == actor.pk:
        raise _refuse("accused_user", "被检举控告人不能办理本事项,请由其他工作人员登记(回避)")
    rules = ruleset(org_unit)
    with transaction.atomic():
        petition = Petition(
            org_unit=org_unit,
            title=title,
            channel=channel,
            source=source,
            transferred_by=transferred_by,
            category=category,
            content=content,
            is_group=is_group,
            people_count=people,
            is_accusation=is_accusation,
            accused_name=accused_name,
            accused_user=accused_user,
            received_on=received_on,
            rules=rules.code,
            repeat_count=earlier_petitions([p.id_hash for p in people_rows]).count(),
            accept_due=due(received_on, rules.accept),
            objection_due=(
                due(received_on, rules.objection) if source == Petition.Source.TRANSFERRED else None
            ),
            created_by=actor,
        )
        petition.next_due = petition.compute_next_due()
        petition.save()
        for p in people_rows:
            p.petition = petition
            p.is_representative = is_group
        Petitioner.objects.bulk_create(people_rows)
        PETITION_FLOW.start(actor=actor, obj=petition, label="登记信访事项")
        audit.record(
            verb="petition.register",
            actor=actor,
            obj=petition,
            changes={
                "channel": channel,
                "category": category,
                "received_on": received_on.isoformat(),
                "petitioners": len(people_rows),
                "is_group": is_group,
                "people_count": people,
                "is_accusation": is_accusation,
                "accept_due": petition.accept_due.isoformat(),
            },
        )
    return petition


def _people_count(value, is_group: bool, rows: int) -> int:
    if value in (None, ""):
        value = rows
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise _refuse("people_count", "涉及人数应为整数") from None
    if n < rows or n > 100_000:
        raise _refuse("people_count", f"涉及人数应不少于登记的信访人数({rows}人)")
    if is_group and n < 2:
        raise _refuse("people_count", GROUP_NEEDS_PEOPLE)
    return n
