"""The decision's side of public participation, through the shared service
`fazhi.participation` (batch-2 contract): open the consultation from the decision, read
it and its hearings back. Kept in one place so tests can stand in a fake backend while
participation is being built (`_backend`)."""

from __future__ import annotations

from types import SimpleNamespace

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.permissions import ServiceError

NOT_AVAILABLE = "公众参与平台尚未启用,暂不能公开征求意见"


def _backend():
    """participation's contract functions, or a refusal while they do not exist."""
    try:
        from fazhi.participation import selectors, services
    except ImportError:
        raise ServiceError(NOT_AVAILABLE, code="unavailable") from None
    try:
        return SimpleNamespace(
            consultation_open=services.consultation_open,
            consultation_for=selectors.consultation_for,
            hearings_for=selectors.hearings_for,
        )
    except AttributeError:
        raise ServiceError(NOT_AVAILABLE, code="unavailable") from None


def available() -> bool:
    try:
        _backend()
    except ServiceError:
        return False
    return True


def open_consultation(*, actor, decision, starts_on, ends_on, reason_short=""):
    return _backend().consultation_open(
        actor=actor,
        subject=decision,
        title=f"关于《{decision.title}》(征求意见稿)公开征求意见",
        text=decision.body,
        starts_on=starts_on,
        ends_on=ends_on,
        reason_short=reason_short,
    )


def consultation_of(decision):
    try:
        return _backend().consultation_for(decision)
    except ServiceError:
        return None


def hearings_of(decision) -> list:
    try:
        return list(_backend().hearings_for(decision))
    except ServiceError:
        return []


def hearing_done(hearing) -> bool:
    """A hearing counts once it was held and its report (the signed record) is attached;
    a cancelled one does not stand in the way."""
    if getattr(hearing, "status", "") == "cancelled":
        return True
    held = getattr(hearing, "held_on", None)
    if held is None or held > clock.today():
        return False
    if getattr(hearing, "report_attachment_id", None) or getattr(
        hearing, "report_attachment", None
    ):
        return True
    return attachments_for(hearing).exists() if getattr(hearing, "pk", None) else False
