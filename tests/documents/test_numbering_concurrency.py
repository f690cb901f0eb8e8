"""50 concurrent registrations get the numbers 1…50 exactly: no gap, no twin (三统一).

PostgreSQL: threads, each with its own connection, on the test database (the counter row
is locked with SELECT … FOR UPDATE). SQLite: processes on one database file, as gunicorn
workers write (IMMEDIATE transactions serialise writers); the test database is in memory,
which threads cannot share."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.documents import services
from fazhi.documents.models import Document

ROOT = Path(__file__).resolve().parents[2]
TOTAL = 50
WORKERS = 5

# Builds 50 documents awaiting registration (deliberated, with a passed legality review),
# directly: the steps before registration are tested elsewhere.
SETUP = """
import datetime as dt
from django.contrib.contenttypes.models import ContentType
from fazhi.core.models import OrgUnit, User, Membership
from fazhi.documents.models import Document
from fazhi.reviews.models import ReviewRequest
county = OrgUnit.objects.create(kind="county", code="339901", name="示范县")
town = OrgUnit.objects.create(kind="town", code="339901101", name="海屿镇", parent=county,
                              short_name="海屿镇政规")
officer = User.objects.create(username="officer")
adviser = User.objects.create(username="adviser")
Membership.objects.create(user=officer, org_unit=town, role="law_officer")
Membership.objects.create(user=adviser, org_unit=town, role="legal_adviser")
ct = ContentType.objects.get_for_model(Document)
for i in range({total}):
    d = Document.objects.create(org_unit=town, issuer="government", title=f"文件{{i}}",
        status="deliberation", deliberation_meeting="常务会议",
        deliberation_date=dt.date(2025, 1, 1), deliberation_decision="passed",
        created_by=officer)
    ReviewRequest.objects.create(org_unit=town, content_type=ct, object_id=d.pk,
        kind="normative", title=d.title, requested_by=officer, reviewer=adviser,
        status="concluded", due_date=dt.date(2025, 1, 1), conclusion="passed",
        opinion="合法")
"""

WORK = """
import time
from fazhi.core.models import User
from fazhi.documents import services
from fazhi.documents.models import Document
officer = User.objects.get(username="officer")
ids = list(Document.objects.order_by("id").values_list("id", flat=True))[{k}::{n}]
time.sleep(max(0, {start} - time.time()))
for pk in ids:
    services.document_transition(actor=officer, obj=Document(pk=pk), verb="register")
"""


def _build(total):
    exec(SETUP.format(total=total), {})  # noqa: S102


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_1_to_50(tmp_path):
    if connection.vendor == "sqlite":
        numbers = _processes_on_one_sqlite_file(tmp_path)
    else:
        numbers = _threads_on_postgresql()
    assert sorted(numbers) == list(range(1, TOTAL + 1))


def _threads_on_postgresql() -> list[int]:
    _build(TOTAL)
    officer = OrgUnit.objects.get(code="339901101").memberships.get(role=Role.LAW_OFFICER).user
    ids = list(Document.objects.order_by("id").values_list("id", flat=True))
    barrier = threading.Barrier(WORKERS)
    errors = []

    def worker(k):
        try:
            barrier.wait()
            for pk in ids[k::WORKERS]:
                services.document_transition(actor=officer, obj=Document(pk=pk), verb="register")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    numbers = list(Document.objects.values_list("serial", flat=True))
    assert len(set(Document.objects.values_list("number", flat=True))) == TOTAL
    return numbers


def _processes_on_one_sqlite_file(tmp_path) -> list[int]:
    import time

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(FAZHI_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="fazhi.settings")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "shell", "-v0", "-c", SETUP.format(total=TOTAL)], env=env, check=True, cwd=ROOT
    )
    start = time.time() + 4  # every process is up before any registers
    procs = [
        subprocess.Popen(
            [*manage, "shell", "-v0", "-c", WORK.format(k=k, n=WORKERS, start=start)],
            env=env,
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for k in range(WORKERS)
    ]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    out = subprocess.run(
        [*manage, "shell", "-v0", "-c",
         "from fazhi.documents.models import Document as D\n"
         "rows = list(D.objects.values_list('serial', 'number'))\n"
         "assert len({n for _, n in rows}) == len(rows)\n"
         "print(' '.join(str(s) for s, _ in rows))"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return [int(s) for s in out]
