"""Helpers for the legality-review tests: a reviewable subject and a full checklist.

Documents and contracts are built elsewhere; any model with org_unit, title, created_by
and get_absolute_url is a subject, and a 智能预审 run is one, so the tests use runs."""

from __future__ import annotations

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
