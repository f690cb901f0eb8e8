"""Shared fixtures: a small county tree with two towns, and one user per role."""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role

from .factories import PASSWORD, member

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _fresh_memory():
    """Each test starts with nothing remembered in process memory (the workbench's lists,
    reports.selectors.workbench_groups; people and scopes under the epoch, core.epoch): ids,
    the business day and epochs rolled back repeat from test to test."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def _unit(kind, code, name, parent=None):
    return OrgUnit.objects.create(kind=kind, code=code, name=name, parent=parent)


def make_tree() -> SimpleNamespace:
    """示范县 with 海屿镇 (two villages, grids) and 青山镇; and 另一县 with 远山镇."""
    county = _unit("county", "339901", "示范县")
    town_a = _unit("town", "339901101", "海屿镇", county)
    town_b = _unit("town", "339901102", "青山镇", county)
    village_a1 = _unit("village", "339901101201", "东岙村", town_a)
    village_a2 = _unit("community", "339901101001", "渔港社区", town_a)
    grid_a1 = _unit("grid", "339901101201001", "东岙一网格", village_a1)
    village_b1 = _unit("village", "339901102201", "青山村", town_b)
    other_county = _unit("county", "339902", "邻县")
    other_town = _unit("town", "339902101", "远山镇", other_county)
    return SimpleNamespace(
        county=county, town_a=town_a, town_b=town_b, village_a1=village_a1,
        village_a2=village_a2, grid_a1=grid_a1, village_b1=village_b1,
        other_county=other_county, other_town=other_town,
    )


@pytest.fixture
def tree(db):
    """示范县 with 海屿镇 (two villages, grids) and 青山镇; and 另一县 with 远山镇."""
    return make_tree()


def make_people(tree) -> SimpleNamespace:
    """One user per role, in town A (or its county / village / grid)."""
    t = tree
    return SimpleNamespace(
        supervisor=member(t.county, Role.COUNTY_SUPERVISOR, "supervisor"),
        leader=member(t.town_a, Role.TOWN_LEADER, "leader"),
        officer=member(t.town_a, Role.LAW_OFFICER, "officer"),
        officer_b=member(t.town_b, Role.LAW_OFFICER, "officer_b"),
        adviser=member(t.town_a, Role.LEGAL_ADVISER, "adviser"),
        village_cadre=member(t.village_a1, Role.VILLAGE_CADRE, "vcadre"),
        grid_worker=member(t.grid_a1, Role.GRID_WORKER, "gridder"),
        cadre=member(t.town_a, Role.CADRE, "cadre"),
        resident=member(t.town_a, Role.RESIDENT, "resident"),
        sys_admin=member(t.county, Role.SYS_ADMIN, "sysadmin"),
        security_admin=member(t.county, Role.SECURITY_ADMIN, "secadmin"),
        audit_admin=member(t.county, Role.AUDIT_ADMIN, "auditadmin"),
        other_supervisor=member(t.other_county, Role.COUNTY_SUPERVISOR, "other_supervisor"),
        password=PASSWORD,
    )


@pytest.fixture
def people(tree):
    """One user per role, in town A (or its county / village / grid)."""
    return make_people(tree)


def travel_to(day):
    """Move the machine's clock (and so fazhi.core.clock) to 10:00 on `day`, Shanghai
    time, letting it tick: a test that depends on the date states its day."""
    moment = datetime.combine(day, time(10, 0), tzinfo=ZoneInfo("Asia/Shanghai"))
    return time_machine.travel(moment, tick=True)


@pytest.fixture
def on_day():
    """`on_day(date(2025, 6, 16))` moves the clock there for the rest of the test."""
    travellers = []

    def go(day):
        traveller = travel_to(day)
        traveller.start()
        travellers.append(traveller)
        return day

    yield go
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture(scope="session")
def _demo_rows(django_db_setup, django_db_blocker):
    """The demo county's rows, loaded once per test process (see tests/demo_snapshot.py)."""
    from fazhi.core.demo import load_demo

    from .demo_snapshot import DEMO_DAY, capture

    # The tests' own (fast) hasher: a password the demo sets must verify in every test.
    fast = override_settings(PASSWORD_HASHERS=FAST_HASHERS)
    with django_db_blocker.unblock(), travel_to(DEMO_DAY), fast:
        return capture(load_demo)


