"""tasks's part of the annual summary on the demo town: its points state what the
demo's ledgers hold, and every number links to a list of exactly the records it counts."""

from __future__ import annotations

import pytest

from fazhi.core.models import User
from fazhi.tasks.annual import contribute
from tests.annual_lib import assert_facts_list_their_records, year_figures

pytestmark = pytest.mark.django_db


def test_the_demo_towns_tasks_contribution_states_its_ledgers(client, demo_county):
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
    due, done = figs["tasks.due"].value, figs["tasks.done"].value
    assert (
        f"全年将{due}项工作任务分解落实到7个村社及站所中心,已完成{done}项"
        in text["tasks.breakdown"]
    )
    overdue = figs["tasks.overdue"].value
    assert overdue == 2 and f"{overdue}项工作任务逾期未完成(东岙村" in problems["tasks.overdue"]
    # Next year's plan items are 三、下一年度工作思路, in the plan's order.
    assert [p.key for p in c.next_year][:2] == ["tasks.next.1", "tasks.next.2"]
    assert "民主法治村" in c.next_year[1].render()
    assert assert_facts_list_their_records(client_logged_in(), c) >= 4
