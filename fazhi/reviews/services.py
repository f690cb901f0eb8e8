"""Every write of 智能预审: running a pre-review and deciding its findings.

A law officer (or legal adviser) of a town runs the engine on a pasted text or an
uploaded .docx; the text and the findings are stored with the run. A reviewer — a legal
adviser or law officer whose scope covers the run's town, never the run's creator —
then marks each finding 采纳 or 不采纳 (a rejection needs a reason)."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core import audit, clock, params
from fazhi.core.attachments import attachment_add
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from . import checklists
from .models import Conclusion, PrecheckFinding, PrecheckRun, ReviewRequest, SubjectKind
from .precheck import precheck
from .precheck.engine import Result, to_paragraphs
from .precheck.reader import PrecheckInputError, check_text, read_bytes
from .precheck.rules import KINDS

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
    *, actor, title, kind, text=None, uploaded_file=None, org_unit=None
) -> PrecheckRun:
    """Run the pre-review on a pasted text or an uploaded .docx and store the run with its
    findings; the .docx is kept as an attachment of the run. Nothing is stored when the
    input is refused."""
    check_role(actor, CREATOR_ROLES, "只有法治办工作人员或法律顾问可以发起智能预审")
    unit = _creator_unit(actor, org_unit)
    title = str(title or "").strip()
    if "\x00" in title:
        raise ServiceError("文件标题含有无效字符", errors={"title": ["文件标题含有无效字符"]})
    if not title:
        raise ServiceError("请填写文件标题", errors={"title": ["请填写文件标题"]})
    if len(title) > MAX_TITLE:
        message = f"文件标题不能超过{MAX_TITLE}个字"
        raise ServiceError(message, errors={"title": [message]})
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

    result = precheck(paragraphs, kind)
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
    note = str(note or "").strip()
    if "\x00" in note:  # PostgreSQL text cannot hold it
        raise ServiceError("审核意见含有无效字符", errors={"note": ["审核意见含有无效字符"]})
    if decision == choices.REJECTED and not note:
        raise ServiceError(REJECT_NEEDS_NOTE, errors={"note": [REJECT_NEEDS_NOTE]})
    if len(note) > MAX_NOTE:
        message = f"审核意见不能超过{MAX_NOTE}个字"
        raise ServiceError(message, errors={"note": [message]})
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


# --- 合法性审核 (legality review) ---------------------------------------------------------
#
# A law officer sends a subject (a normative document, an agreement, a contract, a major
# decision: any model with org_unit, title, created_by and get_absolute_url) to a
# reviewer — a legal adviser or the 司法所/法治办 reviewer of the subject's town or its
# county, never its drafter — with a due date from the deadline service. The reviewer
# answers the kind's checklist and gives a written opinion and a conclusion; both are
# required. A pending request can be withdrawn with a reason.

REVIEW_WORKDAYS = params.define(
    "reviews.review_workdays",
    "合法性审核期限",
    default=5,
    unit="工作日",
    basis="国办发〔2018〕37号(审核时间一般不少于5个工作日,最长不超过15个工作日)",
    minimum=5,
    maximum=15,
)
DECISION_REVIEW_WORKDAYS = params.define(
    "reviews.decision_review_workdays",
    "重大行政决策合法性审查期限",
    default=7,
    unit="工作日",
    basis="《重大行政决策程序暂行条例》第二十六条(一般不少于7个工作日)",
    minimum=7,
    maximum=30,
)

# Who sends subjects for review (the town's 法治办).
REQUESTER_ROLES = frozenset({Role.LAW_OFFICER})
# Who may be asked to review, on the subject's town or its county.
REVIEWER_ROLES = frozenset({Role.LEGAL_ADVISER, Role.LAW_OFFICER})
REVIEW_READER_ROLES = ReviewRequest.reader_roles
# precheck engine kind for each subject kind
PRECHECK_KINDS = {
    SubjectKind.NORMATIVE: "normative",
    SubjectKind.AGREEMENT: "agreement",
    SubjectKind.CONTRACT: "contract",
    SubjectKind.DECISION: "normative",
}
MIN_OPINION = 10
MAX_OPINION = 20_000
MAX_CHECK_NOTE = 1000
MAX_REASON = 1000

SEPARATION = "起草人不得审核本人起草的{kind}(审核与起草相分离)"
SELF_REVIEW = "送审人不得指定本人为审核人(审核与送审相分离)"
NOT_A_REVIEWER = (
    "审核人须为本镇或本县的法律顾问或法治办工作人员(合法性审核由法律顾问或司法所、"
    "法治办审核人员承担)"
)
SECOND_ACTIVE = "该事项已有进行中的合法性审核,请待其出具意见或撤回后再送审"
BOTH_REQUIRED = "书面审核意见和审核结论缺一不可(合法性审核须出具书面审核意见)"


def _clean_text(value, field: str, label: str, limit: int) -> str:
    text = str(value or "").strip()
    if "\x00" in text:  # PostgreSQL text cannot hold it
        raise ServiceError(f"{label}含有无效字符", errors={field: [f"{label}含有无效字符"]})
    if len(text) > limit:
        message = f"{label}不能超过{limit}个字"
        raise ServiceError(message, errors={field: [message]})
    return text


def review_due_date(unit: OrgUnit, kind: str, start: date | None = None) -> date:
    """The due date of a review requested on `start` (default today) for `unit`: the
    configured number of working days on the official calendar."""
    start = start or clock.today()
    param = DECISION_REVIEW_WORKDAYS if kind == SubjectKind.DECISION else REVIEW_WORKDAYS
    return deadline(start, int(param.value(unit)), "workdays")


def is_reviewer_for(user, unit: OrgUnit) -> bool:
    """Whether `user` holds legal_adviser or law_officer on `unit`'s town or county."""
    return any(
        m.role in REVIEWER_ROLES and unit.code.startswith(m.org_unit.code)
        for m in user.active_memberships()
    ) and bool(user.is_active)


