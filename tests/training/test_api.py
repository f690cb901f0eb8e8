"""The 案例实景式教学 API: the whole loop, refusals as Chinese JSON that change nothing, and
evaluations shown only to those who may read them."""

from __future__ import annotations

import json

import pytest

from fazhi.training.models import Participant, Session

from .conftest import DAY, snapshot

pytestmark = pytest.mark.django_db


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_whole_loop_through_the_api(people, login, on_day):
    client = login(people.officer)
    r = _post(client, "/api/v1/training/cases", {
        "title": "群体讨薪", "case_type": "劳资纠纷", "facts": "40余人讨薪。",
        "roles": ["务工人员代表", "企业负责人", "调解员"],
        "legal_points": "《保障农民工工资支付条例》第十一条", "model_handling": "1.稳控;2.调解",
    })  # fmt: skip
    assert r.status_code == 201, r.content
    case_id = r.json()["id"]
    assert r.json()["roles"] == ["务工人员代表", "企业负责人", "调解员"]
    r = _post(client, "/api/v1/training/sessions", {
        "case_id": case_id, "held_on": DAY.isoformat(), "place": "镇会议室",
        "host_id": people.officer.pk,
    })  # fmt: skip
    assert r.status_code == 201, r.content
    sid = r.json()["id"]
    r = _post(client, f"/api/v1/training/sessions/{sid}/participants",
              {"user_id": people.grid_worker.pk, "role": "调解员"})  # fmt: skip
    assert r.status_code == 201 and r.json()["participants"][0]["role"] == "调解员"
    pid = r.json()["participants"][0]["id"]
    before = snapshot()
    r = _post(client, f"/api/v1/training/sessions/{sid}/transitions/hold", {})
    assert r.status_code == 400 and "尚未到举行日期" in r.json()["message"]
    assert snapshot() == before
    on_day(DAY)
    client = login(people.officer)
    assert _post(client, f"/api/v1/training/sessions/{sid}/transitions/hold", {}).status_code == 200
    r = _post(client, f"/api/v1/training/participants/{pid}/evaluation", {"rating": "improve"})
    assert r.status_code == 400 and r.json()["errors"]["comment"]
    r = _post(client, f"/api/v1/training/participants/{pid}/evaluation",
              {"rating": "improve", "comment": "程序不熟"})  # fmt: skip
    assert r.json()["participants"][0]["rating_label"] == "需改进"
    r = _post(client, f"/api/v1/training/sessions/{sid}/transitions/evaluate", {"lessons": "总结"})
    assert r.status_code == 200 and r.json()["status"] == "evaluated"
    # The participant sees their own evaluation, a colleague does not.
    mine = login(people.grid_worker).get("/api/v1/training/my-sessions").json()
    assert mine[0]["role"] == "调解员" and mine[0]["rating_label"] == "需改进"
    other = login(people.cadre).get(f"/api/v1/training/sessions/{sid}").json()
    assert (
        other["participants"][0]["rating"] is None and other["participants"][0]["comment"] is None
    )
    lead = login(people.leader).get(f"/api/v1/training/sessions/{sid}").json()
    assert lead["participants"][0]["rating"] == "improve"


def test_refusals_are_chinese_and_write_nothing(people, session, login):
    client = login(people.officer)
    before = snapshot(session)
    r = _post(client, f"/api/v1/training/sessions/{session.pk}/participants",
              {"user_id": people.resident.pk, "role": "信访人"})  # fmt: skip
    assert r.status_code == 400 and "参训人员须为海屿镇的工作人员" in r.json()["message"]
    assert "user_id" in r.json()["errors"]
    r = _post(client, f"/api/v1/training/sessions/{session.pk}/participants",
              {"user_id": people.cadre.pk, "role": "法官"})  # fmt: skip
    assert r.status_code == 400 and "不是案例" in r.json()["message"]
    r = _post(client, "/api/v1/training/cases", {
        "title": "x", "case_type": "交通事故", "facts": "x", "roles": ["a"],
        "legal_points": "x", "model_handling": "x",
    })  # fmt: skip
    assert r.status_code == 400 and "不在本地案例类型中" in r.json()["message"]
    assert snapshot(session) == before
    assert Participant.objects.count() == 0 and Session.objects.count() == 1


def test_lists_filter_by_warning(people, session, login, on_day):
    on_day(DAY.replace(day=20))
    client = login(people.officer)
    r = client.get("/api/v1/training/sessions", {"warning": "hold_overdue"}).json()
    assert [s["id"] for s in r["items"]] == [session.pk] and r["count"] == 1
    assert (
        client.get("/api/v1/training/sessions", {"warning": "evaluation_pending"}).json()["count"]
        == 0
    )
    assert client.get("/api/v1/training/cases", {"q": "征地"}).json()["count"] == 1
