"""Reads of 年度学法考试, scoped and prefetched; the rates are counts over the candidate
rows the services keep (参考 = finished at least one sitting; 合格 / 优秀 = best score at
or above the exam's marks; every rate over the candidates named, 应考人数)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q
from fazhi.core.summary import percent

from .models import Attempt, Candidate, Exam, Question
from .services.common import READER_ROLES

RATE_COUNTS = {
    "total": Count("id"),
    "took": Count("id", filter=Q(took=True)),
    "passed": Count("id", filter=Q(passed=True)),
    "excellent": Count("id", filter=Q(excellent=True)),
}


@dataclass(frozen=True)
class Rates:
    """应考 / 参考 / 合格 / 优秀 counts of one unit, with the three rates."""

    unit: OrgUnit | None
    total: int
    took: int
    passed: int
    excellent: int

    @property
    def took_rate(self):
        return percent(self.took, self.total, empty=None)

    @property
    def pass_rate(self):
        return percent(self.passed, self.total, empty=None)

    @property
    def excellent_rate(self):
        return percent(self.excellent, self.total, empty=None)

    @property
    def absent(self) -> int:
        return self.total - self.took


def exam_list(actor, *, year=None, q=""):
    """Exams the user reads, newest first."""
    qs = (
        Exam.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit")
        .order_by("-opens_at", "-id")
    )
    if year:
        qs = qs.filter(year=year)
    if q:
        qs = qs.filter(search_q(Exam, q))
    return qs


def exam_get(actor, pk: int) -> Exam:
    return get_visible_or_404(
        Exam.objects.select_related("org_unit", "created_by"), actor, READER_ROLES, pk=pk
    )


def question_list(actor, *, kind="", topic="", q=""):
    qs = Question.objects.visible_to(actor, READER_ROLES).order_by("-id")
    if kind:
        qs = qs.filter(kind=kind)
    if topic:
        qs = qs.filter(topic=topic)
    if q:
        qs = qs.filter(search_q(Question, q))
    return qs


def candidate_list(actor, exam: Exam, *, standing=""):
    qs = (
        Candidate.objects.visible_to(actor, READER_ROLES)
        .filter(exam=exam)
        .select_related("user", "org_unit")
        .order_by("org_unit_id", "id")
    )
    if standing == "absent":
        qs = qs.filter(took=False)
    elif standing == "failed":
        qs = qs.filter(took=True, passed=False)
    elif standing == "passed":
        qs = qs.filter(passed=True)
    elif standing == "excellent":
        qs = qs.filter(excellent=True)
    return qs


def rates_of(candidates) -> Rates:
    row = candidates.aggregate(**RATE_COUNTS)
    return Rates(None, row["total"], row["took"], row["passed"], row["excellent"])


def rates_by_exam(exam_ids) -> dict[int, Rates]:
    """The rates of a page of exams, in one query."""
    rows = (
        Candidate.objects.filter(exam_id__in=list(exam_ids))
        .values("exam_id")
        .annotate(**RATE_COUNTS)
    )
    return {
        r["exam_id"]: Rates(None, r["total"], r["took"], r["passed"], r["excellent"]) for r in rows
    }


def unit_rates(exam: Exam) -> list[Rates]:
    """The exam's rates per unit (the town's offices and each village), by unit code."""
    rows = list(Candidate.objects.filter(exam=exam).values("org_unit_id").annotate(**RATE_COUNTS))
    units = OrgUnit.objects.in_bulk([r["org_unit_id"] for r in rows])
    out = [
        Rates(units[r["org_unit_id"]], r["total"], r["took"], r["passed"], r["excellent"])
        for r in rows
    ]
    return sorted(out, key=lambda r: r.unit.code)


def town_ranking(actor, year: int) -> list[Rates]:
    """Every visible town's rates over the year's exams, best first (合格率, then 参考率,
    then 优秀率)."""
    exams = Exam.objects.visible_to(actor, READER_ROLES).filter(year=year)
    rows = list(
        Candidate.objects.filter(exam__in=exams.values("pk"))
        .values("exam__org_unit_id")
        .annotate(**RATE_COUNTS)
    )
    units = OrgUnit.objects.in_bulk([r["exam__org_unit_id"] for r in rows])
    out = [
        Rates(units[r["exam__org_unit_id"]], r["total"], r["took"], r["passed"], r["excellent"])
        for r in rows
    ]
    return sorted(out, key=lambda r: (-r.pass_rate, -r.took_rate, -r.excellent_rate, r.unit.code))


def my_exams(user):
    """The exams the user is a candidate of, newest first, with their make-ups."""
    return (
        Candidate.objects.filter(user=user)
        .select_related("exam")
        .prefetch_related("makeups")
        .order_by("-exam__opens_at", "-id")
    )


def my_attempts(user, exam_ids):
    by_exam: dict[int, list[Attempt]] = {}
    for a in (
        Attempt.objects.filter(user=user, exam_id__in=exam_ids).defer("paper").order_by("number")
    ):
        by_exam.setdefault(a.exam_id, []).append(a)
    return by_exam


def own_attempt(user, pk: int) -> Attempt:
    """One of the user's own sittings; anyone else's is "not found"."""
    from django.http import Http404

    attempt = Attempt.objects.select_related("exam").filter(pk=pk, user=user).first()
    if attempt is None:
        raise Http404("记录不存在或无权查看")
    return attempt


def paper_questions(attempt: Attempt) -> list[dict]:
    """The paper as shown: each question with its options in the candidate's order,
    what they chose (displayed indices) and, for the review, the right answer."""
    ids = [e[0] for e in attempt.paper]
    questions = Question.objects.in_bulk(ids)
    out = []
    for position, (qid, order, _code) in enumerate(attempt.paper):
        q = questions[qid]
        chosen = attempt.answers.get(str(position), "")
        shown = [q.options[i] for i in order]
        letters = "ABCDEFGH"
        picked = [i for i, orig in enumerate(order) if letters[orig] in chosen]
        right = [i for i, orig in enumerate(order) if letters[orig] in q.answer]
        out.append({
            "position": position,
            "number": position + 1,
            "question": q,
            "options": [(i, letters[i], text, i in picked, i in right) for i, text in enumerate(shown)],
            "multiple": q.kind == "multiple",
            "answered": bool(chosen),
            "correct": chosen == q.answer,
        })  # fmt: skip
    return out
