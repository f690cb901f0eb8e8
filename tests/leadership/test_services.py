"""组织领导's services: the rules they enforce, each refusal in Chinese with nothing
written (the issue's "Bad input" cases)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.leadership import selectors, services
from fazhi.leadership.models import LawReport, Meeting
from tests.factories import member

from .conftest import DAY, make_meeting, snapshot

pytestmark = pytest.mark.django_db


def refused(fn, *, match, exc=ServiceError):
    before = snapshot()
    with pytest.raises(exc) as info:
        fn()
    assert match in info.value.message
    assert snapshot() == before
    return info.value


# --- leading groups --------------------------------------------------------------------


def test_members_on_a_day_answer_from_the_history(people, tree, group):
    services.member_add(actor=people.officer, group=group, user=people.leader, role="leader",
                        started_on=date(2025, 1, 1), duties="主要领导亲自抓")  # fmt: skip
    deputy = services.member_add(actor=people.officer, group=group, user=people.officer,
                                 role="deputy", started_on=date(2025, 2, 1))  # fmt: skip
    services.member_end(actor=people.officer, member=deputy, ended_on=date(2025, 6, 30))
    services.member_add(actor=people.officer, group=group, user=people.cadre,
                        role="office_director", started_on=date(2025, 7, 1))  # fmt: skip

    def who(day):
        return sorted(m.user.username for m in selectors.members_on(group, day))

    assert who(date(2024, 12, 31)) == []
    assert who(date(2025, 1, 15)) == ["leader"]
    assert who(date(2025, 6, 30)) == ["leader", "officer"]  # the last day still counts
    assert who(date(2025, 7, 1)) == ["cadre", "leader"]


def test_member_without_an_account_in_the_town_is_refused(people, tree, group):
    refused(
        lambda: services.member_add(
            actor=people.officer, group=group, user=people.officer_b, role="member", started_on=DAY
        ),  # fmt: skip
        match="领导小组成员须为海屿镇的在册人员",
    )


def test_village_group_takes_town_staff_but_not_other_villages(people, tree):
    group = services.group_create(
        actor=people.village_cadre, org_unit=tree.village_a1, established_on=DAY
    )
    other = member(tree.village_a2, Role.VILLAGE_CADRE, "vc2")
    services.member_add(actor=people.village_cadre, group=group, user=people.leader, role="leader",
                        started_on=DAY)  # fmt: skip
    refused(
        lambda: services.member_add(
            actor=people.village_cadre, group=group, user=other, role="member", started_on=DAY
        ),  # fmt: skip
        match="东岙村的在册人员",
    )


def test_village_cadre_cannot_set_up_the_towns_group(people, tree):
    refused(
        lambda: services.group_create(
            actor=people.village_cadre, org_unit=tree.town_a, established_on=DAY
        ),
        match="村社干部只能办理本村社",
        exc=Forbidden,
    )


def test_one_group_per_unit_and_rate_of_villages(people, tree, group):
    refused(
        lambda: services.group_create(
            actor=people.officer, org_unit=tree.town_a, established_on=DAY
        ),
        match="已成立领导小组",
    )
    assert selectors.village_group_rate(tree.town_a) == (0, 2, 0.0)
    services.group_create(actor=people.officer, org_unit=tree.village_a1, established_on=DAY)
    assert selectors.village_group_rate(tree.town_a) == (1, 2, 50.0)


def test_end_before_start_is_refused(people, group):
    m = services.member_add(
        actor=people.officer, group=group, user=people.leader, role="leader", started_on=DAY
    )
    refused(
        lambda: services.member_end(actor=people.officer, member=m, ended_on=date(2025, 1, 1)),
        match="结束日期不能早于开始日期",
    )


# --- meetings ------------------------------------------------------------------------------


def test_attendees_from_another_town_are_refused(people, tree):
    refused(
        lambda: make_meeting(people, tree, attendees=[people.leader, people.officer_b]),
        match="参会人员须为海屿镇的人员",
    )
    refused(
        lambda: make_meeting(people, tree, absences=[(people.officer_b, "出差")]),
        match="不属于本镇",
    )


def test_absence_needs_a_reason(people, tree):
    refused(
        lambda: make_meeting(people, tree, absences=[(people.cadre, " ")]),
        match="缺席人员须写明缺席原因",
    )


def test_a_meeting_dated_in_the_future_cannot_be_marked_held(people, tree, on_day):
    on_day(date(2025, 3, 1))
    meeting = make_meeting(people, tree, held_on=date(2025, 3, 3))
    refused(
        lambda: services.meeting_hold(actor=people.officer, obj=meeting, minutes="纪要"),
        match="会议日期2025-03-03尚未到来,不能标记为已召开",
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_holding_records_minutes_and_decisions(people, held):
    assert held.status == Meeting.Status.HELD
    assert [d.text for d in held.decisions.all()] == [
        "各村社于3月底前成立法治建设领导小组",
        "开展民法典进村入户宣传",
    ]
    services.decision_add(actor=people.officer, meeting=held, text="下月开展专题学法")
    assert held.decisions.count() == 3
    assert AuditEvent.objects.filter(verb="meeting.hold").count() == 1


def test_hold_needs_minutes(people, meeting, on_day):
    on_day(date(2025, 3, 10))
    refused(
        lambda: services.meeting_hold(actor=people.officer, obj=meeting, minutes=""),
        match="须填写会议纪要",
    )


def test_village_cadre_keeps_only_their_village(people, tree):
    make_meeting(people, tree, actor=people.village_cadre, org_unit=tree.village_a1, kind="law_study",
                 attendees=[people.village_cadre])  # fmt: skip
    refused(
        lambda: make_meeting(people, tree, actor=people.village_cadre),
        match="村社干部只能办理本村社",
        exc=Forbidden,
    )
    with pytest.raises(ServiceError):
        make_meeting(people, tree, actor=people.officer_b)


# --- 述法 ------------------------------------------------------------------------------------


def test_roster_lists_the_town_leaders_with_the_due_date(people, tree, report):
    assert report.reporter == people.leader
    # 31 days after 2025-12-31 is 2026-01-31, a Saturday: moved to Monday 2026-02-02.
    assert report.due_on == date(2026, 2, 2)
    assert services.lawreport_roster(actor=people.officer, town=tree.town_a, year=2025) == []


def test_a_lawreport_for_someone_not_on_the_list_is_refused(people, tree, report):
    refused(
        lambda: services.lawreport_submit(
            actor=people.cadre, town=tree.town_a, year=2025, report_text="报告"
        ),
        match="不在海屿镇2025年度述法名单中",
    )


def test_only_the_reporter_submits_and_a_report_is_needed(people, tree, report):
    refused(
        lambda: services.lawreport_transition(
            actor=people.officer, obj=report, verb="submit", report_text="x"
        ),
        match="无权执行",
        exc=Forbidden,
    )
    refused(
        lambda: services.lawreport_submit(actor=people.leader, town=tree.town_a, year=2025),
        match="述法须提交述法报告",
    )
    services.lawreport_submit(
        actor=people.leader, town=tree.town_a, year=2025, report_text="一年来履行法治建设职责情况"
    )
    report.refresh_from_db()
    assert report.status == LawReport.Status.SUBMITTED
    assert selectors.coverage(tree.town_a, 2025) == (1, 1, 100.0)


def test_review_needs_a_held_meeting_of_the_town(people, tree, report, held, meeting):
    services.lawreport_submit(actor=people.leader, town=tree.town_a, year=2025, report_text="报告")
    planned = make_meeting(people, tree, title="未召开的会")
    refused(
        lambda: services.lawreport_transition(
            actor=people.officer, obj=report, verb="review", meeting=planned, rating="good"
        ),  # fmt: skip
        match="述法会议须为本镇已召开的会议",
    )
    services.lawreport_transition(
        actor=people.officer, obj=report, verb="review", meeting=held, rating="good"
    )
    report.refresh_from_db()
    assert (report.status, report.rating, report.meeting_id) == ("reviewed", "good", held.pk)


def test_add_and_remove_from_the_list(people, tree, report):
    row = services.lawreport_add(
        actor=people.officer, town=tree.town_a, year=2025, reporter=people.cadre, title="人大主席"
    )
    refused(
        lambda: services.lawreport_add(
            actor=people.officer, town=tree.town_a, year=2025, reporter=people.officer_b
        ),
        match="述法人员须为海屿镇的在册人员",
    )
    services.lawreport_remove(actor=people.officer, report=row)
    assert not LawReport.objects.filter(pk=row.pk).exists()
