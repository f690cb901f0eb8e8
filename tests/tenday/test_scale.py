"""法治建设旬报 at county scale: every town's 旬报 for the latest periods at a small factor,
bulk-written, keeping the service's rules (one per town and 旬, due N working days after
the 旬, late exactly when first submitted after it), deterministic per seed; the
services carry on with the generated rows."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest

from fazhi.core import scale
from fazhi.core import scale as core_scale
from fazhi.tenday import scale as tenday_scale
from fazhi.tenday import services
from fazhi.tenday.models import TenDayReport
from fazhi.tenday.periods import Period

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


def _grow(seed=7):
    return scale.grow(
        county_code="339901", factor=0.1, seed=seed,
        progress=scale.Progress(stream=StringIO()),
        generators=[core_scale.generate, tenday_scale.generate],
    )  # fmt: skip


def test_volumes_rules_and_the_services_carry_on(people, tree, on_day):
    on_day(DAY)
    totals = _grow()
    reports = TenDayReport.objects.all()
    towns = reports.values("org_unit").distinct().count()
    assert towns >= 3  # the fixture's two towns and the generated ones
    assert totals["法治建设旬报"] == reports.count()
    assert reports.count() <= towns * 18  # 10% of 180 periods each
    for r in reports.select_related("org_unit")[:300]:
        p = Period(r.period_start, r.period_end)
        assert r.due_on == services.due_for(r.org_unit, p)
        if r.first_submitted_on:
            assert r.is_late == (r.first_submitted_on > r.due_on)
            assert r.first_submitted_on > r.period_end
        assert r.period_end < DAY
    statuses = set(reports.values_list("status", flat=True))
    assert "submitted" in statuses
    # The services carry on: town A's officer edits and submits a generated draft, or
    # returned report, of their own town.
    mine = reports.filter(org_unit=tree.town_a, status__in=["draft", "returned"]).first()
    if mine is not None:
        services.report_update(actor=people.officer, report=mine, body="补充")
        assert (
            services.report_transition(actor=people.officer, obj=mine, verb="submit").status
            == "submitted"
        )


class _Rollback(Exception):
    pass


def _rows_of_a_run(seed):
    from django.db import transaction

    try:
        with transaction.atomic():
            _grow(seed=seed)
            rows = list(
                TenDayReport.objects.order_by("org_unit__code", "period_start").values_list(
                    "org_unit__code", "period_start", "status", "is_late", "body"
                )
            )
            raise _Rollback
    except _Rollback:
        return rows


def test_the_same_seed_gives_the_same_reports(people, tree, on_day):
    on_day(DAY)
    first, again, other = _rows_of_a_run(3), _rows_of_a_run(3), _rows_of_a_run(4)
    assert first and first == again
    assert other != first
