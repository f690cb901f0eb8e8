"""The evidence of the procedures recorded on a decision's file — experts (with their
declaration of no conflict), the risk assessment, the collective discussion — and, after
publication, implementation reports and the post-evaluation. Each refuses with its
article and writes nothing on bad input; evidence files are attached to the row each
creates (core.attachments)."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import User
from fazhi.core.permissions import ServiceError, check_role

from .. import params
from ..models import (
    Decision,
    Discussion,
    Expert,
    ImplementationReport,
    PostEvaluation,
    RiskAssessment,
)
from .common import MAX_SHORT, OFFICE_ROLES, WRITER_ROLES, _date, _names, _text, today
from .decision import _locked

S = Decision.Status
MAX_NAME = 50


def _in_state(d: Decision, states, what: str) -> None:
    if d.status not in states:
        message = params.GATE_STATE.format(status=d.get_status_display(), what=what)
        raise ServiceError(message, code="wrong_state")


def expert_add(
    *, actor, decision: Decision, name, field, affiliation="", no_conflict, opinion=""
) -> Expert:
    """An expert of the argumentation (第十九、二十条). An expert who declares a direct
    interest in the matter is refused (第二十条), not recorded."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以组织专家论证")
    if no_conflict is not True:
        raise ServiceError(params.EXPERT_CONFLICT, errors={"no_conflict": [params.EXPERT_CONFLICT]})
    name = _text(name, "name", "专家姓名", limit=MAX_NAME)
    field = _text(field, "field", "专业领域", limit=MAX_SHORT)
    affiliation = _text(affiliation, "affiliation", "工作单位", required=False, limit=MAX_SHORT)
    opinion = _text(opinion, "opinion", "论证意见", required=False)
    with transaction.atomic():
        d = _locked(actor, decision)
        _in_state(d, {S.EXPERT}, "专家论证")
        e = Expert.objects.create(
            org_unit=d.org_unit,
            decision=d,
            name=name,
            field=field,
            affiliation=affiliation,
            no_conflict=True,
            opinion=opinion,
            recorded_by=actor,
        )
        audit.record(
            verb="decision_expert.add",
            actor=actor,
            obj=e,
            org_unit=d.org_unit,
            changes={"decision": d.pk, "name": name, "no_conflict": True},
        )
    return e


def risk_record(
    *,
    actor,
    decision: Decision,
    risks,
    measures,
    response_plan,
    level,
    controllable,
    assessor: User,
    assessor_org,
    assessed_on,
) -> RiskAssessment:
    """The risk assessment report (第二十三条: risks, measures, response plan), recorded or
    corrected while the decision is at the risk-assessment step."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以记录风险评估")
    fields = {
        "risks": _text(risks, "risks", "风险点"),
        "measures": _text(measures, "measures", "风险防范措施"),
        "response_plan": _text(response_plan, "response_plan", "处置预案"),
        "assessor_org": _text(assessor_org, "assessor_org", "评估单位", limit=MAX_SHORT),
        "assessed_on": _date(assessed_on, "assessed_on", "评估日期"),
        "controllable": bool(controllable),
    }
    if level not in ("low", "medium", "high"):
        raise ServiceError("请选择风险等级", errors={"level": ["请选择风险等级"]})
    if assessor is None:
        raise ServiceError("请选择评估负责人", errors={"assessor": ["请选择评估负责人"]})
    fields.update(level=level, assessor=assessor)
    with transaction.atomic():
        d = _locked(actor, decision)
        _in_state(d, {S.RISK}, "风险评估")
        risk, created = RiskAssessment.objects.update_or_create(
            decision=d, defaults={"org_unit": d.org_unit, **fields}
        )
        audit.record(
            verb="decision_risk.record",
            actor=actor,
            obj=risk,
            org_unit=d.org_unit,
            changes={
                "decision": d.pk,
                "level": level,
                "controllable": fields["controllable"],
                "assessor": assessor.pk,
                "created": created,
            },
        )
    return risk


def discussion_record(
    *,
    actor,
    decision: Decision,
    meeting_name,
    meeting_date,
    attendees,
    speaking_order,
    chief,
    dissent="",
    chief_reason="",
    leadership_meeting_id=None,
) -> Discussion:
    """The collective discussion as it happened (第三十条): every attendee, the speaking
    order with the chief (行政首长) last — refused otherwise — and dissent as stated."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员或镇领导可以记录集体讨论")
    meeting_name = _text(meeting_name, "meeting_name", "会议名称", limit=MAX_SHORT)
    meeting_date = _date(meeting_date, "meeting_date", "会议日期")
    if meeting_date > today():
        raise ServiceError(
            "会议日期不能晚于今天", errors={"meeting_date": ["会议日期不能晚于今天"]}
        )
    attendees = _names(attendees, "attendees", "参会人员")
    order = _names(speaking_order, "speaking_order", "发言顺序")
    chief = _text(chief, "chief", "行政首长", limit=MAX_NAME)
    if chief not in attendees or chief not in order:
        raise ServiceError(params.CHIEF_ABSENT, errors={"chief": [params.CHIEF_ABSENT]})
    for name in order:
        if name not in attendees:
            message = params.SPEAKER_NOT_ATTENDEE.format(name=name)
            raise ServiceError(message, errors={"speaking_order": [message]})
    if order[-1] != chief or order.count(chief) > 1:
        message = params.CHIEF_NOT_LAST.format(chief=chief)
        raise ServiceError(message, errors={"speaking_order": [message]})
    if leadership_meeting_id in ("", None):
        leadership_meeting_id = None
    else:
        try:
            leadership_meeting_id = int(leadership_meeting_id)
        except (TypeError, ValueError):
            raise ServiceError(
                "会议编号应为整数", errors={"leadership_meeting_id": ["应为整数"]}
            ) from None
    fields = {
        "meeting_name": meeting_name,
        "meeting_date": meeting_date,
        "attendees": attendees,
        "speaking_order": order,
        "chief": chief,
        "dissent": _text(dissent, "dissent", "不同意见", required=False),
        "chief_reason": _text(chief_reason, "chief_reason", "不一致的理由", required=False),
        "leadership_meeting_id": leadership_meeting_id,
        "recorded_by": actor,
    }
    with transaction.atomic():
        d = _locked(actor, decision)
        _in_state(d, {S.DISCUSSION}, "集体讨论")
        disc, created = Discussion.objects.update_or_create(
            decision=d, defaults={"org_unit": d.org_unit, **fields}
        )
        audit.record(
            verb="decision_discussion.record",
            actor=actor,
            obj=disc,
            org_unit=d.org_unit,
            changes={
                "decision": d.pk,
                "meeting_date": meeting_date.isoformat(),
                "speaking_order": order,
                "dissent": bool(fields["dissent"]),
                "created": created,
            },
        )
    return disc


