"""重大行政决策's demo (made through the services, with the real participation service)
and the figures it yields."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.summary import collect
from fazhi.decisions import demo, services
from fazhi.decisions.deadlines import pending_items
from fazhi.decisions.models import Catalogue, Decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def demo_data(people, tree, on_day):
    on_day(date(2026, 6, 15))
    created = demo.load_app_demo()
    assert len(created) == 2
    return created


def test_demo_decisions(demo_data, people, tree):
    a = Decision.objects.get(title=demo.A_TITLE)
    b = Decision.objects.get(title=demo.B_TITLE)
    assert a.status == Decision.Status.ARCHIVED and a.catalogue.year == 2025
    assert all(g["missing"] is None for g in services.gate_report(a))
    from fazhi.participation.selectors import hearings_for

    assert [h.status for h in hearings_for(a)] == ["reported"]
    assert b.status == Decision.Status.LEGALITY_REVIEW and b.next_due > date(2026, 6, 15)
    assert Catalogue.objects.get(year=2026).status == Catalogue.Status.PUBLISHED
    assert b.next_due_label == "合法性审查到期"
    titles = [i.title for i in pending_items(people.officer, date(2026, 6, 15))]
    assert f"合法性审查到期:{demo.B_TITLE}" in titles
    assert demo.load_app_demo() == []  # idempotent


def test_demo_figures(demo_data, tree):
    last_year = {f.key: f for f in collect(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    five = last_year["decisions.five_procedures"]
    assert five.value == 1 and "全部履行的1项,占100.0%" in five.sentence
    this_year = {f.key: f for f in collect(tree.town_a, date(2026, 1, 1), date(2026, 6, 15))}
    assert "在办及办结重大行政决策1项" in this_year["decisions.five_procedures"].sentence
    assert "占0.0%" in this_year["decisions.five_procedures"].sentence


@pytest.mark.parametrize(
    "day",
    # New Year, Spring Festival, National Day and a story moved back over a holiday
    # (tests/core/test_demo_calendar.py sweeps every day of 2023–2027).
    [
        date(2024, 1, 2),
        date(2024, 2, 19),
        date(2024, 10, 8),
        date(2024, 11, 15),
        date(2025, 3, 3),
        date(2027, 1, 1),
    ],
)
def test_plan_holds_around_holidays(day):
    assert demo.plan_problems(day) == []


def test_demo_workbench_and_pages(demo_data, people, login):
    client = login(people.officer)
    page = client.get("/").content.decode()
    assert f"合法性审查到期:{demo.B_TITLE}" in page
    a = Decision.objects.get(title=demo.A_TITLE)
    detail = client.get(f"/decisions/{a.pk}/").content.decode()
    assert "林海峰" in detail and "已形成报告" in detail
    zipped = login(people.supervisor).get(f"/decisions/{a.pk}/archive.zip")
    assert zipped.status_code == 200 and zipped["Content-Type"] == "application/zip"
