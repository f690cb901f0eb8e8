"""`fazhi demo --today D` loads the whole demo on the calendar's hardest days, on both
databases, with last year's figures complete (issue 17). The plan of every other day is
swept without a database in test_demo_calendar.py."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from fazhi.core.deadlines import is_workday
from fazhi.core.demo import ISLAND_TOWN_CODE
from fazhi.core.models import AuditEvent, OrgUnit, StatusChange
from fazhi.core.summary import collect
from fazhi.documents.models import Document

pytestmark = pytest.mark.django_db

HARD_DAYS = [
    date(2024, 2, 9),  # 除夕 2024: the Spring Festival week ahead
    date(2024, 2, 29),  # a leap day
    date(2025, 9, 30),  # the eve of National Day (and 中秋 in 2025's week)
    date(2025, 12, 31),
    date(2026, 1, 1),  # New Year's Day: this year has no working day yet
    date(2026, 1, 4),  # a 调休 Sunday that is a working day
    date(2027, 1, 1),  # a year without the official schedule (statutory fallback)
]


def _demo(day: date) -> str:
    out = StringIO()
    call_command("demo", today=day.isoformat(), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("day", HARD_DAYS, ids=str)
def test_the_demo_loads_on_a_hard_day_with_last_year_complete(day):
    started = timezone.now()
    assert "演示数据已加载" in _demo(day)
    town = OrgUnit.objects.get(code=ISLAND_TOWN_CODE)
    last = day.year - 1
    figures = {f.key: f for f in collect(town, date(last, 1, 1), date(last, 12, 31))}
    assert figures["documents.reviewed"].value >= 2
    assert figures["documents.published"].value >= 2
    assert figures["contracts.reviewed"].value >= 90
    assert figures["advisers.work_entries"].value >= 14
    # Every step the demo took happened on a working day no later than D (the system's
    # own steps, such as expiry by `fazhi tick`, run on D itself).
    for row in StatusChange.objects.exclude(actor=None):
        stamped = timezone.localtime(row.at).date()
        assert stamped < day and is_workday(stamped), (row.verb, stamped)
    assert not StatusChange.objects.filter(at__date__gt=day).exists()
    # The audit trail says when the rows were really written, not the demo's days.
    assert not AuditEvent.objects.filter(occurred_at__lt=started).exists()
    assert Document.objects.filter(org_unit=town, status="in_force").exists()


def test_demo_today_refuses_a_malformed_date_and_creates_nothing():
    for bad in ("2026-02-30", "明天", "2026-13-01"):
        with pytest.raises(CommandError) as error:
            call_command("demo", today=bad, stdout=StringIO())
        assert "日期格式不正确" in str(error.value)
    assert not OrgUnit.objects.exists()


def test_demo_today_is_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError) as error:
        call_command("demo", today="2026-03-02", stdout=StringIO())
    assert "生产环境" in str(error.value)
    assert not OrgUnit.objects.exists()
