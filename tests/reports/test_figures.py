"""数据汇总: every app's figures for a town or county and a year, in the page and the API."""

from __future__ import annotations

import pytest
from django.utils import timezone

from fazhi.core.params import parameter_set
from fazhi.core.summary import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_figure(monkeypatch):
    """A stand-in provider, so the assembly is tested apart from any one app's counts."""

    def figures(unit, start, end):
        return [
            Figure(
                key="probe.count",
                label="探测指标",
                value=len(unit.code),
                sentence=f"{unit.name}{start.year}年探测{len(unit.code)}件",
                section="依法行政",
            )
        ]

    monkeypatch.setattr("fazhi.core.summary.app_hooks", lambda module, attr: iter([figures]))


def test_the_api_gives_each_figure_with_its_sentence_for_the_town_and_year(
    one_figure, tree, people, login
):
    client = login(people.officer)
    body = client.get(f"/api/v1/figures?unit_id={tree.town_a.pk}&year=2025").json()
    assert body["unit_name"] == "海屿镇" and body["year"] == 2025
    assert body["figures"][0]["sentence"] == "海屿镇2025年探测9件"


def test_a_unit_outside_ones_scope_or_a_bad_query_is_refused(one_figure, tree, people, login):
    client = login(people.officer)
    assert client.get(f"/api/v1/figures?unit_id={tree.town_b.pk}").status_code == 404
    assert client.get(f"/api/v1/figures?unit_id={tree.village_a1.pk}").status_code == 404
    bad = client.get("/api/v1/figures?unit_id=abc")
    assert bad.status_code == 422 and bad.json()["errors"]["unit_id"]


def test_the_county_supervisor_sees_the_county_and_can_pick_a_town(one_figure, tree, people, login):
    client = login(people.supervisor)
    page = client.get("/figures/").content.decode()
    assert f"示范县{timezone.localdate().year}年探测6件" in page
    assert "青山镇" in page  # the town picker
    town = client.get(f"/figures/?unit={tree.town_a.pk}&year=2024").content.decode()
    assert "海屿镇2024年探测9件" in town


@pytest.fixture
def growing(monkeypatch):
    """A stand-in provider whose count grows by one each time it is really counted (a new
    record in between), so a page can show whether it counted or reused."""
    calls = []

    def figures(unit, start, end):
        calls.append(unit.pk)
        n = len(calls)
        return [Figure(key="probe.n", label="探测", value=n, sentence=f"{unit.name}探测{n}件")]

    monkeypatch.setattr("fazhi.core.summary.app_hooks", lambda module, attr: iter([figures]))
    return calls


def test_the_countys_figures_are_reused_for_minutes_and_recounted_on_request(
    growing, tree, people, login
):
    client = login(people.supervisor)
    first = client.get("/figures/").content.decode()
    assert "示范县探测1件" in first and "全县数据截至" in first and "重新统计" in first
    assert "示范县探测1件" in client.get("/figures/").content.decode()  # reused, not counted
    api = client.get(f"/api/v1/figures?unit_id={tree.county.pk}").json()
    assert api["figures"][0]["value"] == 1 and api["counted_at"]
    fresh = client.get("/figures/?fresh=1").content.decode()
    assert "示范县探测2件" in fresh
    assert (
        client.get(f"/api/v1/figures?unit_id={tree.county.pk}&fresh=true").json()["figures"][0][
            "value"
        ]
        == 3
    )


def test_a_towns_figures_are_reused_for_a_minute_and_recounted_on_request(
    growing, tree, people, login
):
    client = login(people.officer)
    first = client.get("/figures/").content.decode()
    assert "海屿镇探测1件" in first and "本镇数据截至" in first and "1分钟内复用" in first
    assert "海屿镇探测1件" in client.get("/figures/").content.decode()  # reused, not counted
    assert client.get(f"/api/v1/figures?unit_id={tree.town_a.pk}").json()["counted_at"]
    assert "海屿镇探测2件" in client.get("/figures/?fresh=1").content.decode()


def test_a_town_that_sets_no_reuse_counts_live_every_time(growing, tree, people, login):
    parameter_set(
        actor=people.supervisor, unit=tree.town_a, key="core.town_snapshot_minutes", raw_value="0"
    )
    client = login(people.officer)
    assert "海屿镇探测1件" in client.get("/figures/").content.decode()
    page = client.get("/figures/").content.decode()
    assert "海屿镇探测2件" in page and "数据截至" not in page
    assert client.get(f"/api/v1/figures?unit_id={tree.town_a.pk}").json()["counted_at"] is None
