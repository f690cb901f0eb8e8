"""One app registry (core.registry): an app declares its pages, API, menu and hooks on its
AppConfig, and fazhi's URLconf, API and menu follow."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from fazhi.core.registry import CHAPTERS, fazhi_apps, menu_entries

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import django, json
django.setup()
from django.urls import reverse
from fazhi.api import api
from fazhi.core.registry import menu_entries
from tests.test_permission_matrix import EXPECTATIONS, all_patterns
schema = api.get_openapi_schema()
print(json.dumps({
    "url": reverse("example_app:index"),
    "api": "/api/v1/example-items" in schema["paths"],
    "menu": [(e.label, e.chapter) for e in menu_entries() if e.url_name.startswith("example")],
    "unlisted": sorted(set(all_patterns()) - set(EXPECTATIONS)),
}))
"""


def test_every_fazhi_app_is_in_the_registry_and_its_menu_entries_resolve():
    labels = {c.label for c in fazhi_apps()}
    assert {"core", "reviews", "advisers", "documents", "contracts", "inspections"} <= labels
    assert "reports" in labels
    for entry in menu_entries():
        assert entry.chapter in CHAPTERS
        reverse(entry.url_name)  # a declared entry whose page is missing fails here
    chapters = [e.chapter for e in menu_entries()]
    assert chapters == sorted(chapters, key=CHAPTERS.index)


def test_a_new_app_plugs_in_with_only_its_folder_and_installed_apps(tmp_path):
    """tests/example_app + one line of settings: its page is routed, its API mounted, its
    menu entry listed under its chapter, and the permission matrix sees its route (and
    would fail until the app's tests/<label>/matrix.py lists it)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "tests.example_settings", "PATH": "/usr/bin:/bin",
             "FAZHI_DATA_DIR": str(tmp_path)},  # fmt: skip
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["url"] == "/example/"
    assert found["api"] is True
    assert found["menu"] == [["示例台账", "基层治理"]]
    assert found["unlisted"] == ["api-1.0.0:example_items", "example_app:index"]
