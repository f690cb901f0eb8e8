"""合法性审核 (legality review): requesting, concluding and withdrawing a review.

A law officer sends a subject (a normative document, an agreement, a contract, a major
decision: any model with org_unit, title, created_by and get_absolute_url) to a
reviewer — a legal adviser or the 司法所/法治办 reviewer of the subject's town or its
county, never its drafter — with a due date from the deadline service. The reviewer
answers the kind's checklist and gives a written opinion and a conclusion; both are
required. A pending request can be withdrawn with a reason."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core import audit, clock, registry
from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Step, Transition, Workflow

from .. import checklists
from ..models import Conclusion, ReviewRequest, SubjectKind
from ..params import (
    BOTH_REQUIRED,
    DECISION_REVIEW_WORKDAYS,
    NOT_A_REVIEWER,
    REVIEW_WORKDAYS,
    SELF_REVIEW,
    SEPARATION,
)
from .precheck import MAX_TITLE, NOT_FOUND, precheck_run_create

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

SECOND_ACTIVE = "该事项已有进行中的合法性审核,请待其出具意见或撤回后再送审"


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
    runs on it, in the context of the subject's record (what its app registered as
    `precheck_context`: title, issuer, stage, dates), and its findings are attached to
    the request."""
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
    title = clean_text(subject.title, "title", "审核事项名称", 300, required=False) or "(无标题)"
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
                context=registry.precheck_context(subject),
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
        note = clean_text(
            raw.get("note", ""), "checklist", "审核要点说明", MAX_CHECK_NOTE, required=False
        )
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


def _conclude(step: Step) -> None:
    """The written opinion, the conclusion and the checklist answers (params opinion,
    conclusion, checklist), refused unless all are given. The audit event names the
    conclusion, the failed items and whether it is on time; the opinion and the answers
    are on the record itself."""
    review, conclusion = step.obj, step.params["conclusion"]
    text = clean_text(
        step.params["opinion"], "opinion", "书面审核意见", MAX_OPINION, required=False
    )
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
    answers = _checked_checklist(review.kind, step.params["checklist"])
    failed = [k for k, a in answers.items() if not a["ok"]]
    if failed and conclusion == Conclusion.PASSED:
        message = "审核要点有不符合项,结论不能为“通过”,应为“修改后通过”或“不通过”"
        raise ServiceError(message, errors={"conclusion": [message]})
    # Set directly rather than with step.put: the audit event keeps its own keys.
    review.opinion = text
    review.conclusion = conclusion
    review.checklist = answers
    review.concluded_at = clock.now()
    step.changes.update(
        conclusion=[None, conclusion],
        failed_items=failed,
        on_time=timezone.localdate(review.concluded_at) <= review.due_date,
    )


def _withdraw(step: Step) -> None:
    """The reason (param reason) kept on the record; the audit event has it as the note."""
    step.obj.withdraw_reason = step.params["reason"]


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
            effect=_conclude,
        ),
        Transition(
            "withdraw",
            "撤回送审",
            {ReviewRequest.Status.PENDING},
            ReviewRequest.Status.WITHDRAWN,
            roles=REQUESTER_ROLES,  # the requester or any law officer of the town
            note_required=True,
            style="outline-secondary",
            effect=_withdraw,
        ),
    ],
)


def review_conclude(*, actor, review, opinion, conclusion, checklist: dict) -> ReviewRequest:
    """The assigned reviewer's written opinion, conclusion and checklist answers; the
    review is then closed. The subject's app, if it registered a `review_hook`
    (core.registry), is told inside the same transaction."""
    check_role(actor, REVIEWER_ROLES, "只有法律顾问或法治办工作人员可以出具合法性审核意见")
    if review.reviewer_id != actor.pk:
        if not unit_in_scope(actor, review.org_unit, REVIEWER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        raise Forbidden("只有被指定的审核人可以出具审核意见")
    with transaction.atomic():
        done = REVIEW_FLOW.run(
            actor=actor,
            obj=review,
            verb="conclude",
            opinion=opinion,
            conclusion=conclusion,
            checklist=checklist,
        )
        subject = done.subject
        hook = registry.review_hook(subject) if subject is not None else None
        if hook is not None:
            hook(subject=subject, review=done, actor=actor)
    return done


def review_withdraw(*, actor, review, reason) -> ReviewRequest:
    """Withdraw a pending request (the requester or a law officer of the town), with the
    reason on the timeline."""
    check_role(actor, REQUESTER_ROLES, "只有法治办工作人员可以撤回送审")
    reason = clean_text(reason, "reason", "撤回理由", MAX_REASON, required=False)
    if not reason:
        raise ServiceError("撤回送审须说明理由", errors={"reason": ["请填写撤回理由"]})
    return REVIEW_FLOW.run(actor=actor, obj=review, verb="withdraw", note=reason, reason=reason)
