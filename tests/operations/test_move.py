"""Moving a town between SQLite and PostgreSQL (docs/install.md, "把乡镇从 SQLite 迁到
PostgreSQL"): dumpdata in XML (JSON would cut the audit trail's timestamps to
milliseconds and break its hash chain) → migrate + loaddata on the other
engine → `fazhi rowcounts` equal on both sides → `fazhi audit verify` OK. Run on the
PostgreSQL run both ways (PostgreSQL → SQLite → PostgreSQL); on the SQLite run the same
commands move SQLite → SQLite."""

from __future__ import annotations

import json

import pytest

from .live import sqlite_site

# Subprocesses and servers use databases of their own; the marker (transactional: no
# transaction is left open while the session's template is copied from the test
# database) keeps these tests in the PostgreSQL pass (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


DUMP = [
    "dumpdata",
    "--natural-foreign",
    "--exclude",
    "contenttypes",
    "--exclude",
    "auth.permission",
    "--exclude",
    "sessions",
    "--format",
    "xml",
    "--output",
]


def _move(source, target, dump_path) -> dict:
    before = json.loads(source.fazhi("rowcounts", check=True).stdout)
    source.fazhi(*DUMP, str(dump_path), check=True)
    # The target is freshly migrated: its only rows are content types and permissions,
    # which the dump leaves out (natural keys point at the target's own).
    target.fazhi("loaddata", str(dump_path), check=True)
    after = json.loads(target.fazhi("rowcounts", check=True).stdout)
    assert after == before
    assert target.fazhi("audit", "verify").stdout.strip() == "OK"
    return after


def test_move_a_town_between_sqlite_and_postgresql_both_ways(sites, tmp_path):
    source = sites.seeded()  # the run's engine, with a town, an officer and inspections
    upload_free = source.query("SELECT COUNT(*) FROM inspections_inspection")[0][0]
    assert upload_free > 0
    middle = sqlite_site(tmp_path)  # a SQLite town
    sites.made.append(middle)
    counts = _move(source, middle, tmp_path / "to-sqlite.xml")
    assert counts["inspections_inspection"] == upload_free
    back = sites.fresh()  # the run's engine again
    _move(middle, back, tmp_path / "back.xml")
    # Personal data moves encrypted and still opens under the same key.
    phone = back.shell(
        "from fazhi.core.models import User; print(User.objects.get(username='officer').phone)"
    )
    assert phone.strip() == "13800001234"
    # New writes continue the sequences (PostgreSQL) and the audit chain.
    back.shell(
        "from fazhi.core import audit; from fazhi.core.models import User; "
        "audit.record(verb='auth.login', actor=User.objects.get(username='officer'))"
    )
    assert back.fazhi("audit", "verify").stdout.strip() == "OK"
