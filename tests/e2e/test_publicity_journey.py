"""普法宣传 in Chromium: the law officer records a themed event with a phone photo (its
EXIF/GPS stripped on upload) and finds it on the calendar; pushes a case to two cadres;
the cadre, on a phone-sized screen, opens it from the workbench; the officer sees the
reading rate."""

from __future__ import annotations

import io
import re
from datetime import date

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

TITLE = "浏览器测试:法治讲座进文化礼堂"
CASE = "宅基地边界占用纠纷案"


def _camera_jpeg() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (320, 240), (40, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "HUAWEI"
    exif[0x0110] = "P60 Pro"
    exif.get_ifd(0x8825).update({1: "N", 2: (29.0, 56.0, 12.5), 3: "E", 4: (122.0, 18.0, 3.25)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def test_themed_event_with_photo_and_a_read_case(page, screenshots):
    today = date.today()
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="普法活动").click()
    page.get_by_role("heading", name="普法活动").wait_for()
    page.get_by_test_id("create").click()
    page.select_option("#id_org_unit", label="海屿镇")
    # the themed date of this year already begun (全民国家安全教育日 is 15 April)
    year = today.year if today >= date(today.year, 4, 15) else today.year - 1
    page.select_option("#id_campaign", label=f"全民国家安全教育日(4月15日,{year})")
    page.fill("#id_title", TITLE)
    page.select_option("#id_format", label="法治讲座进文化礼堂")
    page.get_by_label("进乡村").check()
    page.get_by_label("进渔船").check()
    page.fill("#id_held_on", today.isoformat())
    page.fill("#id_place", "东岙村文化礼堂")
    page.fill("#id_organiser", "镇司法所")
    page.fill("#id_audience", "-5")
    page.get_by_role("button", name="登记").click()
    expect(page.locator("#id_audience_error")).to_contain_text("受众人数须为不小于0的整数")
    page.console_errors.clear()  # the refused form answered 400, as it should
    page.fill("#id_audience", "136")
    photo = _camera_jpeg()
    assert b"HUAWEI" in photo
    page.set_input_files(
        "#id_photos", files=[{"name": "现场照片.jpg", "mimeType": "image/jpeg", "buffer": photo}]
    )
    page.get_by_role("button", name="登记").click()
    page.wait_for_url(re.compile(r"/publicity/events/\d+/$"))
    expect(page.get_by_test_id("audience")).to_have_text("136人")
    expect(page.get_by_test_id("photos")).to_contain_text("现场照片.jpg")
    stored = page.request.get(page.get_by_test_id("photo").first.get_attribute("href")).body()
    assert stored[:2] == b"\xff\xd8" and b"Exif" not in stored and b"HUAWEI" not in stored
    page.screenshot(path=str(screenshots / "publicity-event.png"), full_page=True)

    page.get_by_role("link", name="日历").first.click()
    page.get_by_test_id("calendar").wait_for()
    expect(page.locator(f"td[data-day='{today.isoformat()}']")).to_contain_text(TITLE)
    page.screenshot(path=str(screenshots / "publicity-calendar.png"), full_page=True)

    page.goto("/publicity/pushes/new/")
    page.select_option("#id_case", label=CASE)
    page.get_by_label("张伟").check()
    page.get_by_label("刘洋").check()
    page.get_by_role("button", name="推送").click()
    page.wait_for_url(re.compile(r"/publicity/pushes/\d+/$"))
    push_url = page.url
    expect(page.get_by_test_id("rate")).to_have_text("0.0%")
    _log_out(page)

    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, "cadre", DEMO_PASSWORD)
    page.get_by_role("link", name=f"阅读推送案例:{CASE}").first.click()
    expect(page.get_by_test_id("read-mark")).to_be_visible()
    expect(page.get_by_test_id("case")).to_contain_text("以案释法")
    page.screenshot(path=str(screenshots / "publicity-cadre-case.png"), full_page=True)
    _log_out(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(push_url)
    expect(page.get_by_test_id("rate")).to_have_text("50.0%")
    expect(page.get_by_test_id("receipts")).to_contain_text("张伟")
    page.screenshot(path=str(screenshots / "publicity-reading-rate.png"), full_page=True)
    assert page.console_errors == []
