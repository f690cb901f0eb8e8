"""The county's registry page asks the same queries for 2 towns as for 12 (issue 15: a
county has 30): the minimum of 法律明白人 of every town is read in one query, by the same
rule as params.value (the town's own value, else its county's, else the default)."""

from __future__ import annotations

from django.urls import reverse

from fazhi.core import params
from fazhi.core.models import OrgUnit
from fazhi.lawunits import selectors
from fazhi.lawunits.params import MIN_LEGAL_UNDERSTANDERS

from .conftest import understander


def add_towns(tree, first: int, count: int) -> list[OrgUnit]:
    """`count` more towns of 示范县, each with two villages and a community."""
    villages = []
    for n in range(first, first + count):
        town = OrgUnit.objects.create(
            kind="town", code=f"339901{n:03d}", name=f"第{n}镇", parent=tree.county
        )
        for v, kind in enumerate(("village", "village", "community")):
            villages.append(
                OrgUnit.objects.create(
                    kind=kind, code=f"{town.code}{200 + v:03d}", name=f"第{n}镇{v}村", parent=town
                )
            )
    return villages


def _set(people, unit, value):
    params.parameter_set(
        actor=people.supervisor, unit=unit, key=MIN_LEGAL_UNDERSTANDERS.key, raw_value=str(value)
    )


def test_the_minimum_is_each_towns_own_else_its_countys(people, tree):
    add_towns(tree, 110, 2)
    _set(people, tree.county, 2)
    _set(people, tree.town_b, 5)
    _set(people, OrgUnit.objects.get(code="339901111"), 1)
    for seq in (1, 2):
        understander(people.officer, tree.village_a1, seq=seq, name=f"陈{seq}")
    rows = selectors.understanders_by_village(people.supervisor)
    assert [r["village"].code for r in rows] == sorted(
        OrgUnit.objects.filter(code__startswith="339901", kind="village").values_list(
            "code", flat=True
        )
    )
    for r in rows:
        assert r["minimum"] == MIN_LEGAL_UNDERSTANDERS.value(r["village"].parent)
    by_code = {r["village"].code: r for r in rows}
    assert (by_code["339901101201"]["count"], by_code["339901101201"]["minimum"]) == (2, 2)
    assert not by_code["339901101201"]["short"]
    assert by_code["339901102201"]["minimum"] == 5 and by_code["339901102201"]["short"]
    assert by_code["339901111200"]["minimum"] == 1
    assert by_code["339901110200"]["minimum"] == 2


def test_the_registry_asks_the_same_queries_for_2_towns_as_for_12(
    people, tree, login, count_queries
):
    _set(people, tree.town_b, 5)
    client = login(people.supervisor)
    url = reverse("lawunits:registry_list")
    add_towns(tree, 110, 1)
    few = count_queries(lambda: client.get(url))
    add_towns(tree, 120, 10)
    assert count_queries(lambda: client.get(url)) == few
    assert few <= 12
    body = client.get(url).content.decode()
    assert body.count('data-testid="understander-count"') == 2 + 11 * 2
    assert "0 名(少于5名)" in body and "0 名(少于3名)" in body
