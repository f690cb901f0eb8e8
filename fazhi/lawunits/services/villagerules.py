"""村规民约: a village files its rules with the town (村民委员会组织法第二十七条第一款), the
text is pre-reviewed at once by the 智能预审 engine's village-rules rule set (fines,
deprivation of rights and benefits, discrimination against women, marriage freedom,
personal freedom — each finding with its legal basis), and the town's law office either
accepts them or returns them for correction (第二十七条第三款: 责令改正) with a deadline
(a parameter); the village refiles the corrected text, which is pre-reviewed again.

Pre-review only points; the officer decides. Accepting rules that still carry findings
needs the officer's reason."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.deadlines import deadline as compute_deadline
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.workflow import Transition, Workflow
from fazhi.reviews.precheck import precheck

from ..models import VillageRules
from ..params import (
    ACCEPT_WITH_FINDINGS,
    FILED_BEFORE_ADOPTED,
    RULES_CORRECTION_DAYS,
    RULES_UNCHANGED,
    VILLAGE_REQUIRED,
)
from .common import OFFICE_ROLES, WRITER_ROLES, _text, past_date, village_in_scope

Status = VillageRules.Status
KIND = "village_rules"
MAX_RULES_TEXT = 30_000


def review_text(text: str) -> list[dict]:
    """The pre-review findings of a text, as stored on the rules."""
    result = precheck(text, KIND)
    return [
        {
            "category": f.category,
            "category_label": f.category_label,
            "rule": f.rule,
            "severity": f.severity,
            "quote": f.quote or "",
            "basis": f.basis,
            "explanation": f.explanation,
            "suggestion": f.suggestion,
        }
        for f in result.findings
    ]


def rules_file(
    *, actor, org_unit, title, text, adopted_on, filed_on=None, uploaded_file=None
) -> VillageRules:
    """File a village's 村规民约 with the town (its cadre, or the office on its behalf):
    the text as adopted by the villagers' meeting, the date adopted, optionally the signed
    copy as a file. The pre-review runs at once; nothing is stored when anything is refused."""
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以报备村规民约")
    village = village_in_scope(actor, org_unit, missing=VILLAGE_REQUIRED)
    title = _text(title, "title", "名称", limit=200)
    text = _text(text, "text", "正文", limit=MAX_RULES_TEXT)
    adopted_on = past_date(adopted_on, "adopted_on", "村民会议通过日期")
    filed_on = past_date(filed_on or clock.today(), "filed_on", "报备日期")
    if filed_on < adopted_on:
        raise ServiceError(FILED_BEFORE_ADOPTED, errors={"filed_on": [FILED_BEFORE_ADOPTED]})
    findings = review_text(text)
    with transaction.atomic():
        rules = VillageRules.objects.create(
            org_unit=village,
            title=title,
            text=text,
            adopted_on=adopted_on,
            filed_on=filed_on,
            findings=findings,
            finding_count=len(findings),
            created_by=actor,
        )
        RULES_FLOW.start(actor=actor, obj=rules, label="报备")
        audit.record(
            verb="lawunits_rules.file",
            actor=actor,
            obj=rules,
            changes={
                "title": title,
                "adopted_on": adopted_on.isoformat(),
                "filed_on": filed_on.isoformat(),
                "finding_count": len(findings),
            },
        )
        if uploaded_file is not None:
            attachment_add(actor=actor, record=rules, uploaded_file=uploaded_file)
    return rules


def rules_attach(*, actor, rules: VillageRules, uploaded_file):
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以上传材料")
    return attachment_add(actor=actor, record=rules, uploaded_file=uploaded_file)


# --- the workflow ---------------------------------------------------------------------------


def _reason_for_findings(obj, actor, reason="", **_):
    if obj.finding_count and not (reason or "").strip():
        return ACCEPT_WITH_FINDINGS.format(n=obj.finding_count)
    return None


def _text_changed(obj, actor, text=None, **_):
    if not (text or "").strip():
        return "请填写改正后的村规民约正文"
    if text.strip() == obj.text.strip():
        return RULES_UNCHANGED
    return None


def _accept(step):
    step.put("accepted_on", step.params["on"])
    step.put("correction_due", None)


def _return(step):
    due = compute_deadline(
        step.params["on"], RULES_CORRECTION_DAYS.value(step.obj.org_unit), "days"
    )
    step.put("correction_due", due)
    step.put("returned_count", step.obj.returned_count + 1)


def _refile(step):
    text = step.params["text"].strip()
    findings = review_text(text)
    step.obj.text = text
    step.obj.findings = findings
    step.put("finding_count", len(findings))
    step.put("version", step.obj.version + 1)
    step.put("filed_on", step.params["on"])
    step.put("correction_due", None)


RULES_FLOW = Workflow(
    VillageRules,
    audit_prefix="lawunits_rules",
    status_labels=Status,
    transitions=[
        Transition(
            "accept",
            "审查通过",
            {Status.FILED},
            Status.ACCEPTED,
            roles=OFFICE_ROLES,
            guards=[_reason_for_findings],
            style="success",
            effect=_accept,
        ),
        Transition(
            "return",
            "退回改正",
            {Status.FILED},
            Status.RETURNED,
            roles=OFFICE_ROLES,
            note_required=True,
            style="outline-danger",
            effect=_return,
        ),
        Transition(
            "refile",
            "改正后重新报备",
            {Status.RETURNED},
            Status.FILED,
            roles=WRITER_ROLES,
            guards=[_text_changed],
            effect=_refile,
        ),
    ],
)


def rules_transition(*, actor, obj: VillageRules, verb: str, note="", text=None, on=None):
    """审查通过 (a reason when findings remain), 退回改正 (saying what to correct; the
    correction deadline follows), 改正后重新报备 (the corrected text, pre-reviewed again)."""
    note = _text(note, "note", "说明", required=False)
    if text is not None:
        text = _text(text, "text", "正文", limit=MAX_RULES_TEXT, required=False)
    return RULES_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        reason=note,
        text=text,
        on=on or clock.today(),
    )
