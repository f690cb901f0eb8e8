"""Every audit verb the code records has a Chinese name for the audit pages: a workflow
names its steps, an app declares its other verbs on its AppConfig (`audit_labels`).
A verb without one would show as `contract.export` to the audit administrator."""

from __future__ import annotations

import re
from pathlib import Path

import fazhi
from fazhi.core import audit

SOURCE = Path(fazhi.__file__).parent
# verb="app.step" as written in audit.record(...) calls (f-strings are not checked).
RECORDED = re.compile(r"""verb=["']([a-z_]+\.[a-z_]+)["']""")


def _recorded_verbs() -> dict[str, str]:
    found = {}
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for verb in RECORDED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(verb, str(path.relative_to(SOURCE)))
    return found


def test_the_scan_finds_the_verbs_of_core_and_of_the_apps():
    verbs = _recorded_verbs()
    assert {"auth.login", "audit.export", "precheck.run"} <= set(verbs)
    assert len(verbs) > 40


def test_every_recorded_verb_has_a_chinese_label():
    missing = {v: where for v, where in _recorded_verbs().items() if v not in audit.VERB_LABELS}
    assert not missing, f"audit verbs without a label (add to the app's audit_labels): {missing}"
    assert all(re.search(r"[\u4e00-\u9fff]", audit.VERB_LABELS[v]) for v in _recorded_verbs())
