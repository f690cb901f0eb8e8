"""The annual summary through the API: read it as the preview shows it (figures bound to
the records they count), edit one paragraph, approve, download the .docx; refusals are
Chinese JSON and write nothing; another town's summary is 404."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from fazhi.core.officedoc import text_of

from .conftest import YEAR, snapshot

pytestmark = pytest.mark.django_db
STUDY = "全年专题学习{0}次、部署会{1}次,实现领导干部述法全覆盖。"


def _as(user) -> Client:
    """A client of its own for each person (the `login` fixture shares one)."""
    client = Client()
    client.force_login(user)
    return client


def _url(tree, tail=""):
    return f"/api/v1/annual/{tree.town_a.pk}/{YEAR}{tail}"


def _patch(client, url, body):
    return client.patch(url, json.dumps(body), content_type="application/json")


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_read_edit_approve_and_download(fake, tree, people):
    officer = _as(people.officer)
    body = officer.get(_url(tree)).json()
    assert body["has_data"] and body["status"] == "draft" and body["version"] == 0
    study = next(p for p in body["paragraphs"] if p["key"] == "probe.study")
    assert "专题学习4次" in study["text"] and "{0}" in study["template"]
    assert study["facts"][0] == {"value": 4, "label": "专题学习", "url": "/leadership/?kind=study"}

    r = _patch(officer, _url(tree, "/paragraphs/probe.study"), {"text": STUDY})
    assert r.status_code == 200 and r.json()["version"] == 1
    edited = next(p for p in r.json()["paragraphs"] if p["key"] == "probe.study")
    assert edited["edited"] and "部署会3次,实现领导干部述法全覆盖" in edited["text"]

    leader = _as(people.leader)
    r = _post(leader, _url(tree, "/transitions/approve"), {"note": ""})
    assert r.status_code == 200 and r.json()["status"] == "approved"

    r = officer.get(_url(tree, "/docx"))
    assert r.status_code == 200 and "attachment" in r["Content-Disposition"]
    assert "全年专题学习4次、部署会3次,实现领导干部述法全覆盖。" in text_of(r.content)


def test_refusals_are_chinese_and_write_nothing(fake, tree, people):
    officer, leader = _as(people.officer), _as(people.leader)  # logging in is audited
    before = snapshot()
    # A bound figure typed over.
    r = _patch(officer, _url(tree, "/paragraphs/probe.study"), {"text": "全年专题学习9次。"})
    assert r.status_code == 400 and "数字" in r.json()["message"]
    # Only the leaders approve; the officer edits.
    r = _post(officer, _url(tree, "/transitions/approve"), {"note": ""})
    assert r.status_code == 403 and r.json()["message"]
    r = _patch(leader, _url(tree, "/paragraphs/probe.study"), {"text": STUDY})
    assert r.status_code == 403
    # No such paragraph, no such step, a year out of range.
    assert _patch(officer, _url(tree, "/paragraphs/nope"), {"text": STUDY}).status_code == 400
    assert _post(officer, _url(tree, "/transitions/explode"), {}).status_code == 422
    assert officer.get(f"/api/v1/annual/{tree.town_a.pk}/1899").status_code == 422
    # A year without data is not approved.
    r = _post(leader, f"/api/v1/annual/{tree.town_a.pk}/2019/transitions/approve",
              {"note": ""})  # fmt: skip
    assert r.status_code == 400 and r.json()["message"]
    assert snapshot() == before


def test_another_towns_summary_is_not_found(fake, tree, people):
    other = _as(people.officer_b)
    before = snapshot()
    assert other.get(_url(tree)).status_code == 404
    assert _patch(other, _url(tree, "/paragraphs/probe.study"), {"text": STUDY}).status_code == 404
    assert other.get(_url(tree, "/docx")).status_code == 404
    assert snapshot() == before
