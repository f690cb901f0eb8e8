"""Fixtures of 矛盾纠纷: disputes of 海屿镇's village 东岙村 reached through the services."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.demo import demo_id_number
from fazhi.core.models import Attachment, AuditEvent, StatusChange
from fazhi.disputes import services
from fazhi.disputes.models import Agreement, Dispute, FollowUp, Party, Routing, Session
from tests.permission_lib import _png

DAY = date(2025, 3, 3)  # a Monday
ID_A = demo_id_number(date(1970, 5, 1), 11, female=False)
ID_B = demo_id_number(date(1975, 8, 9), 12, female=True)
ID_C = demo_id_number(date(1982, 1, 20), 13, female=False)
BAD_ID = ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1")  # a wrong check digit


def parties(a=ID_A, b=ID_B):
    return [
        {"role": "applicant", "name": "张三", "id_number": a, "phone": "13800001111",
         "address": "东岙村1号"},
        {"role": "respondent", "name": "李四", "id_number": b, "phone": "",
         "address": "东岙村2号"},
    ]  # fmt: skip


def register(actor, unit, **kw):
    return services.dispute_create(
        actor=actor,
        org_unit=unit,
        source=kw.pop("source", "walk_in"),
        category=kw.pop("category", "neighbour"),
        place=kw.pop("place", "东岙村1号与2号之间"),
        summary=kw.pop("summary", "两户因排水沟堵塞发生争执,要求对方清理。"),
        parties=kw.pop("parties", None) or parties(),
        **kw,
    )


ART29 = {
    "facts": "李四家翻建房屋时堵塞了两户之间的排水沟,雨后积水流入张三家院子。",
    "issues": "排水沟由谁清理、损失由谁承担。",
    "responsibility": "李四对排水沟堵塞负主要责任。",
    "terms": "一、李四于协议签订后十日内疏通排水沟。\n二、李四赔偿张三清理费用500元。",
    "performance_manner": "李四自行疏通并以现金支付赔偿款。",
    "performance_deadline": date(2025, 3, 31),
    "mediators": "陈晓燕",
}


def mediate(actor, dispute, *, form="written", **kw):
    """Accept, one session, then the agreement (all on the pinned day)."""
    services.dispute_transition(actor=actor, obj=dispute, verb="accept")
    services.session_add(
        actor=actor, dispute=dispute, held_on=kw.pop("held_on", None) or DAY, place="调解室",
        mediators="陈晓燕", attendees="张三、李四", record="双方陈述意见。", result="agreed",
    )  # fmt: skip
    fields = {**ART29, "agreed_on": DAY, **kw}
    return services.agreement_record(actor=actor, dispute=dispute, form=form, **fields)


def signed_copy(name="协议书签字件.png"):
    return SimpleUploadedFile(name, _png(), content_type="image/png")


def snapshot(*objs):
    """What a refused call must leave unchanged: rows, statuses, timeline, audit trail."""
    statuses = []
    for o in objs:
        o.refresh_from_db()
        statuses.append((type(o).__name__, o.pk, getattr(o, "status", None)))
    return (
        statuses,
        [m.objects.count() for m in (Dispute, Party, Routing, Session, Agreement, FollowUp)],
        Attachment.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def today(on_day):
    return on_day(DAY)


@pytest.fixture
def dispute(people, tree, today):
    return register(people.village_cadre, tree.village_a1)
