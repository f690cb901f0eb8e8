"""公众参与's API: the public reads need no token and mask personal data; answering goes
through the same service and its refusals."""

from __future__ import annotations

import json

from fazhi.core import clock
from fazhi.participation.models import Answer, Comment, Consultation

from .conftest import DAY, comment


def test_public_detail_without_a_token_is_masked(client, people, consultation):
    comment(people, consultation, body="请回电13905801401")
    with clock.pinned(DAY):
        r = client.get(f"/api/v1/participation/public/consultations/{consultation.pk}")
        listing = client.get("/api/v1/participation/public/consultations")
    assert r.status_code == 200 and listing.json()["count"] == 1
    data = r.json()
    assert data["paragraphs"][3]["label"] == "第三条"
    [c] = data["comments"]
    assert c["body"] == "请回电139****1401" and c["who"].endswith("*") and c["outcome"] is None


def test_answer_through_the_api(login, people, consultation):
    c = comment(people, consultation)
    client = login(people.officer)
    url = f"/api/v1/participation/consultations/{consultation.pk}/answers"
    body = {"comment_ids": [c.pk], "outcome": "adopted", "reason": ""}
    r = client.post(url, json.dumps(body), content_type="application/json")
    assert r.status_code == 400 and "答复须写明理由" in r.json()["message"]
    assert not Answer.objects.exists()
    body["reason"] = "已采纳"
    r = client.post(url, json.dumps(body), content_type="application/json")
    assert r.status_code == 201 and r.json()["comments"][0]["outcome"] == "采纳"


def test_public_detail_pages_its_comments(client, people, consultation):
    for i in range(60):  # past the hourly rate limit: the rows themselves
        Comment.objects.create(
            consultation=consultation, org_unit=consultation.org_unit, body=f"第{i}条意见",
            author_name="王", channel="online", entered_by=people.officer,
        )  # fmt: skip
    Consultation.objects.filter(pk=consultation.pk).update(comment_count=60)
    url = f"/api/v1/participation/public/consultations/{consultation.pk}"
    with clock.pinned(DAY):
        first = client.get(url).json()
        rest = client.get(url, {"comments_offset": 50}).json()
        bad = client.get(url, {"comments_limit": 0})
    assert first["comment_count"] == 60 and len(first["comments"]) == 50
    assert [c["body"] for c in rest["comments"]] == [f"第{i}条意见" for i in range(50, 60)]
    assert bad.status_code == 422
