"""The pages of 年度学法考试: the office's list, form and exam with its rates; the bank;
the county's ranking; the cadre's phone pages; query counts flat in the rows."""

from __future__ import annotations

from datetime import timedelta

from fazhi.core import clock
from fazhi.core.roles import Role
from fazhi.exams import services
from fazhi.exams.models import Exam
from tests.factories import member

from .conftest import answer_all, make_exam, snapshot


def test_officer_sets_an_exam_through_the_form(people, bank, login):
    client = login(people.officer)
    page = client.get("/exams/new/").content.decode()
    assert 'value="80"' in page and 'value="90"' in page  # the parameters' defaults
    now = clock.now()
    data = {"title": "表单考试", "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 30, "single_count": 40, "multiple_count": 1, "true_false_count": 1,
            "pass_mark": 80, "excellent_mark": 90, "attempts_limit": 1}  # fmt: skip
    before = snapshot()
    resp = client.post("/exams/new/", data)
    assert resp.status_code == 400
    assert "组卷规则要求单选题40道,题库只有6道" in resp.content.decode()
    assert snapshot() == before
    data.update(single_count=4, topic_rules="单选,宪法,2")
    resp = client.post("/exams/new/", data)
    assert resp.status_code == 302
    exam = Exam.objects.get(title="表单考试")
    assert exam.rule == [{"kind": "single", "topic": "宪法", "count": 2},
                         {"kind": "single", "topic": "", "count": 2},
                         {"kind": "multiple", "topic": "", "count": 1},
                         {"kind": "true_false", "topic": "", "count": 1}]  # fmt: skip


def test_exam_page_shows_rates_per_unit(people, tree, bank, login):
    member(tree.village_a1, Role.VILLAGE_CADRE, "vc2")
    exam = make_exam(people, candidate_roles=[Role.VILLAGE_CADRE])
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    answer_all(people.cadre, attempt, correct=8)
    services.attempt_submit(actor=people.cadre, attempt=attempt)
    page = login(people.officer).get(f"/exams/{exam.pk}/").content.decode()
    assert "参考率" in page and "33.3%" in page  # 1 of 3
    assert "东岙村" in page and "海屿镇" in page
    page = login(people.supervisor).get("/exams/ranking/?year=" + str(exam.year)).content.decode()
    assert "海屿镇" in page and "33.3%" in page


def test_the_cadres_pages_work_on_a_phone(people, exam, login):
    client = login(people.cadre)
    page = client.get("/exams/mine/").content.decode()
    assert "开始考试" in page and "exams.css" in page
    resp = client.post(f"/exams/{exam.pk}/start/")
    assert resp.status_code == 302
    page = client.get(resp["Location"]).content.decode()
    assert page.count('data-testid="question"') == 8 and "attempt.js" in page
    assert 'name="viewport"' in page
    # Starting again (a second tap) returns the same paper.
    assert client.post(f"/exams/{exam.pk}/start/")["Location"] == resp["Location"]


def test_a_second_attempt_is_refused_on_the_page(people, exam, login):
    client = login(people.cadre)
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    services.attempt_submit(actor=people.cadre, attempt=attempt)
    before = snapshot()
    resp = client.post(f"/exams/{exam.pk}/start/", follow=True)
    assert "已达考试次数上限(1次)" in resp.content.decode()
    assert snapshot() == before


def test_lists_run_a_flat_number_of_queries(people, tree, bank, login, count_queries):
    client = login(people.officer)

    def pages():
        client.get("/exams/")
        client.get("/exams/bank/")

    make_exam(people)
    few = count_queries(pages)
    for i in range(12):
        make_exam(people, title=f"第{i}场")
    assert count_queries(pages) == few
    exam = Exam.objects.first()
    detail = count_queries(lambda: client.get(f"/exams/{exam.pk}/"))
    for i in range(10):
        member(tree.town_a, Role.CADRE, f"more{i}")
    exam2 = make_exam(people, title="多人")
    assert count_queries(lambda: client.get(f"/exams/{exam2.pk}/")) == detail
    cadre = login(people.cadre)
    mine = count_queries(lambda: cadre.get("/exams/mine/"))
    assert mine <= 12


def test_the_api_lists_and_refuses(people, exam, client):
    client.force_login(people.officer)
    body = client.get("/api/v1/exams").json()
    assert body["count"] == 1 and body["items"][0]["title"] == exam.title
    detail = client.get(f"/api/v1/exams/{exam.pk}").json()
    assert detail["rates"]["total"] == 1 and detail["units"][0]["unit"] == "海屿镇"
    before = snapshot()
    resp = client.post("/api/v1/exams", {"title": "超量", "opens_at": clock.now().isoformat(),
                                         "closes_at": (clock.now() + timedelta(days=1)).isoformat(),
                                         "rule": [{"kind": "multiple", "count": 9}]},
                       content_type="application/json")  # fmt: skip
    assert resp.status_code == 400 and "题库只有3道" in resp.json()["message"]
    assert snapshot() == before
    attempt = services.attempt_start(actor=people.cadre, exam=exam)
    client.force_login(people.cadre)
    resp = client.post(f"/api/v1/exam-attempts/{attempt.pk}/answers", {"position": 1, "choice": [0]},
                       content_type="application/json")  # fmt: skip
    assert resp.status_code == 200 and resp.json()["saved"] == 1
