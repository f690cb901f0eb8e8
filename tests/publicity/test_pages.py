"""普法宣传 pages: recording an event with photos through the form, the calendar, reach,
lists with a flat query count, the configuration and the study import."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from PIL import Image

from fazhi.core.models import Attachment
from fazhi.publicity.models import Event, Option, StudyImport

from .conftest import DAY, campaign, counts, make_event, option, photo, xlsx

pytestmark = pytest.mark.django_db


def _form(town, **kw):
    data = {
        "org_unit": town.pk,
        "campaign": campaign(town, "民法典宣传月").pk,
        "title": "民法典进文化礼堂",
        "format": option(town, "法治讲座进文化礼堂").pk,
        "targets": [option(town, "进乡村").pk, option(town, "进社区").pk],
        "held_on": "2025-05-20",
        "place": "东岙村文化礼堂",
        "organiser": "镇司法所",
        "audience": "120",
    }
    data.update(kw)
    return data


def test_the_officer_records_an_event_with_photos(people, configured, login):
    client = login(people.officer)
    assert "送法进渔村" in client.get(reverse("publicity:event_create")).content.decode()
    data = _form(configured, photos=[photo("一.jpg"), photo("二.jpg")])
    response = client.post(reverse("publicity:event_create"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    event = Event.objects.get()
    stored = [a.file.open("rb").read() for a in Attachment.objects.all()]
    assert len(stored) == 2 and all(len(Image.open(io.BytesIO(b)).getexif()) == 0 for b in stored)
    detail = client.get(response["Location"]).content.decode()
    assert "民法典进文化礼堂" in detail and "120人" in detail and "一.jpg" in detail
    assert event.theme == "民法典宣传月"


def test_a_bad_photo_in_the_form_writes_nothing(people, configured, login):
    client = login(people.officer)
    before = counts()
    data = _form(configured, photos=[photo("一.jpg"), photo("坏.jpg", b"oops")])
    response = client.post(reverse("publicity:event_create"), data)
    assert response.status_code == 400
    assert "证据照片须为 JPG 或 PNG 图片" in response.content.decode()
    assert counts() == before


def test_a_bad_event_form_answers_in_chinese(people, configured, login):
    client = login(people.officer)
    before = counts()
    response = client.post(
        reverse("publicity:event_create"), _form(configured, held_on="2025-04-20")
    )
    assert (
        response.status_code == 400
        and "早于主题宣传活动“民法典宣传月”的开始日期" in response.content.decode()
    )
    response = client.post(reverse("publicity:event_create"), _form(configured, audience="-3"))
    assert response.status_code == 400 and "受众人数须为不小于0的整数" in response.content.decode()
    assert counts() == before


def test_photos_are_added_on_the_event_page(people, configured, login):
    event = make_event(people.officer, configured)
    client = login(people.officer)
    client.post(reverse("publicity:event_photo_add", args=[event.pk]), {"file": photo()})
    assert Attachment.objects.count() == 1
    response = client.post(
        reverse("publicity:event_photo_add", args=[event.pk]),
        {"file": photo("x.jpg", b"x")},
        follow=True,
    )
    assert "证据照片须为 JPG 或 PNG 图片" in response.content.decode()
    assert Attachment.objects.count() == 1


def test_the_calendar_shows_campaigns_and_events(people, configured, login):
    make_event(people.officer, configured, title="民法典宣传月启动仪式")
    body = (
        login(people.leader)
        .get(reverse("publicity:calendar"), {"month": "2025-05"})
        .content.decode()
    )
    assert "2025年5月" in body and "民法典宣传月启动仪式" in body and "民法典宣传月" in body
    body = (
        login(people.officer)
        .get(reverse("publicity:calendar"), {"month": "2025-12"})
        .content.decode()
    )
    assert "国家宪法日" in body and "宪法宣传周" in body
    assert (
        login(people.officer).get(reverse("publicity:calendar"), {"month": "x"}).status_code == 200
    )


def test_reach_by_target_theme_and_village(people, tree, configured, login):
    make_event(people.officer, configured, audience=80)
    make_event(people.village_cadre, configured, unit=tree.village_a1, audience=40,
               targets=[option(configured, "进乡村")], campaign=campaign(configured, "全民国家安全教育日"),
               held_on=date(2025, 4, 15))  # fmt: skip
    from fazhi.publicity.selectors import event_list, reach

    r = reach(people.officer, 2025)
    assert {x["name"]: (x["events"], x["audience"]) for x in r["target"]} == {
        "进乡村": (2, 120),
        "进渔船": (1, 80),
    }
    assert {x["theme"]: x["audience"] for x in r["theme"]} == {
        "民法典宣传月": 80,
        "全民国家安全教育日": 40,
    }
    assert {x["org_unit__name"]: x["events"] for x in r["unit"]} == {"海屿镇": 1, "东岙村": 1}
    body = login(people.officer).get(reverse("publicity:reach"), {"year": 2025}).content.decode()
    assert "东岙村" in body and "进渔船" in body
    # the village cadre sees their village's events only
    assert [e.org_unit for e in event_list(people.village_cadre)] == [tree.village_a1]


def test_the_event_list_filters_and_keeps_a_flat_query_count(
    people, configured, login, count_queries
):
    client = login(people.officer)

    def load(n):
        for i in range(n - Event.objects.count()):
            make_event(people.officer, configured, title=f"活动{i}")
        return count_queries(lambda: client.get(reverse("publicity:event_list")))

    assert load(10) == load(100) <= 14, load(100)
    body = client.get(
        reverse("publicity:event_list"), {"target": option(configured, "进乡村").pk, "q": "活动9"}
    ).content.decode()
    assert "活动9" in body and "活动8<" not in body


def test_configuration_pages(people, configured, login):
    client = login(people.officer)
    client.post(reverse("publicity:option_create"), {"kind": "target", "name": "进海岛民宿"})
    assert Option.objects.filter(name="进海岛民宿").exists()
    client.post(reverse("publicity:campaign_seed"), {"year": "2026"})
    body = client.get(reverse("publicity:campaign_list"), {"year": 2026}).content.decode()
    assert "全民国家安全教育日" in body and "4月15日" in body
    response = client.post(
        reverse("publicity:campaign_create"),
        {"name": "海洋法治宣传周", "starts_on": "2025-06-08", "ends_on": "2025-06-01"},
    )
    assert response.status_code == 400 and "结束日期不能早于开始日期" in response.content.decode()


def test_the_study_import_page(people, login):
    people.cadre.full_name = "张伟"
    people.cadre.save(update_fields=["full_name"])
    client = login(people.officer)
    data = {
        "platform": "学习强国",
        "name": "姓名",
        "key": "账号",
        "hours": "学习时长(小时)",
        "period": "统计周期",
    }
    response = client.post(
        reverse("publicity:study_import"), {**data, "file": xlsx([("张伟", "cadre", 6, "2025")])}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("publicity:study_import"), {**data, "file": xlsx([("张伟", "nobody", 6, "2025")])}
    )
    assert (
        response.status_code == 400
        and "第2行:“nobody”不是海屿镇的干部" in response.content.decode()
    )
    assert StudyImport.objects.count() == 1
    assert "张伟" in client.get(reverse("publicity:study_list"), {"year": 2025}).content.decode()


def test_today_is_pinned(configured):
    from fazhi.core import clock

    assert clock.today() == DAY
