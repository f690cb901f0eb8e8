"""驾驶舱 in Chromium: the town leader reads the year's figures, the monthly trend drawn
by the vendored ECharts beside its table, and the pending deadlines; the county supervisor
compares the towns, sorts the table by a rate, switches the chart's rate and exports the
table as .xlsx. No console errors anywhere."""

from __future__ import annotations

import re
from io import BytesIO

from openpyxl import load_workbook
from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in


def test_the_leader_reads_the_dashboard(page, screenshots):
    _log_in(page, "leader", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="驾驶舱").click()
    page.get_by_role("heading", name=re.compile("驾驶舱")).wait_for()
    expect(page.get_by_test_id("key-disputes.received")).to_contain_text("排查化解矛盾纠纷")
    # The chart is drawn (SVG renderer) and the same numbers are in the table beside it.
    expect(page.locator("#trend-chart svg")).to_have_count(1)
    expect(page.get_by_test_id("trend-table").locator("tbody tr").first).to_contain_text("1月")
    expect(page.get_by_test_id("pending-table").locator("tbody tr").first).to_be_visible()
    expect(page.get_by_test_id("warnings-link")).to_be_visible()
    page.screenshot(path=str(screenshots / "dashboard-town.png"), full_page=True)
    assert page.console_errors == []


def test_the_supervisor_compares_the_towns_and_exports_the_table(page, screenshots):
    _log_in(page, "supervisor", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="乡镇对比").click()
    page.get_by_role("heading", name=re.compile("乡镇对比")).wait_for()
    page.get_by_test_id("county-year").locator("select").select_option("2025")
    page.get_by_test_id("county-year").get_by_role("button", name="查看").click()
    page.wait_for_url(re.compile(r"year=2025"))
    table = page.get_by_test_id("county-table")
    expect(table.get_by_test_id("county-row")).to_have_count(2)
    expect(page.locator("#county-chart svg")).to_have_count(1)

    # Sort by the 旬报 rate, highest first (twice: ascending, then descending).
    header = table.locator("thead").get_by_role("button", name=re.compile("旬报按时报送率"))
    header.click()
    header.click()
    expect(header.locator("xpath=..")).to_have_attribute("aria-sort", "descending")
    expect(table.get_by_test_id("county-row").first).to_contain_text("海屿镇")
    header.click()
    expect(table.get_by_test_id("county-row").first).to_contain_text("海屿镇")  # "—" sorts last

    # The chart follows the chosen rate.
    page.get_by_test_id("rate-select").select_option("disputes.success_rate")
    expect(page.locator("#county-chart")).to_contain_text("海屿镇")
    page.screenshot(path=str(screenshots / "dashboard-county.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_test_id("county-export").click()
    path = download.value.path()
    with open(path, "rb") as f:
        sheet = load_workbook(BytesIO(f.read())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "乡镇" and any("旬报按时报送率" in str(h) for h in rows[0])
    assert [r[0] for r in rows[1:]] == ["海屿镇", "青山镇"]
    assert page.console_errors == []
