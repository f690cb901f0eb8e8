"""合法性审核 pages and API: the queue, the detail with its forms, conclude and withdraw
by POST, the API's 4xx on bad input, cross-town 404, flat query counts; the workbench
items and the report figures."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fazhi.core.models import AuditEvent, User
from fazhi.core.roles import Role
from fazhi.reviews import deadlines, services, summary
from fazhi.reviews.models import ReviewRequest
from tests.factories import member

from .helpers import OPINION, full_checklist, make_subject

pytestmark = pytest.mark.django_db


def _review(people, tree, title="海屿镇出租房屋管理办法(送审稿)", **kw):
    subject = make_subject(tree.town_a, people.cadre, title=title)
    args = {"actor": people.officer, "subject": subject, "kind": "normative"}
    args.update(kw)
    args.setdefault("reviewer", people.adviser)
    return services.review_request_create(**args)


@pytest.fixture
def review(people, tree):
    return _review(people, tree)


def _form_data(kind="normative", failed=(), **extra):
    data = {}
    for key, answer in full_checklist(kind, failed=failed).items():
        data[f"item_{key}"] = "1" if answer["ok"] else "0"
        data[f"note_{key}"] = answer["note"]
    data.update({"opinion": OPINION, "conclusion": "passed"})
    data.update(extra)
    return data


# --- pages --------------------------------------------------------------------------------


def test_reviewer_sees_the_form_and_the_subject_link(login, people, review):
    body = login(people.adviser).get(reverse("reviews:review_detail", args=[review.pk])).content
    html = body.decode()
    assert 'data-testid="conclude-form"' in html
    assert 'data-testid="subject-link"' in html and review.subject.get_absolute_url() in html
    assert 'data-testid="withdraw-form"' not in html


def test_requester_sees_withdraw_not_conclude(login, people, review):
    html = login(people.officer).get(reverse("reviews:review_detail", args=[review.pk])).content
    html = html.decode()
    assert 'data-testid="withdraw-form"' in html
    assert 'data-testid="conclude-form"' not in html


def test_leader_reads_without_actions(login, people, review):
    html = login(people.leader).get(reverse("reviews:review_detail", args=[review.pk])).content
    html = html.decode()
    assert review.title in html
    assert "conclude-form" not in html and "withdraw-form" not in html


def test_conclude_through_the_page(login, people, review):
    client = login(people.adviser)
    url = reverse("reviews:review_conclude", args=[review.pk])
    response = client.post(url, _form_data())
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "concluded" and review.conclusion == "passed"
    html = client.get(reverse("reviews:review_detail", args=[review.pk])).content.decode()
    assert 'data-testid="opinion"' in html and OPINION in html


def test_conclude_page_shows_field_errors_and_writes_nothing(login, people, review):
    client = login(people.adviser)
    url = reverse("reviews:review_conclude", args=[review.pk])
    events = AuditEvent.objects.count()
    response = client.post(url, _form_data(opinion="", conclusion=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "书面审核意见和审核结论缺一不可" in html
    assert "请填写书面审核意见" in html
    response = client.post(url, _form_data(failed=["issuer"]))
    assert response.status_code == 400
    assert "不符合的审核要点须说明问题" in response.content.decode() or "结论不能为" in (
        response.content.decode()
    )
    review.refresh_from_db()
    assert review.status == "pending" and AuditEvent.objects.count() == events


def test_withdraw_through_the_page(login, people, review):
    client = login(people.officer)
    url = reverse("reviews:review_withdraw", args=[review.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "撤回送审须说明理由" in response.content.decode()
    review.refresh_from_db()
    assert review.status == "pending"
    client.post(url, {"reason": "起草部门要求撤回修改"})
    review.refresh_from_db()
    assert review.status == "withdrawn"


def test_other_town_gets_404(login, people, review):
    client = login(people.officer_b)
    assert client.get(reverse("reviews:review_detail", args=[review.pk])).status_code == 404
    url = reverse("reviews:review_withdraw", args=[review.pk])
    assert client.post(url, {"reason": "越权撤回"}).status_code == 404
    review.refresh_from_db()
    assert review.status == "pending"


def test_list_filters_and_queue_first(login, people, tree):
    other = member(tree.town_a, Role.LAW_OFFICER, "officer2")
    first = _review(people, tree, title="甲文件", reviewer=other)
    mine = _review(people, tree, title="乙文件")
    client = login(people.adviser)
    html = client.get(reverse("reviews:review_list")).content.decode()
    assert html.index("乙文件") < html.index("甲文件")
    assert "待我审核" in html
    html = client.get(reverse("reviews:review_list"), {"mine": "1"}).content.decode()
    assert "乙文件" in html and "甲文件" not in html
    ReviewRequest.objects.filter(pk=first.pk).update(due_date=date.today() - timedelta(days=3))
    html = client.get(reverse("reviews:review_list"), {"overdue": "1"}).content.decode()
    assert "甲文件" in html and "乙文件" not in html and "已超期" in html
    html = client.get(reverse("reviews:review_list"), {"status": "concluded"}).content.decode()
    assert "甲文件" not in html and "乙文件" not in html
    html = client.get(reverse("reviews:review_list"), {"kind": "contract"}).content.decode()
    assert "甲文件" not in html
    assert mine.pk


def test_list_ignores_junk_filters(login, people, review):
    client = login(people.officer)
    response = client.get(
        reverse("reviews:review_list"), {"status": "x", "kind": "<b>", "page": "-1", "overdue": "z"}
    )
    assert response.status_code == 200


def _many(people, tree, n):
    town = tree.town_a
    adviser = people.adviser
    # Plain rows: only the list's query count is under test here.
    subjects = [make_subject(town, people.cadre, title=f"文件{i}") for i in range(n)]
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(subjects[0])
    ReviewRequest.objects.bulk_create(
        ReviewRequest(
            org_unit=town,
            content_type=ct,
            object_id=s.pk,
            kind="normative",
            title=s.title,
            requested_by=people.officer,
            reviewer=adviser,
            due_date=date.today(),
        )
        for s in subjects
    )


def test_list_query_count_is_flat(login, people, tree, count_queries, settings):
    client = login(people.adviser)
    url = reverse("reviews:review_list")
    _many(people, tree, 10)
    client.get(url)  # warm caches (content types, session)
    few = count_queries(lambda: client.get(url))
    _many(people, tree, 90)
    many = count_queries(lambda: client.get(url))
    assert many == few


# --- API ----------------------------------------------------------------------------------


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_api_list_and_detail(login, people, review):
    client = login(people.adviser)
    data = client.get("/api/v1/reviews").json()
    assert data["count"] == 1 and data["items"][0]["id"] == review.pk
    detail = client.get(f"/api/v1/reviews/{review.pk}").json()
    assert detail["status"] == "pending" and detail["kind_label"] == "规范性文件"
    assert len(detail["checklist"]) == len(full_checklist())
    assert detail["timeline"][0]["label"] == "送请合法性审核"
    lists = client.get("/api/v1/reviews/checklists").json()
    assert {c["kind"] for c in lists} == {"normative", "agreement", "contract", "decision"}


def test_api_conclude(login, people, review):
    client = login(people.adviser)
    body = {"opinion": OPINION, "conclusion": "passed", "checklist": full_checklist()}
    response = _post(client, f"/api/v1/reviews/{review.pk}/transitions/conclude", body)
    assert response.status_code == 200, response.content
    assert response.json()["conclusion_label"] == "通过"
    assert response.json()["checklist"][0]["ok"] is True


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({"opinion": "", "conclusion": "passed", "checklist": {}}, 400, "缺一不可"),
        ({"opinion": OPINION, "conclusion": "ok", "checklist": {}}, 422, "提交的数据不符合要求"),
        ({"opinion": OPINION, "conclusion": "passed"}, 422, "提交的数据不符合要求"),
        ({"opinion": OPINION, "conclusion": "passed", "checklist": []}, 422, "不符合要求"),
        (
            {"opinion": OPINION, "conclusion": "passed", "checklist": {"issuer": {"ok": 3}}},
            422,
            "不符合要求",
        ),
        ({"opinion": OPINION, "conclusion": "passed", "checklist": {}}, 400, "逐项作出判断"),
        ({"opinion": "x\x00", "conclusion": "passed", "checklist": {}}, 422, "不符合要求"),
        ({"opinion": OPINION, "conclusion": "passed", "checklist": {}, "x": 1}, 422, "不符合"),
    ],
)
def test_api_conclude_bad_input(login, people, review, body, status, message):
    client = login(people.adviser)
    events = AuditEvent.objects.count()
    response = _post(client, f"/api/v1/reviews/{review.pk}/transitions/conclude", body)
    assert response.status_code == status
    assert message in response.json()["message"]
    review.refresh_from_db()
    assert review.status == "pending" and AuditEvent.objects.count() == events


def test_api_malformed_json_and_huge_id(login, people, review):
    client = login(people.adviser)
    url = f"/api/v1/reviews/{review.pk}/transitions/conclude"
    response = client.post(url, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert client.get(f"/api/v1/reviews/{2**70}").status_code == 422
    assert client.get("/api/v1/reviews", {"status": "bogus"}).status_code == 422


def test_api_cross_town_404(login, people, review):
    client = login(people.officer_b)
    assert client.get(f"/api/v1/reviews/{review.pk}").status_code == 404
    response = _post(
        client, f"/api/v1/reviews/{review.pk}/transitions/withdraw", {"reason": "越权"}
    )
    assert response.status_code == 404
    assert client.get("/api/v1/reviews").json()["count"] == 0


def test_api_withdraw(login, people, review):
    client = login(people.officer)
    url = f"/api/v1/reviews/{review.pk}/transitions/withdraw"
    assert _post(client, url, {"reason": "  "}).status_code == 400
    response = _post(client, url, {"reason": "材料需补充"})
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
    again = _post(client, url, {"reason": "再撤一次"})
    assert again.status_code == 400 and "当前状态为“已撤回”" in again.json()["message"]


# --- workbench and figures ----------------------------------------------------------------


def test_pending_items_for_reviewer_and_officers(people, tree, review):
    today = timezone.localdate()
    items = [
        i for i in deadlines.pending_items(people.adviser, today) if i.category == "合法性审核"
    ]
    assert len(items) == 1 and items[0].due == review.due_date and items[0].level != "danger"
    assert not [
        i for i in deadlines.pending_items(people.officer, today) if i.category == "合法性审核"
    ]
    ReviewRequest.objects.filter(pk=review.pk).update(due_date=today - timedelta(days=1))
    items = [
        i for i in deadlines.pending_items(people.adviser, today) if i.category == "合法性审核"
    ]
    assert items[0].level == "danger" and "已超期" in items[0].title
    late = [i for i in deadlines.pending_items(people.officer, today) if i.category == "合法性审核"]
    assert len(late) == 1 and late[0].level == "danger"
    assert not [
        i for i in deadlines.pending_items(people.officer_b, today) if i.category == "合法性审核"
    ]
    assert deadlines.pending_items(people.resident, today) == []


def test_pending_items_query_count_is_flat(people, tree, count_queries):
    today = timezone.localdate()
    # Each count as a fresh request would see it: the user loaded anew, nothing memoised.
    _many(people, tree, 5)
    adviser = User.objects.get(pk=people.adviser.pk)
    few = count_queries(lambda: deadlines.pending_items(adviser, today))
    _many(people, tree, 50)
    adviser = User.objects.get(pk=people.adviser.pk)
    many = count_queries(lambda: deadlines.pending_items(adviser, today))
    assert many == few


def test_figures(people, tree):
    officer2 = member(tree.town_a, Role.LAW_OFFICER, "officer2")
    kinds = ["normative", "normative", "agreement", "contract", "agreement"]
    for i, kind in enumerate(kinds):
        r = _review(
            people,
            tree,
            title=f"事项{i}",
            kind=kind,
            reviewer=people.adviser if i < 4 else officer2,
        )
        actor = people.adviser if i < 4 else officer2
        services.review_conclude(
            actor=actor,
            review=r,
            opinion=OPINION,
            conclusion="passed",
            checklist=full_checklist(kind),
        )
    late = ReviewRequest.objects.get(title="事项0")
    ReviewRequest.objects.filter(pk=late.pk).update(due_date=date.today() - timedelta(days=1))
    _review(people, tree, title="未办结")  # pending: not counted
    today = timezone.localdate()
    figs = {f.key: f for f in summary.figures(tree.town_a, date(today.year, 1, 1), today)}
    assert figs["reviews.concluded"].value == 5
    assert (
        figs["reviews.concluded"].sentence
        == "合法性审核5件,其中规范性文件2件、行政协议2件、合同1件"
    )
    assert figs["reviews.concluded"].breakdown["行政协议"] == 2
    # Opinions by legal advisers are the advisers app's figure (advisers.review_opinions).
    assert "reviews.adviser_opinions" not in figs
    assert figs["reviews.on_time_rate"].value == 80.0
    # The county sees its towns; another town and an earlier period see nothing.
    assert {f.key: f.value for f in summary.figures(tree.county, date(2000, 1, 1), today)}[
        "reviews.concluded"
    ] == 5
    assert summary.figures(tree.town_b, date(2000, 1, 1), today)[0].value == 0
    assert summary.figures(tree.town_a, date(2000, 1, 1), date(2000, 12, 31))[0].value == 0


def test_detail_page_query_count_is_bounded(login, people, review, max_queries):
    client = login(people.adviser)
    url = reverse("reviews:review_detail", args=[review.pk])
    client.get(url)
    with max_queries(25):
        assert client.get(url).status_code == 200
