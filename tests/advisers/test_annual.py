"""advisers's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.advisers.annual import contribute
from fazhi.core.models import User
from tests.annual_lib import assert_facts_list_their_records

pytestmark = pytest.mark.django_db


def test_the_demo_towns_advisers_contribution_states_its_ledgers(client, demo_county):
    """On the demo county as `fazhi demo` leaves it (2026-11-30)."""
    town = demo_county.town

    def client_logged_in():
        client.force_login(User.objects.get(username="officer"))
        return client

    c = contribute(town, 2025)
    text = {p.key: p.render() for p in c.points}
    assert all(p.facts and not p.chapter for p in c.problems)  # each problem states a figure
    assert text, "没有任何表述"
    assert "聘请法律顾问2名" in text["advisers.mechanism"]
    assert "对2名法律顾问完成年度考核(优秀1名、合格1名)" in text["advisers.mechanism"]
    assert "《法律顾问年度考核办法》" in text["advisers.mechanism"]
    assert assert_facts_list_their_records(client_logged_in(), c) >= 2
