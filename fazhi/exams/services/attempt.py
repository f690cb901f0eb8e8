"""Sitting an exam: starting (a random paper, stored), saving each answer as it is chosen,
submitting, closing at the server's deadline, and marking.

The deadline is the server's: min(start + duration, the window's close). An answer that
arrives after it is refused and the paper is closed as it stood at the deadline; so is a
paper nobody submitted, when it is next opened or by `fazhi tick`.

Each answer is a small write to the attempt's own row (its `answers`), not an audit event:
500 cadres × 80 answers would flood the trail (quality.md plans 5M events for a county's
five years); the trail records the start, the submission or closing with the answers
counted and the score, and every refusal stays visible to the person who made it."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.scoping import unit_in_scope

from .. import params as P
from ..models import LETTERS, Attempt, Candidate, Exam, Kind, MakeUp, Question
from .common import NOT_FOUND, fmt, refuse

_KIND_CODE = {Kind.SINGLE: "s", Kind.MULTIPLE: "m", Kind.TRUE_FALSE: "t"}
_KIND_ORDER = {Kind.SINGLE: 0, Kind.MULTIPLE: 1, Kind.TRUE_FALSE: 2}
_rng = random.SystemRandom()


def draw_paper(exam: Exam, rng=_rng) -> list[list]:
    """A random paper by the exam's rule: topic rows first, then the rest of each kind;
    singles, then multiples, then true/false; options of choice questions shuffled.
    Each entry: [question id, option order, kind code]."""
    pool: dict[str, list[tuple[int, str, int]]] = {}
    for qid, kind, topic, options in Question.objects.filter(
        org_unit_id=exam.org_unit_id, is_active=True
    ).values_list("id", "kind", "topic", "options"):
        pool.setdefault(kind, []).append((qid, topic, len(options)))
    used: set[int] = set()
    picked: list[tuple[int, str, int]] = []
    for row in sorted(exam.rule, key=lambda r: r["topic"] == ""):
        candidates = [q for q in pool.get(row["kind"], [])
                      if q[0] not in used and (not row["topic"] or q[1] == row["topic"])]  # fmt: skip
        if len(candidates) < row["count"]:
            raise refuse("题库试题不足,无法组卷,请联系法治办补充题库")
        for q in rng.sample(candidates, row["count"]):
            used.add(q[0])
            picked.append((q[0], row["kind"], q[2]))
    rng.shuffle(picked)
    picked.sort(key=lambda q: _KIND_ORDER[q[1]])
    paper = []
    for qid, kind, n in picked:
        order = list(range(n))
        if kind != Kind.TRUE_FALSE:
            rng.shuffle(order)
        paper.append([qid, order, _KIND_CODE[kind]])
    return paper


def _window_for(exam: Exam, candidate: Candidate, now):
    """(the make-up used or None, the window's close) for a start now, or the refusal."""
    if exam.is_open(now):
        used = Attempt.objects.filter(candidate=candidate, makeup__isnull=True).count()
        if used >= exam.attempts_limit:
            raise refuse(P.LIMIT_REACHED.format(limit=exam.attempts_limit), code="limit")
        return None, exam.closes_at
    makeup = (
        MakeUp.objects.filter(candidate=candidate, opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")
        .first()
    )
    if makeup is not None:
        if Attempt.objects.filter(makeup=makeup).exists():
            raise refuse(P.LIMIT_REACHED.format(limit=exam.attempts_limit), code="limit")
        return makeup, makeup.closes_at
    if exam.is_closed(now) and candidate.attempts_used:
        raise refuse(P.LIMIT_REACHED.format(limit=exam.attempts_limit), code="limit")
    raise refuse(P.NOT_OPEN.format(opens=fmt(exam.opens_at), closes=fmt(exam.closes_at)),
                 code="closed")  # fmt: skip


def attempt_start(*, actor, exam: Exam) -> Attempt:
    """The candidate's sitting now: the one in progress, or a new one with its paper."""
    close_expired(user=actor, exam=exam)
    now = clock.now()
    with transaction.atomic():
        candidate = (
            Candidate.objects.select_for_update().filter(exam_id=exam.pk, user=actor).first()
        )
        if candidate is None:
            raise Forbidden(P.NOT_CANDIDATE)
        current = Attempt.objects.filter(
            candidate=candidate, status=Attempt.Status.IN_PROGRESS
        ).first()
        if current is not None:
            return current
        exam = Exam.objects.get(pk=exam.pk)
        makeup, window_close = _window_for(exam, candidate, now)
        deadline = min(now + timedelta(minutes=exam.duration_minutes), window_close)
        candidate.attempts_used += 1
        candidate.save(update_fields=["attempts_used"])
        attempt = Attempt.objects.create(
            exam=exam, candidate=candidate, user=actor, org_unit_id=candidate.org_unit_id,
            makeup=makeup, number=candidate.attempts_used, paper=draw_paper(exam),
            started_at=now, deadline=deadline, window_closes_at=window_close,
        )  # fmt: skip
        audit.record(
            verb="exam_attempt.start",
            actor=actor,
            obj=attempt,
            changes={"deadline": [None, fmt(deadline)], "makeup": [None, bool(makeup)]},
        )
    return attempt


def _letters(attempt: Attempt, position: int, choice) -> str:
    """The displayed options chosen → the original letters (the shuffle undone)."""
    try:
        _qid, order, code = attempt.paper[position]
    except (IndexError, TypeError):
        raise refuse(P.BAD_POSITION, "position") from None
    try:
        shown = sorted({int(c) for c in choice})
    except (TypeError, ValueError):
        raise refuse(P.BAD_CHOICE, "choice") from None
    if any(i < 0 or i >= len(order) for i in shown):
        raise refuse(P.BAD_CHOICE, "choice")
    if code != "m" and len(shown) > 1:
        raise refuse(P.SINGLE_CHOICE, "choice")
    return "".join(sorted(LETTERS[order[i]] for i in shown))


def _check_owner(actor, attempt) -> None:
    """Someone else's paper: refused in Chinese to a colleague of the same unit; outside
    one's scope it is "not found" (its existence is not confirmed)."""
    if attempt is None:
        raise ServiceError(NOT_FOUND, code="not_found")
    if attempt.user_id != actor.pk:
        if not unit_in_scope(actor, attempt.org_unit):
            raise ServiceError(NOT_FOUND, code="not_found")
        raise Forbidden(P.NOT_YOURS)


def answer_save(*, actor, attempt_id: int, position: int, choice) -> Attempt:
    """Keep one answer as chosen (an empty choice clears it)."""
    expired = None
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().filter(pk=attempt_id).first()
        _check_owner(actor, attempt)
        if attempt.status != Attempt.Status.IN_PROGRESS:
            raise refuse(P.ALREADY_FINISHED, code="finished")
        now = clock.now()
        if now >= attempt.deadline:
            _finish(attempt, Attempt.Status.TIMED_OUT, None)
            expired = attempt
        else:
            try:
                position = int(position)
            except (TypeError, ValueError):
                raise refuse(P.BAD_POSITION, "position") from None
            letters = _letters(attempt, position, choice)
            if letters:
                attempt.answers[str(position)] = letters
            else:
                attempt.answers.pop(str(position), None)
            attempt.last_saved_at = now
            attempt.save(update_fields=["answers", "last_saved_at"])
    if expired is not None:
        raise refuse(P.TIME_UP.format(deadline=fmt(expired.deadline)), code="time_up")
    return attempt


def attempt_submit(*, actor, attempt: Attempt) -> Attempt:
    """Hand in the paper; after the deadline it is closed as it stood then."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().filter(pk=attempt.pk).first()
        _check_owner(actor, locked)
        if locked.status != Attempt.Status.IN_PROGRESS:
            raise refuse(P.ALREADY_FINISHED, code="finished")
        late = clock.now() >= locked.deadline
        _finish(locked, Attempt.Status.TIMED_OUT if late else Attempt.Status.SUBMITTED, actor)
    return locked


def close_expired(*, user=None, exam=None, now=None) -> int:
    """Close every paper in progress whose deadline has passed (of one person or exam,
    or all of them for `fazhi tick`)."""
    now = now or clock.now()
    qs = Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS, deadline__lte=now)
    if user is not None:
        qs = qs.filter(user=user)
    if exam is not None:
        qs = qs.filter(exam=exam)
    closed = 0
    for pk in list(qs.values_list("pk", flat=True)[:2000]):
        with transaction.atomic():
            locked = (
                Attempt.objects.select_for_update()
                .filter(pk=pk, status=Attempt.Status.IN_PROGRESS)
                .first()
            )
            if locked is not None:
                _finish(locked, Attempt.Status.TIMED_OUT, None)
                closed += 1
    return closed


def mark(attempt: Attempt) -> tuple[int, Decimal]:
    """(correct answers, score out of 100 with one decimal)."""
    ids = [entry[0] for entry in attempt.paper]
    answers = dict(Question.objects.filter(pk__in=ids).values_list("id", "answer"))
    correct = sum(1 for i, qid in enumerate(ids) if attempt.answers.get(str(i)) == answers.get(qid))
    total = len(ids) or 1
    score = (Decimal(100 * correct) / Decimal(total)).quantize(Decimal("0.1"))
    return correct, score


def _finish(attempt: Attempt, status: str, actor) -> None:
    exam = Exam.objects.only("pass_mark", "excellent_mark").get(pk=attempt.exam_id)
    correct, score = mark(attempt)
    attempt.status = status
    attempt.finished_at = min(clock.now(), attempt.deadline)
    attempt.correct, attempt.score = correct, score
    attempt.passed = score >= exam.pass_mark
    attempt.save(update_fields=["status", "finished_at", "correct", "score", "passed"])
    candidate = Candidate.objects.select_for_update().get(pk=attempt.candidate_id)
    candidate.took = True
    if candidate.best_score is None or score > candidate.best_score:
        candidate.best_score = score
    candidate.passed = candidate.passed or attempt.passed
    candidate.excellent = candidate.excellent or score >= exam.excellent_mark
    candidate.save(update_fields=["took", "best_score", "passed", "excellent"])
    audit.record(
        verb="exam_attempt.submit" if status == Attempt.Status.SUBMITTED else "exam_attempt.close",
        actor=actor,
        obj=attempt,
        changes={
            "status": [Attempt.Status.IN_PROGRESS.label, Attempt.Status(status).label],
            "answered": [None, len(attempt.answers)],
            "score": [None, str(score)],
        },
    )
