"""documents's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.core.models import User
from fazhi.documents.annual import contribute
from tests.annual_lib import assert_facts_list_their_records, year_figures

pytestmark = pytest.mark.django_db


def test_the_demo_towns_documents_contribution_states_its_ledgers(client, demo_county):
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
    assert f"今年审核行政规范性文件{figs['documents.reviewed'].value}件" in text["documents.review"]
    assert (
        "《海屿镇渔船避风停泊管理规定》《海屿镇海岸带保护管理办法》2件" in text["documents.review"]
    )
    assert "1件行政规范性文件被退回补正" in problems["documents.returned"]
    assert assert_facts_list_their_records(client_logged_in(), c) >= 5
