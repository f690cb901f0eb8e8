"""Shared fixtures: a small county tree with two towns, and one user per role."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role

from .factories import PASSWORD, member


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _unit(kind, code, name, parent=None):
    return OrgUnit.objects.create(kind=kind, code=code, name=name, parent=parent)


@pytest.fixture
def tree(db):
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
def people(tree):
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
