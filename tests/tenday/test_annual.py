"""tenday's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.core.models import User
from fazhi.tenday.annual import contribute
from tests.annual_lib import assert_facts_list_their_records, year_figures

pytestmark = pytest.mark.django_db


def test_the_demo_towns_tenday_contribution_states_its_ledgers(client, demo_county):
    """On the demo county as `fazhi demo` leaves it (2026-11-30)."""
    town = demo_county.town

    def client_logged_in():
        client.force_login(User.objects.get(username="officer"))
        return client

    c = contribute(town, 2025)
    text = {p.key: p.render() for p in c.points}
    problems = {p.key: p.render() for p in c.problems}
    assert text, "没有任何表述"
    figs = year_figures(town, 2025)
    b = figs["tenday.on_time_rate"].breakdown
    assert (
        f"全年报送{b['报送期数']}期,按时报送率{figs['tenday.on_time_rate'].value:g}%"
        in text["tenday.reports"]
    )
    assert b["逾期报送"] == 1 and "逾期报送1期" in problems["tenday.late"]
    assert assert_facts_list_their_records(client_logged_in(), c) >= 1
