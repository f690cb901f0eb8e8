"""工作任务 in Chromium: the law officer opens the breakdown form from a meeting's decision
(the GET parameters the leadership meeting page links with) and assigns it to two villages
(two tasks); 东岙村's cadre finds the task, is refused completion without evidence, reports
progress with a photo and completes it; the officer sees it rolled up on the plan page."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date
from urllib.parse import urlencode

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

DECISION = "浏览器测试:开展民法典进村宣讲"


def _png() -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")  # fmt: skip


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_meeting_decision_to_village_tasks_to_roll_up(page, screenshots):
    _log_in(page, "officer", DEMO_PASSWORD)
    query = urlencode({"source": "meeting", "meeting": "1", "title": DECISION})
    page.goto(f"/tasks/new/?{query}")
    expect(page.get_by_test_id("from-meeting")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(DECISION)
    value = page.locator("#id_item option", has_text="公共法律服务").first.get_attribute("value")
    page.select_option("#id_item", value)
    page.get_by_label("东岙村(村)").check()
    page.get_by_label("西岙村(村)").check()
    page.fill("#id_due", f"{date.today().year}-12-20")
    page.fill("#id_evidence_required", "宣讲照片")
    page.screenshot(path=str(screenshots / "tasks-create-from-meeting.png"), full_page=True)
    page.get_by_role("button", name="分解").click()
    page.wait_for_url(re.compile(r"/tasks/plans/\d+/$"))
    plan_url = page.url
    expect(page.get_by_test_id("plan-tree")).to_contain_text(DECISION)
    expect(page.get_by_test_id("plan-tree").get_by_role("link", name=DECISION)).to_have_count(2)
    _log_out(page)

    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, "vcadre", DEMO_PASSWORD)
    page.goto("/tasks/")  # on a phone the menu is folded; 工作任务 is its entry
    page.get_by_test_id("tasks").get_by_role("link", name=DECISION).click()
    page.wait_for_url(re.compile(r"/tasks/\d+/$"))
    expect(page.get_by_test_id("task")).to_contain_text("会议决定")
    page.fill("#id_percent", "100")
    page.fill("#id_note", "已在村文化礼堂宣讲")
    page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_role("alert").first).to_contain_text("须附佐证材料方可完成")
    expect(page.get_by_test_id("task-status")).to_have_text("进行中")
    page.fill("#id_percent", "100")
    page.fill("#id_note", "已在村文化礼堂宣讲,到场村民56人")
    page.set_input_files(
        "#id_files", files=[{"name": "宣讲照片.png", "mimeType": "image/png", "buffer": _png()}]
    )
    page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_test_id("task-status")).to_have_text("已完成")
    expect(page.get_by_test_id("attachment-list")).to_contain_text("宣讲照片.png")
    page.screenshot(path=str(screenshots / "tasks-village-report.png"), full_page=True)
    _log_out(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(plan_url)
    row = page.get_by_test_id("task-row").filter(has_text=DECISION).filter(has_text="东岙村")
    expect(row).to_contain_text("已完成")
    expect(row).to_contain_text("100%")
    expect(page.get_by_test_id("village-rollup")).to_contain_text("东岙村")
    page.screenshot(path=str(screenshots / "tasks-plan-rollup.png"), full_page=True)
    assert not page.console_errors, page.console_errors
