"""The annual 法治政府建设工作总结 in Chromium: the island town's law officer opens last
year's summary of the demo town (a preview that reads like the printed page, each figure
a link to its records), is refused an edit that drops a bound figure, edits a paragraph
of 二、存在的问题; the leader approves it and downloads the .docx, which states the edit."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

LEAD = "经对照检查,"


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def _open_summary(page, year: int):
    page.locator("[data-testid=nav]").get_by_role("link", name="年度工作总结").click()
    page.get_by_role("heading", name="年度法治政府建设工作总结及工作思路").wait_for()
    page.select_option("#id_year", str(year))
    page.get_by_role("button", name="打开总结").click()
    page.wait_for_url(re.compile(rf"/annual/\d+/{year}/$"))


def test_officer_edits_a_problem_leader_approves_and_downloads(page, screenshots, tmp_path):
    year = date.today().year - 1
    _log_in(page, "officer", DEMO_PASSWORD)
    _open_summary(page, year)
    paper = page.get_by_test_id("paper")
    expect(paper).to_contain_text(f"{year}年海屿镇法治政府建设工作总结及{year + 1}年工作思路")
    expect(paper.get_by_test_id("heading").first).to_have_text("一、法治建设工作开展情况")
    expect(paper.locator("a.fz-fact").first).to_be_visible()  # figures link to their records
    page.screenshot(path=str(screenshots / "reports-annual-preview.png"), full_page=True)
    summary_url = page.url

    # A problem paragraph of 二、存在的问题: first an edit that types the figure in.
    page.get_by_test_id("part-2").locator("[data-testid^=edit-]").first.click()
    text = page.locator("#id_text")
    original = text.input_value()
    if "{0}" in original:
        text.fill(original.replace("{0}", "7", 1))
        page.get_by_role("button", name="保存为新版本").click()
        expect(page.get_by_test_id("paragraph-form")).to_contain_text("数字须与台账绑定")
    text.fill(LEAD + original)
    page.get_by_role("button", name="保存为新版本").click()
    page.wait_for_url(re.compile(r"/annual/\d+/\d+/#p-"))
    expect(page.get_by_test_id("part-2")).to_contain_text("一是" + LEAD)
    expect(page.get_by_test_id("report-status")).to_contain_text("第1版")
    _log_out(page)

    _log_in(page, "leader", DEMO_PASSWORD)
    page.goto(summary_url)
    page.get_by_test_id("action-approve").get_by_role("button", name="审定").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("已审定")
    with page.expect_download() as download:
        page.get_by_test_id("download-docx").click()
    assert (
        download.value.suggested_filename
        == f"{year}年海屿镇法治政府建设工作总结及{year + 1}年工作思路.docx"
    )
    saved = tmp_path / "总结.docx"
    download.value.save_as(saved)
    texts = [p.text for p in docx.Document(io.BytesIO(saved.read_bytes())).paragraphs]
    assert "二、存在的问题" in texts
    assert any(t.startswith("一是" + LEAD) for t in texts)
    page.screenshot(path=str(screenshots / "reports-annual-approved.png"), full_page=True)
    assert not page.console_errors, page.console_errors
