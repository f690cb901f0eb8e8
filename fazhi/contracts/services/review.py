"""A contract's side of legality review (fazhi.reviews, one mechanism for every subject):
whether its review passed, the guards of the steps that depend on it, the request sent
when it is submitted and the day its review was concluded. Reviews tells the contract of
a conclusion through the app registry (apps.py `review_hook`), never by importing it."""

from __future__ import annotations

from django.utils import timezone

from fazhi.reviews import selectors as review_selectors
from fazhi.reviews import services as review_services

from ..models import Contract
from ..params import NOT_REVIEWED


def review_done(contract: Contract) -> bool:
    """The contract's legality review passed in fazhi, or — for history imported from an
    existing ledger only — it was recorded as done outside the system."""
    if contract.is_imported and contract.review_reference:
        return True
    return bool(review_selectors.review_passed(contract))


# --- guards (None: allowed; else the Chinese refusal naming its rule) ----------------------


def no_active_review(contract, actor, **params):
    if review_selectors.active_review(contract) is not None:
        return "该合同已有进行中的合法性审核,不能重复送审"
    return None


def reviewer_given(contract, actor, reviewer=None, **params):
    if reviewer is None:
        return "请选择审核人(法律顾问或司法所审核人员)"
    if reviewer.pk == contract.created_by_id or reviewer.pk == actor.pk:
        return "起草人不得审核自己起草的合同(审核人应为法律顾问或其他审核人员)"
    candidates = review_selectors.reviewer_candidates(
        contract.org_unit, exclude=contract.created_by
    )
    if not any(c.pk == reviewer.pk for c in candidates):
        return "所选审核人不是本镇的法律顾问或审核人员"
    return None


def review_passed(contract, actor, **params):
    if not review_done(contract):
        return NOT_REVIEWED
    return None


def review_approved(contract, actor, **params):
    if not review_done(contract):
        return "合法性审核尚未通过(审核意见未出具或结论为不通过),不能确认审核通过"
    return None


def review_failed(contract, actor, **params):
    latest = review_selectors.latest_review(contract)
    if latest is None or latest.is_pending or latest.is_passed:
        return "只有合法性审核结论为“不通过”时才能退回修改"
    return None


# --- effects of the steps that touch the review ---------------------------------------------


def request_review(step) -> None:
    """提交合法性审核: the review request goes to the chosen reviewer with the contract's
    text (for the automated pre-review), in the same transaction as the step."""
    reviewer = step.params["reviewer"]
    review = review_services.review_request_create(
        actor=step.actor,
        subject=step.obj,
        kind=step.obj.review_kind,
        reviewer=reviewer,
        text=step.obj.body,
    )
    step.changes.update(review=review.pk, reviewer=reviewer.pk)


def record_reviewed_on(step) -> None:
    """审核通过 / 退回修改: the day the review was concluded (else the step's day)."""
    latest = review_selectors.latest_review(step.obj)
    concluded = getattr(latest, "concluded_at", None)
    step.obj.reviewed_on = timezone.localdate(concluded) if concluded else step.params["on"]
    step.changes["reviewed_on"] = str(step.obj.reviewed_on)
