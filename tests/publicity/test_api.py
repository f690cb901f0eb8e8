"""The 普法宣传 API: the same services, scoping and Chinese refusals as the pages."""

from __future__ import annotations

import pytest

from fazhi.publicity import services
from fazhi.publicity.models import Event

from .conftest import campaign, counts, option

pytestmark = pytest.mark.django_db


def _payload(town, **kw):
    return {
        "org_unit_id": town.pk,
        "campaign_id": campaign(town, "民法典宣传月").pk,
        "title": "民法典进渔村",
        "format_id": option(town, "送法进渔村").pk,
        "target_ids": [option(town, "进渔船").pk],
        "held_on": "2025-05-21",
        "place": "中心渔港",
        "organiser": "镇司法所",
        "audience": 60,
        **kw,
    }


def test_events_are_recorded_and_listed(people, configured, login):
    client = login(people.officer)
    response = client.post(
        "/api/v1/publicity/events", _payload(configured), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["theme"] == "民法典宣传月" and body["targets"] == ["进渔船"]
    listed = client.get("/api/v1/publicity/events", {"year": 2025}).json()
    assert listed["count"] == 1 and listed["items"][0]["audience"] == 60


def test_bad_events_are_refused_in_chinese(people, configured, login):
    client = login(people.officer)
    before = counts()
    r = client.post(
        "/api/v1/publicity/events",
        _payload(configured, audience=-1),
        content_type="application/json",
    )
    assert r.status_code == 400 and "受众人数须为不小于0的整数" in r.json()["message"]
    r = client.post(
        "/api/v1/publicity/events",
        _payload(configured, held_on="2025-04-30"),
        content_type="application/json",
    )
    assert r.status_code == 400 and "早于主题宣传活动" in r.json()["message"]
    assert counts() == before and Event.objects.count() == 0


def test_pushes_with_their_reading_rate(people, configured, login):
    case = services.case_create(
        actor=people.officer, title="案", facts="f", law_applied="l", lesson="s"
    )
    client = login(people.officer)
    r = client.post("/api/v1/publicity/case-pushes", {"case_id": case.pk, "recipient_ids": [people.cadre.pk, people.village_cadre.pk]},
                    content_type="application/json")  # fmt: skip
    assert r.status_code == 201 and r.json()["recipient_count"] == 2
    from fazhi.publicity.models import CasePush

    services.casepush_read(actor=people.cadre, push=CasePush.objects.get())
    listed = client.get("/api/v1/publicity/case-pushes").json()
    assert listed["items"][0]["read_rate"] == 50.0
    detail = client.get(f"/api/v1/publicity/case-pushes/{r.json()['id']}").json()
    assert {x["recipient_id"]: bool(x["read_at"]) for x in detail["receipts"]} == {
        people.cadre.pk: True,
        people.village_cadre.pk: False,
    }
