"""A contract in Chromium, from registration through review, signing and archive."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from fazhi.contracts.demo import credit_code
from fazhi.core.demo import DEMO_PASSWORD

TITLE = "海屿镇文化礼堂音响设备采购合同(浏览器测试)"


def _log_in(page, username: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def _log_out(page) -> None:
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_contract_from_registration_to_archive(page, screenshots):
    """Given the demo town's law officer, when they register a goods contract with a bad
    credit code, then the form says which rule refuses and nothing is saved; with a good
    code it is registered and sent to the adviser; the adviser answers the checklist and
    passes it; the officer signs it (the archive deadline appears), is refused archiving
    without a number, and archives it with one."""
    _log_in(page, "officer")
    page.locator("[data-testid=nav]").get_by_role("link", name="合同协议").click()
    page.get_by_role("heading", name="行政协议与合同").wait_for()
    page.get_by_test_id("contract-create").click()
    page.fill("#id_title", TITLE)
    page.select_option("#id_category", "goods")
    page.fill("#id_counterparty_name", "示例海韵音响设备有限公司")
    good = credit_code(901)
    page.fill("#id_counterparty_credit_code", good[:-1] + ("0" if good[-1] != "0" else "1"))
    page.check("#id_counterparty_is_sme")
    page.fill("#id_amount", "86000")
    page.fill("#id_payment_term_days", "30")
    page.fill("#id_dispute_resolution", "向合同签订地人民法院提起诉讼")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.locator("[data-testid=contract-form]")).to_contain_text("校验位错误")
    page.fill("#id_counterparty_credit_code", good)
    page.get_by_role("button", name="登记", exact=True).click()
    page.wait_for_url(re.compile(r"/contracts/\d+/$"))
    contract_url = page.url
    expect(page.get_by_test_id("contract-status")).to_have_text("登记")

    action = page.get_by_test_id("action-submit_review")
    action.locator("select").select_option(label="郑立言")
    action.get_by_role("button", name="提交合法性审核").click()
    expect(page.get_by_test_id("contract-status")).to_have_text("合法性审核中")
    review_link = page.locator("[data-testid=reviews] a").first
    review_url = review_link.get_attribute("href")
    _log_out(page)

    _log_in(page, "adviser")
    page.goto(review_url)
    form = page.get_by_test_id("conclude-form")
    for row in form.locator("tr[data-testid^=check-]").all():
        row.get_by_label("符合", exact=True).check()
    page.fill("#id_opinion", "经审核,合同主体适格,条款完备,付款期限符合规定,同意签订。")
    page.select_option("#id_conclusion", "passed")
    form.get_by_role("button", name="出具审核意见").click()
    expect(page.get_by_test_id("review-status")).to_have_text("已出具意见")
    _log_out(page)

    _log_in(page, "officer")
    page.goto(contract_url)
    expect(page.get_by_test_id("contract-status")).to_have_text("审核通过")
    sign = page.get_by_test_id("action-sign")
    sign.locator("input[type=date]").fill(date.today().isoformat())
    sign.get_by_role("button", name="登记签订").click()
    expect(page.get_by_test_id("contract-status")).to_have_text("已签订")
    expect(page.get_by_test_id("archive-due")).to_be_visible()

    archive = page.get_by_test_id("action-archive")
    archive.get_by_role("button", name="归档").click()
    expect(page.locator(".alert-danger")).to_contain_text("未填写档案号,不得归档")
    expect(page.get_by_test_id("contract-status")).to_have_text("已签订")
    archive = page.get_by_test_id("action-archive")
    archive.locator("input[name=archive-archive_number]").fill("HY-HT-E2E-001")
    archive.get_by_role("button", name="归档").click()
    expect(page.get_by_test_id("contract-status")).to_have_text("已归档")
    expect(page.get_by_test_id("timeline")).to_contain_text("确认审核通过")
    page.screenshot(path=str(screenshots / "contract-archived.png"), full_page=True)
    # The refused registration answered 400 (a form with errors), which Chromium logs.
    errors = [e for e in page.console_errors if "status of 400" not in e]
    assert not errors, errors
