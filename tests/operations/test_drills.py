"""The drills of quality.md's battery over real HTTP against gunicorn (items 2, 3, 4):
racing conflicting transitions, SIGKILL of the server mid-write, and a backup taken
under write load then restored. `make drill` runs the long variant (FAZHI_DRILL_ROUNDS=20
kill rounds); `make test` a few rounds, on SQLite and on PostgreSQL."""

from __future__ import annotations

import http.client
import os
import random
import sqlite3
import threading
import time

import pytest

from fazhi.operations.fingerprint import fingerprints

from .live import ENGINE

# Subprocesses and servers use databases of their own; the marker (transactional: no
# transaction is left open while the session's template is copied from the test
# database) keeps these tests in the PostgreSQL pass (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


ROUNDS = int(os.environ.get("FAZHI_DRILL_ROUNDS", "3"))
CLIENTS = 8


def _create(site, title: str):
    return site.api(
        "POST",
        "/inspections",
        {
            "org_unit_id": site.seed["town"],
            "kind": "self",
            "title": title,
            "topic": "documents",
            "started_on": "2025-03-03",
        },
        timeout=20,
    )


class Writers:
    """Threads creating inspections over HTTP until stopped; keeps the titles the server
    acknowledged (201) and every other answer it gave."""

    def __init__(self, site, tag: str, n: int = 4):
        self.site, self.tag = site, tag
        self.acked: list[str] = []
        self.statuses: list[int] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(w,)) for w in range(n)]

    def _run(self, w: int) -> None:
        i = 0
        while not self.stop.is_set():
            title = f"{self.tag}-w{w}-{i}"
            i += 1
            try:
                status, _ = _create(self.site, title)
            except (OSError, http.client.HTTPException):
                # The server is gone (killed), perhaps halfway through its answer (an
                # IncompleteRead): the write was never acknowledged to this client.
                time.sleep(0.05)
                continue
            self.statuses.append(status)
            if status == 201:
                self.acked.append(title)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)


def _titles(site) -> set[str]:
    return {r[0] for r in site.query("SELECT title FROM inspections_inspection")}


def test_eight_clients_racing_the_same_transition_one_winner_each_step(sites):
    site = sites.seeded()
    site.start(workers=3, threads=4)
    try:
        results: dict[int, list] = {}
        for pk in site.seed["inspections"]:
            barrier = threading.Barrier(CLIENTS)
            answers = [None] * CLIENTS

            def press(n, pk=pk, barrier=barrier, answers=answers):
                barrier.wait()
                answers[n] = site.api(
                    "POST",
                    f"/inspections/{pk}/transitions/complete",
                    {"conclusion": "no_issues", "note": f"客户端{n}办结"},
                )

            threads = [threading.Thread(target=press, args=(n,)) for n in range(CLIENTS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            results[pk] = answers
    finally:
        site.stop()
    for pk, answers in results.items():
        statuses = [status for status, _ in answers]
        assert not [s for s in statuses if s >= 500], answers
        assert statuses.count(200) == 1, answers
        assert statuses.count(400) == CLIENTS - 1, answers
        for status, body in answers:
            if status == 400:
                assert body["code"] == "wrong_state"
                assert body["message"] == "当前状态为“已完成”,不能执行“办结督查”"
        (winner,) = [n for n, (status, _) in enumerate(answers) if status == 200]
        # 0 lost updates: the record, its timeline and its audit trail hold exactly the
        # winner's step, once.
        rows = site.query(
            "SELECT note FROM core_statuschange WHERE object_id = ? AND verb = 'complete' "
            "AND content_type_id = (SELECT id FROM django_content_type "
            "WHERE app_label = 'inspections' AND model = 'inspection')",
            (pk,),
        )
        assert rows == [(f"客户端{winner}办结",)]
        assert site.query("SELECT status FROM inspections_inspection WHERE id = ?", (pk,)) == [
            ("completed",)
        ]
        events = site.query(
            "SELECT COUNT(*) FROM core_auditevent WHERE verb = 'inspection.complete' "
            "AND object_id = ?",
            (str(pk),),
        )
        assert events == [(1,)]
    assert site.fazhi("audit", "verify").stdout.strip() == "OK"


def test_server_killed_mid_write_loses_no_acknowledged_write(sites):
    site = sites.seeded()
    acked: list[str] = []
    rng = random.Random(13)
    for r in range(ROUNDS):
        site.start(workers=2)
        with Writers(site, f"kill{r}") as writers:
            deadline = time.monotonic() + 60
            while not writers.acked and time.monotonic() < deadline:
                time.sleep(0.05)  # writes are flowing (a loaded machine may be slow)
            time.sleep(rng.uniform(0.1, 0.8))
            site.kill9()  # SIGKILL to master and workers while the writers write
        assert not [s for s in writers.statuses if s >= 500], writers.statuses
        assert writers.acked, f"第{r}轮没有写入成功的请求"
        acked += writers.acked
        if ENGINE == "sqlite":
            con = sqlite3.connect(site.data / "fazhi.sqlite3")  # replays the WAL
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            con.close()
        missing = set(acked) - _titles(site)
        assert not missing, f"第{r}轮后丢失已确认的写入:{sorted(missing)[:5]}"
    assert site.fazhi("audit", "verify").stdout.strip() == "OK"


def _fingerprints(site) -> dict:
    if ENGINE == "sqlite":
        con = sqlite3.connect(site.data / "fazhi.sqlite3")
        try:
            return fingerprints(con.cursor(), "sqlite")
        finally:
            con.close()
    import psycopg

    from .live import _pg_url

    with psycopg.connect(_pg_url(site.db)) as con:
        return fingerprints(con.cursor(), "postgresql")


def test_backup_under_write_load_restores_identical_tables(sites, tmp_path):
    import json

    site = sites.seeded()
    site.start(workers=2)
    try:
        with Writers(site, "load") as writers:
            deadline = time.monotonic() + 60
            while len(writers.acked) < 10 and time.monotonic() < deadline:
                time.sleep(0.1)
            before = set(writers.acked)
            result = site.fazhi("backup", "--output", str(tmp_path / "b"))
            during = len(writers.acked) - len(before)
        assert result.returncode == 0, result.stderr
        assert not [s for s in writers.statuses if s >= 500]
    finally:
        site.stop()
    assert during > 0, "备份期间没有并发写入,演练无效"
    (folder,) = list((tmp_path / "b").iterdir())
    manifest = json.loads((folder / "manifest.json").read_text())

    target = sites.empty()
    restored = target.fazhi("restore", str(folder))
    assert restored.returncode == 0, restored.stderr
    # Every write acknowledged before the backup began is in it.
    assert before <= _titles(target)
    # Every table identical to the snapshot the manifest describes (row counts and
    # checksums), except the restore's own audit event appended afterwards.
    found = _fingerprints(target)
    for name, want in manifest["tables"].items():
        if name in ("core_auditevent", "django_migrations"):
            continue
        assert found[name] == want, name
    assert found["core_auditevent"]["rows"] == manifest["tables"]["core_auditevent"]["rows"] + 1
    assert target.fazhi("audit", "verify").stdout.strip() == "OK"
