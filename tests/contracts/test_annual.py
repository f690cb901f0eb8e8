"""contracts's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.contracts.annual import contribute
from fazhi.core.models import User
from tests.annual_lib import assert_facts_list_their_records, year_figures

pytestmark = pytest.mark.django_db


def test_the_demo_towns_contracts_contribution_states_its_ledgers(client, demo_county):
    """On the demo county as `fazhi demo` leaves it (2026-11-30)."""
    town = demo_county.town

    def client_logged_in():
        client.force_login(User.objects.get(username="officer"))
        return client

    c = contribute(town, 2025)
    text = {p.key: p.render() for p in c.points}
    assert all(p.facts and not p.chapter for p in c.problems)  # each problem states a figure
    assert text, "没有任何表述"
    figs = year_figures(town, 2025)
    n = figs["contracts.agreements_reviewed"].value
    # Last year's agreements were reviewed offline and registered: the sentence says so,
    # which is why the 合法性审核 figure (reviews concluded in fazhi) counts none of them.
    assert f"今年审核行政协议{n}件(均为线下审核后登记签订)" in text["contracts.review"]
    assert figs["reviews.concluded"].breakdown["行政协议"] == 0
    c2026 = contribute(town, 2026)
    t2026 = c2026.points[0].render()
    assert (
        f"今年审核行政协议{year_figures(town, 2026)['contracts.agreements_reviewed'].value}件(均经本平台合法性审核)"
        in t2026
    )
    assert any(p.key == "contracts.payments_overdue" for p in c2026.problems)
    assert assert_facts_list_their_records(client_logged_in(), c2026) >= 3
    assert assert_facts_list_their_records(client_logged_in(), c) >= 2
