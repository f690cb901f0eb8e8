"""Every write of 智能预审: running a pre-review and deciding its findings.

A law officer (or legal adviser) of a town runs the engine on a pasted text or an
uploaded .docx; the text and the findings are stored with the run. A reviewer — a legal
adviser or law officer whose scope covers the run's town, never the run's creator —
then marks each finding 采纳 or 不采纳 (a rejection needs a reason)."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import PrecheckFinding, PrecheckRun
from ..precheck import precheck
from ..precheck.context import Context
from ..precheck.engine import Result, to_paragraphs
from ..precheck.reader import PrecheckInputError, check_text, read_bytes
from ..precheck.rules import KINDS

# Who runs a pre-review on a draft of their town.
CREATOR_ROLES = {Role.LAW_OFFICER, Role.LEGAL_ADVISER}
# Who marks findings 采纳 / 不采纳 (in their scope, never on their own run).
DECIDER_ROLES = {Role.LEGAL_ADVISER, Role.LAW_OFFICER}
# Who reads runs (READER_ROLES): the above, and town leaders and county supervisors
# (read-only); defined with the models, whose attachments are read by the same roles.
READER_ROLES = PrecheckRun.reader_roles

# About 130 pages: far above any township draft, and the engine stays well under a second.
MAX_TEXT_CHARS = 100_000
MAX_TITLE = 200
MAX_NOTE = 2000
NOT_FOUND = "记录不存在或无权查看"
OWN_RUN = "起草人不得审核自己的文件"
REJECT_NEEDS_NOTE = "不采纳须说明理由"


def _kind(kind) -> str | None:
    """A valid kind code, or None to let the engine tell from the title."""
    kind = (kind or "").strip()
    if not kind:
        return None
    if kind not in KINDS:
        message = "文件类型不正确,应为规范性文件、合同或行政协议"
        raise ServiceError(message, errors={"kind": [message]})
    return kind


def _checked(paragraphs: list[str], field: str) -> list[str]:
    if any("\x00" in p for p in paragraphs):  # PostgreSQL text and JSON cannot hold it
        raise ServiceError("文件内容含有无效字符(\\x00)", errors={field: ["文件内容含有无效字符"]})
    try:
        paragraphs = check_text(paragraphs)
    except PrecheckInputError as exc:
        raise ServiceError(str(exc), errors={field: [str(exc)]}) from exc
    if sum(len(p) for p in paragraphs) > MAX_TEXT_CHARS:
        message = f"文字过长:一次最多预审{MAX_TEXT_CHARS // 10_000}万字,请分部分预审"
        raise ServiceError(message, errors={field: [message]})
    return paragraphs


def text_paragraphs(text) -> list[str]:
    """Paragraphs of a pasted text (each line one paragraph), or a ServiceError."""
    return _checked(to_paragraphs(str(text or "")), "text")


def file_paragraphs(uploaded_file) -> list[str]:
    """Paragraphs of an uploaded .docx, inspected like every upload, or a ServiceError."""
    name = str(getattr(uploaded_file, "name", "") or "")
    if not name.lower().endswith(".docx"):
        message = "仅支持上传 Word(.docx)文件;其他格式请复制文字后粘贴"
        raise ServiceError(message, errors={"file": [message]})
    try:
        uploaded_file.seek(0)
        paragraphs = read_bytes(uploaded_file.read(), name)
    except PrecheckInputError as exc:
        raise ServiceError(str(exc), errors={"file": [str(exc)]}) from exc
    finally:
        uploaded_file.seek(0)
    return _checked(paragraphs, "file")


def precheck_text(*, actor, text, kind=None) -> Result:
    """Pre-review a pasted text without storing anything (the API's quick check)."""
    check_role(actor, CREATOR_ROLES, "只有法治办工作人员或法律顾问可以使用智能预审")
    return precheck(text_paragraphs(text), _kind(kind))


def _creator_unit(actor, org_unit: OrgUnit | None) -> OrgUnit:
    """The town the run belongs to: the one asked for (if the actor holds a creator role
    there), else the actor's first town, else the unit of their first creator role."""
    if org_unit is not None:
        if not unit_in_scope(actor, org_unit, CREATOR_ROLES):
            raise Forbidden(NOT_FOUND)
        return org_unit
    units = actor.units_for(CREATOR_ROLES)
    towns = [u for u in units if u.kind == OrgUnit.Kind.TOWN]
    return (towns or units)[0]


def precheck_run_create(
    *,
    actor,
    title,
    kind,
    text=None,
    uploaded_file=None,
    org_unit=None,
    context: Context | None = None,
) -> PrecheckRun:
    """Run the pre-review on a pasted text or an uploaded .docx and store the run with its
    findings; the .docx is kept as an attachment of the run. Nothing is stored when the
    input is refused. `context`: what the record the text belongs to holds (a run made
    for a legality review request); the engine then reads the record, not only the text."""
    check_role(actor, CREATOR_ROLES, "只有法治办工作人员或法律顾问可以发起智能预审")
    unit = _creator_unit(actor, org_unit)
    title = clean_text(title, "title", "文件标题", MAX_TITLE)
    kind = _kind(kind)
    has_text = bool(str(text or "").strip())
    if has_text and uploaded_file is not None:
        message = "请在粘贴文字和上传文件中选择一种"
        raise ServiceError(message, errors={"text": [message]})
    if uploaded_file is not None:
        paragraphs = file_paragraphs(uploaded_file)
    elif has_text:
        paragraphs = text_paragraphs(text)
    else:
        message = "请粘贴文件内容或上传 Word(.docx)文件"
        raise ServiceError(message, errors={"text": [message]})

    result = precheck(paragraphs, kind, context)
    with transaction.atomic():
        run = PrecheckRun.objects.create(
            org_unit=unit,
            title=title,
            kind=result.kind,
            paragraphs=result.paragraphs,
            created_by=actor,
        )
        PrecheckFinding.objects.bulk_create(
            PrecheckFinding(
                run=run,
                position=i,
                category=f.category,
                rule=f.rule,
                severity=f.severity,
                paragraph=f.paragraph,
                start=f.start,
                end=f.end,
                quote=f.quote or "",
                basis=f.basis,
                explanation=f.explanation,
                suggestion=f.suggestion,
            )
            for i, f in enumerate(result.findings)
        )
        audit.record(
            verb="precheck.run",
            actor=actor,
            obj=run,
            org_unit=unit,
            changes={
                "title": title,
                "kind": result.kind,
                "source": uploaded_file.name if uploaded_file is not None else "粘贴文字",
                "paragraphs": len(result.paragraphs),
                "findings": len(result.findings),
                "high": sum(f.severity == "high" for f in result.findings),
                **({"context_stage": context.stage} if context is not None else {}),
            },
        )
        if uploaded_file is not None:
            # Last: attachment_add removes its file itself if it fails, and nothing after
            # it can roll the row back and leave the file behind.
            attachment_add(actor=actor, record=run, uploaded_file=uploaded_file)
    return run


def can_decide(user, run: PrecheckRun) -> bool:
    """Whether `user` may mark the findings of `run` (the pages ask before showing forms)."""
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*DECIDER_ROLES)
        and run.created_by_id != user.pk
        and unit_in_scope(user, run.org_unit, DECIDER_ROLES)
    )


