"""督查整改 services: who may do what, every guard's refusal (and that nothing changed),
the deadline computation and the whole loop to closure."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core import audit, params
from fazhi.core.deadlines import deadline as compute_deadline
from fazhi.core.models import AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.workflow import timeline
from fazhi.inspections import services
from fazhi.inspections.models import Finding, Inspection
from tests.factories import member

from .conftest import START, add_finding, county_inspection, evidence, snapshot

pytestmark = pytest.mark.django_db


def refused(exc_type, message, call, *objs):
    """Assert `call()` raises `exc_type` whose message contains `message`, and that
    nothing changed."""
    before = snapshot(*objs)
    with pytest.raises(exc_type) as info:
        call()
    assert message in info.value.message, info.value.message
    assert snapshot(*objs) == before
    return info.value


# --- opening inspections -------------------------------------------------------------------


def test_supervisor_opens_a_county_inspection_of_a_town(people, tree, inspection):
    assert inspection.conducted_by == tree.county
    assert inspection.status == Inspection.Status.IN_PROGRESS
    assert inspection.conclusion == ""
    assert [s.label for s in timeline(inspection)] == ["发起督查"]
    event = AuditEvent.objects.get(verb="inspection.create")
    assert event.object_id == str(inspection.pk) and event.actor_name == "supervisor"


def test_law_officer_opens_a_self_inspection_of_own_town(people, tree):
    i = services.inspection_create(
        actor=people.officer,
        org_unit=tree.town_a,
        kind="self",
        title="自查",
        topic="contracts",
        started_on=START,
    )
    assert i.conducted_by == tree.town_a and not i.is_county


@pytest.mark.parametrize(
    "who, town, kind, exc, message",
    [
        ("officer", "town_a", "county_special", Forbidden, "县级专项督查由县级督导发起"),
        ("supervisor", "town_a", "self", Forbidden, "镇级自查由本镇法治办发起"),
        ("officer_b", "town_a", "self", Forbidden, "记录不存在或无权查看"),
        ("other_supervisor", "town_a", "county_special", Forbidden, "记录不存在或无权查看"),
        ("leader", "town_a", "self", Forbidden, "只有县级督导或镇法治办工作人员可以发起督查"),
        ("cadre", "town_a", "other", Forbidden, "只有县级督导或镇法治办工作人员可以发起督查"),
        ("supervisor", "village_a1", "county_special", ServiceError, "被督查单位须为乡镇"),
        ("supervisor", "county", "county_special", ServiceError, "被督查单位须为乡镇"),
    ],
)
def test_opening_an_inspection_is_refused_outside_role_or_scope(
    people, tree, who, town, kind, exc, message
):
    refused(
        exc,
        message,
        lambda: services.inspection_create(
            actor=getattr(people, who),
            org_unit=getattr(tree, town),
            kind=kind,
            title="督查",
            topic="documents",
            started_on=START,
        ),
    )


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("title", "  ", "请填写督查名称"),
        ("title", "长" * 201, "督查名称不能超过200个字"),
        ("title", "a\x00b", "督查名称含有无效字符"),
        ("topic", "weather", "督查内容不正确"),
        ("kind", "secret", "督查类型不正确"),
        ("started_on", None, "请填写开始日期"),
        ("started_on", "2025-02-30", "开始日期格式应为 YYYY-MM-DD"),
    ],
)
def test_bad_inspection_input_is_refused_in_chinese(people, tree, field, value, message):
    data = {
        "kind": "county_special",
        "title": "督查",
        "topic": "documents",
        "started_on": START,
        field: value,
    }
    exc = refused(
        ServiceError,
        message,
        lambda: services.inspection_create(actor=people.supervisor, org_unit=tree.town_a, **data),
    )
    assert field in exc.errors


# --- findings ------------------------------------------------------------------------------


def test_finding_deadline_defaults_to_the_configured_period_on_the_calendar(
    people, tree, inspection
):
    """Given no deadline, when a finding is recorded on 2025-04-01, then the deadline is 30
    days later, moved past the 劳动节 holiday (2025-05-01…05) to 2025-05-06."""
    f = add_finding(people.supervisor, inspection, people.cadre, deadline=None, on=date(2025, 4, 1))
    assert f.deadline == compute_deadline(date(2025, 4, 1), 30, "days") == date(2025, 5, 6)


def test_finding_deadline_follows_the_local_parameter(people, tree, inspection):
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="inspections.rectify_days", raw_value="15"
    )
    f = add_finding(
        people.supervisor, inspection, people.cadre, deadline=None, on=date(2025, 3, 10)
    )
    assert f.deadline == date(2025, 3, 25)
    assert services.RECTIFY_DAYS.value(tree.town_a) == 15
    assert services.RECTIFY_DAYS.default == 30


def test_a_deadline_before_the_inspection_started_is_refused(people, tree, inspection):
    exc = refused(
        ServiceError,
        "整改期限不能早于督查开始日期(2025-03-03)",
        lambda: add_finding(people.supervisor, inspection, people.cadre, deadline=date(2025, 3, 2)),
        inspection,
    )
    assert "deadline" in exc.errors


@pytest.mark.parametrize("owner", ["officer_b", "supervisor", "other_supervisor", "adviser"])
def test_an_owner_outside_the_inspected_town_is_refused(people, tree, inspection, owner):
    exc = refused(
        ServiceError,
        "整改责任人须为被督查单位(海屿镇)的工作人员",
        lambda: add_finding(people.supervisor, inspection, getattr(people, owner)),
        inspection,
    )
    assert "owner" in exc.errors


@pytest.mark.parametrize("owner", ["officer", "leader", "cadre", "village_cadre", "grid_worker"])
def test_staff_of_the_town_its_villages_and_grids_may_own_a_finding(
    people, tree, inspection, owner
):
    f = add_finding(people.supervisor, inspection, getattr(people, owner))
    assert f.owner == getattr(people, owner) and f.org_unit == tree.town_a
    assert f.status == Finding.Status.PENDING
    assert [s.label for s in timeline(f)] == ["记录问题"]


@pytest.mark.parametrize(
    "who, exc, message",
    [
        ("officer", Forbidden, "只有县级督导可以记录县级督查的问题"),
        ("leader", Forbidden, "只有督查单位可以记录督查问题"),
        ("other_supervisor", ServiceError, "记录不存在或无权查看"),
        ("officer_b", ServiceError, "记录不存在或无权查看"),
    ],
)
def test_only_the_inspecting_side_records_findings(people, tree, inspection, who, exc, message):
    refused(
        exc,
        message,
        lambda: add_finding(getattr(people, who), inspection, people.cadre),
        inspection,
    )


def test_bad_finding_input_is_refused(people, tree, inspection):
    refused(
        ServiceError,
        "请填写问题描述",
        lambda: add_finding(people.supervisor, inspection, people.cadre, description=" "),
    )
    refused(
        ServiceError,
        "请填写依据",
        lambda: add_finding(people.supervisor, inspection, people.cadre, basis=""),
    )
    refused(
        ServiceError,
        "请选择整改责任人",
        lambda: add_finding(people.supervisor, inspection, None),
    )


# --- the inspection's own steps --------------------------------------------------------------


def test_issuing_a_notice_without_findings_is_refused(people, tree, inspection):
    refused(
        ServiceError,
        "未记录任何问题,不能下发整改通知",
        lambda: services.inspection_transition(
            actor=people.supervisor, obj=inspection, verb="issue"
        ),
        inspection,
    )


def test_a_clean_inspection_is_completed_only_with_the_explicit_conclusion(
    people, tree, inspection
):
    refused(
        ServiceError,
        "须明确记录结论“未发现需整改问题”方可办结",
        lambda: services.inspection_transition(
            actor=people.supervisor, obj=inspection, verb="complete"
        ),
        inspection,
    )
    done = services.inspection_transition(
        actor=people.supervisor,
        obj=inspection,
        verb="complete",
        conclusion="no_issues",
        on=date(2025, 3, 7),
    )
    assert done.status == Inspection.Status.COMPLETED
    assert done.conclusion == Inspection.Conclusion.NO_ISSUES
    assert done.get_conclusion_display() == "未发现需整改问题"
    assert done.ended_on == date(2025, 3, 7)
    assert AuditEvent.objects.filter(verb="inspection.complete").count() == 1


def test_ending_before_the_start_is_refused(people, tree, inspection):
    refused(
        ServiceError,
        "结束日期不能早于督查开始日期",
        lambda: services.inspection_transition(
            actor=people.supervisor,
            obj=inspection,
            verb="complete",
            conclusion="no_issues",
            ended_on=date(2025, 3, 1),
        ),
        inspection,
    )


def test_an_inspection_with_open_findings_cannot_be_completed(people, tree, issued):
    inspection, finding = issued
    refused(
        ServiceError,
        "尚有1个问题未整改销号,不得办结督查",
        lambda: services.inspection_transition(
            actor=people.supervisor, obj=inspection, verb="complete"
        ),
        inspection,
        finding,
    )


def test_findings_contradict_a_no_issues_conclusion(people, tree, issued):
    inspection, finding = issued
    refused(
        ServiceError,
        "本次督查已发现问题,结论不能为“未发现需整改问题”",
        lambda: services.inspection_transition(
            actor=people.supervisor, obj=inspection, verb="complete", conclusion="no_issues"
        ),
        inspection,
    )


def test_the_town_cannot_complete_the_countys_inspection(people, tree, inspection):
    refused(
        Forbidden,
        "无权执行“办结督查”",
        lambda: services.inspection_transition(
            actor=people.officer, obj=inspection, verb="complete", conclusion="no_issues"
        ),
        inspection,
    )


def test_a_completed_inspection_takes_no_more_findings_or_steps(people, tree, inspection):
    services.inspection_transition(
        actor=people.supervisor, obj=inspection, verb="complete", conclusion="no_issues"
    )
    refused(
        ServiceError,
        "督查已办结,不能再添加问题",
        lambda: add_finding(people.supervisor, inspection, people.cadre),
        inspection,
    )
    refused(
        ServiceError,
        "当前状态为“已完成”,不能执行“下发整改通知”",
        lambda: services.inspection_transition(
            actor=people.supervisor, obj=inspection, verb="issue"
        ),
        inspection,
    )


def test_an_unknown_step_is_refused(people, tree, inspection):
    refused(
        ServiceError,
        "未知的操作",
        lambda: services.inspection_transition(
            actor=people.supervisor, obj=inspection, verb="delete"
        ),
        inspection,
    )


# --- rectification ---------------------------------------------------------------------------


def test_rectification_before_the_notice_is_refused(people, tree, inspection):
    finding = add_finding(people.supervisor, inspection, people.cadre)
    evidence(people.cadre, finding)
    refused(
        ServiceError,
        "督查尚未下发整改通知",
        lambda: services.finding_transition(
            actor=people.cadre, obj=finding, verb="submit", rectification="已整改"
        ),
        finding,
    )


def test_rectification_needs_a_text(people, tree, issued):
    _, finding = issued
    evidence(people.cadre, finding)
    refused(
        ServiceError,
        "整改须写明整改情况",
        lambda: services.finding_transition(
            actor=people.cadre, obj=finding, verb="submit", rectification="  "
        ),
        finding,
    )


def test_rectification_needs_evidence(people, tree, issued):
    _, finding = issued
    refused(
        ServiceError,
        "整改须附佐证材料",
        lambda: services.finding_transition(
            actor=people.cadre, obj=finding, verb="submit", rectification="已补报备案"
        ),
        finding,
    )


@pytest.mark.parametrize("who", ["officer", "leader", "supervisor"])
def test_only_the_owner_submits_the_rectification(people, tree, issued, who):
    _, finding = issued
    evidence(people.cadre, finding)
    refused(
        Forbidden,
        "无权执行“提交整改”",
        lambda: services.finding_transition(
            actor=getattr(people, who), obj=finding, verb="submit", rectification="已整改"
        ),
        finding,
    )


def test_an_owner_who_left_the_town_can_no_longer_act(people, tree, issued):
    _, finding = issued
    evidence(people.cadre, finding)
    people.cadre.memberships.update(is_active=False)
    cadre = type(people.cadre).objects.get(pk=people.cadre.pk)
    refused(
        Forbidden,
        "无权执行“提交整改”",
        lambda: services.finding_transition(
            actor=cadre, obj=finding, verb="submit", rectification="已整改"
        ),
        finding,
    )


def test_the_whole_loop_to_closure(people, tree, issued):
    """Given an issued finding, when the owner submits with evidence, the county returns it
    with a note, the owner submits again and the county closes it, then the inspection is
    completed with the conclusion 发现问题, and every step is on the timeline and audited."""
    inspection, finding = issued
    evidence(people.cadre, finding)
    f = services.finding_transition(
        actor=people.cadre, obj=finding, verb="submit", rectification="已补报备案"
    )
    assert f.status == Finding.Status.SUBMITTED and f.rectification == "已补报备案"
    refused(
        ServiceError,
        "“退回整改”须填写说明",
        lambda: services.finding_transition(actor=people.supervisor, obj=f, verb="return"),
        f,
    )
    refused(
        Forbidden,
        "无权执行“审核销号”",
        lambda: services.finding_transition(actor=people.officer, obj=f, verb="close"),
        f,
    )
    f = services.finding_transition(
        actor=people.supervisor, obj=f, verb="return", note="缺少备案回执"
    )
    assert f.status == Finding.Status.RETURNED
    f = services.finding_transition(
        actor=people.cadre, obj=f, verb="submit", rectification="已补报备案,附回执"
    )
    f = services.finding_transition(
        actor=people.supervisor, obj=f, verb="close", on=date(2025, 4, 2)
    )
    assert f.status == Finding.Status.CLOSED
    assert (f.closed_by, f.closed_on) == (people.supervisor, date(2025, 4, 2))
    done = services.inspection_transition(actor=people.supervisor, obj=inspection, verb="complete")
    assert done.status == Inspection.Status.COMPLETED
    assert done.conclusion == Inspection.Conclusion.FOUND
    assert [s.label for s in timeline(f)] == [
        "记录问题",
        "提交整改",
        "退回整改",
        "提交整改",
        "审核销号",
    ]
    assert timeline(f)[2].note == "缺少备案回执"
    verbs = list(
        AuditEvent.objects.filter(verb__startswith="inspection").values_list("verb", flat=True)
    )
    assert "inspection_finding.close" in verbs and "inspection.complete" in verbs
    assert all(v in audit.VERB_LABELS for v in verbs)


def test_in_a_self_inspection_the_law_officer_closes_but_never_their_own(people, tree):
    inspection = services.inspection_create(
        actor=people.officer,
        org_unit=tree.town_a,
        kind="self",
        title="自查",
        topic="documents",
        started_on=START,
    )
    own = add_finding(people.officer, inspection, people.officer)
    other = add_finding(people.officer, inspection, people.cadre)
    services.inspection_transition(actor=people.officer, obj=inspection, verb="issue")
    for finding, owner in ((own, people.officer), (other, people.cadre)):
        evidence(owner, finding)
        services.finding_transition(actor=owner, obj=finding, verb="submit", rectification="已改")
    refused(
        ServiceError,
        "整改责任人不得为本人负责的问题销号",
        lambda: services.finding_transition(actor=people.officer, obj=own, verb="close"),
        own,
    )
    refused(
        Forbidden,
        "无权执行“审核销号”",
        lambda: services.finding_transition(actor=people.supervisor, obj=other, verb="close"),
        other,
    )
    closed = services.finding_transition(actor=people.officer, obj=other, verb="close")
    assert closed.status == Finding.Status.CLOSED


# --- visibility ------------------------------------------------------------------------------


def test_county_supervisor_sees_all_towns_of_the_county_only(people, tree):
    a = county_inspection(people, tree)
    b = services.inspection_create(
        actor=people.supervisor,
        org_unit=tree.town_b,
        kind="county_special",
        title="青山镇督查",
        topic="contracts",
        started_on=START,
    )
    visible = set(Inspection.objects.visible_to(people.supervisor))
    assert visible == {a, b}
    assert not Inspection.objects.visible_to(people.other_supervisor).exists()
    assert set(Inspection.objects.visible_to(people.officer)) == {a}
    assert set(Inspection.objects.visible_to(people.officer_b)) == {b}
    assert set(Inspection.objects.visible_to(people.leader)) == {a}


def test_owners_see_only_what_they_own(people, tree, inspection):
    other_cadre = member(tree.town_a, Role.CADRE, "cadre2")
    f_cadre = add_finding(people.supervisor, inspection, people.cadre)
    f_village = add_finding(people.supervisor, inspection, people.village_cadre)
    assert list(Finding.objects.visible_to(people.cadre)) == [f_cadre]
    assert list(Finding.objects.visible_to(people.village_cadre)) == [f_village]
    assert list(Inspection.objects.visible_to(people.village_cadre)) == [inspection]
    assert not Finding.objects.visible_to(other_cadre).exists()
    assert not Inspection.objects.visible_to(other_cadre).exists()
    assert not Inspection.objects.visible_to(people.grid_worker).exists()
    assert set(Finding.objects.visible_to(people.officer)) == {f_cadre, f_village}
    # The three administrators and residents see nothing.
    for who in ("sys_admin", "security_admin", "audit_admin", "resident"):
        assert not Inspection.objects.visible_to(getattr(people, who)).exists()
        assert not Finding.objects.visible_to(getattr(people, who)).exists()


def test_every_verb_has_a_chinese_label():
    for verb in (
        "inspection.create",
        "inspection.issue",
        "inspection.complete",
        "inspection.export",
        "inspection_finding.create",
        "inspection_finding.submit",
        "inspection_finding.close",
        "inspection_finding.return",
    ):
        assert verb in audit.VERB_LABELS


def test_evidence_of_a_submitted_rectification_cannot_be_removed(people, tree, issued):
    """Given a finding whose owner uploaded evidence, then the evidence can be removed while
    the rectification is being prepared, but not once it is submitted: it is the record of
    what was done."""
    from fazhi.core.attachments import attachment_remove
    from fazhi.core.models import Attachment

    inspection, finding = issued
    draft = evidence(people.cadre, finding, name="初稿.png")
    attachment_remove(actor=people.cadre, attachment=draft)
    kept = evidence(people.cadre, finding)
    services.finding_transition(
        actor=people.cadre, obj=finding, verb="submit", rectification="已补报备案"
    )
    with pytest.raises(ServiceError, match="整改佐证材料不能删除"):
        attachment_remove(actor=people.officer, attachment=kept)
    assert Attachment.objects.filter(pk=kept.pk).exists()
