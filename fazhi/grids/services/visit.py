"""Visits (走访): recording one for a person of a grid the actor works in, once per
client key — an offline form replayed when the signal comes back lands once — and the
person's visit columns kept with it."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.permissions import ServiceError, check_role

from ..models import KeyPerson, RiskSignal, Visit
from ..params import (
    KEY_USED,
    OUTSIDE_GRID,
    SIGNAL_UNKNOWN,
    VISIT_BEFORE_REGISTERED,
    VISIT_IN_FUTURE,
    VISIT_INACTIVE,
)
from .common import VISITOR_ROLES, _choice, _date, _text, due_after, may_visit, town_of


def _key(value) -> uuid.UUID:
    if value in (None, ""):
        return uuid.uuid4()
    try:
        return uuid.UUID(str(value))
    except (ValueError, AttributeError, TypeError):
        message = "提交编号格式不正确,请刷新页面后重新填写"
        raise ServiceError(message, errors={"client_key": [message]}) from None


def replayed(actor, key: uuid.UUID) -> Visit | None:
    """The visit already stored under `key` by this actor (a replay), else None; a key
    of someone else's visit is refused."""
    existing = Visit.objects.filter(client_key=key).select_related("person").first()
    if existing is None:
        return None
    if existing.recorded_by_id != actor.pk:
        raise ServiceError(KEY_USED, errors={"client_key": [KEY_USED]}, code="key_used")
    return existing


def _signals(values, town) -> list[str]:
    chosen = [str(v).strip() for v in (values or []) if str(v).strip()]
    if not chosen:
        return []
    known = set(RiskSignal.objects.filter(org_unit=town).values_list("name", flat=True))
    for name in chosen:
        if name not in known:
            message = SIGNAL_UNKNOWN.format(name=name[:40])
            raise ServiceError(message, errors={"signals": [message]})
    return list(dict.fromkeys(chosen))


def _answers(person: KeyPerson, day, before_id=None):
    """(due_on, on_time) of a visit on `day`: due the interval after the person's latest
    visit on or before that day (else their registration)."""
    earlier = Visit.objects.filter(person=person, visited_on__lte=day)
    if before_id is not None:
        earlier = earlier.exclude(pk=before_id)
    last = earlier.order_by("-visited_on").values_list("visited_on", flat=True).first()
    due = due_after(last or person.registered_on, person.interval_days)
    return due, (due is None or day <= due)


def visit_record(
    *,
    actor,
    person: KeyPerson | None,
    visited_on,
    mode,
    situation,
    needs="",
    signals=(),
    signal_note="",
    follow_up="",
    client_key=None,
    photo=None,
) -> tuple[Visit, bool]:
    """Record a visit; returns (visit, created). A replay of a stored client key returns
    that visit and writes nothing."""
    check_role(actor, VISITOR_ROLES, OUTSIDE_GRID)
    key = _key(client_key)
    existing = replayed(actor, key)
    if existing is not None:
        return existing, False
    if person is None or not may_visit(actor, person.org_unit):
        raise ServiceError(OUTSIDE_GRID, errors={"person": [OUTSIDE_GRID]}, code="outside_grid")
    if not person.is_active:
        raise ServiceError(VISIT_INACTIVE, errors={"person": [VISIT_INACTIVE]})
    day = _date(visited_on, "visited_on", "走访日期")
    if day > clock.today():
        raise ServiceError(VISIT_IN_FUTURE, errors={"visited_on": [VISIT_IN_FUTURE]})
    if day < person.registered_on:
        message = VISIT_BEFORE_REGISTERED.format(registered=person.registered_on.isoformat())
        raise ServiceError(message, errors={"visited_on": [message]})
    mode = _choice(mode, Visit.Mode, "mode", "走访方式")
    situation = _text(situation, "situation", "走访情况")
    needs = _text(needs, "needs", "诉求", required=False)
    follow_up = _text(follow_up, "follow_up", "后续措施", required=False)
    signal_note = _text(signal_note, "signal_note", "其他风险情况", required=False, limit=500)
    chosen = _signals(signals, town_of(person.org_unit))
    try:
        with transaction.atomic():
            locked = KeyPerson.objects.select_for_update(of=("self",)).get(pk=person.pk)
            due, on_time = _answers(locked, day)
            visit = Visit.objects.create(
                person=locked,
                org_unit_id=locked.org_unit_id,
                group=locked.main_group,
                visited_on=day,
                mode=mode,
                situation=situation,
                needs=needs,
                signals=chosen,
                signal_note=signal_note,
                has_signals=bool(chosen or signal_note),
                follow_up=follow_up,
                due_on=due,
                on_time=on_time,
                client_key=key,
                recorded_by=actor,
            )
            _reschedule(locked, visit)
            audit.record(
                verb="grids_visit.create",
                actor=actor,
                obj=visit,
                changes={
                    "visited_on": day.isoformat(),
                    "mode": mode,
                    "signals": chosen,
                    "on_time": on_time,
                    "client_key": str(key),
                },
            )
            if photo is not None:
                attachment_add(actor=actor, record=visit, uploaded_file=photo)
    except IntegrityError:
        # The same key committed by a concurrent replay a moment ago: that one stands.
        existing = replayed(actor, key)
        if existing is None:
            raise
        return existing, False
    return visit, True


def _reschedule(person: KeyPerson, visit: Visit) -> None:
    """Keep the person's last visit and next due date; a visit entered late (dated before
    a later one) becomes the base of that later visit's due date."""
    later = (
        Visit.objects.filter(person=person, visited_on__gt=visit.visited_on)
        .order_by("visited_on", "id")
        .first()
    )
    if later is not None:
        due = due_after(visit.visited_on, person.interval_days)
        later.due_on, later.on_time = due, (due is None or later.visited_on <= due)
        later.save(update_fields=["due_on", "on_time"])
    if person.last_visited_on is None or visit.visited_on >= person.last_visited_on:
        person.last_visited_on = visit.visited_on
        person.next_visit_due = due_after(visit.visited_on, person.interval_days)
        person.save(update_fields=["last_visited_on", "next_visit_due"])
