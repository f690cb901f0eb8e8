"""The contract workflow (CONTRACT_FLOW): legality review → signing → archive →
performance, each step with its guards and its own field changes, and the step the
reviewer's conclusion takes (`contract_review_concluded`, the app's review hook)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError

from fazhi.core import clock
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.workflow import Step, Transition, Workflow

from ..models import READER_ROLES, WRITER_ROLES, Contract
from ..params import ARCHIVE_WORKDAYS, NO_ARCHIVE_NUMBER
from .checks import RuleErrors, check_contract
from .review import (
    no_active_review,
    record_reviewed_on,
    request_review,
    review_approved,
    review_failed,
    review_passed,
    reviewer_given,
)

# The review's outcome is carried over by the reviewer's own conclusion (fazhi.reviews
# calls the review hook, contract_review_concluded) or, should that step be missed, by a
# law officer.
OUTCOME_ROLES = frozenset({Role.LAW_OFFICER, Role.LEGAL_ADVISER})
NOT_FOUND = "记录不存在或无权查看"
Status = Contract.Status


def today_or(on: dt.date | None) -> dt.date:
    return on or clock.today()


# --- guards (None: allowed; else the Chinese refusal naming its rule) ----------------------


def _rules_hold(contract, actor, **params):
    try:
        check_contract(contract)
    except RuleErrors as exc:
        return exc.message
    return None


def _date_ok(name: str, label: str):
    def guard(contract, actor, **params):
        value = params.get(name)
        if not isinstance(value, dt.date):
            return f"请填写{label}"
        if value > clock.today():
            return f"{label}不能晚于今天"
        if name == "archived_on" and contract.signed_on and value < contract.signed_on:
            return "归档日期不能早于签订日期"
        if name == "completed_on" and contract.signed_on and value < contract.signed_on:
            return "日期不能早于签订日期"
        return None

    return guard


def _signed_after_review(contract, actor, signed_on=None, **params):
    if isinstance(signed_on, dt.date) and contract.reviewed_on and signed_on < contract.reviewed_on:
        return f"签订日期不能早于合法性审核通过日期({contract.reviewed_on:%Y-%m-%d})"
    return None


def _archive_number(contract, actor, archive_number="", **params):
    number = (archive_number or "").strip()
    if not number:
        return NO_ARCHIVE_NUMBER
    if len(number) > 64 or "\x00" in number:
        return "档案号不能超过64个字"
    taken = (
        Contract.objects.filter(org_unit=contract.org_unit, archive_number=number)
        .exclude(pk=contract.pk)
        .exists()
    )
    if taken:
        return f"档案号“{number}”已被本镇其他合同使用"
    return None


def _all_paid(contract, actor, **params):
    if contract.payments.filter(paid_on__isnull=True).exists():
        return "尚有未支付的款项,不能确认履行完毕(请先登记付款或解除合同)"
    return None


# --- effects: each step's own field changes ---------------------------------------------------
# The contract's audit trail records the value a step sets (as text), not Step.put's
# [before, after] pair, so the effects set the field and its audit entry together.


def _set(step: Step, name: str, value) -> None:
    setattr(step.obj, name, value)
    step.changes[name] = str(value)


def _sign(step: Step) -> None:
    signed_on = step.params["signed_on"]
    _set(step, "signed_on", signed_on)
    workdays = ARCHIVE_WORKDAYS.value(step.obj.org_unit)
    _set(step, "archive_due", deadline(signed_on, workdays, "workdays"))


def _archive(step: Step) -> None:
    _set(step, "archive_number", step.params["archive_number"])
    _set(step, "archived_on", step.params["archived_on"])


def _close(step: Step) -> None:
    _set(step, "completed_on", step.params["completed_on"])


CONTRACT_FLOW = Workflow(
    Contract,
    audit_prefix="contract",
    status_labels=Status,
    transitions=[
        Transition(
            "submit_review",
            "提交合法性审核",
            {Status.DRAFT},
            Status.LEGALITY_REVIEW,
            roles=WRITER_ROLES,
            guards=[_rules_hold, no_active_review, reviewer_given],
            effect=request_review,
        ),
        Transition(
            "approve",
            "确认审核通过",
            {Status.LEGALITY_REVIEW},
            Status.APPROVED,
            roles=OUTCOME_ROLES,
            guards=[review_approved],
            style="success",
            effect=record_reviewed_on,
        ),
        Transition(
            "return_draft",
            "审核未通过,退回修改",
            {Status.LEGALITY_REVIEW},
            Status.DRAFT,
            roles=OUTCOME_ROLES,
            guards=[review_failed],
            style="warning",
            effect=record_reviewed_on,
        ),
        Transition(
            "withdraw",
            "撤回修改(须重新审核)",
            {Status.APPROVED},
            Status.DRAFT,
            roles=WRITER_ROLES,
            note_required=True,
            style="outline-secondary",
        ),
        Transition(
            "sign",
            "登记签订",
            {Status.APPROVED},
            Status.SIGNED,
            roles=WRITER_ROLES,
            guards=[
                review_passed,
                _rules_hold,
                _date_ok("signed_on", "签订日期"),
                _signed_after_review,
            ],
            effect=_sign,
        ),
        Transition(
            "archive",
            "归档",
            {Status.SIGNED},
            Status.ARCHIVED,
            roles=WRITER_ROLES,
            guards=[_archive_number, _date_ok("archived_on", "归档日期")],
            effect=_archive,
        ),
        Transition(
            "perform",
            "开始履行",
            {Status.ARCHIVED},
            Status.PERFORMING,
            roles=WRITER_ROLES,
        ),
        Transition(
            "complete",
            "确认履行完毕",
            {Status.PERFORMING},
            Status.COMPLETED,
            roles=WRITER_ROLES,
            guards=[_all_paid, _date_ok("completed_on", "履行完毕日期")],
            style="success",
            effect=_close,
        ),
        Transition(
            "terminate",
            "解除合同",
            {Status.SIGNED, Status.ARCHIVED, Status.PERFORMING},
            Status.TERMINATED,
            roles=WRITER_ROLES,
            guards=[_date_ok("completed_on", "解除日期")],
            note_required=True,
            style="outline-danger",
            effect=_close,
        ),
    ],
)

# Fields each transition takes from its form or API body (besides the note).
TRANSITION_FIELDS = {
    "submit_review": ("reviewer",),
    "sign": ("signed_on",),
    "archive": ("archive_number", "archived_on"),
    "complete": ("completed_on",),
    "terminate": ("completed_on",),
}
# The dates a step records that default to the step's day when not given.
DATES_DEFAULT_TODAY = ("archived_on", "completed_on")


def contract_transition(*, actor, obj: Contract, verb: str, note: str = "", on=None, **fields):
    """Move a contract by `verb` (CONTRACT_FLOW), with that step's own fields:
    submit_review(reviewer), sign(signed_on), archive(archive_number, archived_on),
    complete/terminate(completed_on). `on` back-dates the steps that record a date
    (demo data and tests); it defaults to today."""
    check_role(actor, READER_ROLES | WRITER_ROLES, NOT_FOUND)
    CONTRACT_FLOW.get(verb)  # an unknown verb is refused before anything else
    today = today_or(on)
    params = {k: fields.get(k) for k in TRANSITION_FIELDS.get(verb, ())}
    for name in DATES_DEFAULT_TODAY:
        if name in params and not params[name]:
            params[name] = today
    if "archive_number" in params:
        params["archive_number"] = (params["archive_number"] or "").strip()
    try:
        return CONTRACT_FLOW.run(actor=actor, obj=obj, verb=verb, note=note, on=today, **params)
    except IntegrityError:
        # Two archives racing for one number: the database constraint decides.
        raise ServiceError(
            f"档案号“{params.get('archive_number', '')}”已被本镇其他合同使用", code="conflict"
        ) from None


def contract_review_concluded(*, subject: Contract, review, actor) -> Contract | None:
    """The app's review hook (apps.py): carry a concluded legality review over to its
    contract, inside the reviewer's transaction: 通过 / 修改后通过 → 审核通过; 不通过 →
    back to 登记 for revision."""
    if subject.status != Status.LEGALITY_REVIEW:
        return None
    verb = "approve" if review.is_passed else "return_draft"
    conclusion = review.get_conclusion_display()
    return contract_transition(
        actor=actor, obj=subject, verb=verb, note=f"合法性审核结论:{conclusion}"
    )
