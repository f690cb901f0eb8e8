"""The document's state machine (DOCUMENT_FLOW): its guards, each refusing in Chinese with
the rule it enforces, and each step's own field changes (`effect`) beside the step."""

from __future__ import annotations

from datetime import date

from fazhi.core.permissions import ServiceError
from fazhi.core.workflow import Step, Transition, Workflow

from .. import params
from ..models import Document
from .common import DRAFTER_ROLES, LEADER_ROLES, MAX_SHORT, MAX_TEXT, _require_date, _text
from .dates import comment_minimum, filing_due_date, validity_refusal
from .numbering import _take_number

S = Document.Status

# --- guards (obj, actor, **params) -> None | refusal ------------------------------------


def _needs_business(doc, actor, **_):
    return None if doc.touches_business else params.FAIR_COMPETITION_NOT_NEEDED


def _fair_competition_done(doc, actor, **_):
    if not doc.touches_business:
        return None
    if doc.fair_competition == Document.FairCompetition.NONCOMPLIANT:
        return params.FAIR_COMPETITION_NONCOMPLIANT
    if doc.fair_competition not in (
        Document.FairCompetition.COMPLIANT,
        Document.FairCompetition.EXCEPTION,
    ):
        return params.FAIR_COMPETITION_FIRST
    return None


def _fair_competition_conclusion(doc, actor, conclusion=None, reason="", until=None, **_):
    if conclusion not in Document.FairCompetition.values or not conclusion:
        return params.FAIR_COMPETITION_CONCLUSION
    if conclusion == Document.FairCompetition.EXCEPTION and (
        not str(reason or "").strip() or not isinstance(until, date)
    ):
        return params.FAIR_COMPETITION_EXCEPTION
    return None


def _comment_period(doc, actor, comment_end=None, **_):
    if not isinstance(comment_end, date):
        return "请填写征求意见截止日期"
    if doc.comment_start is None:
        return "未记录征求意见开始日期"
    earliest, rule = comment_minimum(doc, doc.comment_start)
    if comment_end < earliest:
        return f"征求意见期不足:{rule},最早可于{earliest:%Y年%m月%d日}结束征求意见"
    return None


def _comments_answered(doc, actor, **_):
    """Every comment of the document's public consultation answered (participation)."""
    from fazhi.participation.selectors import consultation_for

    consultation = consultation_for(doc)
    if consultation is None or consultation.all_answered:
        return None
    return params.COMMENTS_UNANSWERED.format(n=consultation.unanswered_count)


def _review_passed(doc, actor, **_):
    from fazhi.reviews.selectors import review_passed

    return None if review_passed(doc) else params.REVIEW_FIRST


def _deliberated(doc, actor, **_):
    if not (doc.deliberation_decision and doc.deliberation_date and doc.deliberation_meeting):
        return params.DELIBERATION_FIRST
    return None


def _numbered(doc, actor, **_):
    return None if doc.number and doc.serial else params.NUMBER_FIRST


def _where_when(doc, actor, published_on=None, publish_channel="", **_):
    if not isinstance(published_on, date) or not str(publish_channel or "").strip():
        return params.PUBLISH_WHERE_WHEN
    return None


def _validity(doc, actor, published_on=None, effective_from=None, valid_until=None, **_):
    if isinstance(published_on, date) and isinstance(effective_from, date):
        if effective_from < published_on:
            return params.RETROACTIVE
    return validity_refusal(doc, effective_from, valid_until)


# --- each step's own field changes (after its guards passed) ---------------------------------


def _request_review(*, actor, doc: Document, reviewer):
    from fazhi.reviews.services import review_request_create

    return review_request_create(
        actor=actor, subject=doc, kind="normative", reviewer=reviewer, text=doc.body
    )


def _record_fair_competition(step: Step) -> None:
    conclusion = step.params["conclusion"]
    step.put("fair_competition", conclusion)
    exception = conclusion == Document.FairCompetition.EXCEPTION
    step.put(
        "fair_competition_reason",
        _text(step.params.get("reason"), "reason", "例外理由", MAX_TEXT) if exception else "",
    )
    step.put("fair_competition_until", step.params.get("until") if exception else None)


def _open_comment(step: Step) -> None:
    start = step.params.get("comment_start") or step.params["on"]
    step.put("comment_start", _require_date(start, "comment_start", "征求意见开始日期"))
    channel = _text(
        step.params.get("comment_channel"),
        "comment_channel",
        "征求意见渠道",
        MAX_SHORT,
        required=True,
    )
    step.put("comment_channel", channel)
    earliest, _rule = comment_minimum(step.obj, step.obj.comment_start)
    step.put("comment_end", None)
    step.changes["earliest_end"] = earliest.isoformat()
    step.changes["consultation"] = _open_consultation(step, earliest).pk


