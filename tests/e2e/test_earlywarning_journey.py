"""社会矛盾预警 in Chromium, on the demo: the law officer opens 矛盾预警, runs 立即研判 for
海屿镇, opens a yellow warning with its factor breakdown and is refused a dismissal
without a reason (nothing changes); the town leader finds the red warning on the
workbench, reads why it is red and records the response (who, what, when); the county
supervisor reads it on a phone-sized screen without any button to press."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_red_warning_reaches_the_leader_and_is_answered(page, screenshots):
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="矛盾预警").click()
    page.get_by_role("heading", name="社会矛盾预警").wait_for()
    page.get_by_test_id("evaluate").click()
    expect(page.locator("#fz-messages")).to_contain_text("海屿镇社会矛盾预警研判")
    expect(page.get_by_test_id("warnings")).to_contain_text("红色")
    page.screenshot(path=str(screenshots / "earlywarning-list.png"), full_page=True)

    page.goto("/earlywarning/?colour=yellow&state=open")
    page.get_by_test_id("warnings").locator("tbody a").first.click()
    page.wait_for_url(re.compile(r"/earlywarning/\d+/$"))
    expect(page.get_by_test_id("factors")).to_contain_text("合计")
    page.get_by_test_id("action-dismiss").get_by_role("button", name="撤销预警").click()
    expect(page.locator("#fz-messages")).to_contain_text("撤销预警须写明理由")
    expect(page.get_by_test_id("warning-status")).to_have_text("待应对")
    _log_out(page)

    _log_in(page, "leader", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("红色预警:")).first.click()
    page.wait_for_url(re.compile(r"/earlywarning/\d+/$"))
    warning_url = page.url
    expect(page.get_by_test_id("factors")).to_be_visible()
    expect(page.get_by_test_id("response-due")).to_contain_text("应对期限")
    page.fill("#id_who", "林海峰(镇长)、司法所陈晓燕")
    page.fill("#id_measures", "召开专题研判会,明确包案领导,当日上门稳控并制定化解方案")
    page.get_by_test_id("action-respond").get_by_role("button", name="记录应对措施").click()
    expect(page.get_by_test_id("warning-status")).to_have_text("已应对")
    expect(page.get_by_test_id("response")).to_contain_text("召开专题研判会")
    page.screenshot(path=str(screenshots / "earlywarning-responded.png"), full_page=True)
    _log_out(page)

    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.goto(warning_url)
    expect(page.get_by_test_id("no-actions")).to_be_visible()
    expect(page.get_by_test_id("timeline")).to_contain_text("记录应对措施")
    page.screenshot(path=str(screenshots / "earlywarning-phone.png"), full_page=True)
    assert not page.console_errors, page.console_errors
