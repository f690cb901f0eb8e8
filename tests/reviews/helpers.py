"""Helpers for the legality-review tests: a reviewable subject and a full checklist.

Documents and contracts are built elsewhere; any model with org_unit, title, created_by
and get_absolute_url is a subject, and a 智能预审 run is one, so the tests use runs."""

from __future__ import annotations

import re
import time

from fazhi.reviews import checklists
from fazhi.reviews.models import PrecheckRun

DRAFT = "第一条 为加强出租房屋管理,制定本办法。\n第二条 出租人应当遵守本办法。"


def make_subject(unit, drafter, title="海屿镇出租房屋管理办法(送审稿)") -> PrecheckRun:
    """A stand-in subject in `unit` drafted by `drafter` (plain row, no service)."""
    return PrecheckRun.objects.create(
        org_unit=unit, title=title, kind="normative", paragraphs=[], created_by=drafter
    )


def full_checklist(kind="normative", *, failed=()) -> dict:
    return {
        item.key: {"ok": item.key not in failed, "note": "存在问题" if item.key in failed else ""}
        for item in checklists.items_for(kind)
    }


OPINION = "经审核,该文件制定主体、权限和程序合法,内容未发现违法情形,同意提交集体审议。"


# ---- the 20-page speed budget (quality.md: a 20-page pre-review in ≤ 200 ms) ----------------
# The 200 ms were set on the machine docs/benchmarks.md names; CI machines differ, and one
# VM's speed was seen to halve between two runs a minute apart (2026-12-02: a fixed regex scan
# took 138 ms, then 270-313 ms). A pre-review passes the budget if it takes ≤ 200 ms, or, on a
# slower machine, ≤ twice a fixed regex scan of the same text measured in the same run (the
# engine took 1.2-1.7 times that scan on both machines, rounds 22 and 23). `make bench-precheck`
# reports the absolute figure against the target.
PRECHECK_BUDGET_S = 0.2
PRECHECK_REFERENCE_RATIO = 2.0
_REFERENCE_WORDS = (
    "收费",
    "许可",
    "罚款",
    "必须",
    "不得",
    "指定",
    "担保",
    "付款",
    "评估",
    "垫资",
    "仲裁",
    "奖励",
)
_REFERENCE = re.compile(
    "|".join(
        f"(?:(应当|必须|不得|一律)[^，。；]{{0,12}}{w}[^，。；]{{0,6}}(费|证|款|人))"
        for w in _REFERENCE_WORDS
    )
)


def reference_scan_seconds(paragraphs, rounds: int = 20) -> float:
    """How long a fixed regex scan of the paragraphs' clauses takes, `rounds` times over: the
    machine's speed at regex work on this text, right now."""
    started = time.perf_counter()
    for _ in range(rounds):
        for p in paragraphs:
            for s in re.split("[。；]", p):
                _REFERENCE.search(s)
    return time.perf_counter() - started


def precheck_within_budget(paragraphs, kind: str, pairs: int = 5) -> tuple[bool, str]:
    """Whether a pre-review meets the 20-page budget, and why. Each pre-review is timed next
    to one reference scan, so that both see the machine at the same speed (under `-n 2` the
    other worker and the VM's neighbours slow one and not the other when timed apart): the
    budget holds if the fastest pre-review takes ≤ 200 ms or the best pair's ratio ≤ 2."""
    from fazhi.reviews.precheck import precheck

    precheck(paragraphs, kind)
    times, ratios = [], []
    for _ in range(pairs):
        started = time.perf_counter()
        precheck(paragraphs, kind)
        took = time.perf_counter() - started
        reference = reference_scan_seconds(paragraphs)
        times.append(took)
        ratios.append(took / reference)
    fastest, ratio = min(times), min(ratios)
    ok = fastest <= PRECHECK_BUDGET_S or ratio <= PRECHECK_REFERENCE_RATIO
    return (
        ok,
        f"{kind}: fastest {fastest * 1000:.0f} ms, best ratio to the reference scan {ratio:.2f}",
    )
