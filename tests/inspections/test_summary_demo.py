"""督查整改's demo data (made through the services) and the report figures it yields."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.core.attachments import attachments_for
from fazhi.core.models import AuditEvent
from fazhi.core.pending import collect
from fazhi.inspections import demo
from fazhi.inspections.models import Finding, Inspection
from fazhi.inspections.summary import figures

from .conftest import START, add_finding, county_inspection

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)


@pytest.fixture
def demo_data(people, tree, on_day):
    """The demo of the island town; the `people` fixture has the demo's usernames."""
    on_day(TODAY)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 3
    assert len(created) == 2
    return created


def test_demo_is_made_through_the_services_and_is_idempotent(demo_data, people, tree):
    county = Inspection.objects.get(kind="county_special")
    assert county.org_unit == tree.town_a and county.conducted_by == tree.county
    assert county.started_on.year == TODAY.year
    assert county.status == Inspection.Status.RECTIFYING
    findings = list(county.findings.order_by("id"))
    assert [f.status for f in findings] == ["closed", "closed", "pending"]
    for f in findings[:2]:
        assert attachments_for(f).count() == 1 and f.rectification and f.closed_by
    assert (findings[2].deadline - TODAY).days == 10
    own = Inspection.objects.get(kind="self")
    assert own.status == Inspection.Status.COMPLETED
    assert own.get_conclusion_display() == "未发现需整改问题"
    assert not own.findings.exists()
    assert AuditEvent.objects.filter(verb="inspection_finding.close").count() == 2
    assert demo.load_app_demo() == []
    assert Inspection.objects.count() == 2 and Finding.objects.count() == 3
    # The open finding is on its owner's workbench.
    items = [i for i in collect(people.cadre, TODAY) if i.category == "督查整改"]
    assert len(items) == 1 and items[0].due == findings[2].deadline


def test_figures_of_the_demo_town(demo_data, tree):
    by_key = {f.key: f for f in figures(tree.town_a, date(TODAY.year, 1, 1), TODAY)}
    county = by_key["inspections.county"]
    assert county.value == 1
    assert county.sentence == "接受县级专项督查1次,发现问题3个,已整改2个,正在整改1个"
    assert county.breakdown == {"发现问题": 3, "已整改": 2, "正在整改": 1, "未发现需整改问题": 0}
    own = by_key["inspections.self"]
    assert (own.value, own.sentence) == (1, "开展自查1次,未发现需整改问题")
    assert by_key["inspections.findings"].value == 3
    assert by_key["inspections.rectified"].value == 2
    assert by_key["inspections.open"].value == 1
    # The county sees its towns; the other town and another year have nothing.
    assert {f.key: f.value for f in figures(tree.county, date(TODAY.year, 1, 1), TODAY)}[
        "inspections.county"
    ] == 1
    empty = figures(tree.town_b, date(TODAY.year, 1, 1), TODAY)
    assert all(f.value == 0 and f.sentence == "" for f in empty)
    assert all(f.value == 0 for f in figures(tree.town_a, date(2000, 1, 1), date(2000, 12, 31)))


def test_a_clean_county_inspection_reads_as_such(people, tree):
    """The seed's own case: the county's special inspection found nothing to rectify."""
    from fazhi.inspections import services

    i = county_inspection(people, tree)
    services.inspection_transition(
        actor=people.supervisor, obj=i, verb="complete", conclusion="no_issues"
    )
    by_key = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    assert by_key["inspections.county"].sentence == "接受县级专项督查1次,未发现需整改问题"
    # An inspection still under way with nothing recorded claims no conclusion.
    county_inspection(people, tree, title="第二次", started_on=START)
    by_key = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    assert by_key["inspections.county"].sentence == "接受县级专项督查2次"


def test_figures_take_a_few_queries(people, tree, max_queries):
    i = county_inspection(people, tree)
    for _ in range(5):
        add_finding(people.supervisor, i, people.cadre)
    # Two aggregates for each kind, and one read of the town's unit ids (core.scoping).
    with max_queries(5):
        figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))


def test_figures_appear_in_the_report_api(demo_data, people, tree, login):
    response = login(people.officer).get(
        "/api/v1/figures", {"unit_id": tree.town_a.pk, "year": TODAY.year}
    )
    assert response.status_code == 200, response.content
    by_key = {f["key"]: f for f in response.json()["figures"]}
    assert by_key["inspections.county"]["value"] == 1
    assert by_key["inspections.county"]["sentence"].startswith("接受县级专项督查1次,发现问题3个")
    assert by_key["inspections.self"]["sentence"] == "开展自查1次,未发现需整改问题"
