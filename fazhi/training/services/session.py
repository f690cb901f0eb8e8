"""Training sessions: planning one (a case of the town's library, a day, a place, a host
of the town), corrections while planned, and the workflow planned → held → evaluated (or
cancelled): a session is held no earlier than its day and with participants; it is
evaluated when every participant is and its lessons are written down."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import Forbidden, check_role
from fazhi.core.workflow import Transition, Workflow

from ..models import CURATOR_ROLES, Case, Session
from ..params import (
    CASE_INACTIVE,
    CASE_OTHER_TOWN,
    EVALUATION_WORKDAYS,
    HELD_BEFORE_DATE,
    HOST_OUTSIDE,
    NO_LESSONS,
    NO_PARTICIPANTS,
    NOT_PLANNED_EDIT,
    UNEVALUATED,
)
from .common import (
    MAX_TITLE,
    NOT_FOUND,
    _text,
    date_of,
    in_town,
    is_curator,
    refuse,
    unknown_fields,
)

SESSION_EDITABLE = {"held_on": "举行日期", "place": "地点", "host": "主持人"}


def _host(host, town):
    if host is None or not in_town(host, town):
        raise refuse("host", HOST_OUTSIDE.format(town=town.name))
    return host


def session_create(*, actor, case: Case, held_on, place, host) -> Session:
    """Plan a session of a case of the town's library (the town's law office)."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以安排实景教学")
    if case is None or not is_curator(actor, case.org_unit):
        raise refuse("case", CASE_OTHER_TOWN)
    if not case.is_active:
        raise refuse("case", CASE_INACTIVE.format(title=case.title))
    held_on = date_of(held_on, "held_on", "举行日期")
    place = _text(place, "place", "地点", limit=MAX_TITLE)
    host = _host(host, case.org_unit)
    with transaction.atomic():
        session = Session.objects.create(
            org_unit=case.org_unit,
            case=case,
            held_on=held_on,
            place=place,
            host=host,
            created_by=actor,
        )
        SESSION_FLOW.start(actor=actor, obj=session, label="安排教学")
        audit.record(
            verb="training_session.create",
            actor=actor,
            obj=session,
            changes={
                "case": case.title,
                "held_on": held_on.isoformat(),
                "place": place,
                "host": str(host),
            },
        )
    return session


def session_update(*, actor, session: Session, **fields) -> Session:
    """Move a planned session's day, place or host. Audited before/after."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以修改实景教学")
    unknown_fields(fields, SESSION_EDITABLE)
    with transaction.atomic():
        locked = (
            Session.objects.select_for_update(of=("self",))
            .select_related("org_unit", "host")
            .filter(pk=session.pk)
            .first()
        )
        if locked is None or not is_curator(actor, locked.org_unit):
            raise Forbidden(NOT_FOUND)
        if locked.status != Session.Status.PLANNED:
            raise refuse("held_on", NOT_PLANNED_EDIT)
        clean = {}
        if "held_on" in fields:
            clean["held_on"] = date_of(fields["held_on"], "held_on", "举行日期")
        if "place" in fields:
            clean["place"] = _text(fields["place"], "place", "地点", limit=MAX_TITLE)
        if "host" in fields:
            clean["host"] = _host(fields["host"], locked.org_unit)
        before, after = {}, {}
        for name, value in clean.items():
            old = getattr(locked, name)
            if old != value:
                shown = (lambda v: v.isoformat()) if name == "held_on" else str
                before[name], after[name] = shown(old), shown(value)
                setattr(locked, name, value)
        if after:
            locked.save()
            audit.record(
                verb="training_session.update",
                actor=actor,
                obj=locked,
                changes=audit.diff(before, after),
            )
    return locked


# --- the workflow ---------------------------------------------------------------------------


def _day_reached(obj, actor, on=None, **_):
    today = on or clock.today()
    if obj.held_on > today:
        return HELD_BEFORE_DATE.format(day=obj.held_on.isoformat(), today=today.isoformat())
    return None


def _has_participants(obj, actor, **_):
    return None if obj.participants.exists() else NO_PARTICIPANTS


def _all_evaluated(obj, actor, **_):
    missing = list(obj.participants.filter(rating="").select_related("user").order_by("id")[:6])
    if not missing:
        return None
    n = obj.participants.filter(rating="").count()
    names = "、".join(str(p.user) for p in missing[:5]) + ("等" if n > 5 else "")
    return UNEVALUATED.format(n=n, names=names)


def _lessons_written(obj, actor, lessons=None, **_):
    return None if (lessons or "").strip() else NO_LESSONS


def _curating(obj, actor) -> bool:
    return is_curator(actor, obj.org_unit)


def _hold(step) -> None:
    """Held: the evaluation falls due N working days after the session (local rule)."""
    days = int(EVALUATION_WORKDAYS.value(step.obj.org_unit))
    due = deadline(step.obj.held_on, days, "workdays")
    step.obj.evaluation_due = due
    step.changes["evaluation_due"] = due.isoformat()


def _evaluate(step) -> None:
    step.put("lessons", step.params["lessons"].strip())
    on = step.params["on"] or clock.today()
    step.obj.evaluated_on = on
    step.changes["evaluated_on"] = on.isoformat()


SESSION_FLOW = Workflow(
    Session,
    audit_prefix="training_session",
    status_labels=Session.Status,
    transitions=[
        Transition(
            "hold",
            "标记已举行",
            {Session.Status.PLANNED},
            Session.Status.HELD,
            roles=CURATOR_ROLES,
            allowed=_curating,
            guards=[_day_reached, _has_participants],
            effect=_hold,
        ),
        Transition(
            "evaluate",
            "完成评价",
            {Session.Status.HELD},
            Session.Status.EVALUATED,
            roles=CURATOR_ROLES,
            allowed=_curating,
            guards=[_all_evaluated, _lessons_written],
            style="success",
            effect=_evaluate,
        ),
        Transition(
            "cancel",
            "取消教学",
            {Session.Status.PLANNED},
            Session.Status.CANCELLED,
            roles=CURATOR_ROLES,
            allowed=_curating,
            note_required=True,
            style="outline-danger",
        ),
    ],
)


def session_transition(*, actor, obj: Session, verb: str, note="", lessons=None, on=None):
    """标记已举行, 完成评价 (with the lessons) or 取消教学 (with the reason)."""
    note = _text(note, "note", "说明", required=False, limit=2000)
    if lessons is not None:
        lessons = _text(lessons, "lessons", "经验与不足", required=False)
    return SESSION_FLOW.run(
        actor=actor, obj=obj, verb=verb, note=note, lessons=lessons, on=on or clock.today()
    )
