"""网格走访 at county scale: `fazhi scale-data` adds key persons and their visits that
keep the services' rules (due dates through the deadline service, the person's columns
as the visit service leaves them), deterministic per seed, and the lists, workbench and
services work on them afterwards."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import transaction
from django.db.models import Max

from fazhi.core import scale
from fazhi.core.deadlines import deadline
from fazhi.core.pending import LIMIT
from fazhi.core.scale import Progress
from fazhi.grids import scale as grids_scale
from fazhi.grids.deadlines import pending_items
from fazhi.grids.models import KeyPerson, Visit
from fazhi.grids.selectors import person_list, visit_list

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


def _grow(seed=1):
    return scale.grow(
        county_code="339901", factor=0.01, seed=seed, progress=Progress(quiet=True),
        generators=[scale.generate, grids_scale.generate],
    )  # fmt: skip


@pytest.fixture
def grown(people, tree, on_day):
    on_day(DAY)
    return _grow()


def test_persons_and_visits_keep_the_services_rules(grown, people):
    persons = list(KeyPerson.objects.prefetch_related("categories"))
    assert len(persons) == 400
    visits = Visit.objects.count()
    assert 3_000 < visits < 12_000  # about 15 a person (600,000 at factor 1.0)
    last = dict(
        Visit.objects.values("person_id")
        .annotate(m=Max("visited_on"))
        .values_list("person_id", "m")
    )
    for p in persons[:100]:
        cats = list(p.categories.all())
        assert cats and all(c.org_unit.code == p.org_unit.code[:9] for c in cats)
        assert p.interval_days == min(c.interval_days for c in cats)
        assert p.last_visited_on == last.get(p.pk)
        base = p.last_visited_on or p.registered_on
        assert p.next_visit_due == deadline(base, p.interval_days, "days")
    for v in Visit.objects.select_related("person")[:300]:
        assert v.person.registered_on < v.visited_on < DAY
        assert v.on_time == (v.visited_on <= v.due_on)
        assert v.org_unit_id == v.person.org_unit_id


def _fingerprint():
    return (
        list(KeyPerson.objects.order_by("id").values_list(
            "name", "registered_on", "next_visit_due", "org_unit__code")),
        list(Visit.objects.order_by("id").values_list("visited_on", "mode", "client_key")[:500]),
    )  # fmt: skip


class _Undo(Exception):
    pass


def test_the_same_seed_gives_the_same_rows(people, tree, on_day):
    on_day(DAY)
    runs = []
    for seed in (7, 7, 8):
        try:
            with transaction.atomic():
                _grow(seed)
                runs.append(_fingerprint())
                raise _Undo
        except _Undo:
            pass
    assert runs[0] == runs[1] and runs[0][0]
    assert runs[0] != runs[2]


def test_lists_and_workbench_read_the_grown_data(grown, people, tree):
    mine = KeyPerson.objects.filter(org_unit__code__startswith=tree.town_a.code, is_active=True)
    assert person_list(people.officer).count() == mine.count() > 0
    assert not person_list(people.officer_b).filter(pk__in=mine.values("pk")).exists()
    overdue = person_list(people.officer, warning="overdue")
    assert overdue.exists() and all(p.next_visit_due < DAY for p in overdue[:50])
    assert visit_list(people.officer).count() == Visit.objects.filter(person__in=mine).count()
    items = pending_items(people.grid_worker, DAY)
    dues = [i.due for i in items]
    assert dues == sorted(dues)
    # Two kinds, each read up to core.pending.LIMIT (capped past it: the pages say 以上).
    persons = KeyPerson.objects.filter(org_unit=tree.grid_a1, is_active=True)
    late = persons.filter(next_visit_due__lt=DAY).count()
    soon = persons.filter(next_visit_due__gte=DAY, next_visit_due__lte=DAY + timedelta(7)).count()
    assert len(items) == min(late, LIMIT) + min(soon, LIMIT) > 0
    assert {i.capped for i in items if i.due < DAY} <= {late > LIMIT}
