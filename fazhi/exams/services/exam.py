"""Setting an exam (window, duration, paper rule checked against the bank, marks,
attempts, candidates named) and opening make-up windows for the absent and the failed."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from fazhi.core import audit, clock
from fazhi.core.cleaning import clean_text
from fazhi.core.models import Membership
from fazhi.core.roles import Role

from .. import params as P
from ..models import Candidate, Exam, Kind, MakeUp, Question
from .common import CANDIDATE_ROLES, fmt, office_town, refuse

MAX_COUNT = 200


def _rule(rule) -> list[dict]:
    """The paper rule as clean rows; each (kind, topic) once; at least one question."""
    rows, seen = [], set()
    for item in rule or []:
        kind, topic = item.get("kind"), str(item.get("topic") or "").strip()[:50]
        try:
            count = int(item.get("count") or 0)
        except (TypeError, ValueError):
            raise refuse("题数须为整数", "rule") from None
        if kind not in Kind.values:
            raise refuse("组卷规则的题型不正确", "rule")
        if count < 0 or count > MAX_COUNT:
            raise refuse(f"每类题数须在0到{MAX_COUNT}之间", "rule")
        if count == 0:
            continue
        label = Kind(kind).label + (f"(主题“{topic}”)" if topic else "")
        if (kind, topic) in seen:
            raise refuse(P.RULE_DUPLICATE.format(label=label), "rule")
        seen.add((kind, topic))
        rows.append({"kind": kind, "topic": topic, "count": count})
    if not rows:
        raise refuse(P.RULE_EMPTY, "rule")
    return rows


def check_rule_against_bank(town, rule: list[dict]) -> None:
    """A rule asking for more questions than the bank holds is refused here, when the
    exam is set, not when a candidate starts."""
    have = Counter()
    by_kind = Counter()
    for kind, topic in Question.objects.filter(org_unit=town, is_active=True).values_list(
        "kind", "topic"
    ):
        have[(kind, topic)] += 1
        by_kind[kind] += 1
    for kind in Kind.values:
        specific = [r for r in rule if r["kind"] == kind and r["topic"]]
        for r in specific:
            if r["count"] > have[(kind, r["topic"])]:
                raise refuse(
                    P.RULE_SHORT.format(label=f"{Kind(kind).label}(主题“{r['topic']}”)",
                                        count=r["count"], have=have[(kind, r["topic"])]),
                    "rule",
                )  # fmt: skip
        total = sum(r["count"] for r in rule if r["kind"] == kind)
        if total > by_kind[kind]:
            raise refuse(
                P.RULE_SHORT.format(label=Kind(kind).label, count=total, have=by_kind[kind]),
                "rule",
            )


def _int(value, field, label, param, town) -> int:
    if value in (None, ""):
        return param.value(town)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise refuse(f"{label}须为整数", field) from None
    if number < param.minimum or number > param.maximum:
        raise refuse(f"{label}须在{param.minimum}到{param.maximum}{param.unit}之间", field)
    return number


def candidates_for(town, roles) -> list[tuple[int, int, str]]:
    """(user, unit, role) of everyone in the town's subtree holding one of `roles` now,
    each person once (the first of CANDIDATE_ROLES they hold)."""
    order = {r: i for i, r in enumerate(CANDIDATE_ROLES)}
    picked: dict[int, tuple[int, int, str]] = {}
    rows = (
        Membership.objects.filter(
            is_active=True, role__in=roles, org_unit__code__startswith=town.code,
            user__is_active=True,
        )
        .values_list("user_id", "org_unit_id", "role")
        .order_by("user_id")
    )  # fmt: skip
    for user_id, unit_id, role in rows:
        if user_id not in picked or order[role] < order[picked[user_id][2]]:
            picked[user_id] = (user_id, unit_id, role)
    return list(picked.values())


def exam_create(
    *,
    actor,
    title: str,
    opens_at: datetime,
    closes_at: datetime,
    rule: list[dict],
    duration_minutes=None,
    pass_mark=None,
    excellent_mark=None,
    attempts_limit=None,
    candidate_roles=(),
    org_unit=None,
) -> Exam:
    """Set an exam of the actor's town and name its candidates (机关干部 always, plus the
    staff roles chosen)."""
    town = office_town(actor, org_unit)
    title = clean_text(title, "title", "考试名称", 200)
    if not opens_at or not closes_at:
        raise refuse("请填写开考和截止时间", "closes_at")
    if closes_at <= opens_at:
        raise refuse(P.WINDOW_ORDER, "closes_at")
    duration = _int(duration_minutes, "duration_minutes", "答题时长", P.DURATION, town)
    pass_mark = _int(pass_mark, "pass_mark", "合格分数线", P.PASS_MARK, town)
    excellent = _int(excellent_mark, "excellent_mark", "优秀分数线", P.EXCELLENT_MARK, town)
    if excellent < pass_mark:
        raise refuse(P.MARKS_ORDER, "excellent_mark")
    attempts = _int(attempts_limit, "attempts_limit", "考试次数", P.ATTEMPTS, town)
    rows = _rule(rule)
    roles = sorted({Role.CADRE, *[r for r in candidate_roles if r in CANDIDATE_ROLES]})
    if set(candidate_roles) - set(CANDIDATE_ROLES):
        raise refuse("参考人员范围不正确", "candidate_roles")
    with transaction.atomic():
        check_rule_against_bank(town, rows)
        people = candidates_for(town, roles)
        if not people:
            raise refuse(P.NO_CANDIDATES, "candidate_roles")
        exam = Exam(
            org_unit=town, title=title, year=_year(opens_at),
            opens_at=opens_at, closes_at=closes_at, duration_minutes=duration, rule=rows,
            question_count=sum(r["count"] for r in rows), pass_mark=pass_mark,
            excellent_mark=excellent, attempts_limit=attempts, candidate_roles=roles,
            candidate_count=len(people), created_by=actor,
        )  # fmt: skip
        exam.save()
        Candidate.objects.bulk_create(
            [
                Candidate(exam=exam, user_id=u, org_unit_id=unit, role=role)
                for u, unit, role in people
            ],
            batch_size=500,
        )
        audit.record(
            verb="exam.create",
            actor=actor,
            obj=exam,
            changes={
                "title": [None, title],
                "window": [None, f"{fmt(opens_at)}至{fmt(closes_at)}"],
                "rule": [None, rows],
                "marks": [None, f"合格{pass_mark}/优秀{excellent}"],
                "candidates": [None, len(people)],
            },
        )
    return exam


def _year(moment: datetime) -> int:
    return timezone.localtime(moment).year


def makeup_open(*, actor, exam: Exam, opens_at: datetime, closes_at: datetime) -> list[MakeUp]:
    """After the window closes: a make-up window (one more attempt) for every candidate
    who was absent or failed and has no make-up still open."""
    office_town(actor, exam.org_unit)
    now = clock.now()
    if now < exam.closes_at:
        raise refuse(P.MAKEUP_BEFORE_CLOSE)
    if not opens_at or not closes_at:
        raise refuse("请填写补考开始和截止时间", "closes_at")
    if opens_at < exam.closes_at:
        raise refuse(P.MAKEUP_WINDOW.format(closes=fmt(exam.closes_at)), "opens_at")
    if closes_at <= opens_at or closes_at <= now:
        raise refuse("补考截止时间须晚于开始时间和当前时间", "closes_at")
    with transaction.atomic():
        pending = list(
            Candidate.objects.filter(exam=exam, passed=False)
            .exclude(makeups__closes_at__gt=now)
            .select_related("user")
        )
        if not pending:
            raise refuse(P.MAKEUP_NOBODY)
        made = MakeUp.objects.bulk_create(
            [
                MakeUp(
                    exam=exam, candidate=c, opens_at=opens_at, closes_at=closes_at, created_by=actor
                )
                for c in pending
            ]  # fmt: skip
        )
        audit.record(
            verb="exam.makeup",
            actor=actor,
            obj=exam,
            changes={
                "makeup_window": [None, f"{fmt(opens_at)}至{fmt(closes_at)}"],
                "absent": [None, sum(1 for c in pending if not c.took)],
                "failed": [None, sum(1 for c in pending if c.took)],
            },
        )
    return made
