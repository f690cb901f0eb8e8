"""信访 in Chromium on a phone-sized screen (390 px): the town's 信访办 registers a letter,
accepts it with the written notice, extends it once with reasons, writes the 处理意见书,
downloads it (.docx) and records it as served; a town leader finds the demo's petition
whose handling period ends within days on the workbench."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD, demo_id_number

from .test_journeys import _log_in

TITLE = "浏览器测试:渔港停车场收费标准"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_register_accept_extend_answer_and_the_leaders_workbench(page, screenshots):
    page.set_viewport_size({"width": 390, "height": 800})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto("/petitions/")
    page.get_by_role("heading", name="信访事项").wait_for()
    page.get_by_test_id("create").click()
    page.fill("#id_title", TITLE)
    page.select_option("#id_channel", "letter")
    page.fill("#id_received_on", (date.today() - timedelta(days=2)).isoformat())
    page.select_option("#id_category", "construction")
    page.fill("#id_content", "反映渔港停车场收费标准未经公示,请求公开收费依据。")
    page.fill("#id_p-0-name", "郑小渔")
    page.fill("#id_p-0-id_number", demo_id_number(date(1980, 4, 5), 88, female=False))
    page.fill("#id_p-0-phone", "13905803001")
    page.fill("#id_p-0-address", "海屿镇渔港社区9幢")
    page.screenshot(path=str(screenshots / "petition-register-phone.png"), full_page=True)
    page.get_by_role("button", name="登记", exact=True).click()
    page.wait_for_url(re.compile(r"/petitions/\d+/$"))
    expect(page.get_by_test_id("petition-status")).to_have_text("已登记待受理")
    expect(page.get_by_test_id("petitioners")).to_contain_text("339***********")

    page.get_by_test_id("action-accept").get_by_role("button", name="受理并书面告知").click()
    expect(page.get_by_test_id("petition-status")).to_have_text("已受理办理中")
    extend = page.get_by_test_id("action-extend")
    extend.locator("[name=days]").fill("30")
    extend.locator("[name=note]").fill("需县市场监管局核实收费备案情况,经镇长批准延期")
    extend.get_by_role("button", name="延长办理期限").click()
    expect(page.get_by_test_id("handling-due")).to_contain_text("延期30日")
    # A second extension is refused, naming the article; nothing changes.
    extend = page.get_by_test_id("action-extend")
    extend.locator("[name=days]").fill("5")
    extend.locator("[name=note]").fill("再次延期")
    extend.get_by_role("button", name="延长办理期限").click()
    expect(page.locator("#fz-messages")).to_contain_text("办理期限只能延长一次")
    expect(page.locator("#fz-messages")).to_contain_text("第三十四条")

    answer = page.get_by_test_id("action-answer")
    answer.locator("[name=facts]").fill("经查,停车场收费标准已报县发改局备案,但未在现场公示。")
    answer.locator("[name=result]").select_option("support")
    answer.locator("[name=opinion]").fill("责成运营单位三日内在停车场入口公示收费标准和依据。")
    answer.locator("[name=legal_basis]").fill("《价格法》第十三条")
    answer.locator("[name=review_organ]").fill("示范县人民政府")
    answer.get_by_role("button", name="出具处理意见书").click()
    expect(page.get_by_test_id("petition-status")).to_have_text("已出具处理意见")
    with page.expect_download() as download:
        page.get_by_test_id("answer-docx").click()
    assert download.value.suggested_filename.endswith(".docx")
    page.get_by_test_id("action-serve").get_by_role("button", name="记录送达").click()
    expect(page.get_by_test_id("petition-status")).to_have_text("已答复")
    expect(page.get_by_test_id("served")).to_have_text(date.today().isoformat())
    page.screenshot(path=str(screenshots / "petition-answered-phone.png"), full_page=True)
    _log_out(page)

    _log_in(page, "leader", DEMO_PASSWORD)
    page.goto("/")
    item = page.get_by_role("link", name=re.compile("信访事项“东岙村土地承包经营权调整争议”"))
    expect(item.first).to_be_visible()
    page.screenshot(path=str(screenshots / "petition-leader-workbench.png"), full_page=True)
    item.first.click()
    page.wait_for_url(re.compile(r"/petitions/\d+/$"))
    expect(page.get_by_test_id("next-due")).to_contain_text("-")
    # A leader reads but takes no step.
    expect(page.get_by_test_id("no-actions")).to_be_visible()
    _log_out(page)

    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.goto("/petitions/county/")
    expect(page.get_by_test_id("town-339901101")).to_be_visible()
    page.screenshot(path=str(screenshots / "petition-county-ages.png"), full_page=True)
    assert not page.console_errors, page.console_errors
