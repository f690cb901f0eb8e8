"""法律顾问 pages and API: lists with flat query counts, detail, forms with Chinese field
errors, the ledger export, cross-town 404, and bad API input as 4xx JSON."""

from __future__ import annotations

import json
from datetime import date
from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from fazhi.advisers import services
from fazhi.advisers.models import Adviser, Appointment, Assessment, WorkEntry
from fazhi.core.models import AuditEvent

from .helpers import appointed, full_scores, lawyer

pytestmark = pytest.mark.django_db


def _many(officer, n, start=0):
    for i in range(start, start + n):
        a = services.adviser_create(
            actor=officer, name=f"顾问{i}", kind="expert", institution=f"大学{i % 7}"
        )
        services.appointment_create(
            actor=officer, adviser=a, start=date(2024, 1, 1), end=date(2026, 12, 31)
        )
        services.work_entry_create(
            actor=officer,
            adviser=a,
            kind="consultation",
            date=date(2025, 1, 6),
            description="咨询",
            today=date(2025, 6, 1),
        )


def test_list_query_count_flat_from_10_to_100(people, login, count_queries):
    client = login(people.officer)
    url = reverse("advisers:adviser_list") + "?year=2025"
    _many(people.officer, 10)
    client.get(url)  # warm caches
    small = count_queries(lambda: client.get(url))
    _many(people.officer, 90, start=10)
    response = client.get(url)
    assert response.status_code == 200
    large = count_queries(lambda: client.get(url))
    assert large == small


def test_list_shows_the_work_record_and_filters(people, login):
    a = appointed(people.officer)
    services.work_entry_create(
        actor=people.officer,
        adviser=a,
        kind="litigation",
        date=date(2025, 2, 3),
        description="代理镇政府行政诉讼",
        today=date(2025, 6, 1),
    )
    client = login(people.leader)
    body = client.get(reverse("advisers:adviser_list") + "?year=2025").content.decode()
    assert "郑立言" in body and "海屿律师事务所" in body and "2025年审核意见" in body
    body = client.get(reverse("advisers:adviser_list") + "?kind=expert").content.decode()
    assert "郑立言" not in body
    # junk filters are ignored, never a 500
    r = client.get(reverse("advisers:adviser_list") + "?kind=x&status=y&year=abc&page=zz")
    assert r.status_code == 200


