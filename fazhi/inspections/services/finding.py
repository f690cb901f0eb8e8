"""Findings and their rectification: recording a finding of an open inspection, the
owner's 提交整改 (with the rectification and at least one piece of evidence), the
inspecting side's 审核销号 or 退回整改, and corrections while it is 待整改 or 退回."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachments_for
from fazhi.core.deadlines import deadline as compute_deadline
from fazhi.core.models import User
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from ..models import Finding, Inspection
from ..params import (
    COMPLETED,
    DEADLINE_BEFORE_START,
    FINDING_CLOSED_NO_EDIT,
    FINDING_SUBMITTED_NO_EDIT,
    NEEDS_EVIDENCE,
    NEEDS_RECTIFICATION,
    NOT_ISSUED,
    OWN_FINDING,
    OWNER_OUTSIDE,
    RECTIFY_DAYS,
)
from .common import (
    INSPECTOR_ROLES,
    MAX_BASIS,
    MAX_TEXT,
    NOT_FOUND,
    _date,
    _iso_or_none,
    _locked_open_inspection,
    _text,
    _unknown_fields,
    is_inspector,
    owner_in_town,
)

# What the inspecting side may correct, with the labels the "最近修改" line shows.
FINDING_EDITABLE = {
    "description": "问题描述",
    "basis": "依据",
    "owner": "整改责任人",
    "deadline": "整改期限",
}


def finding_add(
    *, actor, inspection: Inspection, description, basis, owner, deadline=None, on=None
) -> Finding:
    """Record a finding of an open inspection: what, under which rule, who rectifies it by
    when (default: the configured period from today, on the official calendar)."""
    check_role(actor, INSPECTOR_ROLES, "只有督查单位可以记录督查问题")
    description = _text(description, "description", "问题描述")
    basis = _text(basis, "basis", "依据", limit=MAX_BASIS)
    deadline = _date(deadline, "deadline", "整改期限", required=False)
    if not isinstance(owner, User):
        raise ServiceError("请选择整改责任人", errors={"owner": ["请选择整改责任人"]})
    today = on or clock.today()
    with transaction.atomic():
        locked = _locked_open_inspection(
            actor,
            inspection,
            county_only="只有县级督导可以记录县级督查的问题",
            town_only="只有本镇法治办工作人员可以记录自查问题",
            completed=COMPLETED,
        )
        if not owner_in_town(owner, locked.org_unit):
            message = OWNER_OUTSIDE.format(town=locked.org_unit.name)
            raise ServiceError(message, errors={"owner": [message]})
        if deadline is None:
            deadline = compute_deadline(today, RECTIFY_DAYS.value(locked.org_unit), "days")
        if deadline < locked.started_on:
            message = DEADLINE_BEFORE_START.format(started=locked.started_on.isoformat())
            raise ServiceError(message, errors={"deadline": [message]})
        finding = Finding.objects.create(
            org_unit=locked.org_unit,
            inspection=locked,
            description=description,
            basis=basis,
            owner=owner,
            deadline=deadline,
            created_by=actor,
        )
        FINDING_FLOW.start(actor=actor, obj=finding, label="记录问题")
        audit.record(
            verb="inspection_finding.create",
            actor=actor,
            obj=finding,
            changes={
                "inspection": locked.pk,
                "basis": basis,
                "owner": owner.get_username(),
                "deadline": deadline.isoformat(),
            },
        )
    return finding


# --- the workflow ---------------------------------------------------------------------------


def _issued(obj, actor, **_):
    if obj.inspection.status != Inspection.Status.RECTIFYING:
        return NOT_ISSUED
    return None


def _has_rectification(obj, actor, rectification=None, **_):
    if not (rectification or "").strip():
        return NEEDS_RECTIFICATION
    return None


def _has_evidence(obj, actor, **_):
    if not attachments_for(obj).exists():
        return NEEDS_EVIDENCE
    return None


def _not_own(obj, actor, **_):
    return OWN_FINDING if obj.owner_id == actor.pk else None


def _is_owner(obj, actor) -> bool:
    # The owner acts while they hold a staff role in the inspected town (a village
    # cadre's membership sits below the town, so plain scoping would not find it).
    return obj.owner_id == actor.pk and owner_in_town(actor, obj.org_unit)


def _inspects_finding(obj, actor) -> bool:
    return is_inspector(actor, obj.inspection)


# The effects audit the new value of the field that matters (not a before/after pair), as
# these steps always have; when it was submitted and who closed it are on the timeline.


def _submit(step) -> None:
    """提交整改: the rectification as written, and when."""
    rectification = step.params["rectification"]
    step.obj.rectification = rectification
    step.obj.submitted_at = clock.now()
    step.changes["rectification"] = rectification


def _close(step) -> None:
    """销号: who closed it, on which day."""
    today = step.params["on"]
    step.obj.closed_by = step.actor
    step.obj.closed_on = today
    step.changes["closed_on"] = today.isoformat()


FINDING_FLOW = Workflow(
    Finding,
    audit_prefix="inspection_finding",
    status_labels=Finding.Status,
    transitions=[
        Transition(
            "submit",
            "提交整改",
            {Finding.Status.PENDING, Finding.Status.RETURNED},
            Finding.Status.SUBMITTED,
            allowed=_is_owner,
            allowed_decides=True,  # the finding's owner, whatever their role
            guards=[_issued, _has_rectification, _has_evidence],
            effect=_submit,
        ),
        Transition(
            "close",
            "审核销号",
            {Finding.Status.SUBMITTED},
            Finding.Status.CLOSED,
            roles=INSPECTOR_ROLES,
            allowed=_inspects_finding,
            guards=[_not_own],
            style="success",
            effect=_close,
        ),
        Transition(
            "return",
            "退回整改",
            {Finding.Status.SUBMITTED},
            Finding.Status.RETURNED,
            roles=INSPECTOR_ROLES,
            allowed=_inspects_finding,
            guards=[_not_own],
            note_required=True,
            style="outline-danger",
        ),
    ],
)


def finding_transition(
    *, actor, obj: Finding, verb: str, note="", rectification=None, on=None
) -> Finding:
    """提交整改 (with the rectification text; evidence attached beforehand), 审核销号 or
    退回整改 (with a note saying what is missing)."""
    note = _text(note, "note", "说明", required=False, limit=2000)
    if rectification is not None:
        rectification = _text(
            rectification, "rectification", "整改情况", required=False, limit=MAX_TEXT
        )
    return FINDING_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        rectification=rectification,
        on=on or clock.today(),
    )


# --- corrections -------------------------------------------------------------------------


def finding_editable(user, finding: Finding) -> str | None:
    """None when `user` may correct the finding now, else why not (for the buttons)."""
    if not is_inspector(user, finding.inspection):
        return "只有督查单位可以修改督查问题"
    if finding.status == Finding.Status.SUBMITTED:
        return FINDING_SUBMITTED_NO_EDIT
    if finding.status == Finding.Status.CLOSED:
        return FINDING_CLOSED_NO_EDIT
    return None


def finding_update(*, actor, finding: Finding, **fields) -> Finding:
    """Correct a finding while it is 待整改 or 退回 (the inspecting side): any of
    description, basis, owner, deadline, under the guards of recording it. Once the
    rectification is submitted the finding is what the owner answered: it must be
    returned first. Audited with before/after."""
    check_role(actor, INSPECTOR_ROLES, "只有督查单位可以修改督查问题")
    _unknown_fields(fields, FINDING_EDITABLE)
    clean = {}
    if "description" in fields:
        clean["description"] = _text(fields["description"], "description", "问题描述")
    if "basis" in fields:
        clean["basis"] = _text(fields["basis"], "basis", "依据", limit=MAX_BASIS)
    if "owner" in fields:
        if not isinstance(fields["owner"], User):
            raise ServiceError("请选择整改责任人", errors={"owner": ["请选择整改责任人"]})
        clean["owner"] = fields["owner"]
    if "deadline" in fields:
        clean["deadline"] = _date(fields["deadline"], "deadline", "整改期限")
    with transaction.atomic():
        locked = (
            Finding.objects.select_for_update(of=("self",))
            .select_related("org_unit", "owner", "inspection__org_unit", "inspection__conducted_by")
            .filter(pk=finding.pk)
            .first()
        )
        if locked is None or not unit_in_scope(actor, locked.org_unit, INSPECTOR_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        inspection = locked.inspection
        if not is_inspector(actor, inspection):
            raise Forbidden(
                "只有县级督导可以修改县级督查的问题"
                if inspection.is_county
                else "只有本镇法治办工作人员可以修改自查问题"
            )
        if locked.status == Finding.Status.SUBMITTED:
            raise ServiceError(FINDING_SUBMITTED_NO_EDIT, code="wrong_state")
        if locked.status == Finding.Status.CLOSED:
            raise ServiceError(FINDING_CLOSED_NO_EDIT, code="wrong_state")
        owner = clean.get("owner")
        if owner is not None and not owner_in_town(owner, locked.org_unit):
            message = OWNER_OUTSIDE.format(town=locked.org_unit.name)
            raise ServiceError(message, errors={"owner": [message]})
        deadline = clean.get("deadline")
        if deadline is not None and deadline < inspection.started_on:
            message = DEADLINE_BEFORE_START.format(started=inspection.started_on.isoformat())
            raise ServiceError(message, errors={"deadline": [message]})
        before, after = {}, {}
        for name, value in clean.items():
            if name == "owner":
                if locked.owner_id != value.pk:
                    before["owner"], after["owner"] = (
                        locked.owner.get_username(),
                        value.get_username(),
                    )
                    locked.owner = value
                continue
            old = getattr(locked, name)
            if old != value:
                as_text = _iso_or_none if name == "deadline" else (lambda v: v)
                before[name], after[name] = as_text(old), as_text(value)
                setattr(locked, name, value)
        if after:
            locked.save(update_fields=sorted(after))
            audit.record(
                verb="inspection_finding.update",
                actor=actor,
                obj=locked,
                changes=audit.diff(before, after),
            )
    return locked
