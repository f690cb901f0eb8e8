"""组织领导 in Chromium: the law officer records a deployment meeting with its attendees
and an absence, marks it held with a decision, and the decision's link to break it down
into tasks carries the agreed GET parameters; the town leader finds their pending 述法 on
the workbench and submits it."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "浏览器测试法治建设推进部署会"
DECISION = "浏览器测试:各村社本月底前完成法治宣传阵地建设"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_meeting_with_decision_and_leader_lawreport(page, screenshots):
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="会议与学习").click()
    page.get_by_role("heading", name="会议与学习").wait_for()
    expect(page.get_by_test_id("meetings")).to_contain_text("党委理论学习中心组专题学习")
    page.get_by_test_id("create").click()
    page.select_option("#id_org_unit", label="海屿镇")
    page.select_option("#id_kind", "deployment")
    page.fill("#id_title", TITLE)
    page.fill("#id_held_on", date.today().isoformat())
    page.fill("#id_place", "镇政府三楼会议室")
    page.fill("#id_agenda", "传达县委依法治县办会议精神\n部署本月法治建设重点工作")
    page.get_by_label("林海峰").check()
    page.get_by_label("陈晓燕").check()
    page.fill("#id_absences", "张伟:外出参加培训")
    page.get_by_test_id("save").click()
    page.wait_for_url(re.compile(r"/leadership/meetings/\d+/$"))
    meeting_id = re.search(r"/meetings/(\d+)/", page.url).group(1)
    expect(page.get_by_test_id("absent")).to_contain_text("张伟(外出参加培训)")
    page.fill("#id_minutes", "会议传达了县委依法治县办会议精神,部署了本月重点工作。")
    page.fill("#id_decisions", DECISION)
    page.get_by_test_id("hold-submit").click()
    expect(page.get_by_test_id("status")).to_have_text("已召开")
    link = page.get_by_test_id("task-link")
    expect(link).to_have_count(1)
    params = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert params["source"] == ["meeting"]
    assert params["meeting"] == [meeting_id]
    assert params["title"] == [DECISION]
    assert params["org_unit"] and params["org_unit"][0].isdigit()
    page.screenshot(path=str(screenshots / "leadership-meeting-held.png"), full_page=True)

    # The decision becomes tasks for two villages (the tasks app reads the link's fields).
    link.click()
    page.wait_for_url(re.compile(r"/tasks/new/"))
    expect(page.get_by_test_id("from-meeting")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(DECISION)
    item = page.locator("#id_item option", has_text="公共法律服务").first.get_attribute("value")
    page.select_option("#id_item", item)
    page.get_by_label("东岙村(村)").check()
    page.get_by_label("西岙村(村)").check()
    page.fill("#id_due", f"{date.today().year}-12-20")
    page.fill("#id_evidence_required", "落实情况照片")
    page.get_by_role("button", name="分解").click()
    page.wait_for_url(re.compile(r"/tasks/plans/\d+/$"))
    expect(page.get_by_test_id("plan-tree").get_by_role("link", name=DECISION)).to_have_count(2)
    page.screenshot(path=str(screenshots / "leadership-decision-tasks.png"), full_page=True)
    _log_out(page)

    _log_in(page, "leader", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile(r"提交\d{4}年度述法报告")).first.click()
    page.wait_for_url(re.compile(r"/leadership/lawreports/\d+/$"))
    expect(page.get_by_test_id("status")).to_have_text("待述法")
    page.fill(
        "#id_report_text", "本年度本人认真履行推进法治建设第一责任人职责,带头尊法学法守法用法。"
    )
    page.get_by_test_id("submit-button").click()
    expect(page.get_by_test_id("status")).to_have_text("已提交")
    expect(page.get_by_test_id("report-text")).to_contain_text("第一责任人职责")
    page.screenshot(path=str(screenshots / "leadership-lawreport-submitted.png"), full_page=True)
    assert not page.console_errors, page.console_errors


def test_village_cadre_records_a_village_study_session_on_a_phone(page, screenshots):
    page.set_viewport_size({"width": 390, "height": 760})
    _log_in(page, "vcadre", DEMO_PASSWORD)
    page.goto("/leadership/meetings/new/")
    # Only the cadre's own village can be chosen (the town's meetings are the office's).
    options = page.locator("#id_org_unit option").all_inner_texts()
    assert [o for o in options if o != "请选择"] == ["东岙村"]
    page.select_option("#id_org_unit", label="东岙村")
    page.select_option("#id_kind", "law_study")
    page.fill("#id_title", "浏览器测试东岙村专题学法")
    page.fill("#id_held_on", date.today().isoformat())
    page.get_by_label("王建国").check()
    save = page.get_by_test_id("save")
    assert save.bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshots / "leadership-vcadre-phone-form.png"), full_page=True)
    save.click()
    page.wait_for_url(re.compile(r"/leadership/meetings/\d+/$"))
    page.fill("#id_minutes", "学习村民委员会组织法。")
    hold = page.get_by_test_id("hold-submit")
    assert hold.bounding_box()["height"] >= 44
    hold.click()
    expect(page.get_by_test_id("status")).to_have_text("已召开")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshots / "leadership-vcadre-phone-held.png"), full_page=True)
    assert not page.console_errors, page.console_errors