def test_adviser_sees_only_their_own_record(people, login):
    own = lawyer(people.officer, user=people.adviser)
    other = lawyer(people.officer, name="王教授", kind="expert", licence_no="")
    client = login(people.adviser)
    body = client.get(reverse("advisers:adviser_list")).content.decode()
    assert "郑立言" in body and "王教授" not in body
    assert client.get(reverse("advisers:adviser_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("advisers:adviser_detail", args=[other.pk])).status_code == 404


def test_other_town_gets_404(people, login):
    a = appointed(people.officer)
    client = login(people.officer_b)
    for name in ("adviser_detail", "appointment_create", "work_entry_create", "assessment_create"):
        assert client.get(reverse(f"advisers:{name}", args=[a.pk])).status_code == 404
    assert client.get(f"/api/v1/advisers/{a.pk}").status_code == 404
    r = client.post(
        f"/api/v1/advisers/{a.pk}/work-entries",
        data=json.dumps({"kind": "training", "date": "2025-01-02", "description": "x"}),
        content_type="application/json",
    )
    assert r.status_code == 404 and WorkEntry.objects.count() == 0


def test_detail_page_with_terms_entries_assessments_and_actions(people, login):
    a = appointed(people.officer, user=people.adviser)
    services.work_entry_create(
        actor=people.officer,
        adviser=a,
        kind="training",
        date=date(2025, 4, 15),
        description="全民国家安全教育日法治讲座",
        today=date(2025, 6, 1),
    )
    services.assessment_create(
        actor=people.leader, adviser=a, year=2024, scores=full_scores(), today=date(2025, 6, 1)
    )
    body = (
        login(people.officer)
        .get(reverse("advisers:adviser_detail", args=[a.pk]) + "?year=2025")
        .content.decode()
    )
    assert "全民国家安全教育日法治讲座" in body and "优秀" in body and "2024-01-01" in body
    assert 'data-testid="action-dismiss"' in body and "登记" in body


def test_create_page_shows_the_rule_on_the_field(people, login):
    client = login(people.officer)
    data = {
        "name": "新律师",
        "kind": "lawyer",
        "institution": "某律所",
        "licence_no": "13301202210123456",
        "practice_since": "2023-01-01",
    }
    r = client.post(reverse("advisers:adviser_create"), data)
    assert r.status_code == 400
    body = r.content.decode()
    assert "律师担任法律顾问须执业满5年" in body and Adviser.objects.count() == 0
    data["practice_since"] = "2010-01-01"
    r = client.post(reverse("advisers:adviser_create"), data)
    a = Adviser.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("advisers:adviser_detail", args=[a.pk])


def test_appointment_and_work_entry_pages(people, login):
    a = lawyer(people.officer)
    client = login(people.officer)
    url = reverse("advisers:appointment_create", args=[a.pk])
    r = client.post(url, {"start": "2024-01-01", "end": "2028-01-01"})
    assert r.status_code == 400 and "单个聘期不得超过3年" in r.content.decode()
    r = client.post(url, {"start": "2024-01-01", "end": "2026-12-31", "agreement_ref": "HY-1"})
    assert r.status_code == 302 and Appointment.objects.count() == 1
    url = reverse("advisers:work_entry_create", args=[a.pk])
    r = client.post(url, {"kind": "negotiation", "date": "2023-01-01", "description": "谈判"})
    assert r.status_code == 400 and "不在法律顾问的聘期内" in r.content.decode()
    r = client.post(url, {"kind": "negotiation", "date": "2024-05-01", "description": "谈判"})
    assert r.status_code == 302 and WorkEntry.objects.count() == 1


def test_assessment_page_suggests_and_the_assessor_confirms(people, login):
    a = appointed(people.officer)
    client = login(people.leader)
    url = reverse("advisers:assessment_create", args=[a.pk])
    r = client.get(url + "?year=2024")
    assert r.status_code == 200 and "按工作记录建议" in r.content.decode()
    post = {"year": 2024, "score_workload": 25, "score_timeliness": 18, "score_quality": 28}
    r = client.post(url, post)
    assert r.status_code == 400 and Assessment.objects.count() == 0
    post["score_conduct"] = 19
    r = client.post(url, post)
    assert r.status_code == 302
    s = Assessment.objects.get()
    assert (s.total, s.grade, s.renew) == (90, "优秀", True)


def test_scheme_page_saves_and_refuses(people, login, tree):
    client = login(people.officer)
    url = reverse("advisers:scheme")
    assert "系统默认" in client.get(url).content.decode()
    bad = {
        "name": "海屿镇办法",
        "criteria": "工作量 50\n质量 40",
        "grades": "合格 60\n不合格 0",
        "renew_grades": "合格",
    }
    r = client.post(url, bad)
    assert r.status_code == 400 and "分值之和应为100分,现为90分" in r.content.decode()
    good = dict(bad, criteria="工作量 50 按工作量建议\n质量 50")
    assert client.post(url, good).status_code == 302
    s = services.scheme_for(tree.town_a)
    assert s.name == "海屿镇办法" and s.criteria[0]["source"] == "workload"


def test_export_has_three_sheets_and_is_audited(people, login):
    a = appointed(people.officer, user=people.adviser)
    services.work_entry_create(
        actor=people.officer,
        adviser=a,
        kind="consultation",
        date=date(2025, 1, 6),
        description="咨询",
        today=date(2025, 6, 1),
    )
    services.assessment_create(
        actor=people.leader, adviser=a, year=2024, scores=full_scores(), today=date(2025, 6, 1)
    )
    r = login(people.supervisor).get(reverse("advisers:adviser_export") + "?year=2025")
    assert r.status_code == 200
    wb = openpyxl.load_workbook(BytesIO(r.content))
    assert wb.sheetnames == ["顾问名册", "工作记录", "考核"]
    roster = list(wb["顾问名册"].values)
    assert roster[0][:3] == ("所属单位", "姓名", "类别") and roster[1][1] == "郑立言"
    assert roster[1][4] == "13301200910123456"
    work = list(wb["工作记录"].values)
    assert work[1][2] == 2025 and work[1][5] == 1  # one consultation
    assessments = list(wb["考核"].values)
    assert assessments[1][2] == 2024 and assessments[1][5] == "优秀" and assessments[1][6] == "续聘"
    event = AuditEvent.objects.get(verb="adviser.export")
    assert event.actor == people.supervisor and event.changes["count"] == 1
    # a junk year is refused with a message, nothing exported
    r = login(people.supervisor).get(reverse("advisers:adviser_export") + "?year=x")
    assert r.status_code == 302 and AuditEvent.objects.filter(verb="adviser.export").count() == 1


def test_transition_page_dismisses(people, login):
    a = lawyer(people.officer)
    client = login(people.officer)
    url = reverse("advisers:adviser_transition", args=[a.pk, "dismiss"])
    client.post(url, {"note": ""})
    a.refresh_from_db()
    assert a.status == "active"
    client.post(url, {"note": "合同期满"})
    a.refresh_from_db()
    assert a.status == "dismissed"


# --- API ------------------------------------------------------------------------------------


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_api_create_list_detail(people, login):
    client = login(people.officer)
    r = _post(
        client,
        "/api/v1/advisers",
        {
            "name": "郑立言",
            "kind": "lawyer",
            "institution": "海屿律师事务所",
            "licence_no": "13301200910123456",
            "practice_since": "2012-03-01",
            "user_id": people.adviser.pk,
        },
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = _post(
        client, f"/api/v1/advisers/{pk}/appointments", {"start": "2024-01-01", "end": "2026-12-31"}
    )
    assert r.status_code == 201 and r.json()["is_renewal"] is False
    r = _post(
        client,
        f"/api/v1/advisers/{pk}/work-entries",
        {"kind": "training", "date": "2025-01-10", "description": "普法讲座", "hours": "2"},
    )
    assert r.status_code == 201
    r = _post(
        login(people.leader),
        f"/api/v1/advisers/{pk}/assessments",
        {"year": 2024, "scores": full_scores(), "note": ""},
    )
    assert r.status_code == 201 and r.json()["grade"] == "优秀"
    r = login(people.supervisor).get("/api/v1/advisers?year=2025")
    item = r.json()["items"][0]
    assert r.json()["count"] == 1 and item["record"]["entries"] == {"training": 1}
    detail = client.get(f"/api/v1/advisers/{pk}").json()
    assert len(detail["appointments"]) == 1 and detail["assessments"][0]["year"] == 2024
    scheme = client.get("/api/v1/advisers/scheme").json()
    assert sum(c["weight"] for c in scheme["criteria"]) == 100


@pytest.mark.parametrize(
    "body, status, field",
    [
        (
            {
                "name": "甲",
                "kind": "lawyer",
                "institution": "律所",
                "licence_no": "123",
                "practice_since": "2010-01-01",
            },
            400,
            "licence_no",
        ),
        (
            {
                "name": "甲",
                "kind": "lawyer",
                "institution": "律所",
                "licence_no": "13301200910123456",
                "practice_since": "2024-01-01",
            },
            400,
            "practice_since",
        ),
        ({"name": "甲", "kind": "judge", "institution": "律所"}, 422, "kind"),
        ({"name": "甲", "kind": "expert", "institution": "律所", "extra": 1}, 422, "extra"),
        ({"name": "甲", "kind": "expert", "institution": "律所", "user_id": 2**70}, 422, "user_id"),
        ({"name": "甲\x00", "kind": "expert", "institution": "律所"}, 422, "name"),
    ],
)
def test_api_bad_create_input(people, login, body, status, field):
    client = login(people.officer)
    before = AuditEvent.objects.count()
    r = _post(client, "/api/v1/advisers", body)
    assert r.status_code == status, r.content
    assert field in r.json()["errors"]
    assert Adviser.objects.count() == 0 and AuditEvent.objects.count() == before


def test_api_assessment_refusals_are_400_json(people, login):
    a = appointed(people.officer)
    client = login(people.leader)
    url = f"/api/v1/advisers/{a.pk}/assessments"
    r = _post(client, url, {"year": 2024, "scores": {"workload": 30}})
    assert r.status_code == 400 and "每个考核项目都须评分" in r.json()["message"]
    r = _post(client, url, {"year": 2024, "scores": {"workload": "abc"}})
    assert r.status_code == 422
    r = _post(client, url, {"year": 2024, "scores": full_scores(workload="1e999")})
    assert r.status_code in (400, 422)
    assert Assessment.objects.count() == 0


def test_api_transition(people, login):
    a = lawyer(people.officer)
    client = login(people.officer)
    r = _post(client, f"/api/v1/advisers/{a.pk}/transitions/dismiss", {"note": ""})
    assert r.status_code == 400 and "须填写说明" in r.json()["message"]
    r = _post(client, f"/api/v1/advisers/{a.pk}/transitions/dismiss", {"note": "辞任"})
    assert r.status_code == 200 and r.json()["status"] == "dismissed"
    r = _post(client, f"/api/v1/advisers/{a.pk}/transitions/explode", {"note": "x"})
    assert r.status_code == 422