def _subject_of(subject):
    for attr in ("org_unit", "title", "created_by_id"):
        if not hasattr(subject, attr):
            raise ServiceError(f"该对象不能送合法性审核(缺少{attr})", code="invalid_subject")
    if subject.pk is None:
        raise ServiceError("审核对象尚未保存", code="invalid_subject")
    return subject


def review_request_create(*, actor, subject, kind, reviewer, text: str = "") -> ReviewRequest:
    """Send `subject` for legality review to `reviewer`. Runs inside the caller's
    transaction if there is one (the subject's own state change and this request are
    written together or not at all). With `text` (the draft), the automated pre-review
    runs on it and its findings are attached to the request."""
    check_role(actor, REQUESTER_ROLES, "只有法治办工作人员可以送请合法性审核")
    subject = _subject_of(subject)
    unit = subject.org_unit
    if not unit_in_scope(actor, unit, REQUESTER_ROLES):
        raise Forbidden(NOT_FOUND)
    if kind not in SubjectKind.values:
        message = "审核事项类型不正确,应为规范性文件、行政协议、民事合同或重大行政决策"
        raise ServiceError(message, errors={"kind": [message]})
    kind_label = SubjectKind(kind).label
    if reviewer is None:
        raise ServiceError("请选择审核人", errors={"reviewer": ["请选择审核人"]})
    if reviewer.pk == subject.created_by_id:
        message = SEPARATION.format(kind=kind_label)
        raise ServiceError(message, errors={"reviewer": [message]}, code="separation")
    if reviewer.pk == actor.pk:
        raise ServiceError(SELF_REVIEW, errors={"reviewer": [SELF_REVIEW]}, code="separation")
    if not is_reviewer_for(reviewer, unit):
        raise ServiceError(NOT_A_REVIEWER, errors={"reviewer": [NOT_A_REVIEWER]})
    title = _clean_text(subject.title, "title", "审核事项名称", 300) or "(无标题)"
    has_text = bool(str(text or "").strip())
    ct = ContentType.objects.get_for_model(type(subject))
    with transaction.atomic():
        # Serialise requests for the same subject (PostgreSQL row lock; SQLite's
        # IMMEDIATE transactions are serial already), then check and write.
        type(subject)._default_manager.select_for_update().filter(pk=subject.pk).first()
        pending = ReviewRequest.Status.PENDING
        if ReviewRequest.objects.filter(
            content_type=ct, object_id=subject.pk, status=pending
        ).exists():
            raise ServiceError(SECOND_ACTIVE, code="second_active")
        run = None
        if has_text:
            run = precheck_run_create(
                actor=actor,
                title=title[:MAX_TITLE],
                kind=PRECHECK_KINDS[SubjectKind(kind)],
                text=text,
                org_unit=unit,
            )
        try:
            with transaction.atomic():
                review = ReviewRequest.objects.create(
                    org_unit=unit,
                    content_type=ct,
                    object_id=subject.pk,
                    kind=kind,
                    title=title,
                    requested_by=actor,
                    reviewer=reviewer,
                    status=pending,
                    due_date=review_due_date(unit, kind),
                    precheck_run=run,
                )
        except IntegrityError:
            # The database's one-pending-review constraint: a concurrent request won.
            raise ServiceError(SECOND_ACTIVE, code="second_active") from None
        REVIEW_FLOW.start(actor=actor, obj=review, label="送请合法性审核")
        audit.record(
            verb="review.request",
            actor=actor,
            obj=review,
            org_unit=unit,
            changes={
                "subject": f"{ct.app_label}.{ct.model}#{subject.pk}",
                "kind": kind,
                "reviewer": reviewer.pk,
                "due_date": review.due_date.isoformat(),
                "precheck_run": run.pk if run else None,
            },
        )
    return review


