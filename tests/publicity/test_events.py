"""普法 events: recorded at town or village level against the town's configuration, with
the issue's bad input refused in Chinese and nothing written; photos stored without
their metadata."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from fazhi.core.models import Attachment
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.publicity import services
from fazhi.publicity.models import Campaign, Event, Option

from .conftest import campaign, counts, jpeg_with_exif, make_event, option, photo

pytestmark = pytest.mark.django_db


def test_the_year_of_themed_dates_loads_once(people, configured):
    names = set(Campaign.objects.filter(org_unit=configured).values_list("name", flat=True))
    assert {"全民国家安全教育日", "民法典宣传月", "国家宪法日", "宪法宣传周"} <= names
    nsd = campaign(configured, "全民国家安全教育日")
    assert (nsd.starts_on, nsd.ends_on) == (date(2025, 4, 15), date(2025, 4, 15))
    assert "国家安全法第十四条" in nsd.basis
    assert services.campaigns_seed(actor=people.officer, year=2025) == []
    assert Option.objects.filter(org_unit=configured, kind="target").count() == 8


def test_an_event_is_recorded_with_its_targets(people, configured):
    event = make_event(people.officer, configured)
    assert event.theme == "民法典宣传月"
    assert sorted(t.name for t in event.targets.all()) == ["进乡村", "进渔船"]


def test_a_village_cadre_records_for_their_village_only(people, tree, configured):
    event = make_event(people.village_cadre, configured, unit=tree.village_a1)
    assert event.org_unit == tree.village_a1
    before = counts()
    with pytest.raises(Forbidden):
        make_event(people.village_cadre, configured, unit=tree.village_a2)
    with pytest.raises(Forbidden):
        make_event(people.cadre, configured)
    assert counts() == before


def _refused(call, message):
    before = counts()
    with pytest.raises(ServiceError) as exc:
        call()
    assert message in exc.value.message
    assert counts() == before
    return exc.value


def test_an_event_before_its_campaign_is_refused(people, configured):
    exc = _refused(
        lambda: make_event(people.officer, configured, held_on=date(2025, 4, 28)),
        "早于主题宣传活动“民法典宣传月”的开始日期(2025-05-01)",
    )
    assert "held_on" in exc.errors


def test_a_negative_audience_is_refused(people, configured):
    _refused(
        lambda: make_event(people.officer, configured, audience=-5), "受众人数须为不小于0的整数"
    )
    _refused(
        lambda: make_event(people.officer, configured, audience="许多"), "受众人数须为不小于0的整数"
    )


def test_other_bad_events_are_refused(people, configured):
    _refused(lambda: make_event(people.officer, configured, targets=[]), "请至少选择一个宣传对象")
    _refused(
        lambda: make_event(people.officer, configured, held_on=date(2025, 6, 30)), "不能晚于今天"
    )
    _refused(lambda: make_event(people.officer, configured, audience=10**7), "受众人数超过上限")


def test_a_photo_is_stored_without_its_exif(people, configured):
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo has GPS
    event = make_event(people.officer, configured)
    att = services.event_photo_add(
        actor=people.officer, event=event, uploaded_file=photo(data=original)
    )
    stored = att.file.open("rb").read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (64, 48)
    assert len(image.getexif()) == 0
    assert b"Exif" not in stored and b"HUAWEI" not in stored
    assert "exif" not in image.info


def test_a_png_keeps_no_text_chunks(people, configured):
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    meta.add_text("Location", "29.93N 122.30E")
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="PNG", pnginfo=meta)
    event = make_event(people.officer, configured)
    att = services.event_photo_add(
        actor=people.officer, event=event, uploaded_file=photo("a.png", out.getvalue())
    )
    assert b"Location" not in att.file.open("rb").read()


def test_a_photo_that_is_not_an_image_is_refused(people, configured):
    event = make_event(people.officer, configured)
    _refused(
        lambda: services.event_photo_add(
            actor=people.officer, event=event, uploaded_file=photo("照片.jpg", b"not a picture")
        ),
        "证据照片须为 JPG 或 PNG 图片",
    )
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    _refused(
        lambda: services.event_photo_add(
            actor=people.officer, event=event, uploaded_file=photo("照片.pdf", pdf)
        ),
        "证据照片须为 JPG 或 PNG 图片",
    )
    assert Attachment.objects.count() == 0
    assert Event.objects.count() == 1


def test_options_are_configurable(people, configured):
    extra = services.option_create(actor=people.officer, kind="format", name="海上普法直播")
    assert extra.is_active
    _refused(
        lambda: services.option_create(actor=people.officer, kind="format", name="海上普法直播"),
        "已存在",
    )
    services.option_toggle(actor=people.officer, option=option(configured, "法治游园会"))
    assert not option(configured, "法治游园会").is_active
    with pytest.raises(Forbidden):
        services.option_create(actor=people.leader, kind="format", name="x")
