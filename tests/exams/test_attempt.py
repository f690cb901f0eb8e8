"""Sitting the exam: a random paper stored per candidate, answers saved as chosen, the
server's deadline (min(start + duration, window close)), refusals for a late answer,
another's paper and an attempt beyond the limit, marking, results after the window,
make-ups for the absent and the failed, and `fazhi tick` closing forgotten papers."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
import time_machine

from fazhi.core import clock
from fazhi.core.models import AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.exams import services, tick
from fazhi.exams.models import Attempt, Candidate
from tests.factories import member

from .conftest import answer_all, make_exam, right_choice, snapshot


def test_each_candidate_gets_a_stored_random_paper(people, tree, bank):
    other = member(tree.town_a, Role.CADRE, "cadre2")
    exam = make_exam(people)
    a = services.attempt_start(actor=people.cadre, exam=exam)
    b = services.attempt_start(actor=other, exam=exam)
    kinds = [code for _q, _o, code in a.paper]
    assert kinds == ["s"] * 4 + ["m"] * 2 + ["t"] * 2
    assert len({q for q, _o, _c in a.paper}) == 8
    assert all(order == [0, 1] for _q, order, code in a.paper if code == "t")
    # Starting again returns the same sitting with the same paper.
    assert services.attempt_start(actor=people.cadre, exam=exam).paper == a.paper
    assert a.deadline == a.started_at + timedelta(minutes=30)
    assert Attempt.objects.get(pk=a.pk).paper == a.paper
    assert Attempt.objects.get(pk=b.pk).paper == b.paper and b.user == other
    # The draw is random: two seeds give two papers (order and options).
    assert services.draw_paper(exam, random.Random(1)) != services.draw_paper(
        exam, random.Random(2)
    )


def test_the_deadline_is_the_window_close_when_sooner(people, bank):
    now = clock.now()
    exam = make_exam(
        people, opens_at=now - timedelta(hours=1), closes_at=now + timedelta(minutes=10)
    )
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    assert attempt.deadline == exam.closes_at


def test_answers_are_saved_as_chosen_and_marked(people, exam):
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    answer_all(people.cadre, attempt, correct=7)
    # An answer changed: the last choice counts.
    services.answer_save(actor=people.cadre, attempt_id=attempt.pk, position=0, choice=[])
    services.answer_save(
        actor=people.cadre, attempt_id=attempt.pk, position=0, choice=right_choice(attempt, 0)
    )
    attempt.refresh_from_db()
    assert len(attempt.answers) == 8
    done = services.attempt_submit(actor=people.cadre, attempt=attempt)
    assert done.status == "submitted" and done.correct == 7 and str(done.score) == "87.5"
    c = Candidate.objects.get(exam=exam, user=people.cadre)
    assert (c.took, c.passed, c.excellent, str(c.best_score)) == (True, True, False, "87.5")


def test_an_answer_after_the_deadline_is_refused_and_the_paper_closed(people, exam):
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    answer_all(people.cadre, attempt, correct=8)
    with time_machine.travel(attempt.deadline + timedelta(seconds=1), tick=False):
        with pytest.raises(ServiceError) as err:
            services.answer_save(actor=people.cadre, attempt_id=attempt.pk, position=0, choice=[1])
        assert "已超过交卷截止时间" in err.value.message
    attempt.refresh_from_db()
    # Closed as it stood at the deadline: the late answer was not written.
    assert attempt.status == "timed_out" and attempt.correct == 8
    assert attempt.finished_at == attempt.deadline
    before = snapshot()
    with pytest.raises(ServiceError, match="试卷已交卷"):
        services.answer_save(actor=people.cadre, attempt_id=attempt.pk, position=0, choice=[1])
    assert snapshot() == before


def test_a_submission_after_time_is_closed_at_the_deadline(people, exam):
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    with time_machine.travel(attempt.deadline + timedelta(minutes=3), tick=False):
        done = services.attempt_submit(actor=people.cadre, attempt=attempt)
    assert done.status == "timed_out" and done.finished_at == attempt.deadline


def test_an_answer_to_another_candidates_paper_is_refused(people, tree, exam):
    other = member(tree.town_a, Role.CADRE, "cadre2")
    exam2 = make_exam(people, title="第二场")
    attempt = services.attempt_start(actor=people.cadre, exam=exam2)
    before = snapshot()
    with pytest.raises(Forbidden, match="这不是您的试卷,不能作答"):
        services.answer_save(actor=other, attempt_id=attempt.pk, position=0, choice=[0])
    attempt.refresh_from_db()
    assert attempt.answers == {} and snapshot() == before


def test_the_answer_endpoint_refuses_in_chinese(people, tree, exam, client):
    other = member(tree.town_a, Role.CADRE, "cadre2")
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    client.force_login(other)
    resp = client.post(f"/exams/attempts/{attempt.pk}/answer/", {"position": 0, "choice": [0]})
    assert resp.status_code == 403 and resp.json()["message"] == "这不是您的试卷,不能作答"
    client.force_login(people.cadre)
    resp = client.post(f"/exams/attempts/{attempt.pk}/answer/", {"position": 0, "choice": [0]})
    assert resp.status_code == 200 and resp.json()["saved"] == 1
    resp = client.post(f"/exams/attempts/{attempt.pk}/answer/", {"position": 99, "choice": [0]})
    assert resp.status_code == 400 and resp.json()["message"] == "题号不正确"
    with time_machine.travel(attempt.deadline + timedelta(seconds=1), tick=False):
        client.force_login(people.cadre)  # an hour idle: the session has expired
        resp = client.post(f"/exams/attempts/{attempt.pk}/answer/", {"position": 1, "choice": [0]})
    assert resp.status_code == 409 and "已超过交卷截止时间" in resp.json()["message"]


def test_a_second_attempt_beyond_the_limit_is_refused(people, exam):
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    services.attempt_submit(actor=people.cadre, attempt=attempt)
    before = snapshot()
    with pytest.raises(ServiceError) as err:
        services.attempt_start(actor=people.cadre, exam=exam)
    assert "已达考试次数上限(1次)" in err.value.message
    assert snapshot() == before


def test_results_and_review_only_after_the_window(people, exam, client):
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    answer_all(people.cadre, attempt, correct=6)
    services.attempt_submit(actor=people.cadre, attempt=attempt)
    client.force_login(people.cadre)
    page = client.get(f"/exams/attempts/{attempt.pk}/").content.decode()
    assert "成绩和错题将于考试结束" in page and "75.0分" not in page
    with time_machine.travel(exam.closes_at + timedelta(minutes=1), tick=False):
        client.force_login(people.cadre)  # the session of two days ago has expired
        page = client.get(f"/exams/attempts/{attempt.pk}/").content.decode()
    assert "75.0分" in page and "不合格" in page and page.count('data-testid="wrong"') == 2
    # Another candidate's paper is not found.
    client.force_login(people.leader)
    assert client.get(f"/exams/attempts/{attempt.pk}/").status_code == 404


def test_makeup_for_the_absent_and_the_failed_then_pass(people, tree, bank):
    absent = member(tree.town_a, Role.CADRE, "absent")
    exam = make_exam(people)
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    answer_all(people.cadre, attempt, correct=4)
    services.attempt_submit(actor=people.cadre, attempt=attempt)
    after = exam.closes_at + timedelta(minutes=1)
    with time_machine.travel(after, tick=False):
        with pytest.raises(ServiceError, match="已达考试次数上限"):
            services.attempt_start(actor=people.cadre, exam=exam)
        made = services.makeup_open(
            actor=people.officer, exam=exam, opens_at=after, closes_at=after + timedelta(days=1)
        )
        assert {m.candidate.user_id for m in made} == {people.cadre.pk, absent.pk}
    with time_machine.travel(after + timedelta(hours=1), tick=False):
        second = services.attempt_start(actor=people.cadre, exam=exam)
        assert second.makeup_id and second.number == 2
        assert second.deadline == second.started_at + timedelta(minutes=30)
        answer_all(people.cadre, second, correct=8)
        services.attempt_submit(actor=people.cadre, attempt=second)
        with pytest.raises(ServiceError, match="已达考试次数上限"):
            services.attempt_start(actor=people.cadre, exam=exam)
        makeup_of_absent = services.attempt_start(actor=absent, exam=exam)
        answer_all(absent, makeup_of_absent, correct=8)
        services.attempt_submit(actor=absent, attempt=makeup_of_absent)
    rates = {
        c.user_id: (c.took, c.passed, c.excellent) for c in Candidate.objects.filter(exam=exam)
    }
    assert rates == {people.cadre.pk: (True, True, True), absent.pk: (True, True, True)}


def test_tick_closes_papers_nobody_submitted(people, exam):
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    services.answer_save(
        actor=people.cadre, attempt_id=attempt.pk, position=0, choice=right_choice(attempt, 0)
    )
    assert tick.run(clock.today()) == []
    with time_machine.travel(attempt.deadline + timedelta(hours=1), tick=False):
        assert tick.run(clock.today()) == ["学法考试:到时收卷1份"]
        assert tick.run(clock.today()) == []
    attempt.refresh_from_db()
    assert attempt.status == "timed_out" and attempt.correct == 1
    assert AuditEvent.objects.filter(verb="exam_attempt.close", actor=None).count() == 1


def test_a_person_not_named_cannot_start(people, exam):
    before = snapshot()
    with pytest.raises(Forbidden, match="您不在本次考试的应考人员名单中"):
        services.attempt_start(actor=people.village_cadre, exam=exam)
    assert snapshot() == before


def test_not_open_yet_is_refused(people, bank):
    now = clock.now()
    exam = make_exam(people, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2))
    with pytest.raises(ServiceError, match="考试不在开放时间内"):
        services.attempt_start(actor=people.cadre, exam=exam)
