"""Registering and editing a contract (登记, 修改 while still a draft), checked against
every rule, and the town a new contract (or an imported ledger) belongs to."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope

from ..models import WRITER_ROLES, Contract
from .checks import FIELDS, RuleErrors, check
from .flow import CONTRACT_FLOW, NOT_FOUND, Status, today_or


def refusal(exc: RuleErrors) -> ServiceError:
    return ServiceError(exc.message, errors=exc.errors, code="invalid")


def writer_unit(actor, org_unit: OrgUnit | None) -> OrgUnit:
    """The town a new contract belongs to: the one asked for (if the actor runs contracts
    there), else the actor's town."""
    if org_unit is not None:
        if org_unit.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, org_unit, WRITER_ROLES):
            raise ServiceError(NOT_FOUND, errors={"org_unit": [NOT_FOUND]}, code="not_found")
        return org_unit
    towns = [u for u in actor.units_for(WRITER_ROLES) if u.kind == OrgUnit.Kind.TOWN]
    if not towns:
        raise Forbidden("只有乡镇法治办工作人员可以登记合同")
    return towns[0]


def contract_create(*, actor, org_unit: OrgUnit | None = None, on: dt.date | None = None, **data):
    """Register a contract (登记) in the actor's town, checked against every rule."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以登记合同")
    unit = writer_unit(actor, org_unit)
    try:
        checked = check(data, unit)
    except RuleErrors as exc:
        raise refusal(exc) from None
    with transaction.atomic():
        contract = Contract.objects.create(
            org_unit=unit, created_by=actor, created_on=today_or(on), **checked.fields
        )
        CONTRACT_FLOW.start(actor=actor, obj=contract, label="登记")
        audit.record(
            verb="contract.create",
            actor=actor,
            obj=contract,
            changes={
                "title": contract.title,
                "category": contract.category,
                "counterparty": contract.counterparty_name,
                "amount": str(contract.amount),
            },
        )
    return contract


def contract_update(*, actor, contract: Contract, **data) -> Contract:
    """Edit a contract while it is still a draft (登记 or returned for revision)."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以修改合同")
    with transaction.atomic():
        locked = Contract.objects.select_for_update().get(pk=contract.pk)
        if not unit_in_scope(actor, locked.org_unit, WRITER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if locked.status != Status.DRAFT:
            raise ServiceError(
                f"当前状态为“{locked.get_status_display()}”,只有登记状态的合同可以修改",
                code="wrong_state",
            )
        merged = {name: getattr(locked, name) for name in FIELDS}
        merged.update({k: v for k, v in data.items() if k in FIELDS})
        try:
            checked = check(merged, locked.org_unit)
        except RuleErrors as exc:
            raise refusal(exc) from None
        before = {name: getattr(locked, name) for name in FIELDS}
        for name, value in checked.fields.items():
            setattr(locked, name, value)
        locked.save()
        changes = audit.diff(
            {k: str(v) for k, v in before.items()},
            {k: str(getattr(locked, k)) for k in FIELDS},
        )
        audit.record(verb="contract.update", actor=actor, obj=locked, changes=changes)
    return locked
