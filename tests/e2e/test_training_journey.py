"""案例实景式教学 in Chromium: the town's law officer records a case in the library, plans a
session of it for today with the grid worker and the village cadre in the case's roles,
is refused 完成评价 while someone is unevaluated, evaluates both, writes the lessons and
completes it; the grid worker, on a phone, finds the session under 我的培训 with their
own role and evaluation."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "浏览器测试:海岛民宿噪音邻里纠纷"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_officer_runs_a_session_and_the_grid_worker_sees_it(page, screenshots):
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="案例实景教学").click()
    page.get_by_role("heading", name="案例实景教学").wait_for()
    # The demo's library and last year's sessions are there.
    page.get_by_test_id("training-tabs").get_by_role("link", name="典型案例库").click()
    expect(page.get_by_test_id("cases")).to_contain_text("渔港社区征地补偿分配集体走访")
    page.get_by_test_id("case-create").click()
    page.fill("#id_title", TITLE)
    page.select_option("#id_case_type", "邻里纠纷")
    page.fill("#id_facts", "民宿夜间噪音扰民,邻居多次报警,双方在网格群内争吵。")
    page.fill("#id_roles", "民宿经营者\n投诉村民\n人民调解员\n网格员")
    page.fill(
        "#id_legal_points",
        "《民法典》第二百八十八条、第二百九十四条;《人民调解法》第十七条、第三十三条。",
    )
    page.fill("#id_model_handling", "1.网格员到场;\n2.分别听取意见;\n3.调解;\n4.回访。")
    page.get_by_role("button", name="录入案例").click()
    page.wait_for_url(re.compile(r"/training/cases/\d+/$"))
    expect(page.get_by_test_id("case-roles")).to_contain_text("人民调解员")

    page.get_by_test_id("case-plan").click()
    page.fill("#id_held_on", date.today().isoformat())
    page.fill("#id_place", "东岙村调解室")
    page.select_option("#id_host", label="陈晓燕")
    page.get_by_role("button", name="安排教学").click()
    page.wait_for_url(re.compile(r"/training/sessions/\d+/$"))
    session_url = page.url
    for name, role in (("李秀英", "网格员"), ("王建国", "人民调解员")):
        form = page.get_by_test_id("participant-add")
        form.locator("#id_user").select_option(label=name)
        form.locator("#id_role").select_option(role)
        form.get_by_role("button", name="加入名单").click()
        expect(page.get_by_test_id("roster")).to_contain_text(name)
    page.get_by_role("button", name="标记已举行").click()
    expect(page.get_by_test_id("session-status")).to_have_text("已举行(待评价)")
    expect(page.get_by_test_id("evaluation-due")).to_be_visible()

    evaluate = page.get_by_test_id("action-evaluate")
    evaluate.locator("textarea[name=lessons]").fill("经验:还原真实场景。")
    evaluate.get_by_role("button", name="完成评价").click()
    expect(page.locator("#fz-messages")).to_contain_text("还有2名参训人员未评价")
    page.get_by_test_id("evaluate-gridder").locator("select").select_option("excellent")
    page.get_by_test_id("evaluate-gridder").get_by_role("button", name="保存评价").click()
    page.get_by_test_id("evaluate-vcadre").locator("select").select_option("improve")
    page.get_by_test_id("evaluate-vcadre").get_by_role("button", name="保存评价").click()
    expect(page.locator("#fz-messages")).to_contain_text("须在评语中写明需改进之处")
    page.get_by_test_id("evaluate-vcadre").locator("select").select_option("improve")
    page.get_by_test_id("evaluate-vcadre").locator("input[name=comment]").fill(
        "告知调解协议司法确认期限不准确"
    )
    page.get_by_test_id("evaluate-vcadre").get_by_role("button", name="保存评价").click()
    evaluate = page.get_by_test_id("action-evaluate")
    evaluate.locator("textarea[name=lessons]").fill(
        "经验:还原真实场景,调解程序清楚。\n不足:司法确认期限掌握不牢。"
    )
    evaluate.get_by_role("button", name="完成评价").click()
    expect(page.get_by_test_id("session-status")).to_have_text("已评价")
    expect(page.get_by_test_id("lessons")).to_contain_text("司法确认期限掌握不牢")
    page.screenshot(path=str(screenshots / "training-session-evaluated.png"), full_page=True)
    assert page.console_errors == []
    _log_out(page)

    # The grid worker, on a phone: 我的培训 with the role and their own evaluation.
    page.set_viewport_size({"width": 390, "height": 800})
    _log_in(page, "gridder", DEMO_PASSWORD)
    page.locator(".navbar-toggler").click()
    page.locator("[data-testid=nav]").get_by_role("link", name="案例实景教学").click()
    mine = page.get_by_test_id("my-sessions")
    entry = mine.get_by_role("link", name=re.compile(TITLE))
    expect(entry).to_contain_text("我扮演:网格员")
    expect(entry).to_contain_text("优秀")
    box = entry.bounding_box()
    assert box and box["height"] >= 44 and box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshots / "training-my-sessions-phone.png"), full_page=True)
    entry.click()
    page.wait_for_url(session_url)
    roster = page.get_by_test_id("roster")
    expect(roster).to_contain_text("优秀")
    expect(roster).not_to_contain_text("需改进")  # a colleague's evaluation is not theirs to read
    assert page.console_errors == []
