"""公众参与 in Chromium: the law officer puts a draft normative document to the public; a
resident registers on a phone (390 px), comments on its 第三条; the officer cannot close
the comment period while the comment is unanswered, answers it, and only then the draft
goes on to legality review; the resident reads the published answer. The public pages
pass axe-core (vendored, no serious or critical violations) and read without JavaScript."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "浏览器测试:海屿镇渔港公共码头使用管理办法"
BODY = (
    "第一条 为规范渔港公共码头使用,制定本办法。\n"
    "第二条 本办法适用于本镇渔港公共码头。\n"
    "第三条 渔船靠泊装卸应当服从码头管理员调度,装卸时间不超过两小时。\n"
    "第四条 本办法自公布之日起施行。"
)
PHONE = {"width": 390, "height": 760}
AXE = "/static/vendor/axe-core/axe.min.js"


def _axe(page, name):
    """Run axe-core on the page: no serious or critical violation."""
    page.add_script_tag(url=AXE)
    violations = page.evaluate(
        "async () => (await axe.run()).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: {bad}"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_load_state()


def _close_comment(page, url, end):
    page.goto(url)
    form = page.get_by_test_id("action-close_comment")
    form.locator("#id_close_comment-comment_end").fill(end.isoformat())
    form.locator("#id_close_comment-reviewer").select_option(label="郑立言")
    form.get_by_role("button").click()
    page.wait_for_load_state()


def test_resident_comments_and_reads_the_answer(page, browser, live_server_url, screenshots):
    today = date.today()
    # The law officer drafts the document and opens the public comment.
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="规范性文件").click()
    page.get_by_test_id("create").click()
    page.fill("#id_title", TITLE)
    page.fill("#id_body", BODY)
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(re.compile(r"/documents/\d+/$"))
    doc_url = page.url
    form = page.get_by_test_id("action-open_comment")
    form.locator("#id_open_comment-comment_start").fill(today.isoformat())
    form.get_by_role("button").click()
    page.wait_for_load_state()
    consultation_url = page.get_by_test_id("consultation-link").get_attribute("href")
    page.goto(consultation_url)
    public_url = page.get_by_test_id("public-link").get_attribute("href")
    _log_out(page)

    # A resident on a phone: reads anonymously, registers, comments on 第三条.
    page.set_viewport_size(PHONE)
    page.goto("/public/")
    expect(page.get_by_test_id("open-consultation").filter(has_text=TITLE)).to_be_visible()
    _axe(page, "public_home")
    page.screenshot(path=str(screenshots / "participation-01-public-home.png"), full_page=True)
    page.get_by_role("link", name="注册").click()
    expect(page.get_by_test_id("consent-text")).to_contain_text("个人信息保护法")
    _axe(page, "public_register")
    page.fill("#id_full_name", "林小渔")
    page.fill("#id_phone", "13905807777")
    page.select_option("#id_org_unit", label="东岙村")
    page.fill("#id_username", "e2e_linxy")
    page.fill("#id_password", "Fz!2026-haiyu")
    page.check("#id_consent")
    page.screenshot(path=str(screenshots / "participation-02-register.png"), full_page=True)
    page.get_by_role("button", name="同意并注册").click()
    page.wait_for_url(re.compile(r"/public/$"))
    page.goto(public_url)
    _axe(page, "public_consultation")
    page.get_by_role("link", name="对第三条提意见").click()
    expect(page.get_by_test_id("quoted")).to_contain_text("装卸时间不超过两小时")
    page.fill("#id_body", "建议装卸时间延长到三小时,鱼汛期渔获多。")
    page.screenshot(path=str(screenshots / "participation-03-comment.png"), full_page=True)
    page.get_by_role("button", name="提交意见").click()
    page.wait_for_load_state()
    mine = page.get_by_test_id("public-comment").filter(has_text="延长到三小时")
    expect(mine).to_contain_text("针对第三条")
    expect(mine).to_contain_text("待答复")
    _log_out(page)

    # The officer cannot close the comment while the comment is unanswered.
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    end = today + timedelta(days=30)
    _close_comment(page, doc_url, end)
    expect(page.locator("body")).to_contain_text("尚有1条公众意见未答复")
    expect(page.get_by_test_id("status")).to_have_text("征求意见")
    page.goto(consultation_url)
    row = page.get_by_test_id("comment-row").filter(has_text="延长到三小时")
    row.locator("input[name=comments]").check()
    page.select_option("#id_outcome", "partly")
    page.fill("#id_reason", "部分采纳:鱼汛期(6月至9月)装卸时间延长至三小时。")
    page.get_by_test_id("answer-submit").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("unanswered")).to_have_text("0")
    page.screenshot(path=str(screenshots / "participation-04-answered.png"), full_page=True)
    _close_comment(page, doc_url, end)
    expect(page.get_by_test_id("status")).to_have_text("合法性审核")
    _log_out(page)

    # The resident reads the published answer, on the page and under 我的意见.
    page.set_viewport_size(PHONE)
    _log_in(page, "e2e_linxy", "Fz!2026-haiyu")
    page.goto("/public/mine/")
    expect(page.get_by_test_id("answer")).to_contain_text("部分采纳")
    page.goto(public_url)
    answer = page.get_by_test_id("public-comment").filter(has_text="延长到三小时")
    expect(answer.get_by_test_id("answer")).to_contain_text("鱼汛期")
    _axe(page, "public_consultation_answered")
    page.screenshot(path=str(screenshots / "participation-05-answer.png"), full_page=True)
    assert page.console_errors == []

    # Reading works without JavaScript.
    context = browser.new_context(base_url=live_server_url, java_script_enabled=False)
    plain = context.new_page()
    plain.goto(public_url)
    expect(plain.get_by_test_id("paragraph").nth(2)).to_contain_text("第三条")
    expect(plain.get_by_test_id("answer").first).to_contain_text("部分采纳")
    context.close()
