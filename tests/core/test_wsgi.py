"""The served process sets its long-lived objects aside from the garbage collector
(fazhi/wsgi.py): a full collection otherwise took 150 ms inside some request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, time
import fazhi.wsgi
from django.test import Client
frozen = gc.get_freeze_count()
Client(HTTP_HOST="127.0.0.1").get("/login/")
started = time.perf_counter()
gc.collect()
print(frozen, (time.perf_counter() - started) * 1000)
"""


def test_the_worker_freezes_what_it_loaded_and_a_full_collection_stays_short(tmp_path):
    env = {
        **os.environ,
        "FAZHI_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "fazhi.settings",
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    frozen, collect_ms = int(out[0]), float(out[1])
    assert frozen > 100_000  # the URLconf, views and API schemas
    assert collect_ms < 50  # 150 ms and more without the freeze
