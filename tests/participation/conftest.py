"""Fixtures of 公众参与: an open consultation of town A (a plan, no subject record), with a
resident; helpers to snapshot what a refused call must leave unchanged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.core import clock
from fazhi.core.models import AuditEvent
from fazhi.participation import services
from fazhi.participation.models import Answer, Comment, Consultation, Hearing, HearingRegistration

DAY = date(2025, 3, 3)  # a Monday
TEXT = "\n".join(
    [
        "海屿镇渔港环境整治三年行动计划(征求意见稿)",
        "第一条 为改善渔港环境,制定本计划。",
        "第二条 本计划适用于渔港社区及东岙村。",
        "第三条 渔船停泊区每日清扫一次,垃圾分类投放。",
        "第四条 本计划自公布之日起施行。",
    ]
)


@pytest.fixture
def today():
    with clock.pinned(DAY):
        yield DAY


def open_consultation(people, tree, *, starts=DAY, days=30, **kw):
    return services.consultation_open(
        actor=people.officer, subject=None, org_unit=tree.town_a,
        title=kw.pop("title", "渔港环境整治三年行动计划"), text=kw.pop("text", TEXT),
        starts_on=starts, ends_on=starts + timedelta(days=days), **kw,
    )  # fmt: skip


@pytest.fixture
def consultation(people, tree, today):
    return open_consultation(people, tree)


def comment(people, c, body="建议增加清扫频次", paragraph=4, user=None, ip="10.0.0.1"):
    return services.comment_submit(
        actor=user or people.resident, consultation=c, body=body, paragraph=paragraph, ip=ip
    )


def snapshot():
    """Row counts and the audit trail: what a refused call must leave unchanged."""
    return (
        Consultation.objects.count(),
        Comment.objects.count(),
        Answer.objects.count(),
        Hearing.objects.count(),
        HearingRegistration.objects.count(),
        list(Consultation.objects.values_list("comment_count", "answered_count").order_by("id")),
        list(Comment.objects.values_list("hidden", "answer_id").order_by("id")),
        AuditEvent.objects.count(),
    )
