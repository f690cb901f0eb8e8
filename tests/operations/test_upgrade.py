"""Upgrade from an earlier release (quality battery, issue 13 item 4): a database frozen at
the migration state of commit 8c7b0c7, the first release with the audit trail's
append-only triggers, holding units, accounts with encrypted phones, memberships,
holiday overrides, a token and a hash-chained audit trail
(tests/operations/fixtures/release-8c7b0c7.*.sql, made by scripts/make-upgrade-fixture.sh)
is migrated by today's code: nothing lost, the chain verifies, the triggers are there
and still refuse (SQLite rebuilds a table on many ALTERs, which drops its triggers)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .live import ENGINE, FIELD_KEY, Site, _pg_admin, _pg_url

# Subprocesses and servers use databases of their own; the marker (transactional: no
# transaction is left open while the session's template is copied from the test
# database) keeps these tests in the PostgreSQL pass (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_KEY = "upgrade-fixture-field-key"
TABLES = {
    "core_orgunit": 7,
    "core_user": 12,
    "core_membership": 12,
    "core_holidayoverride": 2,
    "core_apitoken": 1,
    "core_auditevent": 73,
}


@pytest.fixture
def old_site(sites, tmp_path):
    site = Site(tmp_path / "old")
    site.data.mkdir()
    sql = (
        FIXTURES / f"release-8c7b0c7.{'pg' if ENGINE == 'postgresql' else 'sqlite'}.sql"
    ).read_text()
    if ENGINE == "sqlite":
        con = sqlite3.connect(site.data / "fazhi.sqlite3")
        con.executescript(sql)
        con.close()
    else:
        import psycopg

        site.db = f"fz_upgrade_{tmp_path.name[-12:].replace('-', '_')}"
        _pg_admin(f'CREATE DATABASE "{site.db}"')
        with psycopg.connect(_pg_url(site.db), autocommit=True) as con:
            con.execute(sql)
    sites.made.append(site)
    return site


def _triggers(site) -> set[str]:
    if ENGINE == "sqlite":
        return {r[0] for r in site.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return {
        r[0]
        for r in site.query(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'core_auditevent'::regclass"
        )
    }


def test_old_release_migrates_with_nothing_lost_and_the_trail_still_append_only(old_site, sites):
    counts = {t: old_site.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}
    assert counts == TABLES
    chain = old_site.query("SELECT id, hash FROM core_auditevent ORDER BY id")
    env = {"FAZHI_FIELD_KEY": FIXTURE_KEY}
    migrated = old_site.fazhi("migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr
    # Nothing lost: every row is still there, the audit events unchanged.
    for table, n in TABLES.items():
        assert old_site.query(f"SELECT COUNT(*) FROM {table}")[0][0] >= n, table
    assert old_site.query("SELECT id, hash FROM core_auditevent ORDER BY id")[: len(chain)] == chain
    assert old_site.fazhi("audit", "verify", env=env).stdout.strip() == "OK"
    # Personal data encrypted by the old release still decrypts under the same key.
    phone = old_site.fazhi(
        "shell",
        "-v0",
        "-c",
        "from fazhi.core.models import User; print(User.objects.get(username='user3').phone)",
        env=env,
    )
    assert phone.stdout.strip() == "13800000003", phone.stderr
    # The append-only triggers survived every table rebuild and still refuse.
    triggers = _triggers(old_site)
    if ENGINE == "sqlite":
        assert {"core_auditevent_no_update", "core_auditevent_no_delete"} <= triggers
        # …and the upgraded schema has every trigger a fresh install has (search indexes too).
        fresh = sites.seeded()
        assert _triggers(fresh) <= triggers
    else:
        assert {"core_auditevent_append_only", "core_auditevent_no_truncate"} <= triggers
    refused = old_site.fazhi(
        "shell",
        "-v0",
        "-c",
        "from django.db import connection\n"
        "try:\n"
        "    connection.cursor().execute(\"UPDATE core_auditevent SET verb = 'x'\")\n"
        "    print('UPDATED')\n"
        "except Exception as e:\n"
        "    print('REFUSED', e)",
        env=env,
    )
    assert refused.stdout.startswith("REFUSED") and "审计记录只能追加" in refused.stdout
    assert FIELD_KEY != FIXTURE_KEY  # the site's own key is not what opened the data
