"""A warning's life after it is raised: the town's 应对措施 (who, what, when) or its
reasoned dismissal, and the system's resolution when the matter closes and reopening when
it comes back or escalates. Every step through WARNING_FLOW (locked, scoped, timeline,
audited)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.utils import timezone

from fazhi.core import clock
from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import ServiceError
from fazhi.core.workflow import Transition, Workflow

from ..models import HANDLER_ROLES, Colour, EarlyWarning
from ..params import (
    DISMISS_NEEDS_REASON,
    GREEN_NEEDS_NOTHING,
    RED_RESPONSE_WORKDAYS,
    RESPONSE_BEFORE_RAISED,
    RESPONSE_NEEDS_WHAT,
    RESPONSE_NEEDS_WHEN,
    RESPONSE_NEEDS_WHO,
    RESPONSE_TOO_LATE,
    YELLOW_RESPONSE_WORKDAYS,
)

S = EarlyWarning.Status
MAX_WHO = 100
MAX_TEXT = 2000
# A measure's day may be planned ahead (a meeting tomorrow), not months ahead.
MAX_AHEAD_DAYS = 30


def response_due(colour: str, since: date, unit) -> date | None:
    """Respond by: red and yellow warnings within their periods (working days) from the
    day the colour was reached; green needs no response."""
    if colour == Colour.RED:
        return deadline(since, RED_RESPONSE_WORKDAYS.value(unit), "workdays")
    if colour == Colour.YELLOW:
        return deadline(since, YELLOW_RESPONSE_WORKDAYS.value(unit), "workdays")
    return None


# --- guards (None: allowed; else the Chinese refusal naming the rule) ----------------------


def _not_green(obj, actor) -> bool:
    return obj.colour != Colour.GREEN


def _is_not_green(obj, actor, **_):
    return GREEN_NEEDS_NOTHING if obj.colour == Colour.GREEN else None


def _response_complete(obj, actor, who="", measures="", on=None, **_):
    if not who:
        return RESPONSE_NEEDS_WHO
    if not measures:
        return RESPONSE_NEEDS_WHAT
    if on is None:
        return RESPONSE_NEEDS_WHEN
    raised = timezone.localtime(obj.raised_at).date()
    if on < raised:
        return RESPONSE_BEFORE_RAISED.format(day=raised.isoformat())
    if on > clock.today() + timedelta(days=MAX_AHEAD_DAYS):
        return RESPONSE_TOO_LATE
    return None


def _has_reason(obj, actor, reason="", **_):
    return None if reason else DISMISS_NEEDS_REASON


# --- effects ------------------------------------------------------------------------------


def _respond(step) -> None:
    now = clock.now()
    w = step.obj
    step.put("responded_at", now)
    step.put("responded_by", step.actor)
    step.put("response_who", step.params["who"])
    step.put("response_measures", step.params["measures"])
    step.put("response_on", step.params["on"])
    step.put("response_colour", w.colour)
    step.put("response_minutes", max(0, int((now - w.colour_since).total_seconds() // 60)))


def _dismiss(step) -> None:
    step.put("response_colour", step.obj.colour)
    step.put("dismissed_reason", step.params["reason"])
    step.put("dismissed_by", step.actor)
    step.put("closed_at", clock.now())


def _resolve(step) -> None:
    step.put("closed_at", clock.now())


def _reopen(step) -> None:
    """Back to 待应对: the earlier response or dismissal stays on the timeline; the warning
    needs a new one for its colour now."""
    w = step.obj
    for name in ("responded_at", "responded_by", "response_minutes", "response_on",
                 "dismissed_by", "closed_at"):  # fmt: skip
        step.put(name, None)
    for name in ("response_colour", "response_who", "response_measures", "dismissed_reason"):
        step.put(name, "")
    today = clock.today()
    step.put("colour_since", clock.now())
    step.put("response_due", response_due(w.colour, today, w.org_unit))


WARNING_FLOW = Workflow(
    EarlyWarning,
    audit_prefix="earlywarning",
    status_labels=EarlyWarning.Status,
    transitions=[
        Transition(
            "respond",
            "记录应对措施",
            {S.OPEN},
            S.RESPONDED,
            roles=HANDLER_ROLES,
            allowed=_not_green,
            guards=[_is_not_green, _response_complete],
            style="danger",
            effect=_respond,
        ),  # fmt: skip
        Transition(
            "dismiss",
            "撤销预警",
            {S.OPEN},
            S.DISMISSED,
            roles=HANDLER_ROLES,
            allowed=_not_green,
            guards=[_is_not_green, _has_reason],
            style="outline-secondary",
            effect=_dismiss,
        ),  # fmt: skip
        Transition(
            "resolve",
            "事项已办结,预警解除",
            {S.OPEN, S.RESPONDED},
            S.RESOLVED,
            system=True,
            effect=_resolve,
        ),  # fmt: skip
        Transition(
            "reopen",
            "重新待应对",
            {S.RESPONDED, S.DISMISSED, S.RESOLVED},
            S.OPEN,
            system=True,
            effect=_reopen,
        ),  # fmt: skip
    ],
)

_text = partial(clean_text, limit=MAX_TEXT, required=False)


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ServiceError("落实时间格式应为 YYYY-MM-DD",
                           errors={"on": ["日期格式应为 YYYY-MM-DD"]}) from None  # fmt: skip


def warning_respond(*, actor, warning: EarlyWarning, who="", measures="", on=None, note=""):
    """记录应对措施 on an open red or yellow warning: who is responsible, what is done, and
    when it is (or will be) carried out. The response time is counted from the moment the
    warning reached its colour."""
    who = _text(who, "who", "责任人", limit=MAX_WHO)
    measures = _text(measures, "measures", "应对措施")
    on = _date(on)
    summary = f"责任人:{who};措施:{measures};落实时间:{on.isoformat() if on else ''}"
    return WARNING_FLOW.run(actor=actor, obj=warning, verb="respond", note=summary,
                            who=who, measures=measures, on=on)  # fmt: skip


def warning_dismiss(*, actor, warning: EarlyWarning, reason="", note=""):
    """撤销预警, only with a written reason (e.g. "经核实系误报,当事人已达成和解")."""
    reason = _text(reason or note, "reason", "撤销理由")
    return WARNING_FLOW.run(actor=actor, obj=warning, verb="dismiss", note=reason, reason=reason)


def warning_transition(*, actor, obj: EarlyWarning, verb: str, note="", **fields):
    """The pages' and API's one entry: respond or dismiss (the system steps are the
    evaluation's)."""
    if verb == "respond":
        return warning_respond(actor=actor, warning=obj, **fields)
    if verb == "dismiss":
        return warning_dismiss(actor=actor, warning=obj, reason=fields.get("reason") or note)
    return WARNING_FLOW.run(actor=actor, obj=obj, verb=verb, note=note)
