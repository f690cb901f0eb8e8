"""The shared state-machine mechanism (core.workflow). Exercised here on Membership's
`title` field as the "status", so the mechanism is tested apart from any one app."""

from __future__ import annotations

import pytest

from fazhi.core import audit
from fazhi.core.models import AuditEvent, Membership, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.workflow import Transition, Workflow, timeline

pytestmark = pytest.mark.django_db


def _needs_reason(obj, actor, reason="", **_):
    return None if reason else "须说明理由(测试规则第1条)"


FLOW = Workflow(
    Membership,
    audit_prefix="probe",
    status_field="title",
    transitions=[
        Transition("start", "开始", {"草稿"}, "进行中", roles={Role.LAW_OFFICER}),
        Transition(
            "finish", "完成", {"进行中"}, "完成", roles={Role.LAW_OFFICER}, guards=[_needs_reason]
        ),
        Transition("back", "退回", {"进行中"}, "草稿", roles={Role.COUNTY_SUPERVISOR},
                   note_required=True),
        Transition("lapse", "到期自动结束", {"进行中"}, "已结束", system=True),
    ],
)  # fmt: skip


@pytest.fixture
def record(people):
    m = Membership.objects.get(user=people.cadre)
    m.title = "草稿"
    m.save()
    return m


def test_a_transition_moves_the_record_and_leaves_a_timeline_row_and_an_audit_event(
    record, people
):
    moved = FLOW.run(actor=people.officer, obj=record, verb="start", note="开始办理")
    assert moved.title == "进行中"
    record.refresh_from_db()
    assert record.title == "进行中"
    (step,) = timeline(record)
    assert (step.verb, step.from_status, step.to_status, step.actor, step.note) == (
        "start", "草稿", "进行中", people.officer, "开始办理"
    )  # fmt: skip
    event = AuditEvent.objects.get(verb="probe.start")
    assert event.changes["title"] == ["草稿", "进行中"]
    assert audit.VERB_LABELS["probe.start"] == "开始"


def _unchanged(record, title):
    record.refresh_from_db()
    assert record.title == title
    assert not StatusChange.objects.exists()
    assert not AuditEvent.objects.filter(verb__startswith="probe.").exists()


def test_wrong_state_is_refused_in_chinese_and_nothing_changes(record, people):
    with pytest.raises(ServiceError, match="当前状态为“草稿”,不能执行“完成”"):
        FLOW.run(actor=people.officer, obj=record, verb="finish", reason="x")
    _unchanged(record, "草稿")


def test_a_failing_guard_says_its_rule_and_nothing_changes(record, people):
    FLOW.run(actor=people.officer, obj=record, verb="start")
    StatusChange.objects.all().delete()
    with pytest.raises(ServiceError, match="测试规则第1条"):
        FLOW.run(actor=people.officer, obj=record, verb="finish")
    record.refresh_from_db()
    assert record.title == "进行中" and not StatusChange.objects.exists()
    FLOW.run(actor=people.officer, obj=record, verb="finish", reason="已办结")
    record.refresh_from_db()
    assert record.title == "完成"


def test_the_wrong_role_is_forbidden_and_another_town_is_not_found(record, people):
    with pytest.raises(Forbidden):
        FLOW.run(actor=people.leader, obj=record, verb="start")
    with pytest.raises(ServiceError, match="不存在"):
        FLOW.run(actor=people.officer_b, obj=record, verb="start")
    _unchanged(record, "草稿")


def test_a_step_that_needs_a_note_refuses_without_one(record, people):
    FLOW.run(actor=people.officer, obj=record, verb="start")
    with pytest.raises(ServiceError, match="须填写说明"):
        FLOW.run(actor=people.supervisor, obj=record, verb="back", note="  ")
    FLOW.run(actor=people.supervisor, obj=record, verb="back", note="材料不全")
    record.refresh_from_db()
    assert record.title == "草稿"


def test_available_lists_only_the_buttons_this_person_may_press_now(record, people):
    assert [t.verb for t in FLOW.available(people.officer, record)] == ["start"]
    assert FLOW.available(people.supervisor, record) == []
    assert FLOW.available(people.officer_b, record) == []
    FLOW.run(actor=people.officer, obj=record, verb="start")
    record.refresh_from_db()
    assert [t.verb for t in FLOW.available(people.supervisor, record)] == ["back"]


def test_an_unknown_verb_is_refused(record, people):
    with pytest.raises(ServiceError, match="未知的操作"):
        FLOW.run(actor=people.officer, obj=record, verb="explode")


def test_a_system_step_runs_without_a_person_and_no_person_can_press_it(record, people):
    FLOW.run(actor=people.officer, obj=record, verb="start")
    record.refresh_from_db()
    assert "lapse" not in [t.verb for t in FLOW.available(people.officer, record)]
    with pytest.raises(Forbidden, match="由系统自动执行"):
        FLOW.run(actor=people.officer, obj=record, verb="lapse")
    with pytest.raises(Forbidden):  # and the system cannot press a person's button
        FLOW.run(actor=None, obj=record, verb="finish", reason="x")
    FLOW.run(actor=None, obj=record, verb="lapse", note="期限届满(系统自动)")
    record.refresh_from_db()
    assert record.title == "已结束"
    step = timeline(record)[-1]
    assert step.actor is None and step.verb == "lapse"
    event = AuditEvent.objects.get(verb="probe.lapse")
    assert event.actor is None and event.actor_name == "系统"


def test_a_transition_without_roles_is_refused_at_definition_default_deny():
    with pytest.raises(ValueError, match="default deny"):
        Transition("open", "打开", {"草稿"}, "进行中")
    with pytest.raises(ValueError, match="default deny"):
        Transition("open", "打开", {"草稿"}, "进行中", allowed=lambda obj, actor: True)
    explicit = Transition(
        "open", "打开", {"草稿"}, "进行中", allowed=lambda obj, actor: True, allowed_decides=True
    )
    assert explicit.allowed_decides


def _suspend(step):
    """A step's own field change, declared beside it; refuses bad input like a service."""
    if step.params.get("reason") == "不清楚":
        raise ServiceError("暂停理由不明确", errors={"reason": ["请写明理由"]})
    step.put("is_active", False)


EFFECT_FLOW = Workflow(
    Membership,
    audit_prefix="probe_effect",
    status_field="title",
    transitions=[
        Transition("suspend", "暂停", {"草稿"}, "暂停", roles={Role.LAW_OFFICER}, effect=_suspend)
    ],
)


def test_a_transitions_effect_changes_its_fields_and_the_audit_event_says_so(record, people):
    moved = EFFECT_FLOW.run(actor=people.officer, obj=record, verb="suspend", reason="调岗")
    record.refresh_from_db()
    assert (moved.is_active, record.is_active, record.title) == (False, False, "暂停")
    event = AuditEvent.objects.get(verb="probe_effect.suspend")
    assert event.changes["is_active"] == [True, False]
    assert event.changes["title"] == ["草稿", "暂停"]


def test_an_effect_that_refuses_changes_nothing(record, people):
    with pytest.raises(ServiceError, match="暂停理由不明确"):
        EFFECT_FLOW.run(actor=people.officer, obj=record, verb="suspend", reason="不清楚")
    record.refresh_from_db()
    assert record.is_active and record.title == "草稿"
    assert not StatusChange.objects.exists()
    assert not AuditEvent.objects.filter(verb__startswith="probe_effect.").exists()
