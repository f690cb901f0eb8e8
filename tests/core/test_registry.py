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


def test_the_menu_is_grouped_under_the_seeds_chapters_in_order(db, people, login):
    """An officer's menu: the workbench, then 依法行政's ledgers under one caption, then
    报表 and 系统 — each chapter once, in the seed's order, every entry a link."""
    import re

    html = login(people.officer).get(reverse("workbench")).content.decode()
    groups = re.findall(r'role="group" aria-label="([^"]+)"', html)
    assert groups == sorted(groups, key=CHAPTERS.index) and len(groups) == len(set(groups))
    assert groups[:3] == ["工作台", "组织领导", "依法行政"] and "报表" in groups
    lawful = html.split('aria-label="依法行政"')[1].split("</li>")[0]
    for label in ("规范性文件", "备案审查", "合同协议", "智能预审", "法律顾问", "督查整改"):
        assert f">{label}</a>" in lawful
    assert ">组织机构</a>" not in lawful
