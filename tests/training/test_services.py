"""案例实景式教学 services: who may do what, every refusal (and that nothing changed), the
evaluation period and the whole loop planned → held → evaluated."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core import params
from fazhi.core.models import AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.workflow import timeline
from fazhi.training import services
from fazhi.training.models import Participant, Session
from tests.factories import member

from .conftest import DAY, make_case, make_session, refused

pytestmark = pytest.mark.django_db


# --- the case library ------------------------------------------------------------------------


def test_law_officer_records_a_case_with_its_roles(people, tree, case):
    assert case.org_unit == tree.town_a and case.created_by == people.officer
    assert case.role_list == ["信访人", "接访干部", "村干部"]
    event = AuditEvent.objects.get(verb="training_case.create")
    assert event.object_id == str(case.pk) and event.changes["case_type"] == "信访纠纷"


def test_roles_may_be_typed_one_per_line_or_separated(people, tree):
    case = make_case(people, tree, roles="调解员\n当事人甲、当事人乙")
    assert case.role_list == ["调解员", "当事人甲", "当事人乙"]


@pytest.mark.parametrize(
    "who, exc, message",
    [
        ("leader", Forbidden, "只有镇司法所(法治办)工作人员可以录入典型案例"),
        ("cadre", Forbidden, "只有镇司法所(法治办)工作人员可以录入典型案例"),
        ("supervisor", Forbidden, "只有镇司法所(法治办)工作人员可以录入典型案例"),
        ("officer_b", Forbidden, "记录不存在或无权查看"),
    ],
)
def test_only_the_towns_law_office_curates(people, tree, who, exc, message):
    refused(exc, message, lambda: make_case(people, tree, actor=getattr(people, who)))


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("case_type", "交通事故", "案例类型“交通事故”不在本地案例类型中"),
        ("roles", "", "请至少列出一个演练角色"),
        ("roles", ["调解员", "调解员"], "演练角色“调解员”重复"),
        ("title", "  ", "请填写案例名称"),
        ("legal_points", "", "请填写法律要点"),
    ],
)
def test_bad_case_input_is_refused_and_nothing_is_written(people, tree, field, value, message):
    error = refused(ServiceError, message, lambda: make_case(people, tree, **{field: value}))
    assert field in error.errors


def test_case_types_are_a_county_parameter(people, tree):
    refused(
        ServiceError, "不在本地案例类型中", lambda: make_case(people, tree, case_type="安全生产")
    )
    params.parameter_set(
        actor=people.supervisor,
        unit=tree.county,
        key="training.case_types",
        raw_value="信访纠纷、安全生产",
    )
    assert make_case(people, tree, case_type="安全生产").case_type == "安全生产"
    refused(
        ServiceError,
        "可选:信访纠纷、安全生产",
        lambda: make_case(people, tree, case_type="劳资纠纷"),
    )


def test_correcting_a_case_keeps_roles_in_use(people, tree, rostered):
    session, _, _ = rostered
    case = session.case
    services.case_update(
        actor=people.officer, case=case, title="新名称", roles="信访人\n村干部\n调解员"
    )
    case.refresh_from_db()
    assert case.title == "新名称" and "调解员" in case.role_list
    event = AuditEvent.objects.filter(verb="training_case.update").latest("id")
    assert event.changes["title"] == {"before": "征地补偿集体走访", "after": "新名称"}
    refused(
        ServiceError,
        "角色“信访人”已在教学中分配给参训人员,不能删除",
        lambda: services.case_update(actor=people.officer, case=case, roles="村干部"),
        case,
    )
    refused(
        Forbidden,
        "记录不存在或无权查看",
        lambda: services.case_update(actor=people.officer_b, case=case, title="探测"),
        case,
    )
    refused(
        ServiceError,
        "不能修改的字段:org_unit",
        lambda: services.case_update(actor=people.officer, case=case, org_unit=tree.town_b),
        case,
    )


# --- sessions and rosters -------------------------------------------------------------------


def test_planning_a_session_starts_its_timeline(people, session, tree):
    assert session.status == Session.Status.PLANNED and session.org_unit == tree.town_a
    assert [s.label for s in timeline(session)] == ["安排教学"]
    assert AuditEvent.objects.filter(verb="training_session.create").count() == 1


def test_planning_is_refused_for_another_towns_case_a_host_outside_or_a_retired_case(
    people, tree, case
):
    outsider = member(tree.town_b, Role.CADRE, "cadre_b")
    refused(
        ServiceError,
        "主持人须为海屿镇的工作人员",
        lambda: make_session(people, case, host=outsider),
        case,
    )
    refused(
        ServiceError,
        "教学案例须为本镇案例库中的案例",
        lambda: services.session_create(
            actor=people.officer_b, case=case, held_on=DAY, place="青山镇", host=people.officer_b
        ),
        case,
    )
    services.case_update(actor=people.officer, case=case, is_active=False)
    refused(ServiceError, "已停用,不能再安排教学", lambda: make_session(people, case), case)


def test_roster_takes_people_of_the_town_in_the_cases_roles(people, tree, rostered):
    session, a, b = rostered
    assert (a.user, a.role, a.org_unit) == (people.village_cadre, "村干部", tree.town_a)
    outsider = member(tree.village_b1, Role.VILLAGE_CADRE, "vcadre_b")
    add = services.participant_add
    refused(
        ServiceError,
        "参训人员须为海屿镇的工作人员",
        lambda: add(actor=people.officer, session=session, user=outsider, role="村干部"),
        session,
    )
    refused(
        ServiceError,
        "参训人员须为海屿镇的工作人员",  # an adviser or a resident is no trainee
        lambda: add(actor=people.officer, session=session, user=people.resident, role="村干部"),
        session,
    )
    refused(
        ServiceError,
        "角色“法官”不是案例“征地补偿集体走访”的演练角色",
        lambda: add(actor=people.officer, session=session, user=people.cadre, role="法官"),
        session,
    )
    refused(
        ServiceError,
        "已在本次教学的参训名单中",
        lambda: add(actor=people.officer, session=session, user=people.grid_worker, role="村干部"),
        session,
    )
    refused(
        Forbidden,
        "只有镇司法所(法治办)工作人员可以安排参训人员",
        lambda: add(actor=people.leader, session=session, user=people.cadre, role="村干部"),
        session,
    )
    refused(
        Forbidden,
        "记录不存在或无权查看",
        lambda: add(actor=people.officer_b, session=session, user=people.cadre, role="村干部"),
        session,
    )


def test_moving_a_planned_session(people, session):
    services.session_update(actor=people.officer, session=session, held_on=date(2025, 3, 21))
    session.refresh_from_db()
    assert session.held_on == date(2025, 3, 21)
    event = AuditEvent.objects.get(verb="training_session.update")
    assert event.changes["held_on"] == {"before": "2025-03-14", "after": "2025-03-21"}


# --- the workflow ----------------------------------------------------------------------------


def test_a_session_is_not_held_before_its_day(people, rostered, on_day):
    session, _, _ = rostered
    on_day(date(2025, 3, 13))
    refused(
        ServiceError,
        "教学定于2025-03-14举行,今天(2025-03-13)尚未到举行日期,不能标记为已举行",
        lambda: services.session_transition(actor=people.officer, obj=session, verb="hold"),
        session,
    )


def test_a_session_without_participants_is_not_held(people, session, on_day):
    on_day(DAY)
    refused(
        ServiceError,
        "参训名单为空",
        lambda: services.session_transition(actor=people.officer, obj=session, verb="hold"),
        session,
    )


def test_held_session_falls_due_for_evaluation_in_working_days(people, held):
    session, _, _ = held
    assert session.status == Session.Status.HELD
    assert session.evaluation_due == date(2025, 3, 21)  # Fri 14 + 5 working days


def test_evaluation_needs_every_participant_and_the_lessons(people, held):
    session, a, b = held
    evaluate = services.session_transition
    refused(
        ServiceError,
        "还有2名参训人员未评价",
        lambda: evaluate(actor=people.officer, obj=session, verb="evaluate", lessons="总结"),
        session,
    )
    services.participant_evaluate(actor=people.officer, participant=a, rating="good", comment="")
    refused(
        ServiceError,
        f"还有1名参训人员未评价({people.grid_worker})",
        lambda: evaluate(actor=people.officer, obj=session, verb="evaluate", lessons="总结"),
        session,
    )
    refused(
        ServiceError,
        "评价为“需改进”的,须在评语中写明需改进之处",
        lambda: services.participant_evaluate(
            actor=people.officer, participant=b, rating="improve"
        ),
        b,
    )
    refused(
        ServiceError,
        "请选择评价等次",
        lambda: services.participant_evaluate(actor=people.officer, participant=b, rating="满分"),
        b,
    )
    services.participant_evaluate(
        actor=people.officer, participant=b, rating="improve", comment="告知期限不准确"
    )
    refused(
        ServiceError,
        "请填写本次教学的经验与不足",
        lambda: evaluate(actor=people.officer, obj=session, verb="evaluate", lessons="  "),
        session,
    )
    done = evaluate(actor=people.officer, obj=session, verb="evaluate", lessons="经验:……\n不足:……")
    assert done.status == Session.Status.EVALUATED and done.evaluated_on == DAY
    assert done.lessons == "经验:……\n不足:……"
    assert [s.label for s in timeline(session)] == ["安排教学", "标记已举行", "完成评价"]
    assert AuditEvent.objects.filter(verb="training_participant.evaluate").count() == 2
    # Evaluated: the roster and the ratings are the record now.
    refused(
        ServiceError,
        "不能评价参训人员",
        lambda: services.participant_evaluate(
            actor=people.officer, participant=a, rating="excellent"
        ),
        a,
    )
    refused(
        ServiceError,
        "参训名单不能再修改",
        lambda: services.participant_add(
            actor=people.officer, session=session, user=people.cadre, role="村干部"
        ),
        session,
    )


def test_participants_are_evaluated_only_once_held(people, rostered):
    session, a, _ = rostered
    refused(
        ServiceError,
        "教学尚未举行",
        lambda: services.participant_evaluate(actor=people.officer, participant=a, rating="good"),
        a,
    )


def test_an_evaluated_participant_stays_on_the_roster(people, held):
    session, a, b = held
    services.participant_evaluate(actor=people.officer, participant=a, rating="good")
    refused(
        ServiceError,
        "已被评价,不能从名单中移除",
        lambda: services.participant_remove(actor=people.officer, participant=a),
        a,
    )
    services.participant_remove(actor=people.officer, participant=b)
    assert list(Participant.objects.filter(session=session)) == [a]
    assert AuditEvent.objects.filter(verb="training_participant.remove").count() == 1


def test_cancelling_needs_a_reason(people, session):
    refused(
        ServiceError,
        "须填写说明",
        lambda: services.session_transition(actor=people.officer, obj=session, verb="cancel"),
        session,
    )
    services.session_transition(actor=people.officer, obj=session, verb="cancel", note="台风停课")
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED


def test_only_the_law_office_moves_a_session(people, rostered, on_day):
    session, _, _ = rostered
    on_day(DAY)
    for who in ("leader", "cadre", "supervisor"):
        refused(
            Forbidden,
            "无权执行“标记已举行”",
            lambda who=who: services.session_transition(
                actor=getattr(people, who), obj=session, verb="hold"
            ),
            session,
        )
    refused(
        ServiceError,
        "记录不存在或无权查看",
        lambda: services.session_transition(actor=people.officer_b, obj=session, verb="hold"),
        session,
    )
