"""A session's roster and evaluations: the law office puts the town's people on the
roster, each in one of the case's roles, and after the session evaluates each of them
(优秀/良好/合格/需改进 with a comment)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.permissions import Forbidden, ServiceError, check_role

from ..models import CURATOR_ROLES, Participant, Session
from ..params import (
    EVALUATE_NOT_HELD,
    IMPROVE_NEEDS_COMMENT,
    PARTICIPANT_OUTSIDE,
    PARTICIPANT_TWICE,
    REMOVE_EVALUATED,
    ROLE_NOT_IN_CASE,
    ROSTER_CLOSED,
)
from .common import NOT_FOUND, _text, in_town, is_curator, refuse

OPEN_ROSTER = (Session.Status.PLANNED, Session.Status.HELD)
RATINGS = [r for r in Participant.Rating if r.value]


def _locked_session(actor, session: Session) -> Session:
    locked = (
        Session.objects.select_for_update(of=("self",))
        .select_related("org_unit", "case")
        .filter(pk=session.pk)
        .first()
    )
    if locked is None or not is_curator(actor, locked.org_unit):
        raise Forbidden(NOT_FOUND)
    return locked


def participant_add(*, actor, session: Session, user, role) -> Participant:
    """Put a person of the town on the roster in one of the case's roles."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以安排参训人员")
    role = str(role or "").strip()
    with transaction.atomic():
        locked = _locked_session(actor, session)
        if locked.status not in OPEN_ROSTER:
            raise ServiceError(ROSTER_CLOSED, code="wrong_state")
        if user is None or not in_town(user, locked.org_unit):
            raise refuse("user", PARTICIPANT_OUTSIDE.format(town=locked.org_unit.name))
        roles = locked.case.role_list
        if role not in roles:
            message = ROLE_NOT_IN_CASE.format(
                role=role or "(空)", title=locked.case.title, options="、".join(roles)
            )
            raise refuse("role", message)
        if Participant.objects.filter(session=locked, user=user).exists():
            raise refuse("user", PARTICIPANT_TWICE.format(name=user))
        try:
            with transaction.atomic():
                participant = Participant.objects.create(
                    org_unit=locked.org_unit, session=locked, user=user, role=role
                )
        except IntegrityError:  # a concurrent add of the same person
            raise refuse("user", PARTICIPANT_TWICE.format(name=user)) from None
        audit.record(
            verb="training_participant.add",
            actor=actor,
            obj=participant,
            changes={"session": locked.pk, "user": str(user), "role": role},
        )
    return participant


def participant_remove(*, actor, participant: Participant) -> None:
    """Take someone off the roster (before they are evaluated)."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以调整参训人员")
    with transaction.atomic():
        locked = _locked_session(actor, participant.session)
        if locked.status not in OPEN_ROSTER:
            raise ServiceError(ROSTER_CLOSED, code="wrong_state")
        row = (
            Participant.objects.select_related("user")
            .filter(pk=participant.pk, session=locked)
            .first()
        )
        if row is None:
            raise Forbidden(NOT_FOUND)
        if row.rating:
            raise ServiceError(REMOVE_EVALUATED.format(name=row.user), code="guard")
        audit.record(
            verb="training_participant.remove",
            actor=actor,
            obj=locked,
            changes={"user": str(row.user), "role": row.role},
        )
        row.delete()


def participant_evaluate(*, actor, participant: Participant, rating, comment="") -> Participant:
    """Evaluate one participant of a held session (again, to correct it, until the
    session's evaluation is completed)."""
    check_role(actor, CURATOR_ROLES, "只有镇司法所(法治办)工作人员可以评价参训人员")
    rating = str(rating or "").strip()
    if rating not in {r.value for r in RATINGS}:
        options = "、".join(str(r.label) for r in RATINGS)
        raise refuse("rating", f"请选择评价等次({options})")
    comment = _text(comment, "comment", "评语", required=False, limit=2000)
    if rating == Participant.Rating.IMPROVE and not comment:
        raise refuse("comment", IMPROVE_NEEDS_COMMENT)
    with transaction.atomic():
        locked = _locked_session(actor, participant.session)
        if locked.status != Session.Status.HELD:
            raise ServiceError(EVALUATE_NOT_HELD, code="wrong_state")
        row = (
            Participant.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=participant.pk, session=locked)
            .first()
        )
        if row is None:
            raise Forbidden(NOT_FOUND)
        before = {"rating": row.rating, "comment": row.comment}
        row.rating, row.comment = rating, comment
        row.evaluated_by, row.evaluated_at = actor, clock.now()
        row.save(update_fields=["rating", "comment", "evaluated_by", "evaluated_at"])
        audit.record(
            verb="training_participant.evaluate",
            actor=actor,
            obj=row,
            changes=audit.diff(before, {"rating": rating, "comment": comment}),
        )
    return row
