"""规范性文件 in Chromium, one role after another: the law officer drafts, opens and closes
the comment period and sends it to the adviser; the adviser gives a written opinion; the
officer submits it for deliberation; the leader records the meeting; the officer registers
it (the next number), publishes and files it; the county supervisor returns it for
completion; the town completes it; the county accepts it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "浏览器测试:海屿镇海域垃圾清理管理办法"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def _act(page, verb, fields=None):
    form = page.get_by_test_id(f"action-{verb}")
    for selector, value in (fields or {}).items():
        element = form.locator(selector)
        if element.evaluate("e => e.tagName") == "SELECT":
            element.select_option(value)
        else:
            element.fill(value)
    form.get_by_role("button").click()
    page.wait_for_load_state()


def test_document_from_draft_to_accepted_filing(page, screenshots):
    today = date.today()
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="规范性文件").click()
    page.get_by_test_id("create").click()
    page.fill("#id_title", TITLE)
    page.fill("#id_body", "第一条 为加强海域垃圾清理管理,制定本办法。\n第二条 镇人民政府组织实施。")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(re.compile(r"/documents/\d+/$"))
    url = page.url
    _act(
        page,
        "open_comment",
        {"#id_open_comment-comment_start": (today - timedelta(days=20)).isoformat()},
    )
    expect(page.get_by_test_id("status")).to_have_text("征求意见")
    form = page.get_by_test_id("action-close_comment")
    form.locator("#id_close_comment-comment_end").fill(today.isoformat())
    form.locator("#id_close_comment-reviewer").select_option(label="郑立言")
    form.get_by_role("button").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("status")).to_have_text("合法性审核")
    review_link = page.get_by_test_id("reviews").get_by_role("link").first.get_attribute("href")
    _log_out(page)

    _log_in(page, "adviser", DEMO_PASSWORD)
    page.goto(review_link)
    form = page.get_by_test_id("conclude-form")
    for radio in form.locator("input[type=radio][value='1']").all():
        radio.check()
    form.locator("textarea[name=opinion]").fill(
        "经审核,该文件制定主体适格,内容合法,程序完备,同意提请集体审议。"
    )
    form.locator("select[name=conclusion]").select_option("passed")
    form.get_by_role("button", name="出具审核意见").click()
    page.wait_for_load_state()
    _log_out(page)

    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(url)
    page.evaluate("window.fzSamePage = true")
    _act(page, "submit_deliberation")
    expect(page.get_by_test_id("status")).to_have_text("集体审议")
    # The step was taken in place (htmx): the page was not reloaded, and the message shows.
    assert page.evaluate("window.fzSamePage === true")
    expect(page.locator("#fz-messages")).to_contain_text("操作已完成")
    _log_out(page)

    _log_in(page, "leader", DEMO_PASSWORD)
    page.goto(url)
    _act(page, "record_deliberation", {"#id_record_deliberation-meeting_date": today.isoformat()})
    _log_out(page)

    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(url)
    _act(page, "register")
    expect(page.get_by_test_id("status")).to_have_text("登记编号")
    # The next serial of this year (how many the demo registered before depends on the day).
    expect(page.get_by_test_id("number")).to_have_text(
        re.compile(rf"^海屿镇政规〔{today.year}〕[1-9]\d*号$")
    )
    _act(page, "publish", {
        "#id_publish-published_on": today.isoformat(),
        "#id_publish-effective_from": (today + timedelta(days=30)).isoformat(),
        "#id_publish-valid_until": (today + timedelta(days=1000)).isoformat(),
    })  # fmt: skip
    expect(page.get_by_test_id("status")).to_have_text("已公布")
    page.get_by_test_id("filing-submit").get_by_role("button").click()
    page.wait_for_url(re.compile(r"/documents/filings/\d+/$"))
    filing_url = page.url
    _log_out(page)

    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="备案审查").click()
    expect(page.get_by_test_id("filings")).to_contain_text(TITLE)
    page.goto(filing_url)
    _act(page, "return", {"#note-return": "请补充起草说明"})
    expect(page.get_by_test_id("status")).to_have_text("退回补正")
    _log_out(page)

    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(filing_url)
    _act(page, "resubmit", {"#note-resubmit": "已补充起草说明"})
    expect(page.get_by_test_id("status")).to_have_text("已报送待审查")
    _log_out(page)

    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.goto(filing_url)
    _act(page, "accept")
    expect(page.get_by_test_id("status")).to_have_text("准予备案")
    expect(page.get_by_test_id("timeline")).to_contain_text("退回补正")
    page.screenshot(path=str(screenshots / "documents-journey.png"), full_page=True)
