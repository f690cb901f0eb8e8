"""Fixtures of 普法宣传: town A's configuration (default targets and formats, the 2025
themed dates), an event helper, a camera-like JPEG (EXIF with GPS and device) and a
study-platform export."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Attachment, AuditEvent
from fazhi.publicity import services
from fazhi.publicity.models import (
    Campaign,
    CasePush,
    CaseReceipt,
    Event,
    Option,
    StudyHours,
    StudyImport,
)

DAY = date(2025, 6, 16)  # a Monday


def jpeg_with_exif(size=(64, 48)) -> bytes:
    """A photo as a phone saves it: EXIF with camera make/model, time and a GPS position."""
    from PIL import Image

    image = Image.new("RGB", size, (200, 60, 40))
    exif = Image.Exif()
    exif[0x010F] = "HUAWEI"  # Make
    exif[0x0110] = "P60 Pro"  # Model
    exif[0x0132] = "2025:04:15 09:30:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (29.0, 56.0, 12.5), 3: "E", 4: (122.0, 18.0, 3.25)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def photo(name="活动照片.jpg", data=None):
    return SimpleUploadedFile(
        name, data if data is not None else jpeg_with_exif(), content_type="image/jpeg"
    )


def xlsx(rows, header=("姓名", "账号", "学习时长(小时)", "统计周期")) -> SimpleUploadedFile:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("学习强国导出.xlsx", out.getvalue())


def counts():
    """What a refused call must leave unchanged."""
    return tuple(
        m.objects.count()
        for m in (
            Campaign,
            Option,
            Event,
            StudyImport,
            StudyHours,
            CasePush,
            CaseReceipt,
            Attachment,
            AuditEvent,
        )
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def configured(people, tree, on_day):
    """Town A with its default targets and formats and the 2025 themed dates; today 2025-06-16."""
    on_day(DAY)
    services.options_seed(actor=people.officer)
    services.campaigns_seed(actor=people.officer, year=2025)
    return tree.town_a


def option(town, name):
    return Option.objects.get(org_unit=town, name=name)


def campaign(town, name, year=2025):
    return Campaign.objects.get(org_unit=town, name=name, starts_on__year=year)


def make_event(actor, town, unit=None, **kw):
    return services.event_create(
        actor=actor,
        org_unit=unit or town,
        title=kw.pop("title", "民法典进渔村宣讲"),
        format=kw.pop("format", option(town, "送法进渔村")),
        targets=kw.pop("targets", [option(town, "进乡村"), option(town, "进渔船")]),
        held_on=kw.pop("held_on", date(2025, 5, 20)),
        place=kw.pop("place", "东岙村文化礼堂"),
        organiser=kw.pop("organiser", "镇司法所"),
        audience=kw.pop("audience", 80),
        campaign=kw.pop("campaign", campaign(town, "民法典宣传月")),
        **kw,
    )
