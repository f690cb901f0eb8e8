"""Hearings (notice ≥ 7 days, registration, selection with interested parties, signed
record, report) and residents' self-registration (validated, encrypted, masked, consent)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.models import Membership, User
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role
from fazhi.participation import selectors, services
from fazhi.participation.models import ResidentConsent
from tests.permission_lib import _png

from .conftest import DAY, snapshot
from .test_services import refused

ID = "339901195105080027"


def _id(prefix="33990119510508002"):
    # A valid fictional ID number (check digit computed).
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w for c, w in zip(prefix, weights, strict=True))
    return prefix + "10X98765432"[s % 11]


def _hearing(people, tree, *, held=DAY + timedelta(days=10), noticed=DAY):
    return services.hearing_create(
        actor=people.officer, subject=None, org_unit=tree.town_a, title="渔港收费调整听证",
        matter="调整渔港停泊费", place="镇政府三楼会议室", held_on=held,
        notice_published_on=noticed,
    )  # fmt: skip


def test_hearing_noticed_too_late_is_refused(people, tree, today):
    with refused("听证公告过晚", "7日", "第十七条"):
        _hearing(people, tree, held=DAY + timedelta(days=6))
    h = _hearing(people, tree, held=DAY + timedelta(days=7))  # Monday 03-10: the 7th day
    assert h.status == "noticed"


def test_hearing_notice_days_follow_holidays(people, tree):
    # Noticed 2024-09-24: the 7th day (10-01) is a holiday, so the earliest is 10-08.
    assert (
        services.earliest_hearing(tree.town_a, DAY.replace(2024, 9, 24)).isoformat() == "2024-10-08"
    )


def test_hearing_goes_from_notice_to_report(people, tree, today):
    h = _hearing(people, tree)
    a = services.hearing_register(actor=people.resident, hearing=h, name="王大海",
                                  phone="13905801401", tag="public")  # fmt: skip
    with refused("已报名"):
        services.hearing_register(actor=people.resident, hearing=h, name="王大海",
                                  phone="13905801401", tag="public")  # fmt: skip
    b = services.hearing_register(actor=people.officer, hearing=h, name="渔船主代表",
                                  phone="13905801402", tag="interested")  # fmt: skip
    with refused("利害关系人", "第十七条"):
        services.hearing_select(actor=people.officer, hearing=h, registrations=[a])
    services.hearing_select(actor=people.officer, hearing=h, registrations=[a, b])
    h.refresh_from_db()
    assert h.status == "listed" and h.list_published_on == DAY
    png = SimpleUploadedFile("笔录.png", _png(), content_type="image/png")
    with refused("听证尚未举行"):
        services.hearing_record(actor=people.officer, hearing=h, uploaded_file=png)
    with clock.pinned(h.held_on):
        services.hearing_record(actor=people.officer, hearing=h, uploaded_file=png)
        with refused("听证报告"):
            services.hearing_report(actor=people.officer, hearing=h, uploaded_file=png, summary="")
        services.hearing_report(actor=people.officer, hearing=h, summary="多数意见赞成",
                                uploaded_file=SimpleUploadedFile("报告.png", _png()))  # fmt: skip
    h.refresh_from_db()
    assert h.status == "reported" and h.record_attachment and h.report_attachment
    # The registration phone is stored encrypted.
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT phone FROM participation_hearingregistration")
        stored = [row[0] for row in cur.fetchall()]
    assert stored and not any("1390580140" in p for p in stored)


def test_hearings_for_a_subject(people, tree, consultation):
    # Any record with org_unit may be a subject (a consultation stands in for one here).
    h = services.hearing_create(
        actor=people.officer, subject=consultation, title="东岙村道路规划听证", matter="规划",
        place="村委会", held_on=DAY + timedelta(days=8),
    )  # fmt: skip
    assert list(selectors.hearings_for(consultation)) == [h]
    assert h.org_unit == tree.town_a


def _register(tree, **kw):
    data = dict(username="wanghai", full_name="王海", phone="13905809999", password="Fz!2026-haiyu",
                org_unit=tree.village_a1, consent=True)  # fmt: skip
    data.update(kw)
    return services.resident_register(**data)


def test_resident_registers_with_consent(tree, db):
    user = _register(tree, id_number=_id(), id_consent=True)
    assert user.has_role(Role.RESIDENT)
    m = Membership.objects.get(user=user)
    assert m.org_unit == tree.village_a1 and m.role == Role.RESIDENT
    assert ResidentConsent.objects.get(user=user).id_number_consent
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT phone, id_number FROM core_user WHERE id = %s", [user.pk])
        phone, idn = cur.fetchone()
    assert "13905809999" not in phone and _id() not in idn  # encrypted at rest
    from fazhi.core import pii

    assert pii.mask_phone(user.phone) == "139****9999"


@pytest.mark.parametrize(
    "kw,needle",
    [
        ({"consent": False}, "个人信息保护法第十三条"),
        ({"id_number": _id(), "id_consent": False}, "第二十九条"),
        ({"phone": "12345"}, "个人信息格式不正确"),
        ({"id_number": "339901195105080028", "id_consent": True}, "个人信息格式不正确"),
        ({"full_name": " "}, "请填写姓名"),
    ],
)
def test_bad_registration_is_refused(tree, db, kw, needle):
    before = (User.objects.count(), Membership.objects.count(), snapshot())
    with pytest.raises(ServiceError) as info:
        _register(tree, **kw)
    assert needle in info.value.message
    assert (User.objects.count(), Membership.objects.count(), snapshot()) == before
