"""The course of a petition as a state machine (core.workflow), each step with the
guards that cite 信访工作条例 and its own field changes:

已登记 → 受理 (告知) / 不予受理 / 转送 / 异议 (a transferred matter outside our remit,
within 5 working days) · 受理 → 延期 (once, ≤ 30 days, written reasons) → 出具处理意见书 →
送达 · 送达 → 复查请求 (30 days) → 复查意见 (30 days) → 复核请求 (30 days) → 复核意见:
closed for good. Every step keeps `next_due`, the deadline of the organ's next step."""

from __future__ import annotations

from fazhi.core import clock
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.workflow import Transition, Workflow

from ..models import Petition
from ..params import (
    CLOSED_FOR_GOOD,
    DATE_BEFORE,
    EXTENSION_AFTER_DUE,
    EXTENSION_TOO_LONG,
    LATE_NOTICE,
    LATE_OBJECTION,
    LATE_REREVIEW,
    LATE_REVIEW,
    NOT_TRANSFERRED,
    SECOND_EXTENSION,
    ruleset,
)
from .common import HANDLER_ROLES, REVIEW_ROLES, _choice, _date, _refuse, _text, due

S = Petition.Status


def _before(label, day, before_label, before):
    if before is not None and day is not None and day < before:
        return DATE_BEFORE.format(label=label, before_label=before_label, before=before)
    return None


# --- guards (None: allowed; else the refusal naming its rule) -------------------------------


def _notice_in_time(obj, actor, notified_on=None, late_reason="", decided_on=None, **_):
    refusal = _before("书面告知日期", notified_on, "收到日期", obj.received_on) or _before(
        "书面告知日期", notified_on, "受理决定日期", decided_on
    )
    if refusal:
        return refusal
    if notified_on > obj.accept_due and not late_reason:
        rules = ruleset(obj.rules)
        return LATE_NOTICE.format(
            notified=notified_on, period=rules.accept.text, due=obj.accept_due,
            basis=rules.accept.basis,
        )  # fmt: skip
    return None


def _decided_after_receipt(obj, actor, decided_on=None, **_):
    return _before("受理决定日期", decided_on, "收到日期", obj.received_on)


def _objection_in_time(obj, actor, objected_on=None, **_):
    if obj.source != Petition.Source.TRANSFERRED or obj.objection_due is None:
        return NOT_TRANSFERRED
    if refusal := _before("异议日期", objected_on, "收到日期", obj.received_on):
        return refusal
    if objected_on > obj.objection_due:
        rules = ruleset(obj.rules)
        return LATE_OBJECTION.format(
            period=rules.objection.text, basis=rules.objection.basis, due=obj.objection_due
        )
    return None


def _single_extension(obj, actor, extended_on=None, days=None, **_):
    rules = ruleset(obj.rules)
    if obj.extended_on is not None:
        return SECOND_EXTENSION.format(on=obj.extended_on)
    if days is None or days < 1 or days > rules.extension_max:
        return EXTENSION_TOO_LONG.format(max=rules.extension_max, basis=rules.extension_basis)
    if refusal := _before("延期日期", extended_on, "受理决定日期", obj.decided_on):
        return refusal
    if extended_on > obj.handling_due:
        return EXTENSION_AFTER_DUE.format(due=obj.handling_due)
    return None


def _answered_after_acceptance(obj, actor, answered_on=None, **_):
    return _before("处理意见书日期", answered_on, "受理决定日期", obj.decided_on)


def _served_after_answer(obj, actor, served_on=None, **_):
    return _before("送达日期", served_on, "处理意见书日期", obj.answered_on)


def _review_in_time(obj, actor, requested_on=None, **_):
    if refusal := _before("复查请求日期", requested_on, "答复送达日期", obj.served_on):
        return refusal
    period = ruleset(obj.rules).review_request
    last = due(obj.served_on, period)
    if requested_on > last:
        return LATE_REVIEW.format(
            period=period.text, basis=period.basis, served=obj.served_on, due=last
        )
    return None


def _review_decided(obj, actor, decided_on=None, **_):
    return _before("复查意见送达日期", decided_on, "复查请求日期", obj.review_requested_on)


def _rereview_in_time(obj, actor, requested_on=None, **_):
    if refusal := _before("复核请求日期", requested_on, "复查意见送达日期", obj.review_served_on):
        return refusal
    period = ruleset(obj.rules).rereview_request
    last = due(obj.review_served_on, period)
    if requested_on > last:
        return LATE_REREVIEW.format(
            period=period.text, basis=period.basis, served=obj.review_served_on, due=last
        )
    return None


