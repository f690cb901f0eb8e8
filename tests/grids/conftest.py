"""Fixtures of 网格走访: the town's default categories and signals (loaded by its law
officer), a second grid of the same village and one in the community, and key persons
reached through the services."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.demo import demo_id_number
from fazhi.core.models import AuditEvent, OrgUnit
from fazhi.grids import services
from fazhi.grids.models import GridHelper, KeyGroupCategory, KeyPerson, Visit

DAY = date(2025, 3, 3)  # a Monday


def id_number(seq: int, born=date(1960, 5, 1)) -> str:
    return demo_id_number(born, seq, female=seq % 2 == 0)


def category(town, name) -> KeyGroupCategory:
    return KeyGroupCategory.objects.get(org_unit=town, name=name)


def make_person(actor, grid, town, *, seq=1, names=("低保户",), **kw) -> KeyPerson:
    return services.person_create(
        actor=actor,
        org_unit=grid,
        name=kw.pop("name", "陈阿婆"),
        id_number=kw.pop("id_number", id_number(seq)),
        phone=kw.pop("phone", "13905809999"),
        address=kw.pop("address", "东岙村12号"),
        categories=[category(town, n) for n in names],
        registered_on=kw.pop("registered_on", DAY),
        **kw,
    )


def visit(actor, person, **kw):
    return services.visit_record(
        actor=actor,
        person=person,
        visited_on=kw.pop("visited_on", DAY),
        mode=kw.pop("mode", "home"),
        situation=kw.pop("situation", "身体尚可,生活基本有保障。"),
        **kw,
    )


def counts():
    """What a refused call must leave unchanged."""
    return (
        KeyPerson.objects.count(),
        Visit.objects.count(),
        GridHelper.objects.count(),
        KeyGroupCategory.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def grids(tree, people):
    """The town's defaults, plus grid A2 (same village, no worker) and a community grid."""
    services.defaults_load(actor=people.officer, town=tree.town_a)
    a2 = OrgUnit.objects.create(
        kind="grid", code="339901101201002", name="东岙二网格", parent=tree.village_a1
    )
    c1 = OrgUnit.objects.create(
        kind="grid", code="339901101001001", name="渔港一网格", parent=tree.village_a2
    )
    return a2, c1


@pytest.fixture
def person(tree, people, grids, on_day):
    on_day(DAY)
    return make_person(people.grid_worker, tree.grid_a1, tree.town_a)


@pytest.fixture
def other_person(tree, people, grids, on_day):
    """A person of grid A2 (same village, not the grid worker's grid)."""
    on_day(DAY)
    return make_person(people.village_cadre, grids[0], tree.town_a, seq=2, name="王大伯")