def implementation_report_add(
    *, actor, decision: Decision, reported_on, content, problems=""
) -> ImplementationReport:
    """决策执行情况报告 (第三十四条); the next report falls due a period later."""
    from fazhi.core.deadlines import deadline

    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以报告决策执行情况")
    reported_on = _date(reported_on, "reported_on", "报告日期")
    content = _text(content, "content", "执行情况")
    problems = _text(problems, "problems", "发现的问题", required=False)
    with transaction.atomic():
        d = _locked(actor, decision)
        if d.status not in (S.PUBLISHED, S.ARCHIVED):
            raise ServiceError(params.NOT_IN_FORCE, code="wrong_state")
        rep = ImplementationReport.objects.create(
            org_unit=d.org_unit,
            decision=d,
            reported_on=reported_on,
            content=content,
            problems=problems,
            recorded_by=actor,
        )
        days = int(params.IMPLEMENTATION_REPORT_DAYS.value(d.org_unit))
        d.next_due, d.next_due_label = deadline(reported_on, days, "days"), "决策执行情况报告"
        d.save(update_fields=["next_due", "next_due_label"])
        audit.record(
            verb="decision_report.add",
            actor=actor,
            obj=rep,
            org_unit=d.org_unit,
            changes={
                "decision": d.pk,
                "reported_on": reported_on.isoformat(),
                "next_due": d.next_due.isoformat(),
            },
        )
    return rep


def post_evaluation_record(
    *, actor, decision: Decision, evaluator: User, evaluator_org, evaluated_on, conclusion
) -> PostEvaluation:
    """决策后评估 (第三十六条), never by the pre-decision assessor (person or unit)."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以记录决策后评估")
    evaluator_org = _text(evaluator_org, "evaluator_org", "评估单位", limit=MAX_SHORT)
    evaluated_on = _date(evaluated_on, "evaluated_on", "评估日期")
    conclusion = _text(conclusion, "conclusion", "评估结论")
    if evaluator is None:
        raise ServiceError("请选择评估负责人", errors={"evaluator": ["请选择评估负责人"]})
    with transaction.atomic():
        d = _locked(actor, decision)
        if d.status not in (S.PUBLISHED, S.ARCHIVED):
            raise ServiceError(params.NOT_IN_FORCE, code="wrong_state")
        risk = RiskAssessment.objects.filter(decision=d).first()
        if risk is not None and (
            risk.assessor_id == evaluator.pk
            or risk.assessor_org.replace(" ", "") == evaluator_org.replace(" ", "")
        ):
            raise ServiceError(
                params.POST_EVAL_SAME_PERSON, errors={"evaluator": [params.POST_EVAL_SAME_PERSON]}
            )
        ev = PostEvaluation.objects.create(
            org_unit=d.org_unit,
            decision=d,
            evaluator=evaluator,
            evaluator_org=evaluator_org,
            evaluated_on=evaluated_on,
            conclusion=conclusion,
            recorded_by=actor,
        )
        audit.record(
            verb="decision_evaluation.add",
            actor=actor,
            obj=ev,
            org_unit=d.org_unit,
            changes={"decision": d.pk, "evaluator": evaluator.pk, "evaluator_org": evaluator_org},
        )
    return ev
