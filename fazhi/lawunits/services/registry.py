"""The registries of 法治微单元: the town's types (法律明白人, 法治带头人, 学法守法示范户,
法治民宿 by default; more of its own), each village's entries with their evidence, and the
training records of the people registered. ID numbers and phones are validated, stored
encrypted with a lookup hash, and shown masked (core.pii)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from fazhi.core import audit, clock, pii
from fazhi.core.attachments import attachment_add
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.validators import validate_id_number, validate_phone

from ..models import RegistryEntry, Training, UnitType
from ..params import (
    ID_DUPLICATE,
    ID_REQUIRED,
    NOT_FOUND,
    NOT_PERSON_TYPE,
    NOT_PERSONAL,
    TRAINING_FUTURE,
)
from .common import (
    OFFICE_ROLES,
    WRITER_ROLES,
    _text,
    office_town,
    past_date,
    town_of,
    village_in_scope,
)

# (code, name, personal)
DEFAULT_TYPES = [
    (UnitType.LEGAL_UNDERSTANDER, "法律明白人", True),
    ("rule_of_law_leader", "法治带头人", True),
    ("model_household", "学法守法示范户", True),
    ("homestay", "法治民宿", False),
]


def types_of(town: OrgUnit):
    return UnitType.objects.filter(org_unit=town, is_active=True).order_by("position", "id")


def types_seed(*, actor, town: OrgUnit) -> list[UnitType]:
    """The default types for a town that has none yet (audited); no-op otherwise."""
    check_role(actor, OFFICE_ROLES | WRITER_ROLES, "无权设置法治微单元类型")
    with transaction.atomic():
        if UnitType.objects.filter(org_unit=town).exists():
            return list(types_of(town))
        rows = UnitType.objects.bulk_create(
            UnitType(org_unit=town, code=c, name=n, personal=p, position=i)
            for i, (c, n, p) in enumerate(DEFAULT_TYPES, start=1)
        )
        audit.record(
            verb="lawunits_type.seed",
            actor=actor,
            obj=town,
            org_unit=town,
            changes={"types": [t.name for t in rows]},
        )
    return rows


def type_add(*, actor, town: OrgUnit, name, personal=True) -> UnitType:
    """A local 微单元 type of the town (e.g. 海岛法治驿站), by its law office."""
    check_role(actor, OFFICE_ROLES, "只有本镇法治办工作人员可以设置法治微单元类型")
    town = office_town(actor, town)
    name = _text(name, "name", "类型名称", limit=40)
    with transaction.atomic():
        types_seed(actor=actor, town=town)
        if UnitType.objects.filter(org_unit=town, name=name).exists():
            raise ServiceError(f"已有类型“{name}”", errors={"name": [f"已有类型“{name}”"]})
        n = UnitType.objects.filter(org_unit=town).count()
        t = UnitType.objects.create(
            org_unit=town, code=f"local{n + 1}", name=name, personal=bool(personal), position=n + 1
        )
        audit.record(
            verb="lawunits_type.create",
            actor=actor,
            obj=t,
            changes={"name": name, "personal": bool(personal)},
        )
    return t


def _unit_type(unit_type, village: OrgUnit) -> UnitType:
    if isinstance(unit_type, str) and unit_type and not unit_type.isdigit():
        # By code (the API): the type of that code in the village's town.
        unit_type = UnitType.objects.filter(org_unit_id=village.parent_id, code=unit_type).first()
    elif not isinstance(unit_type, UnitType):
        ok = str(unit_type or "").isdigit() and len(str(unit_type)) < 18
        unit_type = UnitType.objects.filter(pk=int(unit_type)).first() if ok else None
    if unit_type is None or unit_type.org_unit_id != village.parent_id or not unit_type.is_active:
        raise ServiceError("请选择本镇的法治微单元类型", errors={"unit_type": ["请选择类型"]})
    return unit_type


def _pii(value, validator, field, label):
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return validator(value)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], errors={field: exc.messages}) from exc


def entry_create(
    *, actor, org_unit, unit_type, name, since=None, id_number="", phone="", description=""
) -> RegistryEntry:
    """Register a person, household or place of one type in a village (the village's
    cadre or the town's office). A person's ID number is required, checked and kept
    encrypted; the same person is registered once per type and village."""
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以登记法治微单元")
    village = village_in_scope(actor, org_unit, missing="请选择村(社区)")
    types_seed(actor=actor, town=town_of(village))
    unit_type = _unit_type(unit_type, village)
    name = _text(name, "name", "名称(姓名)", limit=100)
    description = _text(description, "description", "简介", limit=300, required=False)
    since = past_date(since or clock.today(), "since", "认定日期")
    id_number = _pii(id_number, validate_id_number, "id_number", "公民身份号码")
    phone = _pii(phone, validate_phone, "phone", "联系电话")
    if unit_type.personal and not id_number:
        message = ID_REQUIRED.format(type=unit_type.name)
        raise ServiceError(message, errors={"id_number": [message]})
    if not unit_type.personal and id_number:
        message = NOT_PERSONAL.format(type=unit_type.name)
        raise ServiceError(message, errors={"id_number": [message]})
    id_hash = pii.keyed_hash(id_number)
    with transaction.atomic():
        if (
            id_hash
            and RegistryEntry.objects.filter(
                org_unit=village, unit_type=unit_type, id_number_hash=id_hash, is_active=True
            ).exists()
        ):
            message = ID_DUPLICATE.format(type=unit_type.name)
            raise ServiceError(message, errors={"id_number": [message]})
        entry = RegistryEntry.objects.create(
            org_unit=village,
            unit_type=unit_type,
            name=name,
            id_number=id_number,
            id_number_hash=id_hash,
            phone=phone,
            phone_hash=pii.keyed_hash(phone),
            description=description,
            since=since,
            created_by=actor,
        )
        # The trail names what was registered, never the ID number or phone themselves.
        audit.record(
            verb="lawunits_entry.create",
            actor=actor,
            obj=entry,
            changes={
                "unit_type": unit_type.name,
                "name": pii.mask_name(name) if unit_type.personal else name,
                "since": since.isoformat(),
                "id_number": bool(id_number),
                "phone": bool(phone),
            },
        )
    return entry


def _locked_entry(actor, entry: RegistryEntry) -> RegistryEntry:
    locked = (
        RegistryEntry.objects.select_for_update(of=("self",))
        .select_related("org_unit", "unit_type")
        .filter(pk=entry.pk)
        .first()
    )
    if locked is None or not unit_in_scope(actor, locked.org_unit, WRITER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    return locked


def entry_remove(*, actor, entry: RegistryEntry, reason) -> RegistryEntry:
    """Take an entry off the registry (moved away, no longer qualified); kept as history."""
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以修改法治微单元")
    reason = _text(reason, "reason", "移出原因", limit=200)
    with transaction.atomic():
        locked = _locked_entry(actor, entry)
        if not locked.is_active:
            raise ServiceError("该记录已移出名册", code="wrong_state")
        locked.is_active = False
        locked.save(update_fields=["is_active"])
        audit.record(
            verb="lawunits_entry.remove", actor=actor, obj=locked, changes={"reason": reason}
        )
    return locked


def entry_evidence_add(*, actor, entry: RegistryEntry, uploaded_file):
    """An evidence file of an entry (聘书, 培训照片, 挂牌照片 …); photos without metadata."""
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以上传佐证")
    with transaction.atomic():
        locked = _locked_entry(actor, entry)
        return attachment_add(actor=actor, record=locked, uploaded_file=uploaded_file)


def training_add(*, actor, entry: RegistryEntry, held_on, topic, hours) -> Training:
    """A training the registered person took part in (法律明白人 培训记录)."""
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以记录培训")
    topic = _text(topic, "topic", "培训内容", limit=200)
    try:
        held_on = past_date(held_on, "held_on", "培训日期")
    except ServiceError as exc:
        if "晚于" in exc.message:
            raise ServiceError(TRAINING_FUTURE, errors={"held_on": [TRAINING_FUTURE]}) from exc
        raise
    try:
        hours = Decimal(str(hours)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        raise ServiceError("学时应为数字", errors={"hours": ["学时应为数字"]}) from None
    if not (Decimal("0.5") <= hours <= Decimal("100")):
        raise ServiceError("学时应在0.5至100之间", errors={"hours": ["学时应在0.5至100之间"]})
    with transaction.atomic():
        locked = _locked_entry(actor, entry)
        if not locked.unit_type.personal:
            raise ServiceError(NOT_PERSON_TYPE, code="wrong_kind")
        t = Training.objects.create(
            org_unit=locked.org_unit,
            entry=locked,
            held_on=held_on,
            topic=topic,
            hours=hours,
            created_by=actor,
        )
        RegistryEntry.objects.filter(pk=locked.pk).update(training_count=F("training_count") + 1)
        audit.record(
            verb="lawunits_training.create",
            actor=actor,
            obj=locked,
            changes={"held_on": held_on.isoformat(), "topic": topic, "hours": str(hours)},
        )
    return t
