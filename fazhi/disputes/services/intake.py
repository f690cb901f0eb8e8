"""Intake (受理登记) and routing (分流): a dispute registered from a grid visit, a walk-in,
a phone call or by its own initiative; a resident's online report; its parties; and the
routing between the village 调委会, the town (镇调委会/司法所) and other bodies."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.models import OrgUnit, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import Dispute, Party, Routing
from ..params import PARTIES_REQUIRED, ROUTE_REASON
from .common import (
    INTAKE_ROLES,
    MEDIATOR_ROLES,
    NOT_FOUND,
    _amount,
    _choice,
    _count,
    _date,
    _text,
    category_choices,
    clean_id_number,
    clean_phone,
    due_for,
    handling_unit,
    locked_dispute,
    town_of,
)
from .flow import DISPUTE_FLOW

STAFF_SOURCES = [(s.value, s.label) for s in Dispute.Source if s != Dispute.Source.ONLINE]


def _clean_party(data: dict, n: int | None, *, id_required: bool) -> dict:
    """One party's fields, cleaned; field errors are named party-<n>-<field> (or plain
    <field> for a single party's form, n=None)."""
    prefix = "" if n is None else f"party-{n}-"

    def name(field):
        return prefix + field

    role = _choice(data.get("role"), Party.Side, name("role"), "当事人类别")
    party_name = _text(data.get("name"), name("name"), "当事人姓名(名称)", limit=100)
    id_number, id_hash = clean_id_number(
        data.get("id_number"), name("id_number"), required=id_required
    )
    phone = clean_phone(data.get("phone"), name("phone"), required=False)
    address = _text(data.get("address"), name("address"), "住址", required=False, limit=200)
    return {
        "role": role,
        "name": party_name,
        "id_number": id_number,
        "id_hash": id_hash,
        "phone": phone,
        "address": address,
    }


def _clean_parties(parties, *, minimum: int, id_required: bool) -> list[dict]:
    rows = [p for p in (parties or []) if any(str(v or "").strip() for v in p.values())]
    if len(rows) < minimum:
        raise ServiceError(PARTIES_REQUIRED, errors={"parties": [PARTIES_REQUIRED]})
    if len(rows) > 20:
        raise ServiceError("当事人不能超过20方", errors={"parties": ["当事人不能超过20方"]})
    cleaned = [_clean_party(p, n, id_required=id_required) for n, p in enumerate(rows)]
    if minimum >= 2 and not {p["role"] for p in cleaned} >= {"applicant", "respondent"}:
        message = "当事人须包括申请人和被申请人"
        raise ServiceError(message, errors={"parties": [message]})
    return cleaned


def _party_changes(cleaned: list[dict]) -> list[str]:
    """What the audit trail keeps of the parties: roles and masked names, never numbers."""
    return [f"{Party.Side(p['role']).label} {p['name'][:1]}*" for p in cleaned]


def dispute_create(
    *,
    actor,
    org_unit: OrgUnit,
    source: str,
    category: str,
    place: str,
    summary: str,
    parties: list[dict],
    amount=None,
    involved_count=None,
    source_visit_id=None,
    registered_on=None,
) -> Dispute:
    """受理登记: a dispute with at least two parties (each with a valid ID number)."""
    check_role(actor, INTAKE_ROLES, "只有司法所、村(社区)干部或网格员可以登记纠纷")
    unit, reported, body = handling_unit(actor, org_unit)
    source = _choice(source, STAFF_SOURCES, "source", "来源")
    category = _choice(category, category_choices(unit), "category", "纠纷类别")
    place = _text(place, "place", "纠纷发生地", limit=200)
    summary = _text(summary, "summary", "纠纷简要情况")
    amount = _amount(amount)
    involved_count = _count(involved_count)
    registered_on = _date(registered_on or clock.today(), "registered_on", "登记日期")
    visit_id = None
    if source == Dispute.Source.GRID_VISIT and source_visit_id not in (None, ""):
        try:
            visit_id = int(source_visit_id)
        except (TypeError, ValueError):
            visit_id = -1
        if not 1 <= visit_id <= 2**63 - 1:
            raise ServiceError("来源走访记录编号有误", errors={"source_visit_id": ["编号有误"]})
    cleaned = _clean_parties(parties, minimum=2, id_required=True)
    with transaction.atomic():
        dispute = Dispute(
            org_unit=unit,
            reported_unit=reported,
            source=source,
            source_visit_id=visit_id,
            category=category,
            place=place,
            amount=amount,
            involved_count=involved_count,
            summary=summary,
            handler_body=body,
            registered_on=registered_on,
            created_by=actor,
        )
        dispute.next_due = due_for(dispute)
        dispute.save()
        Party.objects.bulk_create(
            [Party(dispute=dispute, registered_on=registered_on, **p) for p in cleaned]
        )
        DISPUTE_FLOW.start(actor=actor, obj=dispute, label="受理登记")
        audit.record(
            verb="dispute.create",
            actor=actor,
            obj=dispute,
            changes={
                "source": source,
                "source_visit_id": visit_id,
                "category": category,
                "place": place,
                "handler": dispute.get_handler_body_display(),
                "parties": _party_changes(cleaned),
            },
        )
    return dispute


