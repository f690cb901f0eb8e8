"""A major decision's file and its state machine (DECISION_FLOW): listing it in the
catalogue, the five procedures as hard gates (each step refuses until the previous
procedure's evidence is attached), the decision, publication, archive, and the
system's supersession when a revised version is decided (第三十七条)."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Step, Transition, Workflow

from .. import params
from ..models import Catalogue, Decision
from . import consult
from .common import (
    GATES,
    LEADER_ROLES,
    MAX_SHORT,
    MAX_TITLE,
    NOT_FOUND,
    OFFICE_ROLES,
    WRITER_ROLES,
    _date,
    _text,
    discussion_gate,
    expert_gate,
    participation_gate,
    review_gate,
    risk_gate,
)

S = Decision.Status
IN_FORCE = (S.DECIDED, S.PUBLISHED, S.ARCHIVED)


def _choice(value, choices, field, label):
    if value not in choices.values:
        message = f"{label}不正确"
        raise ServiceError(message, errors={field: [message]})
    return value


def decision_create(
    *, actor, catalogue: Catalogue, title, category, undertaker, body=""
) -> Decision:
    """List a matter in a catalogue still being drafted (a new decision, 起草)."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以增加决策事项")
    if not unit_in_scope(actor, catalogue.org_unit, OFFICE_ROLES):
        raise Forbidden(NOT_FOUND)
    title = _text(title, "title", "决策事项", limit=MAX_TITLE)
    category = _choice(category, Decision.Category, "category", "事项类别")
    undertaker = _text(undertaker, "undertaker", "决策承办单位", limit=MAX_SHORT)
    body = _text(body, "body", "决策草案", required=False)
    with transaction.atomic():
        cat = Catalogue.objects.select_for_update().get(pk=catalogue.pk)
        if cat.status != Catalogue.Status.DRAFT:
            raise ServiceError(params.CATALOGUE_NOT_DRAFT, code="wrong_state")
        d = Decision.objects.create(
            org_unit=cat.org_unit,
            catalogue=cat,
            title=title,
            category=category,
            undertaker=undertaker,
            body=body,
            created_by=actor,
        )
        DECISION_FLOW.start(actor=actor, obj=d, label="列入决策事项目录")
        audit.record(
            verb="decision.create",
            actor=actor,
            obj=d,
            changes={"title": title, "category": category, "catalogue": cat.year},
        )
    return d


