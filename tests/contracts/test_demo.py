"""The contracts demo: a realistic year for 海屿镇, made through the services, fast,
idempotent, and the figures of the report match it."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.contracts import demo
from fazhi.contracts.models import Contract, ContractPayment
from fazhi.core.models import OrgUnit, User

pytestmark = pytest.mark.django_db
# Each contract registered through fazhi takes about nine steps (each audited, with its
# timeline row); the import of last year's ledger is a few queries a row.
QUERY_BUDGET_PER_CONTRACT = 130  # about 95 on SQLite, more on PostgreSQL (audit locks)
# Late in the year: this year's contracts are nearly a hundred. Last year's came from
# the ledger; tests/core/test_demo_calendar.py checks the plan on every other day.
TODAY = date(2026, 11, 30)


@pytest.fixture
def town(monkeypatch, on_day):
    import fazhi.core.demo as core_demo

    on_day(TODAY)
    # The demo county and its people only; this app's demo runs on its own below.
    monkeypatch.setattr(core_demo, "app_hooks", lambda *a: iter(()))
    core_demo.load_demo()
    return OrgUnit.objects.get(code=core_demo.ISLAND_TOWN_CODE)


def test_demo_is_a_realistic_year_made_fast_and_once(town):
    from django.db import connection

    statements = []

    def counted(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    # Counted without Django's query log, which keeps only the last 9000.
    with connection.execute_wrapper(counted):
        created = demo.load_app_demo()
    elapsed = time.perf_counter() - started
    # Time is noisy on a shared CI machine (about 3 s on a free core); the query count is
    # not: it is what keeps the demo fast.
    made = Contract.objects.filter(org_unit=town, is_imported=False).count()
    assert created and len(statements) < QUERY_BUDGET_PER_CONTRACT * made, (
        len(statements),
        elapsed,
    )
    qs = Contract.objects.filter(org_unit=town, is_imported=False)
    assert 85 <= qs.count() <= 100
    last_year = Contract.objects.filter(org_unit=town, is_imported=True)
    assert 95 <= last_year.filter(signed_on__year=TODAY.year - 1).count() <= 110
    assert qs.filter(status="legality_review").count() == 3
    assert qs.filter(status="draft").count() == 1
    today = TODAY
    assert qs.filter(status="signed", archive_due__lt=today).count() == 1
    assert (
        ContractPayment.objects.filter(
            contract__org_unit=town, paid_on__isnull=True, due_on__lt=today
        ).count()
        == 1
    )
    assert qs.filter(status__in=["archived", "performing", "completed"]).count() >= 75
    assert Contract.objects.filter(org_unit__code="339901102", is_imported=True).count() == 8
    assert demo.load_app_demo() == []


def test_workbench_and_figures_follow_the_demo(town):
    from fazhi.contracts.deadlines import pending_items
    from fazhi.contracts.summary import figures

    demo.load_app_demo()
    today = TODAY
    officer = User.objects.get(username="officer")
    items = pending_items(officer, today)
    categories = {i.category for i in items}
    assert {"合同归档", "合同付款", "合同期限"} <= categories
    assert any(i.level == "danger" and "归档已逾期" in i.title for i in items)
    assert any(i.level == "danger" and "付款已逾期" in i.title for i in items)

    # This year so far: a payment falling due in December is not overdue yet.
    figs = {f.key: f for f in figures(town, date(today.year, 1, 1), today)}
    reviewed = figs["contracts.reviewed"]
    qs = Contract.objects.filter(
        org_unit=town, reviewed_on__year=today.year
    ) | Contract.objects.filter(org_unit=town, is_imported=True, signed_on__year=today.year)
    agreements = sum(1 for c in qs if c.is_administrative_agreement)
    assert reviewed.value == qs.count() and reviewed.breakdown["行政协议"] == agreements
    assert reviewed.sentence == f"审核行政协议{agreements}件、民事合同{qs.count() - agreements}件"
    assert figs["contracts.payments_overdue"].value == 1
    assert figs["contracts.archived_on_time_rate"].value > 90


def test_figures_appear_in_the_api(town, client):
    demo.load_app_demo()
    client.force_login(User.objects.get(username="supervisor"))
    year = TODAY.year
    body = client.get(f"/api/v1/figures?unit_id={town.pk}&year={year}").json()
    figs = {f["key"]: f for f in body["figures"]}
    assert figs["contracts.reviewed"]["sentence"].startswith("审核行政协议")
    county = client.get(f"/api/v1/figures?unit_id={town.parent_id}&year={year}").json()
    county_figs = {f["key"]: f for f in county["figures"]}
    # The county's figure covers both towns: 青山镇's imported history is from past years.
    assert county_figs["contracts.reviewed"]["value"] == figs["contracts.reviewed"]["value"]
