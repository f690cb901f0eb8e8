"""Fixtures of 组织领导: the town's group, a held meeting, a 述法 list, made through the
services."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent, StatusChange
from fazhi.leadership import services
from fazhi.leadership.models import (
    Attendance,
    Decision,
    GroupMember,
    LawReport,
    LeadingGroup,
    Meeting,
)

DAY = date(2025, 3, 3)  # a Monday


def snapshot():
    """What a refused call must leave unchanged."""
    return (
        LeadingGroup.objects.count(),
        GroupMember.objects.count(),
        Meeting.objects.count(),
        Attendance.objects.count(),
        Decision.objects.count(),
        list(LawReport.objects.values_list("pk", "status").order_by("pk")),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def group(people, tree):
    return services.group_create(actor=people.officer, org_unit=tree.town_a, established_on=DAY)


def make_meeting(people, tree, **kw):
    return services.meeting_create(
        actor=kw.pop("actor", people.officer),
        org_unit=kw.pop("org_unit", tree.town_a),
        kind=kw.pop("kind", "deployment"),
        title=kw.pop("title", "法治建设推进部署会"),
        held_on=kw.pop("held_on", DAY),
        place="镇政府三楼会议室",
        host=people.leader,
        agenda="传达县依法治县工作要点\n部署本年度法治建设任务",
        attendees=kw.pop("attendees", [people.leader, people.officer]),
        absences=kw.pop("absences", [(people.cadre, "外出培训")]),
        **kw,
    )


@pytest.fixture
def meeting(people, tree):
    return make_meeting(people, tree)


@pytest.fixture
def held(people, tree, meeting, on_day):
    on_day(date(2025, 3, 10))
    return services.meeting_hold(
        actor=people.officer,
        obj=meeting,
        minutes="会议听取了法治办汇报。",
        decisions=["各村社于3月底前成立法治建设领导小组", "开展民法典进村入户宣传"],
    )


@pytest.fixture
def report(people, tree):
    (row,) = services.lawreport_roster(actor=people.officer, town=tree.town_a, year=2025)
    return row
