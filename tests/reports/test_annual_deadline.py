"""The annual summary's deadline on the workbench: the year just ended's summary is due by
1 March (the next working day when that is a rest day), shown to the town's law office and
leaders until the leaders approve it, red once overdue; nobody else sees it."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.pending import collect
from fazhi.reports import deadlines, services
from fazhi.reports.deadlines import CATEGORY

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def _mine(user, today):
    return [i for i in collect(user, today) if i.category == CATEGORY]


def test_due_on_1_march_or_the_next_working_day():
    assert deadlines.due_date(2024) == date(2025, 3, 3)  # 1 March 2025 was a Saturday
    assert deadlines.due_date(2025) == date(2026, 3, 2)  # 1 March 2026 is a Sunday
    assert deadlines.due_date(2022) == date(2023, 3, 1)  # a Wednesday


def test_shown_to_the_law_office_and_leaders_until_approved(fake, tree, people):
    january = date(YEAR + 1, 1, 10)
    (item,) = _mine(people.officer, january)
    assert item.due == date(2024, 3, 1) and item.level == "info"
    assert item.unit == tree.town_a.name and f"/{tree.town_a.pk}/{YEAR}/" in item.url
    assert [i.unit for i in _mine(people.leader, january)] == [tree.town_a.name]
    assert _mine(people.officer, date(YEAR + 1, 3, 4))[0].level == "danger"  # overdue
    # Not the cadre's or the adviser's; the county supervisor's is the county's own.
    assert _mine(people.cadre, january) == [] and _mine(people.adviser, january) == []
    assert [i.unit for i in _mine(people.supervisor, january)] == [tree.county.name]
    services.report_step(actor=people.leader, unit=tree.town_a, year=YEAR, verb="approve")
    assert _mine(people.officer, january) == [] and _mine(people.leader, january) == []
