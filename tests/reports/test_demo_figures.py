"""Item 7 of issue 3 end to end: on the demo county, GET /api/v1/figures gives every
app's figures for 海屿镇, each matching the ledgers it is counted from, and the county's
figures add up its towns'."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.contracts.models import Contract
from fazhi.core.demo import ISLAND_TOWN_CODE, SECOND_TOWN_CODE
from fazhi.core.models import OrgUnit, User
from fazhi.documents.models import Document
from fazhi.inspections.models import Finding

pytestmark = pytest.mark.django_db


def _figures(client, unit, year):
    response = client.get(f"/api/v1/figures?unit_id={unit.pk}&year={year}")
    assert response.status_code == 200, response.content
    return {f["key"]: f for f in response.json()["figures"]}


@pytest.mark.parametrize("day", [date(2026, 11, 30), date(2027, 1, 2)], ids=str)
def test_the_demo_towns_figures_match_its_ledgers_and_the_county_adds_them_up(client, demo_on, day):
    """Late in the year, this year's figures; on 2 January, last year's are as full."""
    demo_on(day)
    year = 2026
    town = OrgUnit.objects.get(code=ISLAND_TOWN_CODE)
    other = OrgUnit.objects.get(code=SECOND_TOWN_CODE)
    client.force_login(User.objects.get(username="supervisor"))
    figs = _figures(client, town, year)

    # Every 依法行政 ledger contributes.
    apps = {key.split(".")[0] for key in figs}
    assert {"documents", "contracts", "reviews", "advisers", "inspections"} <= apps
    # Every figure that counts something says it in a sentence (a zero has nothing to say:
    # the 旬报 and the summary leave it out).
    for f in figs.values():
        assert f["sentence"] or not f["value"], f"{f['key']} 没有表述"

    published = Document.objects.filter(
        org_unit=town, published_on__range=(date(year, 1, 1), date(year, 12, 31))
    ).count()
    assert figs["documents.published"]["value"] == published
    assert f"{published}件" in figs["documents.published"]["sentence"]

    agreements = figs["contracts.agreements_reviewed"]["value"]
    assert agreements > 0 and f"行政协议{agreements}件" in figs["contracts.reviewed"]["sentence"]
    by_kind = figs["contracts.reviewed"]["breakdown"]
    assert figs["contracts.reviewed"]["value"] == by_kind["行政协议"] + by_kind["民事合同"]
    assert figs["contracts.reviewed"]["value"] <= Contract.objects.filter(org_unit=town).count()

    found = Finding.objects.filter(inspection__org_unit=town).count()
    assert figs["inspections.findings"]["value"] == found > 0

    # The county's counts are its towns' counts added up.
    county = _figures(client, town.parent, year)
    second = _figures(client, other, year)
    for key in ("documents.published", "contracts.reviewed", "reviews.concluded"):
        assert county[key]["value"] == figs[key]["value"] + second[key]["value"], key
