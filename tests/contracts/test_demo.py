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
QUERY_BUDGET = 3600


@pytest.fixture
def town(monkeypatch):
    import fazhi.core.demo as core_demo

    # The demo county and its people only; this app's demo runs on its own below.
    monkeypatch.setattr(core_demo, "app_hooks", lambda *a: iter(()))
    core_demo.load_demo()
    return OrgUnit.objects.get(code=core_demo.ISLAND_TOWN_CODE)


def test_demo_is_a_realistic_year_made_fast_and_once(town, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = True
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        created = demo.load_app_demo()
    elapsed = time.perf_counter() - started
    # Time is noisy on a shared CI machine (about 3 s on a free core); the query count is
    # not: it is what keeps the demo fast.
    assert created and len(ctx.captured_queries) < QUERY_BUDGET, (
        len(ctx.captured_queries),
        elapsed,
    )
    qs = Contract.objects.filter(org_unit=town)
    assert 95 <= qs.count() <= 110
    assert qs.filter(status="legality_review").count() == 3
    assert qs.filter(status="draft").count() == 1
    today = date.today()
    assert qs.filter(status="signed", archive_due__lt=today).count() == 1
    assert (
        ContractPayment.objects.filter(
            contract__org_unit=town, paid_on__isnull=True, due_on__lt=today
        ).count()
        == 1
    )
    assert qs.filter(status__in=["archived", "performing", "completed"]).count() >= 85
    assert Contract.objects.filter(org_unit__code="339901102", is_imported=True).count() == 8
    assert demo.load_app_demo() == []


def test_workbench_and_figures_follow_the_demo(town):
    from fazhi.contracts.deadlines import pending_items
    from fazhi.contracts.summary import figures

    demo.load_app_demo()
    today = date.today()
    officer = User.objects.get(username="officer")
    items = pending_items(officer, today)
    categories = {i.category for i in items}
    assert {"合同归档", "合同付款", "合同期限"} <= categories
    assert any(i.level == "danger" and "归档已逾期" in i.title for i in items)
    assert any(i.level == "danger" and "付款已逾期" in i.title for i in items)

    figs = {f.key: f for f in figures(town, date(today.year, 1, 1), date(today.year, 12, 31))}
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
    year = date.today().year
    body = client.get(f"/api/v1/figures?unit_id={town.pk}&year={year}").json()
    figs = {f["key"]: f for f in body["figures"]}
    assert figs["contracts.reviewed"]["sentence"].startswith("审核行政协议")
    county = client.get(f"/api/v1/figures?unit_id={town.parent_id}&year={year}").json()
    county_figs = {f["key"]: f for f in county["figures"]}
    # The county's figure covers both towns: 青山镇's imported history is from past years.
    assert county_figs["contracts.reviewed"]["value"] == figs["contracts.reviewed"]["value"]
