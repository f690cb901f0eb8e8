"""年度学法考试 at county scale (`fazhi scale-data`): each town's bank (120 questions),
and for each of the five years whose November has passed, the town's annual exam (40/20/20,
60 minutes, 80/90) sat by the town's 机关干部 (about 20,000 at factor 1.0), with the
make-up for the absent and the failed — about 100,000 sittings in all.

The rows keep the services' rules: every candidate holds the CADRE role in the town; one
sitting in the window (the limit), one more only inside a make-up window opened after the
window closed, for someone absent or failed; the deadline is start + duration within the
window; scores as marking gives them (correct ÷ 80) and the candidate's standing is
their best sitting. The papers' question lists are left empty (80 ids × 100,000
sittings would be most of the database and no page lists them)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from fazhi.core.models import Membership
from fazhi.core.roles import Role
from fazhi.core.search import pairs

from .models import Attempt, Candidate, Exam, MakeUp, Question
from .services import stem_key

RULE = [{"kind": "single", "topic": "", "count": 40}, {"kind": "multiple", "topic": "", "count": 20},
        {"kind": "true_false", "topic": "", "count": 20}]  # fmt: skip
BANK = (("single", 60, ["甲", "乙", "丙", "丁"], "B"), ("multiple", 30, ["甲", "乙", "丙", "丁"], "AC"),
        ("true_false", 30, ["正确", "错误"], "A"))  # fmt: skip
TOPICS = ["宪法", "民法典", "国家安全法", "行政处罚法", "信访", "人民调解"]
QUESTIONS = 80


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _score(correct: int) -> Decimal:
    return (Decimal(100 * correct) / Decimal(QUESTIONS)).quantize(Decimal("0.1"))


def generate(ctx) -> None:
    rng = ctx.rng("exams")
    towns = {t.unit.pk: t for t in ctx.towns}
    cadres: dict[int, list[int]] = {}
    for user_id, unit_id in Membership.objects.filter(
        role=Role.CADRE, is_active=True, org_unit_id__in=list(towns)
    ).values_list("user_id", "org_unit_id"):
        cadres.setdefault(unit_id, []).append(user_id)
    questions = []
    for town in ctx.towns:
        for kind, count, options, answer in BANK:
            for i in range(count):
                stem = f"{town.unit.name}{kind}题{i + 1}"
                questions.append(Question(
                    org_unit=town.unit, kind=kind, topic=TOPICS[i % len(TOPICS)], stem=stem,
                    stem_key=stem_key(stem), options=options, answer=answer,
                    created_by=town.officer, created_at=_at(ctx.first_day, 9),
                    search=" ".join(pairs(stem)),
                ))  # fmt: skip
    ctx.bulk(Question, questions, "学法考试试题")

    exams, plans = [], []
    for town in ctx.towns:
        people = cadres.get(town.unit.pk, [])
        if not people:
            continue
        for year in range(ctx.first_day.year, ctx.today.year + 1):
            opens_day = date(year, 11, 10)
            makeup_closes = opens_day + timedelta(days=17)
            if makeup_closes >= ctx.today:
                continue  # this year's exam is not over yet: no invented sittings
            title = f"{year}年度领导干部和机关干部学法用法考试"
            exams.append(Exam(
                org_unit=town.unit, title=title, year=year, opens_at=_at(opens_day, 8, 30),
                closes_at=_at(opens_day + timedelta(days=7), 17, 30), duration_minutes=60,
                rule=RULE, question_count=QUESTIONS, pass_mark=80, excellent_mark=90,
                attempts_limit=1, candidate_roles=[Role.CADRE], candidate_count=len(people),
                created_by=town.officer, created_at=_at(opens_day - timedelta(days=7), 10),
                search=" ".join(pairs(title)),
            ))  # fmt: skip
            plans.append((town, people, opens_day))
    exams = ctx.bulk(Exam, exams, "学法考试")

    candidates, outcomes = [], []
    for exam, (town, people, opens_day) in zip(exams, plans, strict=True):
        for user_id in people:
            absent = rng.random() < 0.04
            first = None if absent else min(QUESTIONS, max(40, round(rng.gauss(72, 6))))
            failed = first is None or _score(first) < 80
            second = (
                min(QUESTIONS, max(64, round(rng.gauss(74, 4))))
                if failed and rng.random() < 0.9
                else None
            )
            best = max((c for c in (first, second) if c is not None), default=None)
            candidates.append(Candidate(
                exam=exam, user_id=user_id, org_unit=town.unit, role=Role.CADRE,
                attempts_used=(first is not None) + (second is not None),
                took=best is not None, best_score=_score(best) if best is not None else None,
                passed=best is not None and _score(best) >= 80,
                excellent=best is not None and _score(best) >= 90,
            ))  # fmt: skip
            outcomes.append((exam, opens_day, first, second, failed))
    candidates = ctx.bulk(Candidate, candidates, "学法考试应考人员")

    makeups, makeup_of = [], []
    for candidate, (exam, opens_day, _first, _second, failed) in zip(
        candidates, outcomes, strict=True
    ):
        if failed:
            day = opens_day + timedelta(days=10)
            makeups.append(MakeUp(exam=exam, candidate=candidate, opens_at=_at(day, 8, 30),
                                  closes_at=_at(day + timedelta(days=7), 17, 30),
                                  created_by=exam.created_by, created_at=_at(day, 8)))  # fmt: skip
            makeup_of.append(candidate.pk)
    made = dict(zip(makeup_of, ctx.bulk(MakeUp, makeups, "学法考试补考"), strict=True))

    def sitting(candidate, exam, number, correct, start, window_close, makeup=None):
        deadline = min(start + timedelta(minutes=60), window_close)
        finished = start + timedelta(minutes=rng.randint(20, 55))
        score = _score(correct)
        return Attempt(
            exam=exam, candidate=candidate, user_id=candidate.user_id, org_unit_id=candidate.org_unit_id,
            makeup=makeup, number=number, paper=[], answers={}, started_at=start, deadline=deadline,
            window_closes_at=window_close, status=Attempt.Status.SUBMITTED,
            finished_at=min(finished, deadline), last_saved_at=min(finished, deadline),
            correct=correct, score=score, passed=score >= 80,
        )  # fmt: skip

    def attempts():
        for candidate, (exam, opens_day, first, second, _failed) in zip(
            candidates, outcomes, strict=True
        ):
            if first is not None:
                start = _at(
                    opens_day + timedelta(days=rng.randint(0, 6)),
                    rng.randint(9, 16),
                    rng.randint(0, 59),
                )
                yield sitting(candidate, exam, 1, first, start, exam.closes_at)
            if second is not None:
                makeup = made[candidate.pk]
                start = makeup.opens_at + timedelta(days=rng.randint(0, 6), hours=rng.randint(1, 8))
                yield sitting(
                    candidate,
                    exam,
                    1 + (first is not None),
                    second,
                    start,
                    makeup.closes_at,
                    makeup,
                )

    ctx.bulk(Attempt, attempts(), "学法考试答卷")
