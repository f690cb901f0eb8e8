"""Fixtures of 法治单元: records, registry entries and village rules of 东岙村 (village A1
of 海屿镇), reached through the services."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.demo import demo_id_number
from fazhi.lawunits import services
from fazhi.lawunits.models import UnitType

DAY = date(2025, 3, 3)  # a Monday

LAWFUL_RULES = (
    "东岙村村规民约\n"
    "第一条 村民应当遵守宪法、法律、法规和国家政策。\n"
    "第二条 提倡婚事新办、简办,反对大操大办。\n"
    "第三条 村民应当爱护公共设施,保持村庄环境整洁。"
)
UNLAWFUL_RULES = (
    "东岙村村规民约\n"
    "第一条 村民应当遵守宪法、法律、法规和国家政策。\n"
    "第二条 乱倒垃圾的，每次罚款100元。\n"
    "第三条 出嫁女户口未迁出的，不再享受村集体收益分配。"
)


def id_number(seq: int, born=date(1975, 5, 1)) -> str:
    return demo_id_number(born, seq, female=seq % 2 == 0)


def jpeg_with_gps() -> bytes:
    """A small JPEG carrying EXIF with a GPS position and a camera model."""
    from PIL import Image

    img = Image.new("RGB", (16, 12), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0110] = "Phone X1"  # Model
    exif[0x8825] = {1: "N", 2: (29.0, 58.0, 0.0), 3: "E", 4: (122.0, 12.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def photo(name="照片.jpg"):
    return SimpleUploadedFile(name, jpeg_with_gps(), content_type="image/jpeg")


def record(people, tree, tier="county", village=None):
    return services.record_create(
        actor=people.officer, org_unit=village or tree.village_a1, tier=tier, started_on=DAY
    )


def evidence_all(actor, rec):
    for c in services.criteria_of(rec.org_unit.parent):
        services.evidence_upload(actor=actor, record=rec, criterion=c, uploaded_file=photo())


def understander(actor, village, seq=1, name="陈海明"):
    services.types_seed(actor=actor, town=village.parent)
    t = UnitType.objects.get(org_unit=village.parent, code=UnitType.LEGAL_UNDERSTANDER)
    return services.entry_create(
        actor=actor,
        org_unit=village,
        unit_type=t,
        name=name,
        id_number=id_number(seq),
        phone="13800138000",
        since=DAY,
    )


def file_rules(actor, village, text=LAWFUL_RULES, on=DAY):
    return services.rules_file(
        actor=actor, org_unit=village, title="村规民约", text=text, adopted_on=on, filed_on=on
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
