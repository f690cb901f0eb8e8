"""Inspections: opening one (the county's 专项督查 of a town, or the town's own 自查),
下发整改通知, 办结 (only with every finding closed, or with the stated conclusion
"未发现需整改问题"), and corrections by the inspecting side while it is open."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.models import AuditEvent, OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from ..models import Finding, Inspection
from ..params import (
    COMPLETED_NO_EDIT,
    ENDED_BEFORE_START,
    FINDINGS_CONTRADICT,
    NO_FINDINGS_NEEDS_CONCLUSION,
    NO_FINDINGS_TO_ISSUE,
    OPEN_FINDINGS,
    START_AFTER_DEADLINE,
)
from .common import (
    INSPECTOR_ROLES,
    MAX_BASIS,
    MAX_TITLE,
    NOT_FOUND,
    _choice,
    _date,
    _iso_or_none,
    _locked_open_inspection,
    _text,
    _unknown_fields,
    is_inspector,
)
from .finding import FINDING_EDITABLE

# What the inspecting side may correct, with the labels the "最近修改" line shows.
INSPECTION_EDITABLE = {
    "title": "督查名称",
    "topic": "督查内容",
    "basis": "督查依据",
    "started_on": "开始日期",
    "ended_on": "结束日期",
}


def _conducting_unit(actor, town: OrgUnit, kind: str) -> OrgUnit:
    """The unit that inspects: the county (its supervisor) or the town itself (its law
    officer). Refuses a town outside the actor's scope as not found."""
    county_ok = actor.has_role(Role.COUNTY_SUPERVISOR) and unit_in_scope(
        actor, town, {Role.COUNTY_SUPERVISOR}
    )
    town_ok = actor.has_role(Role.LAW_OFFICER) and unit_in_scope(actor, town, {Role.LAW_OFFICER})
    if kind == Inspection.Kind.COUNTY:
        if not actor.has_role(Role.COUNTY_SUPERVISOR):
            raise Forbidden("县级专项督查由县级督导发起")
        if not county_ok:
            raise Forbidden(NOT_FOUND)
        return town.ancestor_of_kind(OrgUnit.Kind.COUNTY)
    if kind == Inspection.Kind.SELF:
        if not actor.has_role(Role.LAW_OFFICER):
            raise Forbidden("镇级自查由本镇法治办发起")
        if not town_ok:
            raise Forbidden(NOT_FOUND)
        return town
    if county_ok:
        return town.ancestor_of_kind(OrgUnit.Kind.COUNTY)
    if town_ok:
        return town
    raise Forbidden(NOT_FOUND)


def inspection_create(
    *, actor, org_unit: OrgUnit, kind, title, topic, started_on, basis=""
) -> Inspection:
    """Open an inspection of a town (status 进行中)."""
    check_role(actor, INSPECTOR_ROLES, "只有县级督导或镇法治办工作人员可以发起督查")
    kind = _choice(kind, Inspection.Kind, "kind", "督查类型")
    if org_unit is None or org_unit.kind != OrgUnit.Kind.TOWN:
        message = "被督查单位须为乡镇(街道)"
        raise ServiceError(message, errors={"org_unit": [message]})
    title = _text(title, "title", "督查名称", limit=MAX_TITLE)
    topic = _choice(topic, Inspection.Topic, "topic", "督查内容")
    basis = _text(basis, "basis", "督查依据", required=False, limit=MAX_BASIS)
    started_on = _date(started_on, "started_on", "开始日期")
    conducted_by = _conducting_unit(actor, org_unit, kind)
    with transaction.atomic():
        inspection = Inspection.objects.create(
            org_unit=org_unit,
            conducted_by=conducted_by,
            kind=kind,
            title=title,
            topic=topic,
            basis=basis,
            started_on=started_on,
            created_by=actor,
        )
        INSPECTION_FLOW.start(actor=actor, obj=inspection, label="发起督查")
        audit.record(
            verb="inspection.create",
            actor=actor,
            obj=inspection,
            changes={
                "kind": kind,
                "title": title,
                "topic": topic,
                "conducted_by": conducted_by.name,
                "started_on": started_on.isoformat(),
            },
        )
    return inspection


# --- the workflow ---------------------------------------------------------------------------


def _has_findings(obj, actor, **_):
    if not obj.findings.exists():
        return NO_FINDINGS_TO_ISSUE
    return None


def _all_closed(obj, actor, **_):
    n = obj.findings.exclude(status=Finding.Status.CLOSED).count()
    return OPEN_FINDINGS.format(n=n) if n else None


def _conclusion_stated(obj, actor, conclusion=None, ended_on=None, **_):
    has_findings = obj.findings.exists()
    if not has_findings and conclusion != Inspection.Conclusion.NO_ISSUES:
        return NO_FINDINGS_NEEDS_CONCLUSION
    if has_findings and conclusion == Inspection.Conclusion.NO_ISSUES:
        return FINDINGS_CONTRADICT
    if ended_on is not None and ended_on < obj.started_on:
        return ENDED_BEFORE_START.format(started=obj.started_on.isoformat())
    return None


def _inspecting(obj, actor) -> bool:
    return is_inspector(actor, obj)


# The effects audit the new value of each field they set (not a before/after pair), as
# these steps always have.


def _issue(step) -> None:
    """下发: the inspection found problems (its guard saw that it has findings)."""
    step.obj.conclusion = Inspection.Conclusion.FOUND
    step.changes["conclusion"] = Inspection.Conclusion.FOUND