def precheck_finding_decide(*, actor, finding, decision, note="") -> PrecheckFinding:
    """Mark a finding 采纳 or 不采纳 (with a reason); a later decision replaces the
    earlier one and both are in the audit trail."""
    check_role(actor, DECIDER_ROLES, "只有法律顾问或法治办工作人员可以审核预审意见")
    choices = PrecheckFinding.Decision
    if decision not in (choices.ACCEPTED, choices.REJECTED):
        raise ServiceError(
            "请选择“采纳”或“不采纳”", errors={"decision": ["请选择“采纳”或“不采纳”"]}
        )
    note = clean_text(note, "note", "审核意见", MAX_NOTE, required=False)
    if decision == choices.REJECTED and not note:
        raise ServiceError(REJECT_NEEDS_NOTE, errors={"note": [REJECT_NEEDS_NOTE]})
    with transaction.atomic():
        locked = (
            PrecheckFinding.objects.select_for_update()
            .select_related("run__org_unit")
            .filter(pk=finding.pk)
            .first()
        )
        if locked is None:
            raise ServiceError("预审意见不存在", code="not_found")
        run = locked.run
        if not unit_in_scope(actor, run.org_unit, DECIDER_ROLES):
            raise Forbidden(NOT_FOUND)
        if run.created_by_id == actor.pk:
            raise Forbidden(OWN_RUN)
        before = {
            "decision": locked.decision,
            "note": locked.note,
            "decided_by": locked.decided_by_id,
        }
        locked.decision = decision
        locked.note = note
        locked.decided_by = actor
        locked.decided_at = clock.now()
        locked.save(update_fields=["decision", "note", "decided_by", "decided_at"])
        after = {"decision": decision, "note": note, "decided_by": actor.pk}
        audit.record(
            verb="precheck.decide",
            actor=actor,
            obj=locked,
            org_unit=run.org_unit,
            changes={"run": run.pk, "rule": locked.rule, **audit.diff(before, after)},
        )
    return locked
