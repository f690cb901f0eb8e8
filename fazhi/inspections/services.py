"""Every write of 督查整改.

Who does what:
- the county supervisor opens a 县级专项督查 of a town of their county and records its
  findings; the town's law officer does the same for the town's own 自查;
- that inspecting side issues the rectification notice (下发整改通知), and closes (销号) or
  returns (退回) each rectification;
- a finding's owner (staff of the inspected town) submits the rectification with its
  evidence (at least one attachment);
- the inspection is completed (办结) only when every finding is closed, or, with no
  finding at all, with the explicit conclusion "未发现需整改问题".
"""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db import transaction

from fazhi.core import audit, clock, params
from fazhi.core.attachments import attachments_for
from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline as compute_deadline
from fazhi.core.models import OrgUnit, User
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from .models import OWNER_ROLES, READER_ROLES, Finding, Inspection, owner_town_codes

RECTIFY_DAYS = params.define(
    "inspections.rectify_days",
    "督查问题整改期限",
    default=30,
    unit="日",
    basis="本地规则:督查通知未另定期限的,自问题记录之日起30日内整改到位",
    minimum=1,
    maximum=365,
)

# Who opens inspections and records findings: the county for its towns, a town for itself.
INSPECTOR_ROLES = frozenset({Role.COUNTY_SUPERVISOR, Role.LAW_OFFICER})
# Who opens the pages of this app at all (what each sees is then scoped).
PAGE_ROLES = READER_ROLES | OWNER_ROLES

NOT_FOUND = "记录不存在或无权查看"
MAX_TITLE = 200
MAX_BASIS = 200
MAX_TEXT = 5000

# The refusals, each naming the rule it enforces (tests assert them).
NEEDS_EVIDENCE = "整改须附佐证材料:请先上传至少一份整改佐证(照片、文件等)再提交"
NEEDS_RECTIFICATION = "整改须写明整改情况:请填写采取的整改措施和结果"
OPEN_FINDINGS = "尚有{n}个问题未整改销号,不得办结督查(督查问题须整改到位、逐项销号)"
NO_FINDINGS_NEEDS_CONCLUSION = (
    "本次督查未记录问题:须明确记录结论“未发现需整改问题”方可办结(无问题也须作为结论记录)"
)
FINDINGS_CONTRADICT = "本次督查已发现问题,结论不能为“未发现需整改问题”"
NO_FINDINGS_TO_ISSUE = "未记录任何问题,不能下发整改通知;未发现问题的,请以“未发现需整改问题”办结督查"
NOT_ISSUED = "督查尚未下发整改通知,暂不能提交整改"
DEADLINE_BEFORE_START = "整改期限不能早于督查开始日期({started})"
ENDED_BEFORE_START = "结束日期不能早于督查开始日期({started})"
OWNER_OUTSIDE = "整改责任人须为被督查单位({town})的工作人员"
OWN_FINDING = "整改责任人不得为本人负责的问题销号"
COMPLETED = "督查已办结,不能再添加问题"
COMPLETED_NO_EDIT = "督查已办结,不能再修改(办结的督查是已形成的记录)"
FINDING_SUBMITTED_NO_EDIT = "已提交整改的问题不能修改,请先退回"
FINDING_CLOSED_NO_EDIT = "已销号的问题不能修改(销号即整改已核实完毕)"
START_AFTER_DEADLINE = "开始日期不能晚于已记录问题的整改期限({deadline})"
UNKNOWN_FIELDS = "不能修改的字段:{fields}"

# What the inspecting side may correct, with the labels the "最近修改" line shows.
INSPECTION_EDITABLE = {
    "title": "督查名称",
    "topic": "督查内容",
    "basis": "督查依据",
    "started_on": "开始日期",
    "ended_on": "结束日期",
}
FINDING_EDITABLE = {
    "description": "问题描述",
    "basis": "依据",
    "owner": "整改责任人",
    "deadline": "整改期限",
}


# --- who is who -------------------------------------------------------------------------


def inspector_roles(inspection: Inspection) -> set:
    """The inspecting side: the county supervisor for the county's inspections, the
    town's law officer for its self-inspections."""
    return {Role.COUNTY_SUPERVISOR} if inspection.is_county else {Role.LAW_OFFICER}


def is_inspector(user, inspection: Inspection) -> bool:
    roles = inspector_roles(inspection)
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*roles)
        and unit_in_scope(user, inspection.org_unit, roles)
    )


