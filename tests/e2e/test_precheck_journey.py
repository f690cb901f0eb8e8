"""智能预审 in Chromium: the law officer pastes a draft and sees the risky sentences
highlighted with their findings; the legal adviser then marks one finding 采纳 and another
不采纳 with a reason, in place, and the decisions are still there after a reload."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "海屿镇渔船管理通知(浏览器测试)"
DRAFT = (
    "海屿镇人民政府关于加强渔船管理的通知\n"
    "第一条 渔船出海前须经镇海洋渔业办审批。\n"
    "第二条 每艘渔船每年缴纳管理费300元。\n"
    "第三条 镇政府负责渔船安全宣传。"
)


def _card(page, category: str):
    # Looked up afresh each time: htmx replaces the card element after a decision.
    return page.locator("[data-testid=finding-card]", has_text=category)


def test_officer_prechecks_a_draft_and_adviser_decides_its_findings(page, screenshots):
    """Given the demo town's law officer, when they paste a draft with a licence and a fee
    in it, then both sentences are highlighted in their severity's colour beside their
    findings; given the adviser, when they accept the licence finding and reject the fee
    finding with a note, then each card shows its decision, and so does the page after a
    reload."""
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="智能预审").click()
    page.get_by_role("heading", name="智能预审").wait_for()
    page.fill("#id_title", TITLE)
    page.select_option("#id_kind", "normative")
    page.fill("#id_text", DRAFT)
    page.get_by_role("button", name="开始预审").click()
    page.wait_for_url(re.compile(r"/reviews/prechecks/\d+/$"))
    run_url = page.url

    page.get_by_role("heading", name=TITLE).wait_for()
    licence_mark = page.locator("[data-testid=document] mark[id^=mark-]", has_text="审批")
    expect(licence_mark).to_have_text("渔船出海前须经镇海洋渔业办审批。")
    # Since round 21 a licence reports at medium (amber): on real documents most "审批"
    # sentences were the town's own management, so red is kept for the readings that held.
    expect(licence_mark).to_have_class(re.compile(r"\bbg-warning-subtle\b"))
    expect(licence_mark).to_have_attribute("title", "设定行政许可(中风险)")
    fee_mark = page.locator("[data-testid=document] mark[id^=mark-]", has_text="管理费")
    expect(fee_mark).to_be_visible()
    licence = _card(page, "设定行政许可")
    expect(licence).to_be_visible()
    expect(licence).to_contain_text("《中华人民共和国行政许可法》")
    expect(licence).to_contain_text("待确认")
    expect(_card(page, "违规收费")).to_be_visible()
    # The creator may not review their own draft: no decision forms for them.
    expect(page.locator("[data-testid=decide-form]")).to_have_count(0)
    page.screenshot(path=str(screenshots / "precheck-officer-findings.png"), full_page=True)

    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))
    _log_in(page, "adviser", DEMO_PASSWORD)
    page.goto(run_url)
    page.get_by_role("heading", name=TITLE).wait_for()
    pending = int(page.locator("#pending-count").inner_text())

    _card(page, "设定行政许可").get_by_role("button", name="采纳", exact=True).click()
    expect(_card(page, "设定行政许可")).to_have_attribute("data-decision", "accepted")
    expect(page.locator("#pending-count")).to_have_text(str(pending - 1))
    expect(_card(page, "设定行政许可")).to_contain_text("标记为“采纳”")

    fee = _card(page, "违规收费")
    fee.get_by_role("button", name="不采纳").click()  # no reason yet: refused in the card
    expect(_card(page, "违规收费").locator("[data-testid=decide-error]")).to_have_text(
        "不采纳须说明理由"
    )
    _card(page, "违规收费").locator("textarea[name=note]").fill("该收费有省级文件依据,另行核实")
    _card(page, "违规收费").get_by_role("button", name="不采纳").click()
    expect(_card(page, "违规收费")).to_have_attribute("data-decision", "rejected")
    expect(_card(page, "违规收费").locator("[data-testid=note]")).to_have_text(
        "该收费有省级文件依据,另行核实"
    )
    page.screenshot(path=str(screenshots / "precheck-adviser-decided.png"), full_page=True)

    page.reload()
    expect(_card(page, "设定行政许可")).to_have_attribute("data-decision", "accepted")
    expect(_card(page, "违规收费")).to_have_attribute("data-decision", "rejected")
    expect(_card(page, "违规收费")).to_contain_text("该收费有省级文件依据,另行核实")
    assert page.console_errors == []