def resident_unit(actor) -> OrgUnit:
    """The village, community or town where a resident is registered."""
    for m in actor.active_memberships():
        if m.role == Role.RESIDENT and m.org_unit.kind != OrgUnit.Kind.COUNTY:
            unit = m.org_unit
            return unit.parent if unit.kind == OrgUnit.Kind.GRID else unit
    raise Forbidden("请先由所在村(社区)或乡镇登记您的居住地,再网上反映纠纷")


def online_submit(
    *,
    actor,
    category: str,
    place: str,
    summary: str,
    name: str,
    phone: str,
    id_number: str = "",
    other_party: str = "",
) -> Dispute:
    """A resident reports a dispute online: it lands as "网上反映" in the queue of their
    village committee (or town), with the resident as applicant."""
    check_role(actor, {Role.RESIDENT}, "网上反映纠纷请使用群众账号")
    unit = resident_unit(actor)
    category = _choice(category, category_choices(unit), "category", "纠纷类别")
    place = _text(place, "place", "纠纷发生地", limit=200)
    summary = _text(summary, "summary", "纠纷简要情况")
    name = _text(name, "name", "您的姓名", limit=100)
    phone = clean_phone(phone, "phone", required=True)
    id_number, id_hash = clean_id_number(id_number, "id_number", required=False)
    other = _text(other_party, "other_party", "对方当事人", required=False, limit=100)
    body = Dispute.Body.TOWN if unit.kind == OrgUnit.Kind.TOWN else Dispute.Body.VILLAGE
    today = clock.today()
    with transaction.atomic():
        dispute = Dispute(
            org_unit=unit,
            source=Dispute.Source.ONLINE,
            category=category,
            place=place,
            summary=summary,
            handler_body=body,
            registered_on=today,
            created_by=actor,
        )
        dispute.next_due = due_for(dispute)
        dispute.save()
        rows = [
            Party(dispute=dispute, role=Party.Side.APPLICANT, name=name, id_number=id_number,
                  id_hash=id_hash, phone=phone, registered_on=today),
        ]  # fmt: skip
        if other:
            rows.append(
                Party(dispute=dispute, role=Party.Side.RESPONDENT, name=other, registered_on=today)
            )
        Party.objects.bulk_create(rows)
        DISPUTE_FLOW.start(actor=actor, obj=dispute, label="群众网上反映")
        audit.record(
            verb="dispute.online_submit",
            actor=actor,
            obj=dispute,
            changes={"category": category, "place": place, "unit": unit.name},
        )
    return dispute


def party_add(*, actor, dispute: Dispute, **fields) -> Party:
    """补充当事人 (before the outcome)."""
    with transaction.atomic():
        locked = locked_dispute(actor, dispute)
        if locked.status not in Dispute.OPEN:
            raise ServiceError("纠纷已有调解结果,不能再补充当事人", code="wrong_state")
        cleaned = _clean_party(fields, None, id_required=True)
        party = Party.objects.create(dispute=locked, registered_on=locked.registered_on, **cleaned)
        audit.record(
            verb="dispute_party.create",
            actor=actor,
            obj=party,
            org_unit=locked.org_unit,
            changes={"dispute": locked.pk, "party": _party_changes([cleaned])[0]},
        )
    return party


def party_update(*, actor, party: Party, **fields) -> Party:
    """Complete or correct a party (e.g. the ID number of an online report's other side).
    The audit trail names the fields changed, never their values."""
    with transaction.atomic():
        locked = locked_dispute(actor, party.dispute)
        if locked.status not in Dispute.OPEN:
            raise ServiceError("纠纷已有调解结果,不能再修改当事人", code="wrong_state")
        row = Party.objects.select_for_update().get(pk=party.pk, dispute=locked)
        cleaned = _clean_party(fields, None, id_required=True)
        changed = [k for k, v in cleaned.items() if k != "id_hash" and getattr(row, k) != v]
        for key, value in cleaned.items():
            setattr(row, key, value)
        if changed:
            row.save()
            audit.record(
                verb="dispute_party.update",
                actor=actor,
                obj=row,
                org_unit=locked.org_unit,
                changes={"dispute": locked.pk, "fields": changed},
            )
    return row


