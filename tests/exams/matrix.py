"""Permission matrix entries of 年度学法考试 (merged by tests/test_permission_matrix.py).

The records: town A's bank and an exam open now whose only candidate is the town's
机关干部 (`cadre`), with the cadre's sitting in progress. The office (law officer), the
town's leader and the county read the exam; only the cadre opens and answers their paper;
a colleague of the same town is refused in Chinese (403) on the answer, town B's officer
and the other county get 404."""

from __future__ import annotations

from datetime import timedelta

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

READERS = {"supervisor", "leader", "officer", "officer_b", "other_supervisor"}
SEES_EXAM = {"supervisor", "leader", "officer"}
OFFICE = {"officer", "officer_b"}
SITTERS = {"leader", "officer", "officer_b", "village_cadre", "cadre"}
RANKERS = {"supervisor", "other_supervisor"}

EXAM = lambda c: {"pk": c.exam.pk}  # noqa: E731
ATTEMPT = lambda c: {"pk": c.exam_attempt.pk}  # noqa: E731


def _window(c):
    from fazhi.core import clock

    now = clock.now()
    return now + timedelta(days=1), now + timedelta(days=2)


def _exam_page(c):
    opens, closes = _window(c)
    return {"title": "探测考试", "opens_at": opens.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": closes.strftime("%Y-%m-%dT%H:%M"), "duration_minutes": 30,
            "single_count": 1, "multiple_count": 0, "true_false_count": 0, "pass_mark": 80,
            "excellent_mark": 90, "attempts_limit": 1}  # fmt: skip


def _exam_api(c):
    opens, closes = _window(c)
    return {"title": "探测考试", "opens_at": opens.isoformat(), "closes_at": closes.isoformat(),
            "rule": [{"kind": "single", "count": 1}]}  # fmt: skip


EXPECTATIONS = {
    "exams:exam_list": page(READERS),
    "exams:exam_create": page(
        OFFICE,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "supervisor": 403, "resident": 403},
        data=_exam_page,
    ),
    "exams:exam_detail": page(SEES_EXAM, hidden={"officer_b", "other_supervisor"}, kwargs=EXAM),
    "exams:makeup_create": post_only(
        {ANON: LOGIN, "leader": 403, "cadre": 403, "supervisor": 403, "officer_b": 404},
        kwargs=EXAM,
        data=lambda c: {"opens_at": "2030-01-01T09:00", "closes_at": "2030-01-02T09:00"},
    ),
    "exams:attempt_start": post_only(
        {
            ANON: LOGIN,
            "supervisor": 403,
            "adviser": 403,
            "officer_b": 404,
            "leader": 404,
            "resident": 403,
        },  # fmt: skip
        kwargs=EXAM,
    ),
    "exams:question_list": page(READERS),
    "exams:question_import": post_only(
        {ANON: LOGIN, "leader": 403, "cadre": 403, "supervisor": 403}
    ),
    "exams:question_template": page(OFFICE),
    "exams:ranking": page(RANKERS),
    "exams:my_exams": page(SITTERS),
    "exams:attempt": page({"cadre"}, hidden=SITTERS - {"cadre"}, kwargs=ATTEMPT),
    "exams:answer_save": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "officer": 403,
            "officer_b": 404,
            "supervisor": 403,
            "resident": 403,
        },  # fmt: skip
        kwargs=ATTEMPT,
        data=lambda c: {"position": 0, "choice": [0]},
    ),
    "exams:attempt_submit": post_only(
        {ANON: LOGIN, "leader": 404, "officer_b": 404, "supervisor": 403, "resident": 403},
        kwargs=ATTEMPT,
    ),
    "api-1.0.0:exams_list": api_get(READERS),
    "api-1.0.0:exam_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "supervisor": 403, "resident": 403},
        data=_exam_api,
    ),
    "api-1.0.0:exam_detail": api_get(
        SEES_EXAM, hidden={"officer_b", "other_supervisor"}, kwargs=lambda c: {"exam_id": c.exam.pk}
    ),
    "api-1.0.0:exam_ranking": api_get(RANKERS),
    "api-1.0.0:exam_answer_save": api_write(
        {ANON: 401, "leader": 403, "officer_b": 404, "supervisor": 403, "resident": 403},
        data=lambda c: {"position": 0, "choice": [0]},
        kwargs=lambda c: {"attempt_id": c.exam_attempt.pk},
    ),
}


def records(people, tree) -> dict:
    from fazhi.exams import services

    from .conftest import bank_rows, make_exam, xlsx

    services.questions_import(actor=people.officer, uploaded_file=xlsx(bank_rows()))
    exam = make_exam(people)
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    return {"exam": exam, "exam_attempt": attempt}
