"""earlywarning's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.core.models import User
from fazhi.earlywarning.annual import contribute
from tests.annual_lib import assert_facts_list_their_records, year_figures

pytestmark = pytest.mark.django_db


def test_the_demo_towns_earlywarning_contribution_states_its_ledgers(client, demo_county):
    """On the demo county as `fazhi demo` leaves it (2026-11-30)."""
    town = demo_county.town

    def client_logged_in():
        client.force_login(User.objects.get(username="officer"))
        return client

    c = contribute(town, 2026)
    text = {p.key: p.render() for p in c.points}
    problems = {p.key: p.render() for p in c.problems}
    assert text, "没有任何表述"
    figs = year_figures(town, 2026)
    b = figs["earlywarning.raised"].breakdown
    assert (
        f"全年研判预警{figs['earlywarning.raised'].value}条,其中红色预警{b['红色']}条、黄色预警{b['黄色']}条"
        in text["earlywarning.raised"]
    )
    assert "1条红色预警尚未解除" in problems["earlywarning.red_active"]
    assert assert_facts_list_their_records(client_logged_in(), c) >= 4
