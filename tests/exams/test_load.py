""" "500 cadres starting in the same minute" (issue 11, acceptance): a gunicorn with two
workers (as `make run` serves, one per core) on a fresh SQLite file; 500 cadres each start
their random 80-question paper within ten seconds of each other and save five answers,
all 500 connected at once, over real HTTP: 0 errors, every paper and answer stored. The
answer-save p50/p95 are printed (`-s`); the p95 ≤ 300 ms target is checked by `make bench`
on a machine of its own, since here other tests share the two cores. A cadre pauses 4–8 s before each answer (the real pace is
about 45 s a question), so the server sees ~80 answer saves a second: several times the
real rate of 500 cadres, which is about 11 a second.

The server's database is SQLite in a temporary directory on tmpfs (/dev/shm) when the
machine has one: every answer is a committed write, and SQLite with synchronous=FULL
waits for the disk's fsync on each commit (6–25 ms on this CI disk while other tests
run), which would measure the disk, not the application; `make bench` (fazhi/exams/
bench.py) measures the same load on the real data directory and on PostgreSQL, where a
county's 500 cadres are served."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from fazhi.exams import bench as load

ROOT = Path(__file__).resolve().parents[2]
CADRES = 500
ANSWERS = 5


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env, *args, timeout=300) -> str:
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=timeout)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


@pytest.fixture
def data_dir(tmp_path):
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    path = Path(tempfile.mkdtemp(prefix="fazhi-exams-load-", dir=shm))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def test_500_cadres_start_and_save_answers_at_once(data_dir):
    tmp_path = data_dir
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(FAZHI_DATA_DIR=str(tmp_path), FAZHI_ALLOWED_HOSTS="127.0.0.1,localhost",
               DJANGO_SETTINGS_MODULE="fazhi.settings", PYTHONPATH=str(ROOT))  # fmt: skip
    env.pop("FAZHI_PRODUCTION", None)
    env.pop("FAZHI_DEBUG", None)
    began = time.monotonic()
    setup = load.parse_setup(_manage(env, "shell", "-v", "0", "-c", load.setup_script(CADRES)))
    print(f"\nmigrate and setup: {time.monotonic() - began:.1f} s")
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "fazhi.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--backlog", "2048", "--graceful-timeout", "3"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, (
                    tmp_path / "server.log"
                ).read_text()
                time.sleep(0.2)
        result = load.run(port, setup["exam"], setup["sessions"], answers=ANSWERS)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    print("\n" + load.summary_line(result))
    assert result["errors"] == [], result["errors"][:10]
    assert len(result["starts"]) == CADRES and len(result["saves"]) == CADRES * ANSWERS
    counts = _manage(env, "shell", "-v", "0", "-c", (
        "from fazhi.exams.models import Attempt\n"
        "rows = list(Attempt.objects.values_list('answers', 'paper'))\n"
        "print(len(rows), sum(len(a) for a, _ in rows), {len(p) for _, p in rows})"
    )).split(maxsplit=2)  # fmt: skip
    assert counts[:2] == [str(CADRES), str(CADRES * ANSWERS)] and counts[2].strip() == "{80}"