def _complete(step) -> None:
    """办结: the end date (given, else today, never before the start) and the conclusion
    the findings show."""
    obj = step.obj
    end = step.params["ended_on"] or max(step.params["on"], obj.started_on)
    obj.ended_on = end
    obj.conclusion = (
        Inspection.Conclusion.FOUND if obj.findings.exists() else Inspection.Conclusion.NO_ISSUES
    )
    step.changes.update(conclusion=obj.conclusion, ended_on=end.isoformat())


INSPECTION_FLOW = Workflow(
    Inspection,
    audit_prefix="inspection",
    status_labels=Inspection.Status,
    transitions=[
        Transition(
            "issue",
            "下发整改通知",
            {Inspection.Status.IN_PROGRESS},
            Inspection.Status.RECTIFYING,
            roles=INSPECTOR_ROLES,
            allowed=_inspecting,
            guards=[_has_findings],
            effect=_issue,
        ),
        Transition(
            "complete",
            "办结督查",
            {Inspection.Status.IN_PROGRESS, Inspection.Status.RECTIFYING},
            Inspection.Status.COMPLETED,
            roles=INSPECTOR_ROLES,
            allowed=_inspecting,
            guards=[_conclusion_stated, _all_closed],
            style="success",
            effect=_complete,
        ),
    ],
)


def inspection_transition(
    *, actor, obj: Inspection, verb: str, note="", conclusion=None, ended_on=None, on=None
) -> Inspection:
    """下发整改通知 or 办结督查. 办结 records the conclusion and the end date (default
    today)."""
    conclusion = (conclusion or "").strip() or None
    if conclusion is not None:
        conclusion = _choice(conclusion, Inspection.Conclusion, "conclusion", "督查结论")
    ended_on = _date(ended_on, "ended_on", "结束日期", required=False)
    note = _text(note, "note", "说明", required=False, limit=2000)
    return INSPECTION_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        conclusion=conclusion,
        ended_on=ended_on,
        on=on or clock.today(),
    )


# --- corrections -------------------------------------------------------------------------


def inspection_editable(user, inspection: Inspection) -> str | None:
    """None when `user` may correct the inspection now, else why not (for the buttons)."""
    if not is_inspector(user, inspection):
        return "只有督查单位可以修改督查"
    if inspection.status == Inspection.Status.COMPLETED:
        return COMPLETED_NO_EDIT
    return None


def inspection_update(*, actor, inspection: Inspection, **fields) -> Inspection:
    """Correct an inspection that is not completed (the inspecting side): any of title,
    topic, basis, started_on, ended_on. The guards of creation hold again, and the start
    may not move past a recorded finding's deadline. Audited with before/after."""
    check_role(actor, INSPECTOR_ROLES, "只有县级督导或镇法治办工作人员可以修改督查")
    _unknown_fields(fields, INSPECTION_EDITABLE)
    clean = {}
    if "title" in fields:
        clean["title"] = _text(fields["title"], "title", "督查名称", limit=MAX_TITLE)
    if "topic" in fields:
        clean["topic"] = _choice(fields["topic"], Inspection.Topic, "topic", "督查内容")
    if "basis" in fields:
        clean["basis"] = _text(
            fields["basis"], "basis", "督查依据", required=False, limit=MAX_BASIS
        )
    if "started_on" in fields:
        clean["started_on"] = _date(fields["started_on"], "started_on", "开始日期")
    if "ended_on" in fields:
        clean["ended_on"] = _date(fields["ended_on"], "ended_on", "结束日期", required=False)
    with transaction.atomic():
        locked = _locked_open_inspection(
            actor,
            inspection,
            county_only="只有县级督导可以修改县级督查",
            town_only="只有本镇法治办工作人员可以修改自查",
            completed=COMPLETED_NO_EDIT,
        )
        started = clean.get("started_on", locked.started_on)
        ended = clean.get("ended_on", locked.ended_on)
        if ended is not None and ended < started:
            message = ENDED_BEFORE_START.format(started=started.isoformat())
            raise ServiceError(message, errors={"ended_on": [message]})
        if "started_on" in clean:
            earliest = (
                locked.findings.order_by("deadline").values_list("deadline", flat=True).first()
            )
            if earliest is not None and earliest < started:
                message = START_AFTER_DEADLINE.format(deadline=earliest.isoformat())
                raise ServiceError(message, errors={"started_on": [message]})
        before, after = {}, {}
        for name, value in clean.items():
            old = getattr(locked, name)
            if old != value:
                as_text = _iso_or_none if name in ("started_on", "ended_on") else (lambda v: v)
                before[name], after[name] = as_text(old), as_text(value)
                setattr(locked, name, value)
        if after:
            locked.save(update_fields=sorted(after))
            audit.record(
                verb="inspection.update",
                actor=actor,
                obj=locked,
                changes=audit.diff(before, after),
            )
    return locked


def last_change(obj):
    """The latest correction of an inspection or finding: (event, field labels), or None.
    Corrections are no status change, so the audit trail is their record."""
    verb, labels = (
        ("inspection_finding.update", FINDING_EDITABLE)
        if isinstance(obj, Finding)
        else ("inspection.update", INSPECTION_EDITABLE)
    )
    event = (
        AuditEvent.objects.filter(
            verb=verb, object_type=obj._meta.label_lower, object_id=str(obj.pk)
        )
        .select_related("actor")
        .order_by("-id")
        .first()
    )
    if event is None:
        return None
    # In the form's field order: PostgreSQL's jsonb does not keep the keys' order.
    return event, [label for key, label in labels.items() if key in event.changes]
