"""Concurrent writers never fork the audit hash chain (quality battery #2 / #9)."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from fazhi.core import audit
from fazhi.core.models import AuditEvent

ROOT = Path(__file__).resolve().parents[2]
WRITERS, EACH = 4, 25


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain(tmp_path):
    """Given several connections appending at once, every event links to exactly one
    predecessor and the chain verifies. PostgreSQL (advisory lock): threads on the test
    database. SQLite (IMMEDIATE transactions): processes on one file, as gunicorn workers
    write — the test database is in memory, which threads cannot share."""
    if connection.vendor == "sqlite":
        _processes_on_one_sqlite_file(tmp_path)
        return
    errors = []

    def writer(n):
        try:
            for i in range(EACH):
                audit.record(verb="test.concurrent", changes={"writer": n, "i": i})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert AuditEvent.objects.filter(verb="test.concurrent").count() == WRITERS * EACH
    prev = list(AuditEvent.objects.values_list("prev_hash", flat=True))
    assert len(prev) == len(set(prev)), "two events claim the same predecessor: the chain forked"
    assert audit.verify() is None


def _processes_on_one_sqlite_file(tmp_path):
    """Four processes write to one SQLite file: none fails with "database is locked" and
    the chain verifies."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(FAZHI_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="fazhi.settings")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    code = (
        "from fazhi.core import audit\n"
        f"for i in range({EACH}): audit.record(verb='test.concurrent', changes={{'i': i}})\n"
    )
    procs = [
        subprocess.Popen([*manage, "shell", "-v0", "-c", code], env=env, cwd=ROOT,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(WRITERS)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    out = subprocess.run([*manage, "audit", "verify"], env=env, cwd=ROOT, capture_output=True,
                         text=True)
    assert out.stdout.strip() == "OK", out.stderr
    count = subprocess.run(
        [*manage, "shell", "-v0", "-c",
         "from fazhi.core.models import AuditEvent as A; "
         "print(A.objects.filter(verb='test.concurrent').count(), "
         "A.objects.values('prev_hash').distinct().count() == A.objects.count())"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert count == [str(WRITERS * EACH), "True"]
