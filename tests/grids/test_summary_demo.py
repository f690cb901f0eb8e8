"""网格走访's demo (made through the services), the workbench and early-warning facts it
gives, and the report figures, which match the compliance page."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from fazhi.core.demo import DEMO_UNITS
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.grids import demo
from fazhi.grids.deadlines import pending_items
from fazhi.grids.models import KeyPerson, Visit
from fazhi.grids.risk import risk_facts
from fazhi.grids.selectors import compliance, compliance_totals
from fazhi.grids.summary import figures

from .conftest import make_person, visit

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 16)


@pytest.fixture
def demo_data(people, tree, on_day):
    """The island town's 12 grids (the `people` fixture's gridder works the first), then
    the demo."""
    have = set(OrgUnit.objects.values_list("code", flat=True))
    for kind, code, name, _ in DEMO_UNITS:
        if code.startswith(tree.town_a.code) and code not in have:
            OrgUnit.objects.create(kind=kind, code=code, name=name,
                                   parent=OrgUnit.objects.get(code=code[:-3]))  # fmt: skip
    on_day(TODAY)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 60
    return created


def _visits_every_month_in_every_grid(tree):
    assert KeyPerson.objects.count() == 60
    grids = OrgUnit.objects.filter(code__startswith=tree.town_a.code, kind="grid")
    assert grids.count() == 12
    for g in grids:
        months = {
            (d.year, d.month)
            for d in Visit.objects.filter(org_unit=g).values_list("visited_on", flat=True)
        }
        for m in range(1, 13):
            assert (2024, m) in months, (g.code, m)
        for m in range(1, 6):
            assert (2025, m) in months, (g.code, m)
    assert not Visit.objects.filter(visited_on__gte=TODAY).exists()
    assert demo.load_app_demo() == []


def _overdue_for_the_gridder_and_two_signals(people, tree):
    items = pending_items(people.grid_worker, TODAY)
    overdue = [i for i in items if i.due < TODAY]
    assert len(overdue) == 2 and all(i.level == "danger" for i in overdue)
    ids = OrgUnit.objects.filter(code__startswith=tree.county.code).values("id")
    facts = list(risk_facts(ids, TODAY))
    assert len(facts) == 2
    f = next(f for f in facts if "扬言上访" in f.signals)
    assert f.kind == "key_person" and f.category == "sensitive" and f.repeat_count == 1
    assert "上访" in f.text and "*" in f.title and f.url.startswith("/grids/persons/")


def _figures_match_the_compliance_page(tree):
    start, end = date(2024, 1, 1), date(2024, 12, 31)
    figs = {f.key: f for f in figures(tree.town_a, start, end)}
    visits = Visit.objects.filter(in_subtree(tree.town_a), visited_on__range=(start, end)).count()
    assert figs["grids.visits"].value == visits > 0
    assert sum(figs["grids.visits"].breakdown.values()) == visits
    rates = compliance(
        list(OrgUnit.objects.filter(code__startswith=tree.town_a.code, kind="grid")), start, end
    )
    due = sum(r.due for r in rates.values())
    assert figs["grids.compliance"].breakdown["应走访人数"] == due == 60
    # The figures count in the database what the compliance page sums per grid, also in a
    # period still running (persons whose due date passed unvisited count as late).
    grids = list(OrgUnit.objects.filter(code__startswith=tree.town_a.code, kind="grid"))
    for period in ((start, end), (date(2025, 1, 1), date(2025, 12, 31))):
        rates = compliance(grids, *period).values()
        summed = (sum(r.due for r in rates), sum(r.on_time for r in rates))
        assert compliance_totals(tree.town_a, *period) == summed
        assert summed[0] > summed[1] > 0 or period[0].year == 2024
    assert f"走访困难群体、敏感群体、特殊群体{visits}人次" in figs["grids.visits"].sentence
    assert figs["grids.visits"].sentence.startswith("以网格化管理为基础")
    assert f"按期走访率{figs['grids.compliance'].value}%" in figs["grids.visits"].sentence


def test_the_demo_year(demo_data, people, tree):
    """One load (it takes seconds) for every check of the demo."""
    _visits_every_month_in_every_grid(tree)
    _overdue_for_the_gridder_and_two_signals(people, tree)
    _figures_match_the_compliance_page(tree)


def test_risk_facts_count_signalled_visits_within_the_window(people, tree, person, on_day):
    on_day(date(2025, 6, 30))
    visit(people.grid_worker, person, visited_on=date(2025, 5, 20), signals=["情绪激动"])
    visit(people.grid_worker, person, visited_on=date(2025, 6, 10), signals=["扬言极端"],
          situation="扬言要走极端")  # fmt: skip
    visit(people.grid_worker, person, visited_on=date(2025, 6, 20))
    ids = OrgUnit.objects.filter(code__startswith=tree.town_a.code).values("id")
    (f,) = risk_facts(ids, date(2025, 6, 30))
    assert f.repeat_count == 1 and f.signals == ("扬言极端",) and "极端" in f.text
    assert f.org_unit_id == tree.grid_a1.pk and f.category == "hardship"
    assert list(risk_facts(ids, date(2025, 8, 1))) == []
    other = OrgUnit.objects.filter(code__startswith=tree.town_b.code).values("id")
    assert list(risk_facts(other, date(2025, 6, 30))) == []


def test_figures_of_an_empty_period_say_nothing(tree, grids):
    figs = figures(tree.town_a, date(2020, 1, 1), date(2020, 12, 31))
    assert all(f.sentence == "" for f in figs) and figs[0].value == 0


def test_a_person_registered_in_the_period_is_counted_once(people, tree, grids, on_day):
    on_day(date(2025, 3, 3))
    p = make_person(people.grid_worker, tree.grid_a1, tree.town_a, names=("社区矫正对象",))
    on_day(date(2025, 5, 30))
    for d in (date(2025, 3, 20), date(2025, 4, 15), date(2025, 5, 12)):
        visit(people.grid_worker, p, visited_on=d)
    r = compliance([tree.grid_a1], date(2025, 3, 1), date(2025, 5, 29))[tree.grid_a1.pk]
    assert (r.due, r.on_time, r.visits) == (1, 1, 3)
    assert p.registered_on + timedelta(days=30) > date(2025, 3, 20)
