"""网格走访 in Chromium on a phone (390×760): the grid worker finds the overdue visits on
the workbench, opens a person's visit form, types (the draft survives a reload), loses
the signal and submits (queued on the phone), gets the signal back (sent once, shown);
then records a visit online and finds the "登记矛盾纠纷" link prefilled from it."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD, demo_id_number

from .test_disputes_journey import _party
from .test_journeys import _log_in

OFFLINE_TEXT = "浏览器测试:断网时入户走访,老人身体尚可,反映屋顶漏雨。"
ONLINE_TEXT = "浏览器测试:与邻居因院墙边界发生争执,双方情绪激动。"


def _open_form(page):
    page.goto("/grids/")
    page.get_by_test_id("persons").locator("a").first.click()
    page.wait_for_url(re.compile(r"/grids/persons/\d+/$"))
    page.get_by_test_id("visit-create").click()
    page.wait_for_url(re.compile(r"/grids/visits/new/\?person=\d+"))


def test_grid_worker_records_a_visit_offline_and_online(page, screenshots):
    page.set_viewport_size({"width": 390, "height": 760})
    _log_in(page, "gridder", DEMO_PASSWORD)
    expect(page.get_by_text("重点人员走访逾期").first).to_be_visible()

    _open_form(page)
    page.get_by_test_id("modes").get_by_text("入户").click()
    page.fill("#id_situation", OFFLINE_TEXT)
    page.fill("#id_needs", "希望协助申请危房修缮")
    # What was typed is kept on the phone: a reload brings it back.
    page.reload()
    expect(page.locator("#id_situation")).to_have_value(OFFLINE_TEXT)
    expect(page.get_by_test_id("draft-note")).to_contain_text("已恢复")
    page.screenshot(path=str(screenshots / "grids-visit-form-phone.png"), full_page=True)

    page.context.set_offline(True)
    page.get_by_test_id("visit-submit").click()
    status = page.get_by_test_id("queue-status")
    expect(status).to_contain_text("已保存在本机,恢复网络后自动提交")
    expect(page.locator("#id_situation")).to_have_value("")
    expect(page.locator("#id_mode_0")).not_to_be_checked()
    page.screenshot(path=str(screenshots / "grids-visit-queued.png"), full_page=True)

    page.context.set_offline(False)
    expect(status).to_contain_text("已全部提交", timeout=15_000)
    expect(status).to_contain_text("走访已登记")
    status.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/grids/visits/\d+/$"))
    expect(page.get_by_test_id("situation")).to_have_text(OFFLINE_TEXT)
    # Stored once, whatever the phone resent.
    visits = page.request.get("/api/v1/grids/visits?limit=200").json()["items"]
    assert [v["situation"] for v in visits].count(OFFLINE_TEXT) == 1

    # Online: the form posts, the visit page opens, and a dispute can be registered from it.
    _open_form(page)
    page.get_by_test_id("modes").get_by_text("约谈").click()
    page.fill("#id_situation", ONLINE_TEXT)
    page.get_by_test_id("signals").get_by_text("情绪激动").click()
    page.get_by_test_id("visit-submit").click()
    page.wait_for_url(re.compile(r"/grids/visits/\d+/$"))
    expect(page.get_by_test_id("queue-status")).to_contain_text("走访已登记")
    expect(page.get_by_test_id("signals")).to_contain_text("情绪激动")
    visit_id = re.search(r"/grids/visits/(\d+)/$", page.url).group(1)
    link = page.get_by_test_id("dispute-create")
    expect(link).to_be_visible()
    href = urlparse(link.get_attribute("href"))
    assert href.path == "/disputes/new/"
    query = parse_qs(href.query)
    assert query["source"] == ["grid_visit"] and query["visit"] == [visit_id]
    assert query["summary"] == [ONLINE_TEXT] and query["org_unit"][0].isdigit()
    page.screenshot(path=str(screenshots / "grids-visit-detail-phone.png"), full_page=True)

    # The worker registers the dispute the visit found: the form comes prefilled from the
    # visit, and the dispute links back to it (issue 8: intake from a grid visit).
    link.click()
    page.wait_for_url(re.compile(r"/disputes/new/"))
    expect(page.get_by_test_id("from-visit")).to_contain_text(f"走访记录 #{visit_id}")
    expect(page.locator("#id_summary")).to_have_value(ONLINE_TEXT)
    page.select_option("#id_category", "neighbour")
    page.fill("#id_place", "东岙村老码头")
    _party(
        page,
        0,
        "applicant",
        "黄国华",
        demo_id_number(date(1950, 3, 8), 700, female=False),
        "东岙村",
    )
    _party(
        page,
        1,
        "respondent",
        "林海波",
        demo_id_number(date(1968, 9, 1), 701, female=False),
        "东岙村",
    )
    page.get_by_role("button", name="登记").click()
    page.wait_for_url(re.compile(r"/disputes/\d+/$"))
    expect(page.get_by_test_id("dispute")).to_contain_text("网格走访")
    back = page.get_by_test_id("visit-link")
    expect(back).to_have_text(f"走访记录 #{visit_id}")
    assert back.get_attribute("href") == f"/grids/visits/{visit_id}/"
    page.screenshot(path=str(screenshots / "grids-dispute-from-visit.png"), full_page=True)

    # The compliance table (the page leaders and the county read too: rates, no person).
    page.goto("/grids/compliance/")
    expect(page.get_by_test_id("compliance")).to_contain_text("东岙村")
    page.screenshot(path=str(screenshots / "grids-compliance-phone.png"), full_page=True)
    assert page.console_errors == []
