"""The 法治单元 API: the same services and scoping as the pages, personal data masked,
refusals as the one Chinese error body with nothing written."""

from __future__ import annotations

import json

import pytest

from fazhi.core.models import AuditEvent
from fazhi.lawunits.models import RegistryEntry, VillageRules

from .conftest import UNLAWFUL_RULES, evidence_all, id_number, record

pytestmark = pytest.mark.django_db


def post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_rules_filed_through_the_api_carry_their_findings(people, tree, login):
    client = login(people.village_cadre)
    r = post(client, "/api/v1/lawunits/rules", {"org_unit_id": tree.village_a1.pk,
             "text": UNLAWFUL_RULES, "adopted_on": "2025-03-03"})  # fmt: skip
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["finding_count"] == 2
    assert {f["category_label"] for f in body["findings"]} == {
        "村规民约设定罚款、处罚",
        "歧视妇女、侵害外嫁女权益",
    }
    listed = client.get("/api/v1/lawunits/rules").json()
    assert listed["count"] == 1 and "text" not in listed["items"][0]


def test_rules_without_a_village_are_a_400_and_nothing_is_written(people, tree, login):
    client = login(people.officer)
    before = (VillageRules.objects.count(), AuditEvent.objects.count())
    r = post(client, "/api/v1/lawunits/rules",
             {"text": UNLAWFUL_RULES, "adopted_on": "2025-03-03"})  # fmt: skip
    assert r.status_code == 400
    assert r.json()["message"].startswith("请选择村(社区):村规民约由村民会议制定")
    assert (VillageRules.objects.count(), AuditEvent.objects.count()) == before


def test_a_registry_entry_outside_scope_is_a_403_and_nothing_is_written(people, tree, login):
    client = login(people.village_cadre)
    before = (RegistryEntry.objects.count(), AuditEvent.objects.count())
    r = post(client, "/api/v1/lawunits/registry",
             {"org_unit_id": tree.village_a2.pk, "unit_type": "legal_understander",
              "name": "王海", "id_number": id_number(4)})  # fmt: skip
    assert r.status_code == 403
    assert r.json()["message"] == "所选村(社区)不在您的管辖范围内,不能为其登记或报备"
    assert (RegistryEntry.objects.count(), AuditEvent.objects.count()) == before


def test_registry_entries_are_masked(people, tree, login):
    client = login(people.village_cadre)
    r = post(client, "/api/v1/lawunits/registry",
             {"org_unit_id": tree.village_a1.pk, "unit_type": "legal_understander",
              "name": "王海", "id_number": id_number(4), "phone": "13900001111"})  # fmt: skip
    assert r.status_code == 201, r.content
    item = client.get("/api/v1/lawunits/registry").json()["items"][0]
    assert item["name"] == "王*" and item["phone"] == "139****1111"
    assert item["id_number"].startswith("339") and id_number(4) not in json.dumps(item)


def test_a_record_is_declared_through_the_api(people, tree, login):
    rec = record(people, tree)
    client = login(people.village_cadre)
    r = post(client, f"/api/v1/lawunits/records/{rec.pk}/transitions/declare", {})
    assert r.status_code == 400 and "未上传佐证材料" in r.json()["message"]
    evidence_all(people.village_cadre, rec)
    r = post(client, f"/api/v1/lawunits/records/{rec.pk}/transitions/declare", {})
    assert r.status_code == 200 and r.json()["status_label"] == "申报"
    assert all(c["evidenced"] for c in r.json()["checklist"])
