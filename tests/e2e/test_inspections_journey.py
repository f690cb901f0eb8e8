"""督查整改 in Chromium: the county supervisor opens a special inspection of 海屿镇, records a
finding for the town's cadre, corrects its deadline and issues the rectification notice; the cadre finds it on
the workbench, is refused without evidence, uploads a photo and submits; the supervisor
closes it and completes the inspection."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date, timedelta

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "浏览器测试专项督查"
PROBLEM = "浏览器测试:1份行政协议未在签订后5个工作日内归档"


def _png() -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_county_inspection_to_closure(page, screenshots):
    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="督查整改").click()
    page.get_by_role("heading", name="督查整改").wait_for()
    # The demo's clean self-inspection is a recorded conclusion in the list.
    expect(page.locator("[data-testid=inspections]")).to_contain_text("未发现需整改问题")
    page.get_by_test_id("create").click()
    page.select_option("#id_org_unit", label="海屿镇")
    page.select_option("#id_kind", "county_special")
    page.fill("#id_title", TITLE)
    page.select_option("#id_topic", "contracts")
    page.get_by_role("button", name="发起督查").click()
    page.wait_for_url(re.compile(r"/inspections/\d+/$"))
    inspection_url = page.url

    page.get_by_test_id("finding-add").click()
    page.fill("#id_description", PROBLEM)
    page.fill("#id_basis", "本县行政协议管理规定(签订后5个工作日内归档)")
    page.select_option("#id_owner", label="张伟")
    page.get_by_role("button", name="记录问题").click()
    page.wait_for_url(inspection_url)
    expect(page.get_by_test_id("findings")).to_contain_text(PROBLEM)
    # A wrong deadline is corrected, not recorded again: the change shows as 最近修改.
    page.get_by_test_id("findings").get_by_role("link", name=re.compile("浏览器测试")).click()
    page.wait_for_url(re.compile(r"/inspections/findings/\d+/$"))
    page.get_by_test_id("finding-edit").click()
    expect(page.locator("#id_description")).to_have_value(PROBLEM)
    new_deadline = (date.today() + timedelta(days=45)).isoformat()
    page.fill("#id_deadline", new_deadline)
    page.get_by_role("button", name="保存修改").click()
    page.wait_for_url(re.compile(r"/inspections/findings/\d+/$"))
    expect(page.get_by_test_id("finding")).to_contain_text(new_deadline)
    expect(page.get_by_test_id("last-change")).to_contain_text("整改期限")
    page.goto(inspection_url)
    page.get_by_role("button", name="下发整改通知").click()
    expect(page.get_by_test_id("inspection-status")).to_have_text("整改中")
    page.screenshot(path=str(screenshots / "inspection-issued.png"), full_page=True)
    _log_out(page)

    _log_in(page, "cadre", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("整改督查问题:浏览器测试")).click()
    page.wait_for_url(re.compile(r"/inspections/findings/\d+/$"))
    finding_url = page.url
    page.fill("#id_rectification", "已将协议归档并更新台账")
    page.get_by_role("button", name="提交整改").click()
    expect(page.get_by_role("alert").first).to_contain_text("整改须附佐证材料")
    expect(page.get_by_test_id("finding-status")).to_have_text("待整改")
    page.set_input_files(
        "[data-testid=attachment-upload] input[type=file]",
        files=[{"name": "归档照片.png", "mimeType": "image/png", "buffer": _png()}],
    )
    page.get_by_role("button", name="上传附件").click()
    expect(page.get_by_test_id("attachment-list")).to_contain_text("归档照片.png")
    page.fill("#id_rectification", "已将协议归档并更新台账")
    page.get_by_role("button", name="提交整改").click()
    expect(page.get_by_test_id("finding-status")).to_have_text("已提交整改")
    _log_out(page)

    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.goto(finding_url)
    page.get_by_role("button", name="审核销号").click()
    expect(page.get_by_test_id("finding-status")).to_have_text("已销号")
    page.goto(inspection_url)
    page.get_by_role("button", name="办结督查").click()
    expect(page.get_by_test_id("inspection-status")).to_have_text("已完成")
    expect(page.get_by_test_id("conclusion")).to_have_text("发现问题")
    page.screenshot(path=str(screenshots / "inspection-completed.png"), full_page=True)
    assert not page.console_errors, page.console_errors
