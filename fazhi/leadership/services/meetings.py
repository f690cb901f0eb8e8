"""Meetings and study sessions: plan one (kind, date, place, host, agenda, who attends
and who is absent with the reason), mark it held (never before its date; minutes and
decisions then), add a decision to a held meeting."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError
from fazhi.core.workflow import Transition, Workflow

from ..models import Attendance, Decision, Meeting
from ..params import (
    ABSENCE_REASON,
    ATTENDEE_OUTSIDE,
    ATTENDEE_TWICE,
    HELD_IN_FUTURE,
    HOST_OUTSIDE,
    NEEDS_MINUTES,
    NOT_HELD_DECISION,
)
from .common import (
    VILLAGE_KINDS,
    WRITER_ROLES,
    _text,
    a_date,
    check_writer,
    choice,
    may_write,
    people_of,
    refuse,
    town_of,
)

MAX_DECISIONS = 30


def _people_check(town: OrgUnit, host, attendees, absences) -> None:
    """Everyone named must be of the meeting's town (another town's people are refused
    by name); nobody both present and absent; every absence with its reason."""
    ids = {u.pk for u in attendees} | {u.pk for u, _ in absences}
    if host is not None:
        ids.add(host.pk)
    inside = set(people_of(town).filter(pk__in=ids).values_list("pk", flat=True))
    everyone = [*attendees, *(u for u, _ in absences)]
    outside = sorted({str(u) for u in everyone if u.pk not in inside})
    if outside:
        raise refuse(ATTENDEE_OUTSIDE.format(town=town.name, names="、".join(outside)), "attendees")
    if host is not None and host.pk not in inside:
        raise refuse(HOST_OUTSIDE.format(town=town.name), "host")
    twice = sorted({str(u) for u, _ in absences} & {str(u) for u in attendees})
    if twice:
        raise refuse(ATTENDEE_TWICE.format(names="、".join(twice)), "absences")
    missing = [str(u) for u, reason in absences if not (reason or "").strip()]
    if missing:
        raise refuse(ABSENCE_REASON.format(names="、".join(missing)), "absences")


def meeting_create(
    *,
    actor,
    org_unit: OrgUnit,
    kind,
    title,
    held_on,
    place="",
    host=None,
    agenda="",
    attendees=(),
    absences=(),
) -> Meeting:
    """Record a meeting or study session of a town or village (status 待召开).
    `absences` is a list of (user, reason)."""
    if org_unit is None or org_unit.kind not in (OrgUnit.Kind.TOWN, *VILLAGE_KINDS):
        raise refuse("会议须属于乡镇或村(社区)", "org_unit")
    check_writer(actor, org_unit)
    kind = choice(kind, Meeting.Kind, "kind", "类型")
    title = _text(title, "title", "会议名称", limit=200)
    held_on = a_date(held_on, "held_on", "会议日期")
    place = _text(place, "place", "地点", required=False, limit=100)
    agenda = _text(agenda, "agenda", "议程", required=False)
    attendees = list(dict.fromkeys(attendees))
    absences = [(u, (r or "").strip()[:200]) for u, r in absences]
    _people_check(town_of(org_unit), host, attendees, absences)
    level = Meeting.Level.TOWN if org_unit.kind == OrgUnit.Kind.TOWN else Meeting.Level.VILLAGE
    with transaction.atomic():
        meeting = Meeting.objects.create(
            org_unit=org_unit,
            level=level,
            kind=kind,
            title=title,
            held_on=held_on,
            place=place,
            host=host,
            agenda=agenda,
            created_by=actor,
        )
        Attendance.objects.bulk_create(
            [Attendance(meeting=meeting, user=u, present=True) for u in attendees]
            + [
                Attendance(meeting=meeting, user=u, present=False, absence_reason=r)
                for u, r in absences
            ]
        )
        MEETING_FLOW.start(actor=actor, obj=meeting, label="记录会议")
        audit.record(
            verb="meeting.create",
            actor=actor,
            obj=meeting,
            changes={
                "kind": kind,
                "title": title,
                "held_on": held_on.isoformat(),
                "attendees": len(attendees),
                "absences": len(absences),
            },
        )
    return meeting


def _not_in_future(obj, actor, on=None, **_):
    today = on or clock.today()
    if obj.held_on > today:
        return HELD_IN_FUTURE.format(day=obj.held_on.isoformat())
    return None


def _has_minutes(obj, actor, minutes="", **_):
    return None if (minutes or "").strip() else NEEDS_MINUTES


def _hold(step) -> None:
    step.put("minutes", step.params["minutes"])
    decisions = step.params.get("decisions") or []
    Decision.objects.bulk_create(
        [Decision(meeting=step.obj, seq=n, text=t) for n, t in enumerate(decisions, start=1)]
    )
    if decisions:
        step.changes["decisions"] = len(decisions)


MEETING_FLOW = Workflow(
    Meeting,
    audit_prefix="meeting",
    status_labels=Meeting.Status,
    transitions=[
        Transition(
            "hold",
            "标记已召开",
            {Meeting.Status.PLANNED},
            Meeting.Status.HELD,
            roles=WRITER_ROLES,
            allowed=lambda obj, actor: may_write(actor, obj.org_unit),
            guards=[_not_in_future, _has_minutes],
            effect=_hold,
            style="success",
        )
    ],
)


def _decision_texts(decisions) -> list[str]:
    if isinstance(decisions, str):
        decisions = decisions.splitlines()
    texts = [d.strip()[:500] for d in decisions or [] if d and d.strip()]
    if len(texts) > MAX_DECISIONS:
        raise refuse(f"会议决定最多{MAX_DECISIONS}项", "decisions")
    return texts


def meeting_hold(*, actor, obj: Meeting, verb="hold", minutes="", decisions=(), note="", on=None):
    """Mark a meeting held with its minutes and decisions (one per line). Refused
    before the meeting's date."""
    minutes = _text(minutes, "minutes", "会议纪要", required=False, limit=20000)
    return MEETING_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        minutes=minutes,
        decisions=_decision_texts(decisions),
        on=on or clock.today(),
    )


def decision_add(*, actor, meeting: Meeting, text) -> Decision:
    """Add one decision to a held meeting."""
    check_writer(actor, meeting.org_unit)
    text = _text(text, "text", "决定事项", limit=500)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != Meeting.Status.HELD:
            raise ServiceError(
                NOT_HELD_DECISION, errors={"text": [NOT_HELD_DECISION]}, code="wrong_state"
            )
        seq = (locked.decisions.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
        decision = Decision.objects.create(meeting=locked, seq=seq, text=text)
        audit.record(
            verb="meeting.decision_add", actor=actor, obj=locked, changes={"decision": text}
        )
    return decision
