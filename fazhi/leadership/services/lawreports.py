"""述法: the year's list of leading cadres who must report (the town's leaders by
default, then adjusted), each one's own report, and its 评议 at a held meeting."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachments_for
from fazhi.core.deadlines import deadline
from fazhi.core.models import Membership, OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from ..models import LawReport, Meeting
from ..params import (
    ALREADY_ON_LIST,
    LAWREPORT_DUE_DAYS,
    MEETING_NOT_HELD,
    MEETING_WRONG_YEAR,
    NEEDS_MEETING,
    NEEDS_RATING,
    NEEDS_REPORT,
    NOT_ON_LIST,
    REMOVE_DONE,
    REPORTER_OUTSIDE,
    RULE_BASIS,
    YEAR_RANGE,
)
from .common import NOT_FOUND, _text, choice, is_person_of, refuse

OFFICE = {Role.LAW_OFFICER}


def due_on(town: OrgUnit, year: int) -> date:
    """The year's 述法 is due N days after the year ends (local practice, a parameter)."""
    return deadline(date(year, 12, 31), LAWREPORT_DUE_DAYS.value(town), "days")


def _office(actor, town: OrgUnit) -> None:
    check_role(actor, OFFICE, "只有镇法治办工作人员可以维护述法名单和评议")
    if town is None or town.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, town, OFFICE):
        raise ServiceError(NOT_FOUND, code="not_found")


def _year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise refuse(YEAR_RANGE, "year") from None
    if not 2000 <= year <= 2100:
        raise refuse(YEAR_RANGE, "year")
    return year


def _create(actor, town, year, reporter, title) -> LawReport:
    report = LawReport.objects.create(
        org_unit=town,
        year=year,
        reporter=reporter,
        reporter_title=title[:100],
        due_on=due_on(town, year),
        added_by=actor,
    )
    LAWREPORT_FLOW.start(actor=actor, obj=report, label="列入述法名单")
    audit.record(
        verb="lawreport.add",
        actor=actor,
        obj=report,
        changes={"year": year, "reporter": str(reporter), "due_on": report.due_on.isoformat()},
    )
    return report


def lawreport_roster(*, actor, town: OrgUnit, year) -> list[LawReport]:
    """Put every current town leader (TOWN_LEADER membership of the town) on the year's
    list; those already on it are left alone. Returns the rows added."""
    _office(actor, town)
    year = _year(year)
    leaders = (
        Membership.objects.filter(org_unit=town, role=Role.TOWN_LEADER, is_active=True)
        .select_related("user")
        .order_by("id")
    )
    with transaction.atomic():
        listed = set(
            LawReport.objects.filter(org_unit=town, year=year).values_list("reporter_id", flat=True)
        )
        added = []
        for m in leaders:
            if m.user_id in listed or not m.user.is_active:
                continue
            listed.add(m.user_id)
            added.append(_create(actor, town, year, m.user, m.title or "镇领导"))
    return added


def lawreport_add(*, actor, town: OrgUnit, year, reporter, title="") -> LawReport:
    """Add one leading cadre of the town to the year's list."""
    _office(actor, town)
    year = _year(year)
    title = _text(title, "title", "职务", required=False, limit=100)
    if reporter is None or not is_person_of(reporter, town):
        raise refuse(REPORTER_OUTSIDE.format(town=town.name, name=reporter or "该人员"), "reporter")
    with transaction.atomic():
        if LawReport.objects.filter(org_unit=town, year=year, reporter=reporter).exists():
            raise refuse(ALREADY_ON_LIST.format(name=reporter, year=year), "reporter")
        return _create(actor, town, year, reporter, title)


def lawreport_remove(*, actor, report: LawReport) -> None:
    """Take someone off the year's list while their 述法 is still pending."""
    _office(actor, report.org_unit)
    with transaction.atomic():
        locked = LawReport.objects.select_for_update().get(pk=report.pk)
        if locked.status != LawReport.Status.PENDING:
            raise refuse(REMOVE_DONE)
        audit.record(
            verb="lawreport.remove",
            actor=actor,
            obj=locked,
            changes={"year": locked.year, "reporter": str(locked.reporter)},
        )
        locked.delete()


# --- the workflow ----------------------------------------------------------------------


def _has_report(obj, actor, report_text="", **_):
    if (report_text or obj.report_text).strip() or attachments_for(obj).exists():
        return None
    return NEEDS_REPORT


def _submit(step) -> None:
    text = step.params.get("report_text") or ""
    if text.strip():
        step.put("report_text", text)
    step.obj.submitted_at = clock.now()


def _review_ok(obj, actor, meeting=None, rating="", **_):
    if meeting is None:
        return NEEDS_MEETING
    if meeting.org_unit_id != obj.org_unit_id or meeting.status != Meeting.Status.HELD:
        return MEETING_NOT_HELD
    if not date(obj.year, 1, 1) <= meeting.held_on <= max(obj.due_on, date(obj.year, 12, 31)):
        return MEETING_WRONG_YEAR.format(year=obj.year)
    if not rating:
        return NEEDS_RATING
    return None


def _review(step) -> None:
    step.put("meeting_id", step.params["meeting"].pk)
    step.put("rating", step.params["rating"])
    step.put("review_note", step.params.get("review_note") or "")


LAWREPORT_FLOW = Workflow(
    LawReport,
    audit_prefix="lawreport",
    status_labels=LawReport.Status,
    transitions=[
        Transition(
            "submit",
            "提交述法报告",
            {LawReport.Status.PENDING},
            LawReport.Status.SUBMITTED,
            allowed=lambda obj, actor: obj.reporter_id == actor.pk,
            allowed_decides=True,
            guards=[_has_report],
            effect=_submit,
        ),
        Transition(
            "review",
            "记录述法评议",
            {LawReport.Status.SUBMITTED},
            LawReport.Status.REVIEWED,
            roles=OFFICE,
            guards=[_review_ok],
            effect=_review,
            style="success",
        ),
    ],
)


def lawreport_submit(*, actor, town: OrgUnit, year, reporter=None, report_text="", note=""):
    """Submit a 述法 report for `reporter` (default: the actor) of `town`'s `year`.
    Refused when that person is not on the year's list, or when it is not one's own."""
    reporter = reporter or actor
    year = _year(year)
    report = LawReport.objects.filter(org_unit=town, year=year, reporter=reporter).first()
    if report is None:
        raise refuse(
            NOT_ON_LIST.format(name=reporter, town=town.name, year=year, basis=RULE_BASIS),
            "reporter",
            code="not_on_list",
        )
    if reporter.pk != actor.pk:
        raise Forbidden("只有述法人本人可以提交自己的述法报告")
    return lawreport_transition(
        actor=actor, obj=report, verb="submit", report_text=report_text, note=note
    )


def lawreport_transition(
    *, actor, obj: LawReport, verb, note="", report_text="", meeting=None, rating="", review_note=""
):
    """提交述法报告 (the reporter) or 记录述法评议 (the law officer: meeting + result)."""
    report_text = _text(report_text, "report_text", "述法报告", required=False, limit=20000)
    if rating:
        rating = choice(rating, LawReport.Rating, "rating", "评议结果")
    review_note = _text(review_note, "review_note", "评议意见", required=False, limit=500)
    return LAWREPORT_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        report_text=report_text,
        meeting=meeting,
        rating=rating,
        review_note=review_note,
    )
