"""Fixtures of 法治建设旬报: a town A report for a 旬, reached through the services, and a
snapshot of what a refused call must leave unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent, StatusChange
from fazhi.tenday import services
from fazhi.tenday.models import TenDayReport

# 2025年3月上旬 ends on Monday 10 March; due 2 working days later, Wednesday 12 March.
P_START = date(2025, 3, 1)
P_END = date(2025, 3, 10)
P_DUE = date(2025, 3, 12)
DAY_AFTER = date(2025, 3, 11)


def draft(people, tree, start=P_START, actor=None):
    return services.report_create(
        actor=actor or people.officer, org_unit=tree.town_a, period_start=start
    )


def submit(actor, report):
    return services.report_transition(actor=actor, obj=report, verb="submit")


def snapshot(*reports):
    """Rows, statuses, texts, timeline and audit trail: what a refusal must not change."""
    rows = []
    for r in reports:
        r.refresh_from_db()
        rows.append((r.pk, r.status, r.body, r.submitted_on, r.return_count, r.is_late))
    return (
        rows,
        TenDayReport.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def after_period(on_day):
    """The clock on the working day after 2025年3月上旬."""
    return on_day(DAY_AFTER)