@pytest.fixture
def demo_county(db, _demo_rows, on_day):
    """The demo county as `fazhi demo` leaves it on DEMO_DAY (2026-11-30), with the clock
    on that day: 海屿镇 (`.town`), 青山镇 (`.other_town`) and the county (`.county`).
    Tests that need the demo on another day load it themselves."""
    from fazhi.core.demo import ISLAND_TOWN_CODE, SECOND_TOWN_CODE

    from .demo_snapshot import DEMO_DAY, restore

    on_day(DEMO_DAY)
    restore(_demo_rows)
    town = OrgUnit.objects.get(code=ISLAND_TOWN_CODE)
    return SimpleNamespace(
        day=DEMO_DAY,
        town=town,
        other_town=OrgUnit.objects.get(code=SECOND_TOWN_CODE),
        county=town.parent,
    )


@pytest.fixture
def demo_on(db, on_day, request):
    """`demo_on(day)`: the clock on `day` and the demo as `fazhi demo` loads it that day
    (the shared copy on DEMO_DAY, a fresh load on any other day); returns the day."""
    from fazhi.core.demo import load_demo

    from .demo_snapshot import DEMO_DAY, restore

    def go(day):
        on_day(day)
        if day == DEMO_DAY:
            restore(request.getfixturevalue("_demo_rows"))
        else:
            load_demo()
        return day

    return go


@pytest.fixture
def login(client):
    """login(user) → the test client logged in as that user (through the real login page)."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@contextmanager
def _assert_max_queries(limit: int):
    with CaptureQueriesContext(connection) as ctx:
        yield ctx
    if len(ctx.captured_queries) > limit:
        sql = "\n".join(q["sql"] for q in ctx.captured_queries)
        pytest.fail(f"{len(ctx.captured_queries)} queries > {limit}:\n{sql}")


@pytest.fixture
def max_queries():
    """with max_queries(N): ... fails, printing the SQL, when the block runs more than N."""
    return _assert_max_queries


@pytest.fixture
def count_queries():
    """count_queries(fn) → number of queries fn() runs (for flat-count tests at 10 vs 100 rows)."""

    def _count(fn):
        with CaptureQueriesContext(connection) as ctx:
            fn()
        return len(ctx.captured_queries)

    return _count


def _set_audit_triggers(enabled: bool) -> None:
    """Drop or restore the audit trail's append-only triggers (tests only)."""
    from importlib import import_module

    mig = import_module("fazhi.core.migrations.0002_audit_append_only")
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(f"ALTER TABLE core_auditevent {'ENABLE' if enabled else 'DISABLE'} TRIGGER USER")
        else:
            for sql in mig.SQLITE_REVERSE:
                cur.execute(sql)
            if enabled:
                for sql in mig.SQLITE:
                    cur.execute(sql)


@pytest.fixture
def audit_triggers():
    """set(False) drops the append-only triggers, as an attacker with DB access would;
    they are restored after the test."""
    yield _set_audit_triggers
    _set_audit_triggers(True)


def pytest_configure(config):
    # Transactional tests end with `flush`, which deletes every table, audit rows included;
    # the triggers rightly refuse that, so the test runner's flush lifts them around itself.
    from django.core.management.commands import flush

    original = flush.Command.handle

    def handle(self, **options):
        _set_audit_triggers(False)
        try:
            return original(self, **options)
        finally:
            _set_audit_triggers(True)

    flush.Command.handle = handle


_DB_FIXTURES = frozenset({"db", "transactional_db", "django_db_reset_sequences", "live_server"})


def pytest_collection_modifyitems(config, items):
    # The PostgreSQL pass of `make test` repeats only the tests that reach a database: a
    # test that never touches one (the pre-review rules, the calendar arithmetic, the
    # import graph) gives the same answer on both, and the SQLite pass has run it.
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    keep, skip = [], []
    for item in items:
        names = getattr(item, "fixturenames", ())
        uses_db = item.get_closest_marker("django_db") or _DB_FIXTURES.intersection(names)
        (keep if uses_db else skip).append(item)
    if skip:
        config.hook.pytest_deselected(items=skip)
        items[:] = keep