# --- routing (分流) -------------------------------------------------------------------------


def route_choices(actor, dispute: Dispute) -> list[tuple[str, str]]:
    """Where `actor` may route the dispute now."""
    S = Dispute.Body
    options = []
    if dispute.handler_body == S.VILLAGE:
        options += [(S.TOWN, S.TOWN.label), (S.LAW_OFFICE, S.LAW_OFFICE.label)]
    elif actor.has_role(Role.LAW_OFFICER):
        options += [(S.TOWN, S.TOWN.label), (S.LAW_OFFICE, S.LAW_OFFICE.label)]
        options = [o for o in options if o[0] != dispute.handler_body]
        options.append((S.VILLAGE, S.VILLAGE.label))
    options.append((S.OTHER, "其他机关(派出所、法院、信访、劳动仲裁、行政机关等)"))
    return options


def dispute_route(
    *, actor, dispute: Dispute, to_body: str, reason: str, to_name: str = "", to_unit=None
) -> Dispute:
    """分流 with its reason: the village 调委会 hands up to the town (the dispute's unit
    becomes the town), the town hands down to a village, or either transfers the matter
    to another body (派出所, 法院, 信访, 劳动仲裁, 行政机关 …), which ends mediation here
    (status 已移交)."""
    check_role(actor, MEDIATOR_ROLES, "只有村(居)调委会或司法所可以分流纠纷")
    reason = _text(reason, "reason", "分流理由", limit=2000) if reason else ""
    if not reason:
        raise ServiceError(ROUTE_REASON, errors={"reason": [ROUTE_REASON]})
    to_body = _choice(to_body, route_choices(actor, dispute), "to_body", "分流至")
    today = clock.today()
    if to_body == Dispute.Body.OTHER:
        to_name = _text(to_name, "to_name", "接收机关名称", limit=100)

        def record(locked):
            Routing.objects.create(
                dispute=locked, from_body=locked.handler_label, to_body=to_body, to_name=to_name,
                reason=reason, routed_on=today, routed_by=actor,
            )  # fmt: skip
            return {"to": to_name, "reason": reason}

        return DISPUTE_FLOW.run(
            actor=actor, obj=dispute, verb="transfer", note=reason, apply=record, on=today
        )
    with transaction.atomic():
        locked = locked_dispute(actor, dispute)
        if locked.status not in Dispute.OPEN:
            raise ServiceError("纠纷已有调解结果,不能再分流", code="wrong_state")
        town = town_of(locked.org_unit)
        if to_body == Dispute.Body.VILLAGE:
            if (
                to_unit is None
                or to_unit.kind
                not in (
                    OrgUnit.Kind.VILLAGE,
                    OrgUnit.Kind.COMMUNITY,
                )
                or not to_unit.code.startswith(town.code)
            ):
                message = "请选择本镇的村(社区)"
                raise ServiceError(message, errors={"to_unit": [message]})
            target, name = to_unit, f"{to_unit.name}人民调解委员会"
        else:
            target = town
            name = f"{town.name}人民调解委员会" if to_body == Dispute.Body.TOWN else (
                f"{town.name}司法所"
            )  # fmt: skip
        if not unit_in_scope(actor, target, MEDIATOR_ROLES) and to_body == Dispute.Body.VILLAGE:
            raise Forbidden(NOT_FOUND)
        before = {"org_unit": locked.org_unit.name, "handler": locked.handler_label}
        Routing.objects.create(
            dispute=locked, from_body=locked.handler_label, to_body=to_body, to_name=name,
            reason=reason, routed_on=today, routed_by=actor,
        )  # fmt: skip
        locked.org_unit, locked.handler_body, locked.handler_name = target, to_body, name
        locked.save(update_fields=["org_unit", "handler_body", "handler_name"])
        # The timeline shows the routing beside the status changes.
        StatusChange.objects.create(
            org_unit=target,
            content_type=ContentType.objects.get_for_model(Dispute),
            object_id=locked.pk,
            verb="route",
            label=f"分流至{name}",
            from_status=locked.status,
            to_status=locked.status,
            actor=actor,
            note=reason,
        )
        audit.record(
            verb="dispute.route",
            actor=actor,
            obj=locked,
            changes=audit.diff(before, {"org_unit": target.name, "handler": name})
            | {"reason": reason},
        )
    return locked
