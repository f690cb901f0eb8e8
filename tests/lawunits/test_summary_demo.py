"""法治单元's demo (made through the services, on the demo county alone) and the figures,
annual contribution and workbench items it yields."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.core import demo as core_demo
from fazhi.core.models import OrgUnit, User
from fazhi.lawunits import annual, deadlines, demo
from fazhi.lawunits.models import VillageRecord, VillageRules
from fazhi.lawunits.summary import figures

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 30)


@pytest.fixture
def island(on_day, monkeypatch, settings, tmp_path):
    """The demo county with this app's demo only (the other apps' demos are theirs)."""
    settings.MEDIA_ROOT = tmp_path
    on_day(TODAY)
    monkeypatch.setattr(core_demo, "app_hooks", lambda module, attr: [])
    core_demo.load_demo()
    started = time.monotonic()
    created = demo.load_app_demo()
    elapsed = time.monotonic() - started
    assert created, "the demo made nothing"
    return OrgUnit.objects.get(code=core_demo.ISLAND_TOWN_CODE), elapsed


def test_the_demo_is_fast_and_idempotent(island):
    _, elapsed = island
    # About 3 s on SQLite; 20 s on PostgreSQL with the machine's load at 16 (six helpers).
    assert elapsed < 40
    assert demo.load_app_demo() == []


def test_last_years_figures_state_what_the_demo_holds(island):
    town, _ = island
    figs = {f.key: f for f in figures(town, date(2025, 1, 1), date(2025, 12, 31))}
    assert figs["lawunits.rate_city"].sentence == "全镇市级民主法治村创建率100%"
    assert figs["lawunits.rate_county"].value == 100.0
    assert figs["lawunits.rate_province"].value == 0.0
    assert (
        figs["lawunits.proposed_province"].sentence
        == "渔港社区、东岙村被列入省级民主法治村拟命名名单"
    )
    assert figs["lawunits.short_understanders"].sentence == "1个行政村法律明白人不足3名(北礁村)"
    assert figs["lawunits.registry"].breakdown["法治民宿"] == 2
    assert figs["lawunits.registry"].sentence.startswith("培育法律明白人")
    assert figs["lawunits.rules"].sentence == "7个村(社区)村规民约报镇备案7件,督促改正违法条款1件"


def test_the_annual_contribution_states_the_seed_sentence(island):
    town, _ = island
    c = annual.contribute(town, 2025)
    creation = next(p for p in c.points if p.key == "lawunits.creation")
    assert creation.chapter == "publicity"
    assert creation.render() == (
        "2025年进一步推进全镇村社民主法治村建设,渔港社区、东岙村被列入省级民主法治村拟命名名单,"
        "全镇市级民主法治村创建率100%"
    )
    assert creation.facts[1].url == "/lawunits/?tier=city&status=named"
    registry = next(p for p in c.points if p.key == "lawunits.registry")
    assert "法治民宿2家" in registry.render()
    problems = {p.key: p.render() for p in c.problems}
    assert problems["lawunits.short_understanders"].startswith("1个行政村法律明白人不足3名(北礁村)")
    # This year's returned revision of 东岙村 is still being corrected.
    assert problems["lawunits.uncorrected_rules"] == "1件村规民约退回改正后尚未重新报备"


def test_the_workbench_shows_the_correction_loop(island):
    vcadre = User.objects.get(username="vcadre")
    officer = User.objects.get(username="officer")
    mine = deadlines.pending_items(vcadre, TODAY)
    assert [i.category for i in mine] == ["村规民约改正"]
    assert mine[0].due > TODAY
    assert "审查村规民约" in deadlines.pending_items(officer, TODAY)[-1].title
    assert VillageRules.objects.filter(status="filed").count() == 1
    assert VillageRecord.objects.filter(tier="province", status="proposed").count() == 2


def test_the_figures_appear_in_the_api(island, login):
    town, _ = island
    officer = User.objects.get(username="officer")
    r = login(officer).get(f"/api/v1/figures?unit_id={town.pk}&year=2025")
    assert r.status_code == 200, r.content
    mine = {f["key"]: f for f in r.json()["figures"] if f["key"].startswith("lawunits.")}
    assert mine["lawunits.rate_city"]["sentence"] == "全镇市级民主法治村创建率100%"
    assert mine["lawunits.short_understanders"]["value"] == 1