def owner_in_town(owner: User, town: OrgUnit) -> bool:
    """Whether `owner` holds a staff role in the town or one of its villages and grids."""
    return town.code in owner_town_codes(owner)


def owner_choices(town: OrgUnit):
    """Everyone who may own a finding of an inspection of `town` (one query)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=OWNER_ROLES,
            memberships__org_unit__code__startswith=town.code,
        )
        .distinct()
        .order_by("full_name", "username")
    )


def town_choices(user, kind: str | None = None):
    """Towns the user may open an inspection of (county: its towns; law officer: own)."""
    if user.has_role(Role.COUNTY_SUPERVISOR) and kind != Inspection.Kind.SELF:
        qs = OrgUnit.objects.visible_to(user, {Role.COUNTY_SUPERVISOR})
    else:
        qs = OrgUnit.objects.visible_to(user, {Role.LAW_OFFICER})
    return qs.filter(kind=OrgUnit.Kind.TOWN, is_active=True).order_by("code")


# --- validation helpers -------------------------------------------------------------------


# Free text: one cleaning for every app, with this module's default length.
_text = partial(clean_text, limit=MAX_TEXT)


def _choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values or value == "":
        options = "、".join(str(c.label) for c in choices if c.value)
        message = f"{label}不正确,可选:{options}"
        raise ServiceError(message, errors={field: [message]})
    return value


def _date(value, field: str, label: str, *, required=True) -> date | None:
    if value is None or value == "":
        if required:
            raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        message = f"{label}格式应为 YYYY-MM-DD"
        raise ServiceError(message, errors={field: [message]}) from None


# --- inspections --------------------------------------------------------------------------


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
    today = on or clock.today()

    def apply(locked):
        changes = {}
        if verb == "issue":
            locked.conclusion = Inspection.Conclusion.FOUND
            changes["conclusion"] = Inspection.Conclusion.FOUND
        elif verb == "complete":
            end = ended_on or max(today, locked.started_on)
            locked.ended_on = end
            locked.conclusion = (
                Inspection.Conclusion.FOUND
                if locked.findings.exists()
                else Inspection.Conclusion.NO_ISSUES
            )
            changes.update(conclusion=locked.conclusion, ended_on=end.isoformat())
        return changes

    return INSPECTION_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        apply=apply,
        conclusion=conclusion,
        ended_on=ended_on,
    )


# --- findings ------------------------------------------------------------------------------


def _locked_open_inspection(actor, inspection, *, county_only, town_only, completed):
    """The inspection's row, locked, for the inspecting side while it is not completed:
    out of scope is "not found", the other side is refused with `county_only` (a county
    inspection) or `town_only` (a self-inspection), a completed one with `completed`."""
    locked = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("org_unit", "conducted_by")
        .filter(pk=inspection.pk)
        .first()
    )
    if locked is None or not unit_in_scope(actor, locked.org_unit, INSPECTOR_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not is_inspector(actor, locked):
        raise Forbidden(county_only if locked.is_county else town_only)
    if locked.status == Inspection.Status.COMPLETED:
        raise ServiceError(completed, code="wrong_state")
    return locked


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
    today = on or clock.today()

    def apply(locked):
        if verb == "submit":
            locked.rectification = rectification
            locked.submitted_at = clock.now()
            return {"rectification": rectification}
        if verb == "close":
            locked.closed_by = actor
            locked.closed_on = today
            return {"closed_on": today.isoformat()}
        return None

    return FINDING_FLOW.run(
        actor=actor, obj=obj, verb=verb, note=note, apply=apply, rectification=rectification
    )


# --- corrections -------------------------------------------------------------------------


def _unknown_fields(fields: dict, editable: dict) -> None:
    unknown = sorted(set(fields) - set(editable))
    if unknown:
        message = UNKNOWN_FIELDS.format(fields="、".join(unknown))
        raise ServiceError(message, errors={k: ["不能修改此字段"] for k in unknown})


def _iso_or_none(d) -> str | None:
    return d.isoformat() if d else None


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


def last_change(obj):
    """The latest correction of an inspection or finding: (event, field labels), or None.
    Corrections are no status change, so the audit trail is their record."""
    from fazhi.core.models import AuditEvent

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


audit.VERB_LABELS.update(
    {
        "inspection.create": "发起督查",
        "inspection.update": "修改督查",
        "inspection_finding.update": "修改督查问题",
        "inspection_finding.create": "记录督查问题",
        "inspection.export": "导出督查整改台账",
        **INSPECTION_FLOW.labels(),
        **FINDING_FLOW.labels(),
    }
)
