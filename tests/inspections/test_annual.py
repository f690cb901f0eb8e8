"""inspections's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.core.models import User
from fazhi.inspections.annual import contribute
from tests.annual_lib import assert_facts_list_their_records

pytestmark = pytest.mark.django_db


def test_the_demo_towns_inspections_contribution_states_its_ledgers(client, demo_county):
    """On the demo county as `fazhi demo` leaves it (2026-11-30)."""
    town = demo_county.town

    def client_logged_in():
        client.force_login(User.objects.get(username="officer"))
        return client

    c = contribute(town, 2026)
    text = {p.key: p.render() for p in c.points}
    problems = {p.key: p.render() for p in c.problems}
    assert text, "没有任何表述"
    # The county's special inspection of this year, in the seed's words, and its outcome.
    assert (
        "按照县委全面依法治县办《关于开展行政规范性文件和行政协议管理情况专项督查的通知》有关要求积极配合"
        in text["inspections.outcome"]
    )
    assert "发现问题3个,已整改销号2个,正在整改1个" in text["inspections.outcome"]
    assert "开展自查1次,未发现需整改问题" in text["inspections.outcome"]
    assert "1个问题正在整改(行政协议台账未及时更新" in problems["inspections.open"]
    assert assert_facts_list_their_records(client_logged_in(), c) >= 5
