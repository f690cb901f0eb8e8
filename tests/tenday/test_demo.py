"""The demo's 旬报: 海屿镇 reports every 旬 of last year (36, one late, one returned and
resubmitted) and this year up to the last one due; 青山镇's last four months show every
state in the county's matrix; the figure states what the ledger holds."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.core import summary
from fazhi.core.models import OrgUnit
from fazhi.core.workflow import timeline
from fazhi.tenday import selectors
from fazhi.tenday.demo import plan
from fazhi.tenday.models import TenDayReport

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)


def test_the_demo_reports_and_figures_match_the_ledger(demo_county):
    island = OrgUnit.objects.get(code="339901101")
    last_year = TenDayReport.objects.filter(org_unit=island, period_start__year=2025)
    assert last_year.count() == 36
    assert list(last_year.filter(is_late=True).values_list("period_start", flat=True)) == [
        date(2025, 5, 11)
    ]
    returned = last_year.get(return_count=1)
    assert returned.status == "submitted" and returned.period_start == date(2025, 9, 11)
    assert [s.label for s in timeline(returned)] == [
        "起草旬报",
        "报送县级",
        "退回查漏补缺",
        "报送县级",
    ]
    this_year = TenDayReport.objects.filter(org_unit=island, period_start__year=2026)
    assert this_year.count() == len(
        [s for s in plan(DAY)["island"] if s["period"].start.year == 2026]
    )
    assert this_year.count() == 32  # up to 2026年11月中旬
    # Drafted from the other apps' demo data, grouped by section.
    assert any(r.figures for r in this_year)
    assert all(r.body for r in this_year)

    figure = next(
        f for f in summary.collect(island, date(2025, 1, 1), date(2025, 12, 31))
        if f.key == "tenday.on_time_rate"
    )  # fmt: skip
    assert figure.sentence == "按要求定期报送法治建设旬报36期,按时报送率97.2%"
    assert figure.breakdown["逾期报送"] == 1

    from fazhi.core.models import User

    supervisor = User.objects.get(username="supervisor")
    _, rows = selectors.matrix(supervisor, date(2026, 8, 1), date(2026, 12, 31), DAY)
    states = {c.state for r in rows for c in r.cells}
    assert {"on_time", "late", "returned", "missing", "future"} <= states
    # Loading twice adds nothing.
    n = TenDayReport.objects.count()
    call_command("demo", stdout=StringIO())
    assert TenDayReport.objects.count() == n