def _open_consultation(step: Step, earliest: date):
    """The public consultation on the draft (participation): its text split into articles,
    open until the earliest close its own rule and the platform's allow."""
    from fazhi.participation import services as participation

    doc, start = step.obj, step.obj.comment_start
    ends = max(earliest, participation.minimum_end("normative", doc.org_unit, start)[0])
    return participation.consultation_open(
        actor=step.actor,
        subject=doc,
        title=doc.title,
        text=doc.body or doc.title,
        starts_on=start,
        ends_on=ends,
    )


def _close_comment(step: Step) -> None:
    from fazhi.participation import services as participation
    from fazhi.participation.selectors import consultation_for

    step.put("comment_end", step.params["comment_end"])
    count = step.params.get("comment_count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        raise ServiceError("收到意见数应为非负整数", errors={"comment_count": ["应为非负整数"]})
    adoption = _text(
        step.params.get("comment_adoption"), "comment_adoption", "意见采纳情况", MAX_TEXT
    )
    consultation = consultation_for(step.obj)
    if consultation is not None:
        # The counts come from the consultation, not from a typed number (issue 10).
        count = consultation.comment_count
        adoption = adoption or params.COMMENT_ADOPTION.format(
            n=count, adopted=consultation.adopted_count, partly=consultation.partly_count,
            rejected=consultation.answered_count - consultation.adopted_count
            - consultation.partly_count,
        )  # fmt: skip
        participation.consultation_close(
            actor=step.actor, consultation=consultation, on=step.params["on"]
        )
    step.put("comment_count", count)
    step.put("comment_adoption", adoption)
    reviewer = step.params.get("reviewer")
    if reviewer is None:
        raise ServiceError("请选择合法性审核人", errors={"reviewer": ["请选择合法性审核人"]})
    review = _request_review(actor=step.actor, doc=step.obj, reviewer=reviewer)
    step.changes["review"] = review.pk


def _record_deliberation(step: Step) -> None:
    p = step.params
    meeting = _text(p.get("meeting"), "meeting", "审议会议", MAX_SHORT, required=True)
    when = _require_date(p.get("meeting_date"), "meeting_date", "审议日期")
    if when > p["on"]:
        raise ServiceError(
            "审议日期不能晚于今天", errors={"meeting_date": ["审议日期不能晚于今天"]}
        )
    decision = p.get("decision")
    if decision not in (Document.Deliberation.PASSED, Document.Deliberation.PASSED_WITH_CHANGES):
        raise ServiceError(
            "请选择审议结论;未通过的请“退回修改”", errors={"decision": ["请选择审议结论"]}
        )
    step.put("deliberation_meeting", meeting)
    step.put("deliberation_date", when)
    step.put("deliberation_decision", decision)


def _register(step: Step) -> None:
    _take_number(step.obj, step.params["on"])
    step.changes["number"] = [None, step.obj.number]


def _publish(step: Step) -> None:
    p = step.params
    step.put("published_on", p["published_on"])
    step.put(
        "publish_channel",
        _text(p.get("publish_channel"), "publish_channel", "公布载体", MAX_SHORT),
    )
    step.put("effective_from", p["effective_from"])
    step.put("valid_until", p["valid_until"])
    step.put("filing_due", filing_due_date(step.obj))
    step.put(
        "urgent_reason",
        _text(p.get("urgent_reason"), "urgent_reason", "紧急施行理由", MAX_TEXT),
    )


def _return_draft(step: Step) -> None:
    step.put("deliberation_decision", "")
    step.put("deliberation_meeting", "")
    step.put("deliberation_date", None)
    doc = step.obj
    if doc.status == S.PUBLIC_COMMENT:
        _close_consultation(step)
    if (
        doc.status == S.FAIR_COMPETITION
        or doc.fair_competition == Document.FairCompetition.NONCOMPLIANT
    ):
        step.put("fair_competition", "")


def _close_consultation(step: Step) -> None:
    """A draft sent back during its comment period ends that consultation (a new one opens
    when it is put to the public again)."""
    from fazhi.participation import services as participation
    from fazhi.participation.selectors import consultation_for

    consultation = consultation_for(step.obj)
    if consultation is not None and consultation.closed_on is None:
        participation.consultation_close(
            actor=step.actor, consultation=consultation, on=step.params["on"]
        )


def _ended(reason: str):
    """The effect of a step that ends the document by a person's act (on the acting day)."""

    def effect(step: Step) -> None:
        step.put("ended_on", step.params["on"])
        step.put("end_reason", reason)

    return effect


def _ended_by_validity(step: Step) -> None:
    on = step.params["on"]
    step.obj.ended_on, step.obj.end_reason = on, "有效期届满"
    step.changes["ended_on"] = [None, on.isoformat()]


# --- the document's state machine --------------------------------------------------------

DRAFTING = {S.DRAFT, S.FAIR_COMPETITION, S.PUBLIC_COMMENT, S.LEGALITY_REVIEW, S.DELIBERATION}

DOCUMENT_FLOW = Workflow(
    Document,
    audit_prefix="document",
    status_labels=S,
    transitions=[
        Transition(
            "fair_competition_start", "开展公平竞争审查", {S.DRAFT}, S.FAIR_COMPETITION,
            roles=DRAFTER_ROLES, guards=[_needs_business], style="outline-primary",
        ),
        Transition(
            "fair_competition_record", "记录公平竞争审查结论", {S.FAIR_COMPETITION},
            S.FAIR_COMPETITION, roles=DRAFTER_ROLES, guards=[_fair_competition_conclusion],
            style="outline-primary", effect=_record_fair_competition,
        ),
        Transition(
            "open_comment", "公开征求意见", {S.DRAFT, S.FAIR_COMPETITION}, S.PUBLIC_COMMENT,
            roles=DRAFTER_ROLES, guards=[_fair_competition_done], effect=_open_comment,
        ),
        Transition(
            "close_comment", "结束征求意见并送合法性审核", {S.PUBLIC_COMMENT}, S.LEGALITY_REVIEW,
            roles=DRAFTER_ROLES, guards=[_fair_competition_done, _comment_period, _comments_answered],
            effect=_close_comment,
        ),
        Transition(
            "submit_deliberation", "提交集体审议", {S.LEGALITY_REVIEW}, S.DELIBERATION,
            roles=DRAFTER_ROLES, guards=[_review_passed, _comments_answered],
        ),
        Transition(
            "record_deliberation", "记录集体审议决定", {S.DELIBERATION}, S.DELIBERATION,
            roles=LEADER_ROLES, guards=[_review_passed], effect=_record_deliberation,
        ),
        Transition(
            "register", "统一登记编号", {S.DELIBERATION}, S.REGISTERED,
            roles=DRAFTER_ROLES, guards=[_review_passed, _deliberated], effect=_register,
        ),
        Transition(
            "publish", "公布", {S.REGISTERED}, S.PUBLISHED,
            roles=DRAFTER_ROLES, guards=[_numbered, _where_when, _validity], effect=_publish,
        ),
        Transition(
            "take_effect", "开始施行", {S.PUBLISHED}, S.IN_FORCE, roles=DRAFTER_ROLES,
            style="outline-primary",
        ),
        Transition(
            "return_draft", "退回修改", DRAFTING - {S.DRAFT}, S.DRAFT,
            roles=DRAFTER_ROLES | LEADER_ROLES, note_required=True, style="outline-secondary",
            effect=_return_draft,
        ),
        # The system's own steps (`fazhi tick`), never a button.
        Transition(
            "auto_in_force", "到期自动施行", {S.PUBLISHED}, S.IN_FORCE, system=True,
        ),
        Transition(
            "auto_expire", "有效期届满自动失效", {S.IN_FORCE, S.PUBLISHED}, S.EXPIRED,
            system=True, effect=_ended_by_validity,
        ),
        Transition(
            "expire", "宣布失效", {S.IN_FORCE, S.PUBLISHED}, S.EXPIRED,
            roles=DRAFTER_ROLES, note_required=True, style="outline-danger",
            effect=_ended("宣布失效"),
        ),
        Transition(
            "revise", "已修改(由新文件替代)", {S.IN_FORCE, S.PUBLISHED}, S.REVISED,
            roles=DRAFTER_ROLES, note_required=True, style="outline-danger",
            effect=_ended("已修改"),
        ),
        Transition(
            "repeal", "废止", {S.IN_FORCE, S.PUBLISHED}, S.REPEALED,
            roles=DRAFTER_ROLES, note_required=True, style="outline-danger",
            effect=_ended("废止"),
        ),
    ],
)  # fmt: skip
