"""The dispute's workflow: 受理 → 调解中 → 调解成功 / 调解不成 / 拒绝调解 / 已移交 → 结案;
the mediation sessions (调解记录, the case file of 人民调解法 art 27) and the follow-up
visits on performance (回访, art 31)."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.permissions import ServiceError
from fazhi.core.workflow import Transition, Workflow

from ..models import Agreement, Dispute, FollowUp, Party, Session
from ..params import (
    CLOSE_BEFORE_OUTCOME,
    CLOSE_FOLLOWUP,
    CLOSE_JUDICIAL_OPEN,
    DATE_BEFORE,
    FOLLOWUP_BEFORE,
    NOT_MEDIATING,
    PARTIES_REQUIRED,
    PARTY_ID_REQUIRED,
    REFUSED_NO_MEDIATION,
    REFUSER_REQUIRED,
    REMEDIES_REQUIRED,
)
from .common import MEDIATOR_ROLES, _choice, _date, _text, due_for, locked_dispute, may_mediate

S = Dispute.Status
DEFAULT_REMEDIES = (
    "已告知当事人:可以依法通过仲裁、行政、司法等途径维护自己的权利"
    "(如向劳动人事争议仲裁委员会申请仲裁、向有关行政机关申请处理、向人民法院提起诉讼)。"
)


# --- guards (None, or the refusal naming its rule) ------------------------------------------


def _parties_complete(obj, actor, **_):
    parties = list(obj.parties.all())
    if len(parties) < 2 or {p.role for p in parties} < {"applicant", "respondent"}:
        return PARTIES_REQUIRED
    if any(not p.id_number for p in parties):
        return PARTY_ID_REQUIRED
    return None


def _refuser_given(obj, actor, party=None, refused_on=None, **_):
    if party is None or party.dispute_id != obj.pk or refused_on is None:
        return REFUSER_REQUIRED
    if refused_on < obj.registered_on:
        return DATE_BEFORE.format(label="拒绝调解日期", other="登记日期", day=obj.registered_on)
    return None


def _remedies_told(obj, actor, remedies="", **_):
    return None if (remedies or "").strip() else REMEDIES_REQUIRED


def _has_outcome(obj, actor, **_):
    return None if obj.status in Dispute.OUTCOMES else CLOSE_BEFORE_OUTCOME


def _followed_up(obj, actor, **_):
    if obj.status == S.MEDIATED and not obj.followups.exists():
        return CLOSE_FOLLOWUP
    return None


def _judicial_settled(obj, actor, on=None, **_):
    if obj.judicial_due is not None and obj.judicial_due >= (on or clock.today()):
        return CLOSE_JUDICIAL_OPEN.format(due=obj.judicial_due.isoformat())
    return None


# --- effects ----------------------------------------------------------------------------------


def _accept(step):
    obj = step.obj
    step.put("accepted_on", step.params["on"])
    step.put("mediator", step.actor)
    obj.status = S.ACCEPTED  # for due_for: the handling target runs from acceptance
    step.put("next_due", due_for(obj))


def _outcome(status):
    def effect(step):
        step.put("outcome", status)
        step.put(
            "outcome_on", step.params.get("outcome_on") or step.params.get("on") or clock.today()
        )
        step.put("next_due", None)

    return effect


def _refuse(step):
    party = step.params["party"]
    step.put("refused_by", f"{party.get_role_display()} {party.name}")
    step.put("refused_on", step.params["refused_on"])
    step.params["outcome_on"] = step.params["refused_on"]
    _outcome(S.REFUSED)(step)


def _fail(step):
    step.put("remedies_told", step.params["remedies"].strip())
    _outcome(S.FAILED)(step)


def _close(step):
    obj = step.obj
    step.put("closed_on", step.params["on"])
    step.put("next_due", None)
    if obj.judicial_due is not None:  # the window ran out with nothing recorded
        Agreement.objects.filter(dispute=obj, judicial_state=Agreement.Judicial.OPEN).update(
            judicial_state=Agreement.Judicial.LAPSED
        )
        step.put("judicial_due", None)


def _mediating(obj, actor) -> bool:
    return may_mediate(actor, obj)


def _t(verb, label, sources, target, **kw):
    return Transition(verb, label, sources, target, roles=MEDIATOR_ROLES, allowed=_mediating, **kw)


OPEN = {S.REGISTERED, S.ACCEPTED, S.MEDIATING}
DISPUTE_FLOW = Workflow(
    Dispute,
    audit_prefix="dispute",
    status_labels=S,
    transitions=[
        _t("accept", "受理", {S.REGISTERED}, S.ACCEPTED, guards=[_parties_complete],
           effect=_accept),
        _t("start", "开始调解", {S.ACCEPTED}, S.MEDIATING),
        # Only through the agreement form (agreement_record), which writes the agreement.
        _t("succeed", "调解成功", {S.MEDIATING}, S.MEDIATED, effect=_outcome(S.MEDIATED)),
        _t("fail", "调解不成,终止调解", {S.ACCEPTED, S.MEDIATING}, S.FAILED,
           guards=[_remedies_told], effect=_fail, style="warning"),
        _t("refuse", "当事人拒绝调解", OPEN, S.REFUSED, guards=[_refuser_given],
           effect=_refuse, style="warning"),
        # Only through the routing form (dispute_route), which records where and why.
        _t("transfer", "移交其他机关", OPEN, S.TRANSFERRED, effect=_outcome(S.TRANSFERRED)),
        _t("close", "结案", OPEN | set(Dispute.OUTCOMES), S.CLOSED,
           guards=[_has_outcome, _followed_up, _judicial_settled], effect=_close,
           style="success"),
    ],
)  # fmt: skip
# The steps a page offers as buttons (the others have forms of their own).
BUTTON_VERBS = ("accept", "start", "refuse", "fail", "close")


def dispute_transition(
    *, actor, obj: Dispute, verb: str, note="", party=None, refused_on=None, remedies=None, on=None
) -> Dispute:
    """受理, 开始调解, 当事人拒绝调解 (who and when, art 17), 调解不成 (with the remedies
    told, art 26), 结案 (only after an outcome)."""
    if verb not in BUTTON_VERBS:
        label = DISPUTE_FLOW.get(verb).label  # an unknown verb is refused as such
        raise ServiceError(f"“{label}”请通过相应的表单办理", code="wrong_form")
    note = _text(note, "note", "说明", required=False, limit=2000)
    if verb == "refuse":
        refused_on = _date(refused_on, "refused_on", "拒绝调解日期", required=False)
        if party is not None and not isinstance(party, Party):
            party = Party.objects.filter(pk=party, dispute=obj).first()
    if verb == "fail":
        remedies = _text(remedies, "remedies", "告知的其他救济途径", required=False)
    return DISPUTE_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        party=party,
        refused_on=refused_on,
        remedies=remedies or "",
        on=on or clock.today(),
    )


# --- sessions (调解记录) -----------------------------------------------------------------------


def session_add(
    *, actor, dispute: Dispute, held_on, place, mediators, attendees, record, result
) -> Session:
    """Record one mediation session. The first one starts mediation (受理 → 调解中); none
    may be recorded once a party has refused (art 17)."""
    held_on = _date(held_on, "held_on", "调解日期")
    place = _text(place, "place", "调解地点", limit=200)
    mediators = _text(mediators, "mediators", "人民调解员", limit=200)
    attendees = _text(attendees, "attendees", "参加人员", limit=500)
    record = _text(record, "record", "调解情况")
    result = _choice(result, Session.Result, "result", "本次结果")
    with transaction.atomic():
        locked = locked_dispute(actor, dispute)
        if locked.status == S.REFUSED:
            raise ServiceError(REFUSED_NO_MEDIATION, code="guard")
        if locked.status not in (S.ACCEPTED, S.MEDIATING):
            raise ServiceError(NOT_MEDIATING, code="wrong_state")
        if held_on < locked.accepted_on:
            message = DATE_BEFORE.format(label="调解日期", other="受理日期", day=locked.accepted_on)
            raise ServiceError(message, errors={"held_on": [message]})
        if locked.status == S.ACCEPTED:
            locked = DISPUTE_FLOW.run(actor=actor, obj=locked, verb="start")
        session = Session.objects.create(
            dispute=locked, held_on=held_on, place=place, mediators=mediators,
            attendees=attendees, record=record, result=result, recorded_by=actor,
        )  # fmt: skip
        audit.record(
            verb="dispute_session.create",
            actor=actor,
            obj=session,
            org_unit=locked.org_unit,
            changes={"dispute": locked.pk, "held_on": held_on.isoformat(), "result": result},
        )
    return session


# --- follow-up (回访) --------------------------------------------------------------------------


def followup_add(*, actor, dispute: Dispute, visited_on, performance, note="") -> FollowUp:
    """回访: how the agreement is being performed (the committee supervises it, art 31)."""
    visited_on = _date(visited_on, "visited_on", "回访日期")
    performance = _choice(performance, FollowUp.Performance, "performance", "履行情况")
    note = _text(note, "note", "回访情况", required=False)
    with transaction.atomic():
        locked = locked_dispute(actor, dispute)
        if locked.status != S.MEDIATED:
            raise ServiceError(FOLLOWUP_BEFORE, code="wrong_state")
        if visited_on < locked.outcome_on:
            message = DATE_BEFORE.format(
                label="回访日期", other="调解成功日期", day=locked.outcome_on
            )
            raise ServiceError(message, errors={"visited_on": [message]})
        followup = FollowUp.objects.create(
            dispute=locked, visited_on=visited_on, performance=performance, note=note,
            visited_by=actor,
        )  # fmt: skip
        audit.record(
            verb="dispute_followup.create",
            actor=actor,
            obj=followup,
            org_unit=locked.org_unit,
            changes={"dispute": locked.pk, "performance": performance},
        )
    return followup
