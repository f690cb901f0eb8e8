"""The rules of 法治建设旬报: drafting from the period's data, no submission before the
旬 has ended, never twice, due N working days after the 旬 on the official calendar,
late marked by the first submission, the county's return and the town's resubmission.
Every refusal says which rule in Chinese and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core import params
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.workflow import timeline
from fazhi.tenday import services
from fazhi.tenday.models import TenDayReport
from fazhi.tenday.periods import period_of
from tests.inspections.conftest import county_inspection

from .conftest import P_DUE, P_START, draft, snapshot, submit

pytestmark = pytest.mark.django_db


def test_a_period_not_yet_ended_is_refused_and_nothing_changes(people, tree, on_day):
    on_day(date(2025, 3, 7))  # inside 2025年3月上旬: drafting may start, submitting may not
    report = draft(people, tree)
    before = snapshot(report)
    with pytest.raises(ServiceError) as exc:
        submit(people.officer, report)
    assert exc.value.message == (
        "2025年3月上旬尚未结束(截至2025-03-10),不能报送本旬旬报"
        "(按县委全面依法治县办旬报报送要求,旬报于每旬结束后报送)"
    )
    assert snapshot(report) == before
    assert report.status == "draft"


def test_a_second_submission_of_the_same_period_is_refused(people, tree, after_period):
    report = submit(people.officer, draft(people, tree))
    before = snapshot(report)
    with pytest.raises(ServiceError) as exc:
        submit(people.officer, report)
    assert exc.value.message == (
        "2025年3月上旬的旬报已于2025-03-11报送,不得重复报送"
        "(每旬只报送一份;县级退回后方可修改并重新报送)"
    )
    assert snapshot(report) == before
    # A second report of the same period cannot be drafted either.
    with pytest.raises(ServiceError) as exc:
        draft(people, tree)
    assert "2025年3月上旬的旬报已存在" in exc.value.message
    assert snapshot(report) == before


def test_a_future_period_cannot_be_drafted(people, tree, on_day):
    on_day(date(2025, 3, 7))
    before = snapshot()
    with pytest.raises(ServiceError) as exc:
        draft(people, tree, start=date(2025, 3, 11))
    assert exc.value.message == "2025年3月中旬尚未开始,不能起草本旬旬报"
    with pytest.raises(ServiceError) as exc:
        draft(people, tree, start=date(2025, 3, 5))
    assert exc.value.errors == {"period_start": ["旬的开始日期应为每月1日、11日或21日"]}
    assert snapshot() == before


def test_only_the_towns_own_law_office_drafts(people, tree, after_period):
    before = snapshot()
    with pytest.raises(ServiceError) as exc:  # another town's officer: not found
        draft(people, tree, actor=people.officer_b)
    assert exc.value.code == "not_found"
    with pytest.raises(Forbidden):
        draft(people, tree, actor=people.leader)
    with pytest.raises(ServiceError) as exc:
        services.report_create(actor=people.officer, org_unit=tree.village_a1, period_start=P_START)
    assert exc.value.message == "旬报由乡镇报送:请选择一个乡镇"
    assert snapshot() == before


def test_the_draft_is_made_of_the_periods_figures_grouped_by_section(people, tree, on_day):
    on_day(date(2025, 3, 5))
    county_inspection(people, tree, started_on=date(2025, 3, 3))  # inside the period
    county_inspection(people, tree, title="另一次", started_on=date(2025, 2, 27))  # outside
    on_day(date(2025, 3, 11))
    report = draft(people, tree)
    keys = {f["key"]: f for f in report.figures}
    assert keys["inspections.county"]["value"] == 1
    assert keys["inspections.county"]["sentence"] == "接受县级专项督查1次"
    assert all(f["value"] for f in report.figures)  # zero figures are left out
    assert "inspections.self" not in keys
    lines = report.body.splitlines()
    assert lines[0] == "一、依法行政"
    assert "接受县级专项督查1次。" in lines
    assert report.due_on == P_DUE
    assert [s.label for s in timeline(report)] == ["起草旬报"]
    assert AuditEvent.objects.filter(verb="tenday_report.create").count() == 1


def test_what_was_sent_is_kept_and_regenerate_refreshes_the_draft(people, tree, on_day):
    on_day(date(2025, 3, 11))
    report = draft(people, tree)
    assert report.body == "本旬无新增业务数据。"
    county_inspection(people, tree, started_on=date(2025, 3, 4))  # recorded late
    report.refresh_from_db()
    assert report.figures == []  # the stored draft does not move with the ledgers
    report = services.report_regenerate(actor=people.officer, report=report)
    assert "接受县级专项督查1次。" in report.body
    submit(people.officer, report)
    county_inspection(people, tree, title="再一次", started_on=date(2025, 3, 5))
    report.refresh_from_db()
    assert [f["value"] for f in report.figures if f["key"] == "inspections.county"] == [1]
    before = snapshot(report)
    with pytest.raises(ServiceError) as exc:
        services.report_regenerate(actor=people.officer, report=report)
    assert exc.value.message.startswith("已报送的旬报不能修改")
    assert snapshot(report) == before


def test_the_officer_edits_the_text(people, tree, after_period):
    report = draft(people, tree)
    report = services.report_update(
        actor=people.officer, report=report, body="一、组织领导\n召开会议1次。",
        problems="宣传阵地更新不及时", next_steps="推进法律顾问全覆盖",
    )  # fmt: skip
    assert report.body.startswith("一、组织领导")
    before = snapshot(report)
    with pytest.raises(ServiceError) as exc:
        services.report_update(actor=people.officer, report=report, body="  ")
    assert exc.value.errors == {"body": ["请填写本旬工作情况"]}
    with pytest.raises(ServiceError):
        services.report_update(actor=people.officer, report=report, body="x" * 10001)
    assert snapshot(report) == before


def test_on_time_late_return_and_resubmission(people, tree, on_day):
    on_day(P_DUE)  # the last day allowed
    report = submit(people.officer, draft(people, tree))
    assert (report.status, report.is_late, report.first_submitted_on) == ("submitted", False, P_DUE)
    # The county returns it with what is missing; the note is required.
    before = snapshot(report)
    with pytest.raises(ServiceError) as exc:
        services.report_transition(actor=people.supervisor, obj=report, verb="return", note=" ")
    assert exc.value.message == "退回旬报须写明需查漏补缺的内容"
    assert snapshot(report) == before
    with pytest.raises(Forbidden):
        services.report_transition(actor=people.officer, obj=report, verb="return", note="x")
    on_day(date(2025, 3, 14))
    report = services.report_transition(
        actor=people.supervisor, obj=report, verb="return", note="请补充矛盾纠纷调处情况"
    )
    assert (report.status, report.return_count) == ("returned", 1)
    assert report.return_comment == "请补充矛盾纠纷调处情况"
    # Edited and resubmitted after the due day: still on time (the first submission was).
    on_day(date(2025, 3, 17))
    services.report_update(actor=people.officer, report=report, body=report.body + "\n补充。")
    report = submit(people.officer, report)
    assert (report.status, report.is_late, report.submitted_on) == (
        "submitted", False, date(2025, 3, 17),
    )  # fmt: skip
    assert [s.label for s in timeline(report)] == [
        "起草旬报",
        "报送县级",
        "退回查漏补缺",
        "报送县级",
    ]
    assert timeline(report)[2].note == "请补充矛盾纠纷调处情况"
    # A first submission after the due day is late.
    late = submit(people.officer, draft(people, tree, start=date(2025, 2, 21)))
    assert late.is_late and late.due_on == date(2025, 3, 4)


def test_another_towns_officer_cannot_submit_or_return(people, tree, after_period):
    report = draft(people, tree)
    before = snapshot(report)
    with pytest.raises(ServiceError) as exc:
        submit(people.officer_b, report)
    assert exc.value.code == "not_found"
    with pytest.raises(ServiceError):
        services.report_transition(
            actor=people.other_supervisor, obj=report, verb="return", note="x"
        )
    assert snapshot(report) == before


@pytest.mark.parametrize(
    "period_end,due",
    [
        (date(2024, 9, 30), date(2024, 10, 9)),  # 国庆 2024: 1–7 October off
        (date(2024, 10, 10), date(2024, 10, 12)),  # Saturday 12 October 2024 was a workday
        (date(2024, 4, 30), date(2024, 5, 7)),  # 劳动节 2024: 1–5 May off
        (date(2025, 1, 31), date(2025, 2, 6)),  # 春节 2025: 28 Jan – 4 Feb off
        (date(2025, 9, 30), date(2025, 10, 10)),  # 国庆中秋 2025: 1–8 October off
        (date(2026, 2, 20), date(2026, 2, 25)),  # 春节 2026: 15–23 February off
        (date(2026, 11, 10), date(2026, 11, 12)),
    ],
)
def test_due_day_is_two_working_days_on_the_official_calendar(tree, period_end, due):
    assert services.due_for(tree.town_a, period_of(period_end)) == due


def test_the_due_days_are_a_local_parameter(people, tree, after_period):
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="tenday.due_workdays", raw_value="3",
        reason="县委依法治县办通知:旬结束后3个工作日内报送",
    )  # fmt: skip
    assert draft(people, tree).due_on == date(2025, 3, 13)


def test_nothing_is_written_by_a_refused_state(people, tree, after_period):
    report = draft(people, tree)
    n = StatusChange.objects.count(), TenDayReport.objects.count()
    with pytest.raises(ServiceError):
        services.report_transition(actor=people.supervisor, obj=report, verb="return", note="x")
    assert (StatusChange.objects.count(), TenDayReport.objects.count()) == n