def decision_update_draft(*, actor, decision: Decision, body) -> Decision:
    """Revise the draft text while no consultation has opened."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以修改决策草案")
    body = _text(body, "body", "决策草案")
    with transaction.atomic():
        d = _locked(actor, decision)
        if d.status != S.DRAFT:
            raise ServiceError(
                "公开征求意见后不能直接修改草案;确需修改的,请按程序重新办理", code="wrong_state"
            )
        before = d.body
        d.body = body
        d.save(update_fields=["body"])
        audit.record(
            verb="decision.update", actor=actor, obj=d, changes={"body": [len(before), len(body)]}
        )
    return d


def _locked(actor, decision) -> Decision:
    d = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("org_unit")
        .filter(pk=decision.pk)
        .first()
    )
    if d is None or not unit_in_scope(actor, d.org_unit, WRITER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    return d


# --- guards ---------------------------------------------------------------------------------


def _catalogued(d, actor, **_):
    return None if d.catalogue.status == Catalogue.Status.PUBLISHED else params.NOT_IN_CATALOGUE


def _period(d, actor, starts_on=None, ends_on=None, reason_short="", **_):
    if starts_on is None or ends_on is None:
        return "请填写征求意见的开始和截止日期(第十五条:明确提出意见的方式和期限)"
    if ends_on <= starts_on:
        return params.CONSULT_DATES
    days = int(params.CONSULT_MIN_DAYS.value(d.org_unit))
    # Counted like every period (民法典 第二百零三条): an end on a rest day moves on.
    earliest = deadline(starts_on, days, "days")
    if ends_on < earliest and not str(reason_short or "").strip():
        return params.CONSULT_TOO_SHORT.format(days=days, earliest=earliest)
    return None


def _gate(fn):
    def guard(d, actor, **_):
        return fn(d)

    guard.__name__ = fn.__name__
    return guard


def _reviewer(d, actor, reviewer=None, **_):
    return None if reviewer is not None else params.REVIEWER_MISSING


def _all_gates(d, actor, **_):
    for _key, _label, _art, gate in GATES:
        refusal = gate(d)
        if refusal:
            return refusal
    return None


def _where_when(d, actor, published_on=None, publish_channel="", **_):
    if published_on is None or not str(publish_channel or "").strip():
        return params.PUBLISH_WHERE_WHEN
    return None


def _decision_text(d, actor, decision_text="", **_):
    return None if str(decision_text or "").strip() else params.DECISION_TEXT


# --- effects --------------------------------------------------------------------------------


def _due(step: Step, day, label: str) -> None:
    step.put("next_due", day)
    step.put("next_due_label", label)


def _open_consultation(step: Step) -> None:
    p = step.params
    reason = _text(
        p.get("reason_short"), "reason_short", "缩短期限的理由", required=False, limit=2000
    )
    consult.open_consultation(
        actor=step.actor,
        decision=step.obj,
        starts_on=p["starts_on"],
        ends_on=p["ends_on"],
        reason_short=reason,
    )
    step.put("consult_starts_on", p["starts_on"])
    step.put("consult_ends_on", p["ends_on"])
    step.put("consult_reason_short", reason)
    _due(step, p["ends_on"], "公开征求意见截止")


def _done(n: int):
    def effect(step: Step) -> None:
        step.put("procedures_done", n)
        _due(step, None, "")

    return effect


def _request_review(step: Step) -> None:
    from fazhi.reviews.services import review_request_create

    d = step.obj
    review = review_request_create(
        actor=step.actor, subject=d, kind="decision", reviewer=step.params["reviewer"], text=d.body
    )
    step.put("procedures_done", 3)
    _due(step, review.due_date, "合法性审查到期")
    step.changes["review"] = review.pk


def _decide(step: Step) -> None:
    d, on = step.obj, step.params["on"]
    step.put("procedures_done", 5)
    step.put("procedures_completed_on", on)
    step.put("decided_on", on)
    step.put("decision_text", _text(step.params.get("decision_text"), "decision_text", "决定内容"))
    if d.previous_id:
        prev = Decision.objects.get(pk=d.previous_id)
        if prev.status in IN_FORCE:
            DECISION_FLOW.run(actor=None, obj=prev, verb="supersede", note=f"被第{d.version}版替代")
        step.changes["supersedes"] = d.previous_id


def _publish(step: Step) -> None:
    p = step.params
    step.put("published_on", p["published_on"])
    step.put(
        "publish_channel", _text(p["publish_channel"], "publish_channel", "公布载体", limit=200)
    )
    days = int(params.IMPLEMENTATION_REPORT_DAYS.value(step.obj.org_unit))
    _due(step, deadline(p["published_on"], days, "days"), "决策执行情况报告")


def _archive(step: Step) -> None:
    step.put("archived_on", step.params["on"])


def _return(step: Step) -> None:
    step.put("procedures_done", 2)
    _due(step, None, "")


def _superseded(step: Step) -> None:
    _due(step, None, "")


DECISION_FLOW = Workflow(
    Decision,
    audit_prefix="decision",
    status_labels=S,
    transitions=[
        Transition("start_participation", "公开征求意见", {S.DRAFT}, S.PARTICIPATION,
                   roles=OFFICE_ROLES, guards=[_catalogued, _period], effect=_open_consultation),
        Transition("finish_participation", "完成公众参与", {S.PARTICIPATION}, S.EXPERT,
                   roles=OFFICE_ROLES, guards=[_gate(participation_gate)], effect=_done(1)),
        Transition("finish_expert", "完成专家论证", {S.EXPERT}, S.RISK,
                   roles=OFFICE_ROLES, guards=[_gate(expert_gate)], effect=_done(2)),
        Transition("submit_review", "完成风险评估并送合法性审查", {S.RISK}, S.LEGALITY_REVIEW,
                   roles=OFFICE_ROLES, guards=[_gate(risk_gate), _reviewer], effect=_request_review),
        Transition("submit_discussion", "提交集体讨论", {S.LEGALITY_REVIEW}, S.DISCUSSION,
                   roles=OFFICE_ROLES, guards=[_gate(review_gate)], effect=_done(4)),
        Transition("decide", "作出决定", {S.DISCUSSION}, S.DECIDED,
                   roles=LEADER_ROLES, guards=[_gate(discussion_gate), _all_gates, _decision_text],
                   effect=_decide),
        Transition("publish", "公布决策", {S.DECIDED}, S.PUBLISHED,
                   roles=OFFICE_ROLES, guards=[_where_when], effect=_publish),
        Transition("archive", "归档", {S.PUBLISHED}, S.ARCHIVED,
                   roles=OFFICE_ROLES, style="outline-primary", effect=_archive),
        Transition("return_revise", "退回修改草案", {S.LEGALITY_REVIEW, S.DISCUSSION}, S.RISK,
                   roles=WRITER_ROLES, note_required=True, style="outline-secondary",
                   effect=_return),
        Transition("supersede", "被调整后的新版本替代", set(IN_FORCE), S.SUPERSEDED,
                   system=True, effect=_superseded),
    ],
)  # fmt: skip


def decision_transition(
    *,
    actor,
    obj: Decision,
    verb: str,
    note: str = "",
    starts_on=None,
    ends_on=None,
    reason_short="",
    reviewer=None,
    decision_text="",
    published_on=None,
    publish_channel="",
    on=None,
) -> Decision:
    """Every step of a decision; each step takes only its own fields."""
    starts_on = _date(starts_on, "starts_on", "征求意见开始日期", required=False)
    ends_on = _date(ends_on, "ends_on", "征求意见截止日期", required=False)
    published_on = _date(published_on, "published_on", "公布日期", required=False)
    return DECISION_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        starts_on=starts_on,
        ends_on=ends_on,
        reason_short=reason_short or "",
        reviewer=reviewer,
        decision_text=decision_text or "",
        published_on=published_on,
        publish_channel=publish_channel or "",
        on=on or clock.today(),
    )


def decision_revise(*, actor, decision: Decision, reason) -> Decision:
    """A change to a decision in force is a new version that runs the whole procedure
    again (第三十七条); the old version stays in force until the new one is decided."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以发起决策调整")
    reason = _text(reason, "reason", "调整理由", limit=2000)
    with transaction.atomic():
        d = _locked(actor, decision)
        if d.status not in IN_FORCE:
            raise ServiceError(params.REVISE_NOT_DECIDED, code="wrong_state")
        if d.revisions.exclude(status=S.SUPERSEDED).exists():
            raise ServiceError(params.REVISE_PENDING, code="wrong_state")
        new = Decision.objects.create(
            org_unit=d.org_unit,
            catalogue=d.catalogue,
            title=d.title,
            category=d.category,
            undertaker=d.undertaker,
            body=d.body,
            version=d.version + 1,
            previous=d,
            revise_reason=reason,
            created_by=actor,
        )
        DECISION_FLOW.start(actor=actor, obj=new, label=f"调整决策(第{new.version}版)", note=reason)
        audit.record(
            verb="decision.revise",
            actor=actor,
            obj=new,
            changes={"previous": d.pk, "version": new.version, "reason": reason},
        )
    return new


def decision_review_concluded(*, subject, review, actor) -> None:
    """reviews' hook: the review's due date leaves the workbench once it is concluded."""
    if subject.status == S.LEGALITY_REVIEW and subject.next_due_label == "合法性审查到期":
        Decision.objects.filter(pk=subject.pk).update(next_due=None, next_due_label="")
