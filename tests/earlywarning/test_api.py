"""The 社会矛盾预警 API: the scoped list red first, one warning with factors and timeline,
respond / dismiss through the same services (Chinese refusals, nothing written), and
立即研判 for the town's law officer."""

from __future__ import annotations

import json

import pytest

from fazhi.earlywarning import params as P
from fazhi.earlywarning.models import EarlyWarning
from fazhi.earlywarning.services import evaluate

from .conftest import DAY, green, red, snapshot, yellow

pytestmark = pytest.mark.django_db
BASE = "/api/v1/early-warnings"


@pytest.fixture
def warnings(tree, provider, on_day):
    on_day(DAY)
    provider.offer(yellow(tree.village_a1, 1), red(tree.grid_a1, 2), green(tree.village_a2, 3),
                   red(tree.village_b1, 4))  # fmt: skip
    evaluate(None, DAY)
    return {w.subject_pk: w for w in EarlyWarning.objects.all()}


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_list_and_detail(people, tree, warnings, login):
    client = login(people.leader)
    body = client.get(BASE).json()
    assert body["count"] == 3 and [i["subject_pk"] for i in body["items"]] == [2, 1, 3]
    assert (
        body["items"][0]["colour_label"] == "红色" and body["items"][0]["org_unit"] == "东岙一网格"
    )
    assert client.get(BASE, {"colour": "green"}).json()["count"] == 1
    assert client.get(BASE, {"unit_id": tree.village_b1.pk}).status_code == 404
    assert client.get(BASE, {"colour": "blue"}).status_code == 422
    detail = client.get(f"{BASE}/{warnings[2].pk}").json()
    assert detail["score"] == 75 and {f["key"] for f in detail["factors"]} == {"category", "words"}
    assert (
        detail["timeline"][0]["label"] == "生成红色预警"
        and detail["timeline"][0]["actor"] == "系统"
    )
    assert client.get(f"{BASE}/{warnings[4].pk}").status_code == 404


def test_respond_and_dismiss(people, warnings, login):
    client = login(people.leader)
    w = warnings[2]
    r = _post(client, f"{BASE}/{w.pk}/transitions/respond",
              {"who": "林镇长", "measures": "包案稳控", "on": "2025-06-16"})  # fmt: skip
    assert r.status_code == 200 and r.json()["status"] == "responded"
    assert r.json()["response_measures"] == "包案稳控"
    y = warnings[1]
    client = login(people.officer)
    before = snapshot(y)
    r = _post(client, f"{BASE}/{y.pk}/transitions/dismiss", {"reason": ""})
    assert r.status_code == 400 and r.json()["message"] == P.DISMISS_NEEDS_REASON
    assert snapshot(y) == before
    r = _post(client, f"{BASE}/{y.pk}/transitions/dismiss", {"reason": "经核实系误报"})
    assert r.status_code == 200 and r.json()["dismissed_reason"] == "经核实系误报"
    r = _post(client, f"{BASE}/{y.pk}/transitions/resolve", {})
    assert r.status_code == 422  # system steps are not offered


def test_evaluate_now(people, tree, provider, login, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1))
    r = _post(login(people.officer), f"{BASE}/evaluate", {})
    assert r.status_code == 200 and r.json()["raised"] == 1
    assert "新生成1条" in r.json()["lines"][0]
    r = _post(login(people.leader), f"{BASE}/evaluate", {})
    assert r.status_code == 403 and "法治办" in r.json()["message"]


def test_a_nul_in_the_search_is_a_field_error(people, warnings, login):
    r = login(people.leader).get(BASE, {"q": "拆\x00迁"})
    assert r.status_code == 400 and "q" in r.json()["errors"]
