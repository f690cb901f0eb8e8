"""督查整改 API: the same loop as the pages, bad input as 4xx JSON in Chinese (never a
500), other towns as 404."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.inspections.models import Inspection
from tests.permission_lib import _png

from .conftest import snapshot

pytestmark = pytest.mark.django_db

API = "/api/v1"


def post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def create_payload(tree, **kw):
    return {
        "org_unit_id": tree.town_a.pk,
        "kind": "county_special",
        "title": "专项督查",
        "topic": "documents",
        "started_on": "2025-03-03",
        **kw,
    }


def test_the_whole_loop_through_the_api(people, tree, login):
    sup = login(people.supervisor)
    r = post(sup, f"{API}/inspections", create_payload(tree))
    assert r.status_code == 201, r.content
    inspection = r.json()
    assert inspection["status"] == "in_progress" and inspection["conducted_by"] == "示范县"
    iid = inspection["id"]
    r = post(
        sup,
        f"{API}/inspections/{iid}/findings",
        {"description": "未备案", "basis": "备案规定", "owner_id": people.cadre.pk},
    )
    assert r.status_code == 201, r.content
    fid = r.json()["id"]
    assert r.json()["deadline"] and r.json()["status_label"] == "待整改"
    assert post(sup, f"{API}/inspections/{iid}/transitions/issue", {}).status_code == 200

    # The owner uploads the evidence through the API and submits, never opening a page.
    cadre = login(people.cadre)
    r = post(
        cadre, f"{API}/inspection-findings/{fid}/transitions/submit", {"rectification": "已补报"}
    )
    assert r.status_code == 400 and "整改须附佐证材料" in r.json()["message"]
    record = f"inspections.finding:{fid}"
    photo = SimpleUploadedFile("备案回执.png", _png(), content_type="image/png")
    r = cadre.post(f"{API}/attachments", {"record": record, "file": photo})
    assert r.status_code == 201, r.content
    assert r.json()["name"] == "备案回执.png" and r.json()["record"] == record
    r = cadre.get(f"{API}/attachments", {"record": record})
    assert r.status_code == 200 and r.json()["count"] == 1
    r = post(
        cadre, f"{API}/inspection-findings/{fid}/transitions/submit", {"rectification": "已补报"}
    )
    assert r.status_code == 200 and r.json()["status"] == "submitted"
    # Submitted evidence is the record of what was done: it can no longer be deleted.
    attachment_id = cadre.get(f"{API}/attachments", {"record": record}).json()["items"][0]["id"]
    r = cadre.delete(f"{API}/attachments/{attachment_id}")
    assert r.status_code == 400 and "整改佐证材料不能删除" in r.json()["message"]

    sup = login(people.supervisor)
    r = post(sup, f"{API}/inspections/{iid}/transitions/complete", {})
    assert r.status_code == 400 and "未整改销号" in r.json()["message"]
    r = post(sup, f"{API}/inspection-findings/{fid}/transitions/close", {})
    assert r.status_code == 200 and r.json()["status_label"] == "已销号"
    assert [s["label"] for s in r.json()["timeline"]] == ["记录问题", "提交整改", "审核销号"]
    r = post(sup, f"{API}/inspections/{iid}/transitions/complete", {})
    assert r.status_code == 200 and r.json()["conclusion_label"] == "发现问题"

    r = sup.get(f"{API}/inspections", {"kind": "county_special", "year": 2025})
    assert r.json()["count"] == 1
    assert r.json()["items"][0]["finding_count"] == 1 and r.json()["items"][0]["open_count"] == 0
    assert sup.get(f"{API}/inspections", {"year": 2024}).json()["count"] == 0


@pytest.mark.parametrize(
    "payload, status, field",
    [
        ({"kind": "weekly"}, 422, "kind"),
        ({"topic": ""}, 422, "topic"),
        ({"title": ""}, 422, "title"),
        ({"started_on": "2025-13-01"}, 422, "started_on"),
        ({"org_unit_id": 0}, 422, "org_unit_id"),
        ({"org_unit_id": 2**70}, 422, "org_unit_id"),
        ({"extra": 1}, 422, "extra"),
        ({"title": "a\x00b"}, 422, "title"),
    ],
)
def test_bad_inspection_input_is_a_4xx_with_the_field(people, tree, login, payload, status, field):
    r = post(login(people.supervisor), f"{API}/inspections", create_payload(tree, **payload))
    assert r.status_code == status, r.content
    assert field in r.json()["errors"]
    assert Inspection.objects.count() == 0


def test_refusals_through_the_api(people, tree, login, inspection):
    sup = login(people.supervisor)
    before = snapshot(inspection)
    r = post(sup, f"{API}/inspections/{inspection.pk}/transitions/complete", {})
    assert r.status_code == 400 and "未发现需整改问题" in r.json()["message"]
    r = post(sup, f"{API}/inspections/{inspection.pk}/transitions/issue", {})
    assert r.status_code == 400 and "未记录任何问题" in r.json()["message"]
    r = post(
        sup,
        f"{API}/inspections/{inspection.pk}/findings",
        {
            "description": "x",
            "basis": "y",
            "owner_id": people.officer_b.pk,
            "deadline": "2025-04-01",
        },
    )
    assert r.status_code == 400 and "owner" in r.json()["errors"]
    r = post(
        sup,
        f"{API}/inspections/{inspection.pk}/findings",
        {"description": "x", "basis": "y", "owner_id": 999999},
    )
    assert r.status_code == 400 and "owner_id" in r.json()["errors"]
    r = post(
        sup,
        f"{API}/inspections/{inspection.pk}/findings",
        {"description": "x", "basis": "y", "owner_id": people.cadre.pk, "deadline": "2025-01-01"},
    )
    assert r.status_code == 400 and "整改期限不能早于督查开始日期" in r.json()["message"]
    r = post(sup, f"{API}/inspections/{inspection.pk}/transitions/delete", {})
    assert r.status_code == 422
    r = post(
        sup,
        f"{API}/inspections/{inspection.pk}/transitions/complete",
        {"conclusion": "perhaps"},
    )
    assert r.status_code == 422 and "conclusion" in r.json()["errors"]
    assert snapshot(inspection) == before


def test_other_towns_and_counties_get_404(people, tree, login, inspection):
    for who in ("officer_b", "other_supervisor"):
        client = login(getattr(people, who))
        assert client.get(f"{API}/inspections/{inspection.pk}").status_code == 404
        assert client.get(f"{API}/inspections").json()["count"] == 0
    r = post(login(people.other_supervisor), f"{API}/inspections", create_payload(tree))
    assert r.status_code == 404 and Inspection.objects.count() == 1
    assert login(people.officer).get(f"{API}/inspections/999999").status_code == 404