def _rereview_decided(obj, actor, decided_on=None, **_):
    return _before("复核意见送达日期", decided_on, "复核请求日期", obj.rereview_requested_on)


# --- effects (each step's own fields, and the next deadline) --------------------------------


def _next(step, status) -> None:
    step.put("next_due", step.obj.compute_next_due(status))


def _notice(step) -> None:
    p = step.params
    step.put("notified_on", p["notified_on"])
    step.put("late_reason", p.get("late_reason", ""))


def _accept(step) -> None:
    p, obj = step.params, step.obj
    step.put("decided_on", p["decided_on"])
    _notice(step)
    step.put("handling_due", due(p["decided_on"], ruleset(obj.rules).handle))
    _next(step, S.ACCEPTED)


def _not_accept(step) -> None:
    step.put("decided_on", step.params["notified_on"])
    step.put("decision_reason", step.params["note_text"])
    _notice(step)
    _next(step, S.NOT_ACCEPTED)


def _transfer(step) -> None:
    step.put("decided_on", step.params["notified_on"])
    step.put("transferred_to", step.params["transferred_to"])
    step.put("decision_reason", step.params["note_text"])
    _notice(step)
    _next(step, S.TRANSFERRED_OUT)


def _object(step) -> None:
    step.put("decided_on", step.params["objected_on"])
    step.put("decision_reason", step.params["note_text"])
    _next(step, S.OBJECTED)


def _extend(step) -> None:
    p, obj = step.params, step.obj
    handle = ruleset(obj.rules).handle
    step.put("extended_on", p["extended_on"])
    step.put("extension_days", p["days"])
    step.put("extension_reason", p["note_text"])
    # The period becomes 60 + N days from acceptance (art 34), counted once more.
    step.put(
        "handling_due", due(obj.decided_on, type(handle)(handle.n + p["days"], handle.unit, ""))
    )
    _next(step, S.ACCEPTED)


def _answer(step) -> None:
    for name in ("answered_on", "facts", "opinion", "legal_basis", "result", "review_organ"):
        step.put(name, step.params[name])
    _next(step, S.ANSWERED)


def _serve(step) -> None:
    step.put("served_on", step.params["served_on"])
    _next(step, S.SERVED)


def _request_review(step) -> None:
    p = step.params
    step.put("review_requested_on", p["requested_on"])
    step.put("review_due", due(p["requested_on"], ruleset(step.obj.rules).review_decide))
    _next(step, S.REVIEWING)


def _decide_review(step) -> None:
    step.put("review_served_on", step.params["decided_on"])
    step.put("review_opinion", step.params["opinion"])
    _next(step, S.REVIEWED)


def _request_rereview(step) -> None:
    p = step.params
    step.put("rereview_requested_on", p["requested_on"])
    step.put("rereview_due", due(p["requested_on"], ruleset(step.obj.rules).rereview_decide))
    _next(step, S.REREVIEWING)


def _decide_rereview(step) -> None:
    step.put("rereview_served_on", step.params["decided_on"])
    step.put("rereview_opinion", step.params["opinion"])
    _next(step, S.CLOSED)


def _t(verb, label, sources, target, guards=(), effect=None, roles=HANDLER_ROLES, **kw):
    return Transition(verb, label, sources, target, roles=roles, guards=guards, effect=effect, **kw)


