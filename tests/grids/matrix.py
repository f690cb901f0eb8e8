"""Permission matrix entries of 网格走访 (merged by tests/test_permission_matrix.py).

The records: the town's default categories, a key person of grid A1 (the grid worker's
grid) with one visit, and a helper of grid A1. Key-group data is read only by the grid
worker of that grid, the village's cadre and the town's law officer; the county
supervisor, leaders, advisers, cadres and residents get 403 (no page at all) and town B's
officer 404 (another town). The compliance page holds aggregates: leaders and the county
read it too."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

KEY = {"officer", "officer_b", "village_cadre", "grid_worker"}
SEES = {"officer", "village_cadre", "grid_worker"}
HIDDEN = {"officer_b"}
COMPLIANCE = KEY | {"supervisor", "leader", "other_supervisor"}
OFFICERS = {"officer", "officer_b"}

PERSON = lambda c: {"pk": c.grids_person.pk}  # noqa: E731
VISIT = lambda c: {"pk": c.grids_visit.pk}  # noqa: E731
TOWN = lambda c: {"town_pk": c.tree.town_a.pk}  # noqa: E731
GRID = lambda c: {"pk": c.tree.grid_a1.pk}  # noqa: E731
DENIED_POST = {ANON: LOGIN, "leader": 403, "supervisor": 403, "adviser": 403, "cadre": 403,
               "resident": 403, "officer_b": 404}  # fmt: skip
VISIT_PROBE = lambda c: {  # noqa: E731
    "person": c.grids_person.pk,
    "visited_on": "2025-03-03",
    "mode": "home",
    "situation": "探测",
}

EXPECTATIONS = {
    "grids:person_list": page(KEY),
    "grids:person_create": page(
        KEY, post=DENIED_POST | {"officer_b": 400}, data=lambda c: {"name": "探测"}
    ),  # fmt: skip
    "grids:person_detail": page(SEES, hidden=HIDDEN, kwargs=PERSON),
    "grids:person_edit": page(
        SEES, hidden=HIDDEN, kwargs=PERSON, post=DENIED_POST, data=lambda c: {"name": "探测"}
    ),  # fmt: skip
    "grids:person_remove": post_only(DENIED_POST, kwargs=PERSON, data=lambda c: {"reason": "探测"}),
    "grids:visit_list": page(KEY),
    # GET without a person: the picker of one's own persons.
    "grids:visit_create": page(KEY, post=DENIED_POST | {"officer_b": 400}, data=VISIT_PROBE),
    "grids:visit_detail": page(SEES, hidden=HIDDEN, kwargs=VISIT),
    "grids:compliance": page(COMPLIANCE),
    "grids:grid_list": page(KEY),
    "grids:grid_detail": page(SEES, hidden=HIDDEN, kwargs=GRID),
    "grids:helper_end": post_only(
        DENIED_POST | {"grid_worker": 403}, kwargs=lambda c: {"pk": c.grids_helper.pk}
    ),
    "grids:category_list": page(KEY),
    "grids:defaults_load": post_only(
        {
            ANON: LOGIN,
            "grid_worker": 403,
            "village_cadre": 403,
            "leader": 403,
            "supervisor": 403,
            "officer_b": 404,
        },
        kwargs=TOWN,
    ),  # fmt: skip
    "grids:category_create": page(OFFICERS - HIDDEN, hidden=HIDDEN, kwargs=TOWN),
    "grids:category_edit": page(
        OFFICERS - HIDDEN, hidden=HIDDEN, kwargs=lambda c: {"pk": c.grids_category.pk}
    ),
    "grids:signal_create": post_only(
        {ANON: LOGIN, "grid_worker": 403, "leader": 403, "officer_b": 404},
        kwargs=TOWN,
        data=lambda c: {"name": "探测"},
    ),  # fmt: skip
    "grids:signal_toggle": post_only(
        {ANON: LOGIN, "grid_worker": 403, "leader": 403, "officer_b": 404},
        kwargs=lambda c: {"pk": c.grids_signal.pk},
    ),
    "api-1.0.0:grids_person_list": api_get(KEY),
    "api-1.0.0:grids_person_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"person_id": c.grids_person.pk}
    ),
    "api-1.0.0:grids_visit_list": api_get(KEY),
    "api-1.0.0:grids_visit_create": api_write(
        {
            ANON: 401,
            "leader": 403,
            "supervisor": 403,
            "adviser": 403,
            "cadre": 403,
            "resident": 403,
            "officer_b": 400,
        },
        data=lambda c: {
            "person_id": c.grids_person.pk,
            "visited_on": "2025-03-03",
            "mode": "home",
            "situation": "探测",
        },
    ),  # fmt: skip
    "api-1.0.0:grids_visit_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"visit_id": c.grids_visit.pk}
    ),
    "api-1.0.0:grids_compliance": api_get(COMPLIANCE),
}


def records(people, tree) -> dict:
    from fazhi.core import clock
    from fazhi.core.demo import demo_id_number
    from fazhi.grids import services
    from fazhi.grids.models import KeyGroupCategory, RiskSignal

    services.defaults_load(actor=people.officer, town=tree.town_a)
    category = KeyGroupCategory.objects.get(org_unit=tree.town_a, name="低保户")
    person = services.person_create(
        actor=people.grid_worker, org_unit=tree.grid_a1, name="探测人员",
        id_number=demo_id_number(date(1950, 1, 1), 99, female=False), address="探测地址",
        categories=[category], registered_on=date(2025, 1, 2),
    )  # fmt: skip
    visit, _ = services.visit_record(
        actor=people.grid_worker, person=person, visited_on=min(clock.today(), date(2025, 3, 3)),
        mode="home", situation="探测走访",
    )  # fmt: skip
    helper = services.helper_add(actor=people.officer, grid=tree.grid_a1, name="探测", kind="sage")
    return {
        "grids_person": person,
        "grids_visit": visit,
        "grids_helper": helper,
        "grids_category": category,
        "grids_signal": RiskSignal.objects.filter(org_unit=tree.town_a).first(),
    }
