"""法治建设旬报 in Chromium: the law officer is refused submitting a 旬 not yet ended;
青山镇's law officer drafts a missing 旬报 from the period's data, edits and submits it
(late); the county supervisor opens the matrix, reads it and returns it with a comment
(查漏补缺); the town finds it on its workbench, completes and resubmits it; the county
sees it in the matrix as submitted late (its first submission decides)."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.tenday.periods import last_ended, period_of, periods_between

from .test_journeys import _log_in

COMMENT = "本旬矛盾纠纷排查情况未报,请补充后重新报送"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def _open_reports(page):
    page.locator("[data-testid=nav]").get_by_role("link", name="法治建设旬报").click()
    page.get_by_role("heading", name="法治建设旬报").wait_for()


def test_tenday_report_submitted_returned_and_resubmitted(page, screenshots):
    today = date.today()
    current = period_of(today)
    # 青山镇 left one of its recent 旬 unreported in the demo (demo.py: the 8th of 12).
    missing = periods_between(date(today.year - 1, 1, 1), last_ended(today).end)[-12:][7]
    cell = f"cell-339901102-{missing.start.isoformat()}"

    # The island town's officer may draft the running 旬 but not submit it yet.
    _log_in(page, "officer", DEMO_PASSWORD)
    _open_reports(page)
    page.get_by_test_id(f"draft-{current.start.isoformat()}").click()
    page.wait_for_url(re.compile(r"/tenday/\d+/$"))
    expect(page.get_by_test_id("not-ended")).to_contain_text("尚未结束")
    page.get_by_role("button", name="报送县级").click()
    expect(page.locator("#fz-messages")).to_contain_text("不能报送本旬旬报")
    expect(page.get_by_test_id("status")).to_have_text("起草中")
    _log_out(page)

    # 青山镇's officer drafts the missing one, edits and submits it.
    _log_in(page, "wuting", DEMO_PASSWORD)
    _open_reports(page)
    page.get_by_test_id(f"draft-{missing.start.isoformat()}").click()
    page.wait_for_url(re.compile(r"/tenday/\d+/$"))
    report_url = page.url
    expect(page.get_by_test_id("report-title")).to_have_text(f"青山镇法治建设旬报({missing.name})")
    page.get_by_test_id("edit").click()
    page.fill("#id_problems", "村社法治宣传阵地更新不及时。")
    page.fill("#id_next_steps", "开展矛盾纠纷集中排查。")
    page.get_by_test_id("save").click()
    page.wait_for_url(report_url)
    expect(page.get_by_test_id("report-body")).to_contain_text("开展矛盾纠纷集中排查。")
    page.screenshot(path=str(screenshots / "tenday-draft.png"), full_page=True)
    page.get_by_role("button", name="报送县级").click()
    expect(page.get_by_test_id("status")).to_have_text("已报送")
    expect(page.get_by_test_id("late")).to_be_visible()
    _log_out(page)

    # The county opens the matrix, reads the report and returns it.
    _log_in(page, "supervisor", DEMO_PASSWORD)
    _open_reports(page)
    page.get_by_test_id("matrix-link").click()
    page.fill("#id_start", missing.start.strftime("%Y-%m"))
    page.fill("#id_end", today.strftime("%Y-%m"))
    page.get_by_role("button", name="查看").click()
    expect(page.get_by_test_id(cell)).to_have_attribute("data-state", "late")
    expect(page.get_by_test_id("legend")).to_contain_text("缺报")
    page.screenshot(path=str(screenshots / "tenday-matrix.png"), full_page=True)
    page.get_by_test_id(cell).get_by_role("link").click()
    page.wait_for_url(report_url)
    page.fill("#id_note", COMMENT)
    page.get_by_role("button", name="退回查漏补缺").click()
    expect(page.get_by_test_id("status")).to_have_text("已退回")
    expect(page.get_by_test_id("timeline")).to_contain_text(COMMENT)
    _log_out(page)

    # Back on the town's workbench; completed and resubmitted.
    _log_in(page, "wuting", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile(f"修改后重新报送旬报:{missing.name}")).click()
    page.wait_for_url(report_url)
    expect(page.get_by_test_id("return-comment")).to_contain_text(COMMENT)
    page.get_by_test_id("edit").click()
    body = page.locator("#id_body")
    body.fill(body.input_value() + "\n本旬排查矛盾纠纷隐患2起,均已化解。")
    page.get_by_test_id("save").click()
    page.wait_for_url(report_url)
    page.get_by_role("button", name="报送县级").click()
    expect(page.get_by_test_id("status")).to_have_text("已报送")
    expect(page.get_by_test_id("timeline")).to_contain_text("退回查漏补缺")
    _log_out(page)

    # The county sees it submitted (late: its first submission was after the due day).
    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.goto(f"/tenday/matrix/?start={missing.start:%Y-%m}&end={today:%Y-%m}")
    expect(page.get_by_test_id(cell)).to_have_attribute("data-state", "late")
    expect(page.get_by_test_id(cell)).to_contain_text("逾期报送")
    page.screenshot(path=str(screenshots / "tenday-matrix-after.png"), full_page=True)
    assert not page.console_errors, page.console_errors