PETITION_FLOW = Workflow(
    Petition,
    audit_prefix="petition",
    status_labels=Petition.Status,
    transitions=[
        _t("accept", "受理并书面告知", {S.REGISTERED}, S.ACCEPTED,
           [_decided_after_receipt, _notice_in_time], _accept, style="success"),
        _t("not_accept", "不予受理并告知", {S.REGISTERED}, S.NOT_ACCEPTED,
           [_notice_in_time], _not_accept, note_required=True, style="outline-secondary"),
        _t("transfer", "转送有权机关并告知", {S.REGISTERED}, S.TRANSFERRED_OUT,
           [_notice_in_time], _transfer, style="outline-secondary"),
        _t("object", "对转送事项提出异议", {S.REGISTERED}, S.OBJECTED,
           [_objection_in_time], _object, note_required=True, style="outline-warning"),
        _t("extend", "延长办理期限", {S.ACCEPTED}, S.ACCEPTED,
           [_single_extension], _extend, note_required=True, style="outline-warning"),
        _t("answer", "出具处理意见书", {S.ACCEPTED}, S.ANSWERED,
           [_answered_after_acceptance], _answer),
        _t("serve", "记录送达", {S.ANSWERED}, S.SERVED, [_served_after_answer], _serve,
           style="success"),
        _t("request_review", "登记复查请求", {S.SERVED}, S.REVIEWING, [_review_in_time],
           _request_review, roles=REVIEW_ROLES, style="outline-primary"),
        _t("decide_review", "记录复查意见", {S.REVIEWING}, S.REVIEWED, [_review_decided],
           _decide_review, roles=REVIEW_ROLES),
        _t("request_rereview", "登记复核请求", {S.REVIEWED}, S.REREVIEWING,
           [_rereview_in_time], _request_rereview, roles=REVIEW_ROLES, style="outline-primary"),
        _t("decide_rereview", "记录复核意见(终结)", {S.REREVIEWING}, S.CLOSED,
           [_rereview_decided], _decide_rereview, roles=REVIEW_ROLES),
    ],
)  # fmt: skip

# The fields each step takes besides its note: (name, label, kind, required)
STEP_FIELDS = {
    "accept": [("decided_on", "受理决定日期", "date", True),
               ("notified_on", "书面告知日期", "date", True),
               ("late_reason", "逾期告知理由", "short", False)],
    "not_accept": [("notified_on", "书面告知日期", "date", True),
                   ("late_reason", "逾期告知理由", "short", False)],
    "transfer": [("transferred_to", "转送机关", "short", True),
                 ("notified_on", "书面告知日期", "date", True),
                 ("late_reason", "逾期告知理由", "short", False)],
    "object": [("objected_on", "异议日期", "date", True)],
    "extend": [("extended_on", "延期日期", "date", True), ("days", "延长日数", "int", True)],
    "answer": [("answered_on", "处理意见书日期", "date", True),
               ("facts", "查明的事实", "text", True),
               ("result", "处理结果", "result", True),
               ("opinion", "处理意见", "text", True),
               ("legal_basis", "法律法规依据", "text", True),
               ("review_organ", "复查机关", "short", True)],
    "serve": [("served_on", "送达日期", "date", True)],
    "request_review": [("requested_on", "复查请求日期", "date", True)],
    "decide_review": [("decided_on", "复查意见送达日期", "date", True),
                      ("opinion", "复查意见", "text", True)],
    "request_rereview": [("requested_on", "复核请求日期", "date", True)],
    "decide_rereview": [("decided_on", "复核意见送达日期", "date", True),
                        ("opinion", "复核意见", "text", True)],
}  # fmt: skip
REVIEW_VERBS = ("request_review", "request_rereview")


def _clean(verb: str, fields: dict) -> dict:
    clean = {}
    for name, label, kind, required in STEP_FIELDS.get(verb, []):
        value = fields.get(name)
        if kind == "date":
            clean[name] = _date(value, name, label, required=False) or clock.today()
        elif kind == "int":
            try:
                clean[name] = int(value)
            except (TypeError, ValueError):
                raise _refuse(name, f"{label}应为整数") from None
        elif kind == "result":
            clean[name] = _choice(value, Petition.Result, name, label)
        else:
            limit = 200 if kind == "short" else 5000
            clean[name] = _text(value, name, label, limit=limit, required=required)
    return clean


def petition_transition(*, actor, obj: Petition, verb: str, note="", **fields) -> Petition:
    """Take the step `verb` with its fields (STEP_FIELDS; dates default to today).
    Refusals name their rule and change nothing."""
    PETITION_FLOW.get(verb)
    unknown = sorted(set(fields) - {f[0] for f in STEP_FIELDS.get(verb, [])})
    if unknown:
        raise ServiceError(f"不能提交的字段:{'、'.join(unknown)}")
    if verb in REVIEW_VERBS and obj.status == S.CLOSED:
        check_role(actor, REVIEW_ROLES, "无权登记复查、复核请求")
        # 复核 is final (art 36): said before anything else, even to the organ above.
        raise ServiceError(CLOSED_FOR_GOOD, code="guard")
    clean = _clean(verb, fields)
    note = _text(note, "note", "说明", limit=2000, required=False)
    return PETITION_FLOW.run(actor=actor, obj=obj, verb=verb, note=note, **clean, note_text=note)
