"""Every write of 法治建设旬报: drafting a town's report for a 旬, refreshing the draft,
editing it, submitting it (not before the period has ended, never twice) and the county's
return for completion (查漏补缺). Each write is scoped, checked and audited."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from . import drafting
from . import params as P
from .models import READER_ROLES, TenDayReport
from .periods import Period, is_period_start, period_of

WRITER_ROLES = frozenset({Role.LAW_OFFICER})
PAGE_ROLES = READER_ROLES
NOT_FOUND = "记录不存在或无权查看"
MAX_TEXT = 10000
S = TenDayReport.Status


def due_for(town: OrgUnit, period: Period, workdays: int | None = None) -> date:
    """The day the town's report of `period` is due: N working days after the period.
    `workdays`: N as the caller already read it (the matrix reads it for all its towns in
    one query, core.params.values_for)."""
    if workdays is None:
        workdays = P.DUE_WORKDAYS.value(town)
    return deadline(period.end, workdays, "workdays")


def submission_refusal(report: TenDayReport, today: date) -> str | None:
    if not report.period.ended(today):
        return P.NOT_ENDED.format(period=report.period.name, end=report.period_end)
    return None


def _period_ended(obj, actor, **_):
    return submission_refusal(obj, clock.today())


def _on_submit(step) -> None:
    today = clock.today()
    report = step.obj
    step.put("submitted_on", today)
    if report.first_submitted_on is None:
        step.put("first_submitted_on", today)
        step.put("is_late", today > report.due_on)


def _on_return(step) -> None:
    step.put("return_count", step.obj.return_count + 1)
    step.put("return_comment", step.params.get("comment", ""))


REPORT_FLOW = Workflow(
    TenDayReport,
    audit_prefix="tenday_report",
    status_labels=S,
    transitions=[
        Transition(
            "submit", "报送县级", {S.DRAFT, S.RETURNED}, S.SUBMITTED,
            roles={Role.LAW_OFFICER}, guards=[_period_ended], effect=_on_submit,
        ),
        Transition(
            "return", "退回查漏补缺", {S.SUBMITTED}, S.RETURNED,
            roles={Role.COUNTY_SUPERVISOR}, note_required=True, style="warning",
            effect=_on_return,
        ),
    ],
)  # fmt: skip


def _town(actor, org_unit: OrgUnit) -> OrgUnit:
    if org_unit is None or org_unit.kind != OrgUnit.Kind.TOWN:
        raise ServiceError(P.NOT_A_TOWN, errors={"org_unit": [P.NOT_A_TOWN]})
    if not unit_in_scope(actor, org_unit, WRITER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    return org_unit


def _period(value) -> Period:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, date) or not is_period_start(value):
        message = "旬的开始日期应为每月1日、11日或21日"
        raise ServiceError(message, errors={"period_start": [message]})
    return period_of(value)


def report_create(*, actor, org_unit: OrgUnit, period_start) -> TenDayReport:
    """Draft the town's report of the 旬 starting `period_start` from that period's
    figures. The current 旬 may be drafted (submitted only once it has ended); a later one
    is refused, and so is a second report of the same period."""
    check_role(actor, WRITER_ROLES, "只有镇法治办工作人员可以起草旬报")
    town = _town(actor, org_unit)
    period = _period(period_start)
    today = clock.today()
    if period.start > today:
        message = P.FUTURE.format(period=period.name)
        raise ServiceError(message, errors={"period_start": [message]})
    if TenDayReport.objects.filter(org_unit=town, period_start=period.start).exists():
        message = P.DUPLICATE.format(period=period.name)
        raise ServiceError(message, errors={"period_start": [message]}, code="duplicate")
    figures = drafting.figures_of(town, period)
    try:
        with transaction.atomic():
            report = TenDayReport.objects.create(
                org_unit=town,
                period_start=period.start,
                period_end=period.end,
                due_on=due_for(town, period),
                figures=figures,
                body=drafting.body_of(figures),
                created_by=actor,
            )
            REPORT_FLOW.start(actor=actor, obj=report, label="起草旬报")
            audit.record(
                verb="tenday_report.create",
                actor=actor,
                obj=report,
                changes={"period": period.name, "figures": len(figures)},
            )
    except IntegrityError:  # drafted by someone else at the same moment
        message = P.DUPLICATE.format(period=period.name)
        raise ServiceError(message, errors={"period_start": [message]}, code="duplicate") from None
    return report


def _locked_editable(actor, report: TenDayReport) -> TenDayReport:
    check_role(actor, WRITER_ROLES, "只有镇法治办工作人员可以修改旬报")
    locked = (
        TenDayReport.objects.select_for_update(of=("self",))
        .select_related("org_unit")
        .filter(pk=report.pk)
        .first()
    )
    if locked is None or not unit_in_scope(actor, locked.org_unit, WRITER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not locked.editable:
        raise ServiceError(P.NOT_EDITABLE, code="wrong_state")
    return locked


def report_update(*, actor, report: TenDayReport, body, problems="", next_steps="") -> TenDayReport:
    """The officer's edits of the text (only while drafting or returned)."""
    with transaction.atomic():
        locked = _locked_editable(actor, report)
        new = {
            "body": clean_text(body, "body", "本旬工作情况", MAX_TEXT),
            "problems": clean_text(problems, "problems", "存在问题", MAX_TEXT, required=False),
            "next_steps": clean_text(
                next_steps, "next_steps", "下一步工作", MAX_TEXT, required=False
            ),
        }
        changes = audit.diff({k: getattr(locked, k) for k in new}, new)
        for name, value in new.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(new))
        audit.record(verb="tenday_report.update", actor=actor, obj=locked, changes=changes)
    return locked


def report_regenerate(*, actor, report: TenDayReport) -> TenDayReport:
    """ "重新生成": draft the figures and text again from the period's data as it stands
    now (before submission; 存在问题 and 下一步工作 stay as the officer wrote them)."""
    with transaction.atomic():
        locked = _locked_editable(actor, report)
        figures = drafting.figures_of(locked.org_unit, locked.period)
        before = len(locked.figures)
        locked.figures = figures
        locked.body = drafting.body_of(figures)
        locked.drafted_at = clock.now()
        locked.save(update_fields=["figures", "body", "drafted_at"])
        audit.record(
            verb="tenday_report.regenerate",
            actor=actor,
            obj=locked,
            changes={"figures": [before, len(figures)]},
        )
    return locked


def report_transition(*, actor, obj: TenDayReport, verb: str, note: str = "", **_):
    """报送 (law officer) or 退回查漏补缺 (county supervisor, with the comment)."""
    if verb == "submit" and obj.status == S.SUBMITTED:
        # Named here, before the workflow's generic wrong-state refusal.
        if unit_in_scope(actor, obj.org_unit, READER_ROLES):
            raise ServiceError(
                P.ALREADY_SUBMITTED.format(period=obj.period.name, day=obj.submitted_on),
                code="already_submitted",
            )
    if verb == "return" and not (note or "").strip():
        raise ServiceError(P.RETURN_NEEDS_NOTE, errors={"note": [P.RETURN_NEEDS_NOTE]})
    return REPORT_FLOW.run(actor=actor, obj=obj, verb=verb, note=note, comment=(note or "").strip())


def can_write(user, report: TenDayReport) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*WRITER_ROLES)
        and unit_in_scope(user, report.org_unit, WRITER_ROLES)
    )


__all__ = [
    "Forbidden",
    "REPORT_FLOW",
    "due_for",
    "report_create",
    "report_regenerate",
    "report_transition",
    "report_update",
]
