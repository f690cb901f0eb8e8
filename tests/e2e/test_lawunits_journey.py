"""法治单元 in Chromium: 大岙村's cadre, on a 390 px phone, uploads evidence for every
criterion of the village's 省级民主法治村 record (refused before that) and declares it;
the law officer lists it for naming (拟命名). 东岙村's cadre files a 村规民约 with a fine;
the pre-review flags it with its legal basis; the officer returns it for correction; the
cadre finds it on the workbench, corrects and refiles it; the officer accepts it."""

from __future__ import annotations

import re
import struct
import zlib

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

PHONE = {"width": 390, "height": 844}
TITLE = "浏览器测试村规民约"
RULES = "第一条 村民应当遵守法律法规。\n第二条 在渔港内乱扔废弃渔网的，罚款200元。"
CORRECTED = (
    "第一条 村民应当遵守法律法规。\n第二条 在渔港内乱扔废弃渔网的，由村委会批评教育、督促清理。"
)


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
    page.goto("/")
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_a_village_record_moves_to_proposed_with_its_evidence(page, screenshots):
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto("/lawunits/")
    expect(page.get_by_test_id("rate-city")).to_have_text("100.0%")
    page.get_by_test_id("create").click()
    page.select_option("#id_org_unit", label="大岙村")
    page.select_option("#id_tier", "province")
    page.get_by_role("button", name="登记").click()
    page.wait_for_url(re.compile(r"/lawunits/records/\d+/$"))
    record_url = page.url
    _log_out(page)

    page.set_viewport_size(PHONE)
    _log_in(page, "caiyongkang", DEMO_PASSWORD)
    page.goto(record_url)
    page.get_by_role("button", name="申报").click()
    expect(page.locator("#fz-messages")).to_contain_text("项创建标准未上传佐证材料")
    forms = page.get_by_test_id("evidence-form")
    for i in range(forms.count()):
        form = page.get_by_test_id("evidence-form").nth(i)
        form.locator("input[type=file]").set_input_files(
            files=[{"name": f"佐证{i + 1}.png", "mimeType": "image/png", "buffer": _png()}]
        )
        form.get_by_role("button", name="上传佐证").click()
        page.wait_for_load_state()
    expect(page.get_by_test_id("checklist")).to_contain_text("均已上传")
    page.screenshot(path=str(screenshots / "lawunits-evidence-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    page.get_by_role("button", name="申报").click()
    expect(page.get_by_test_id("record-stage")).to_have_text("申报")
    _log_out(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(record_url)
    page.get_by_role("button", name="列入拟命名名单").click()
    expect(page.get_by_test_id("record-stage")).to_have_text("拟命名")
    page.screenshot(path=str(screenshots / "lawunits-proposed.png"), full_page=True)
    assert page.console_errors == []


def test_unlawful_village_rules_are_flagged_and_corrected(page, screenshots):
    page.set_viewport_size(PHONE)
    _log_in(page, "vcadre", DEMO_PASSWORD)
    page.goto("/lawunits/rules/")
    page.get_by_test_id("create").click()
    page.fill("#id_title", TITLE)
    page.fill("#id_adopted_on", "2026-01-05")
    page.fill("#id_text", RULES)
    page.get_by_role("button", name="报备并预审").click()
    page.wait_for_url(re.compile(r"/lawunits/rules/\d+/$"))
    rules_url = page.url
    expect(page.get_by_test_id("findings")).to_contain_text("村规民约设定罚款、处罚")
    expect(page.get_by_test_id("findings")).to_contain_text(
        "《中华人民共和国村民委员会组织法》第二十七条"
    )
    page.screenshot(path=str(screenshots / "lawunits-rules-flagged-phone.png"), full_page=True)
    _log_out(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(rules_url)
    action = page.get_by_test_id("action-return")
    action.locator("textarea[name=note]").fill("第二条设定罚款,请改为批评教育后重新报备")
    action.get_by_role("button", name="退回改正").click()
    expect(page.get_by_test_id("rules-status")).to_have_text("退回改正")
    _log_out(page)

    page.set_viewport_size(PHONE)
    _log_in(page, "vcadre", DEMO_PASSWORD)
    page.goto("/")
    page.get_by_role("link", name=re.compile(f"改正村规民约:东岙村{TITLE}")).first.click()
    page.wait_for_url(rules_url)
    action = page.get_by_test_id("action-refile")
    action.locator("textarea[name=text]").fill(CORRECTED)
    action.get_by_role("button", name="改正后重新报备").click()
    expect(page.get_by_test_id("rules-status")).to_have_text("已报备待审查")
    expect(page.get_by_test_id("findings")).to_contain_text("未发现问题")
    _log_out(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(rules_url)
    page.get_by_test_id("action-accept").get_by_role("button", name="审查通过").click()
    expect(page.get_by_test_id("rules-status")).to_have_text("审查通过")
    page.screenshot(path=str(screenshots / "lawunits-rules-accepted.png"), full_page=True)
    assert page.console_errors == []