def _checked_checklist(kind: str, checklist) -> dict:
    """The checklist answers, one for every item of the kind; or a ServiceError."""
    items = checklists.items_for(kind)
    if not isinstance(checklist, dict):
        raise ServiceError("审核要点格式不正确", errors={"checklist": ["审核要点格式不正确"]})
    unknown = sorted(set(map(str, checklist)) - {i.key for i in items})
    if unknown:
        message = f"审核要点不存在:{'、'.join(unknown)}"
        raise ServiceError(message, errors={"checklist": [message]})
    answers, missing, unexplained = {}, [], []
    for item in items:
        raw = checklist.get(item.key)
        ok = raw.get("ok") if isinstance(raw, dict) else None
        if not isinstance(ok, bool):
            missing.append(item.question)
            continue
        note = _clean_text(raw.get("note", ""), "checklist", "审核要点说明", MAX_CHECK_NOTE)
        if not ok and not note:
            unexplained.append(item.question)
        answers[item.key] = {"ok": ok, "note": note}
    if missing:
        message = f"审核要点须逐项作出判断,尚有{len(missing)}项未填:{missing[0]}"
        raise ServiceError(message, errors={"checklist": [message]})
    if unexplained:
        message = f"不符合的审核要点须说明问题:{unexplained[0]}"
        raise ServiceError(message, errors={"checklist": [message]})
    return answers


def _can_conclude(review, actor) -> bool:
    return review.reviewer_id == actor.pk


def _not_the_drafter(review, actor, **_) -> str | None:
    """Checked again at conclusion: the subject's drafter never reviews it."""
    subject = review.subject
    if subject is not None and getattr(subject, "created_by_id", None) == actor.pk:
        return SEPARATION.format(kind=review.get_kind_display())
    return None


REVIEW_FLOW = Workflow(
    ReviewRequest,
    audit_prefix="review",
    status_labels=ReviewRequest.Status,
    transitions=[
        Transition(
            "conclude",
            "出具审核意见",
            {ReviewRequest.Status.PENDING},
            ReviewRequest.Status.CONCLUDED,
            roles=REVIEWER_ROLES,
            allowed=_can_conclude,
            guards=[_not_the_drafter],
        ),
        Transition(
            "withdraw",
            "撤回送审",
            {ReviewRequest.Status.PENDING},
            ReviewRequest.Status.WITHDRAWN,
            roles=REQUESTER_ROLES,  # the requester or any law officer of the town
            note_required=True,
            style="outline-secondary",
        ),
    ],
)


def review_conclude(*, actor, review, opinion, conclusion, checklist: dict) -> ReviewRequest:
    """The assigned reviewer's written opinion, conclusion and checklist answers; the
    review is then closed. A subject with a `review_concluded(review, actor)` method is
    told inside the same transaction."""
    check_role(actor, REVIEWER_ROLES, "只有法律顾问或法治办工作人员可以出具合法性审核意见")
    if review.reviewer_id != actor.pk:
        if not unit_in_scope(actor, review.org_unit, REVIEWER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        raise Forbidden("只有被指定的审核人可以出具审核意见")

    def apply(locked):
        text = _clean_text(opinion, "opinion", "书面审核意见", MAX_OPINION)
        errors = {}
        if not text:
            errors["opinion"] = ["请填写书面审核意见"]
        elif len(text) < MIN_OPINION:
            errors["opinion"] = [f"书面审核意见过于简略(至少{MIN_OPINION}个字)"]
        if conclusion not in Conclusion.values:
            errors["conclusion"] = ["请选择审核结论:通过、修改后通过或不通过"]
        if errors:
            message = BOTH_REQUIRED
            if "opinion" in errors and "conclusion" not in errors and text:
                message = f"{errors['opinion'][0]}({BOTH_REQUIRED})"
            raise ServiceError(message, errors=errors, code="opinion_required")
        answers = _checked_checklist(locked.kind, checklist)
        failed = [k for k, a in answers.items() if not a["ok"]]
        if failed and conclusion == Conclusion.PASSED:
            message = "审核要点有不符合项,结论不能为“通过”,应为“修改后通过”或“不通过”"
            raise ServiceError(message, errors={"conclusion": [message]})
        locked.opinion = text
        locked.conclusion = conclusion
        locked.checklist = answers
        locked.concluded_at = clock.now()
        return {
            "conclusion": [None, conclusion],
            "failed_items": failed,
            "on_time": timezone.localdate(locked.concluded_at) <= locked.due_date,
        }

    with transaction.atomic():
        done = REVIEW_FLOW.run(actor=actor, obj=review, verb="conclude", apply=apply)
        subject = done.subject
        hook = getattr(subject, "review_concluded", None)
        if callable(hook):
            hook(done, actor)
    return done


def review_withdraw(*, actor, review, reason) -> ReviewRequest:
    """Withdraw a pending request (the requester or a law officer of the town), with the
    reason on the timeline."""
    check_role(actor, REQUESTER_ROLES, "只有法治办工作人员可以撤回送审")
    reason = _clean_text(reason, "reason", "撤回理由", MAX_REASON)
    if not reason:
        raise ServiceError("撤回送审须说明理由", errors={"reason": ["请填写撤回理由"]})

    def apply(locked):
        locked.withdraw_reason = reason
        return None

    return REVIEW_FLOW.run(actor=actor, obj=review, verb="withdraw", note=reason, apply=apply)


audit.VERB_LABELS.update({"review.request": "送请合法性审核", **REVIEW_FLOW.labels()})
