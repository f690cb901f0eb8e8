"""矛盾纠纷 services: intake, routing, the workflow's steps and their refusals (Chinese,
naming the rule, nothing written), the agreement's art 29 items, signing, the judicial
window and closure."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection

from fazhi.core import pii
from fazhi.core.models import AuditEvent
from fazhi.core.permissions import ServiceError
from fazhi.disputes import selectors, services
from fazhi.disputes.models import Agreement, Dispute, Party, Routing
from fazhi.disputes.params import REFUSED_NO_MEDIATION

from .conftest import (
    ART29,
    BAD_ID,
    DAY,
    ID_A,
    ID_C,
    mediate,
    parties,
    register,
    signed_copy,
    snapshot,
)

pytestmark = pytest.mark.django_db
S = Dispute.Status


def refused(call, match, *objs):
    """`call` is refused with a message matching `match`, and nothing changed."""
    before = snapshot(*objs)
    with pytest.raises(ServiceError, match=match) as exc:
        call()
    assert snapshot(*objs) == before
    return exc.value


def test_intake_stores_parties_encrypted_hashed_and_masked(people, tree, dispute):
    assert dispute.status == S.REGISTERED and dispute.handler_body == "village_committee"
    assert dispute.org_unit == tree.village_a1
    a, b = dispute.parties.order_by("id")
    assert a.id_number == ID_A and a.id_hash == pii.keyed_hash(ID_A)
    assert a.id_masked == ID_A[:3] + "*" * 11 + ID_A[-4:] and a.phone_masked == "138****1111"
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone FROM disputes_party WHERE id = %s", [a.pk])
        raw = cursor.fetchone()
    assert ID_A not in raw[0] and "13800001111" not in raw[1]  # encrypted at rest
    # The acceptance target: 2 working days (2025-03-03 is a Monday).
    assert dispute.next_due == date(2025, 3, 5)
    event = AuditEvent.objects.get(verb="dispute.create")
    assert ID_A not in str(event.changes) and "张*" in str(event.changes)


def test_a_malformed_id_number_is_refused_and_nothing_written(people, tree, today):
    call = lambda: register(people.officer, tree.town_a, parties=parties(a=BAD_ID))  # noqa: E731
    error = refused(call, "公民身份号码有误:公民身份号码校验位错误")
    assert error.errors == {"party-0-id_number": ["公民身份号码校验位错误,请核对"]}
    call = lambda: register(people.officer, tree.town_a, parties=parties(a="12345"))  # noqa: E731
    refused(call, "公民身份号码应为18位")
    call = lambda: register(people.officer, tree.town_a, parties=parties()[:1])  # noqa: E731
    refused(call, "至少两方当事人")


def test_intake_scope_grid_worker_and_grid_visit_source(people, tree, today):
    # A grid worker's dispute from a visit lands at the village committee above the grid.
    d = register(people.grid_worker, tree.grid_a1, source="grid_visit", source_visit_id="42")
    assert (d.org_unit, d.reported_unit, d.source_visit_id) == (tree.village_a1, tree.grid_a1, 42)
    assert Dispute.objects.visible_to(people.grid_worker).filter(pk=d.pk).exists()
    # Outside one's unit: not found; a village cadre may not register for the town.
    refused(lambda: register(people.grid_worker, tree.village_a2), "记录不存在或无权查看")
    refused(lambda: register(people.village_cadre, tree.town_a), "记录不存在或无权查看")
    refused(lambda: register(people.officer_b, tree.town_a), "记录不存在或无权查看")
    refused(lambda: register(people.leader, tree.town_a), "只有司法所")


def test_routing_up_to_the_town_moves_the_dispute(people, tree, dispute):
    refused(
        lambda: services.dispute_route(
            actor=people.village_cadre, dispute=dispute, to_body="town_committee", reason=""
        ),
        "分流须写明理由",
        dispute,
    )
    d = services.dispute_route(
        actor=people.village_cadre, dispute=dispute, to_body="law_office", reason="案情复杂"
    )
    assert (d.org_unit, d.handler_body, d.handler_label) == (
        tree.town_a,
        "law_office",
        "海屿镇司法所",
    )
    assert Routing.objects.get(dispute=d).reason == "案情复杂"
    # The village cadre no longer handles it (still reads what they registered).
    assert Dispute.objects.visible_to(people.village_cadre).filter(pk=d.pk).exists()
    assert not services.may_mediate(people.village_cadre, d) and services.may_mediate(
        people.officer, d
    )
    services.dispute_transition(actor=people.officer, obj=d, verb="accept")
    # The town hands it down to a village, or transfers it to another body (the end here).
    d = services.dispute_route(
        actor=people.officer, dispute=d, to_body="village_committee", to_unit=tree.village_a2,
        reason="属社区内部纠纷",
    )  # fmt: skip
    assert d.org_unit == tree.village_a2
    d = services.dispute_route(
        actor=people.officer, dispute=d, to_body="other", to_name="海屿派出所", reason="涉嫌殴打"
    )
    assert (d.status, d.outcome) == (S.TRANSFERRED, S.TRANSFERRED)
    assert d.routings.count() == 3


def test_acceptance_needs_two_parties_with_id_numbers(people, tree, today):
    d = services.online_submit(
        actor=people.resident, category="neighbour", place="东岙村", summary="邻居占道",
        name="王五", phone="13800002222", other_party="赵六",
    )  # fmt: skip
    assert d.source == "online" and d.org_unit == tree.town_a and d.parties.count() == 2
    call = lambda: services.dispute_transition(actor=people.officer, obj=d, verb="accept")  # noqa: E731
    refused(call, "受理前须登记每位当事人的公民身份号码", d)
    for p in d.parties.all():
        services.party_update(
            actor=people.officer, party=p, role=p.role, name=p.name,
            id_number=ID_A if p.role == "applicant" else ID_C, address="东岙村",
        )  # fmt: skip
    assert (
        services.dispute_transition(actor=people.officer, obj=d, verb="accept").status == S.ACCEPTED
    )
    # A resident sees their own submissions only, and never the staff pages' records.
    assert list(selectors.my_submissions(people.resident)) == [d]
    assert not Dispute.objects.visible_to(people.resident).exists()


def test_refusal_by_a_party_ends_mediation(people, tree, dispute):
    services.dispute_transition(actor=people.village_cadre, obj=dispute, verb="accept")
    call = lambda: services.dispute_transition(  # noqa: E731
        actor=people.village_cadre, obj=dispute, verb="refuse"
    )
    refused(call, "人民调解法第十七条", dispute)
    party = dispute.parties.get(role="respondent")
    d = services.dispute_transition(
        actor=people.village_cadre, obj=dispute, verb="refuse", party=party.pk, refused_on=DAY
    )
    assert (d.status, d.refused_by, d.refused_on) == (S.REFUSED, "被申请人 李四", DAY)
    session = lambda: services.session_add(  # noqa: E731
        actor=people.village_cadre, dispute=d, held_on=DAY, place="调解室", mediators="王",
        attendees="张三", record="继续调解", result="continue",
    )  # fmt: skip
    refused(session, re.escape(REFUSED_NO_MEDIATION), d)
    agreement = lambda: services.agreement_record(  # noqa: E731
        actor=people.village_cadre, dispute=d, form="oral", terms="和解", mediators="王"
    )
    refused(agreement, "人民调解法第十七条", d)


def test_failure_records_the_remedies_told(people, tree, dispute):
    services.dispute_transition(actor=people.village_cadre, obj=dispute, verb="accept")
    call = lambda: services.dispute_transition(  # noqa: E731
        actor=people.village_cadre, obj=dispute, verb="fail", remedies=" "
    )
    refused(call, "人民调解法第二十六条", dispute)
    d = services.dispute_transition(
        actor=people.village_cadre, obj=dispute, verb="fail", remedies="告知可以起诉"
    )
    assert (d.status, d.remedies_told, d.next_due) == (S.FAILED, "告知可以起诉", None)
    d = services.dispute_transition(actor=people.village_cadre, obj=d, verb="close")
    assert (d.status, d.outcome, d.closed_on) == (S.CLOSED, S.FAILED, DAY)


def test_an_agreement_missing_an_art29_item_is_refused(people, tree, dispute):
    services.dispute_transition(actor=people.officer, obj=dispute, verb="accept")
    for missing in ("facts", "responsibility", "performance_deadline"):
        fields = {**ART29, missing: None if missing == "performance_deadline" else ""}
        call = lambda f=fields: services.agreement_record(  # noqa: E731
            actor=people.officer, dispute=dispute, form="written", **f
        )
        error = refused(call, "调解协议书缺少人民调解法第二十九条规定的事项", dispute)
        assert missing in error.errors
    # The parties' basic situation is an item too: a party without an address.
    Party.objects.filter(dispute=dispute, role="respondent").update(address="")
    call = lambda: services.agreement_record(  # noqa: E731
        actor=people.officer, dispute=dispute, form="written", **ART29
    )
    refused(call, r"\(一\)当事人的基本情况\(李\*缺少住址\)", dispute)
    # An oral agreement needs its content recorded (art 28) and is in force at once (art 30).
    call = lambda: services.agreement_record(  # noqa: E731
        actor=people.officer, dispute=dispute, form="oral", terms="", mediators="陈"
    )
    refused(call, "人民调解法第二十八条", dispute)
    a = services.agreement_record(
        actor=people.officer, dispute=dispute, form="oral", terms="李四疏通水沟", mediators="陈"
    )
    dispute.refresh_from_db()
    assert (dispute.status, a.effective_on, dispute.judicial_due) == (S.MEDIATED, DAY, None)
    refused(
        lambda: services.agreement_sign(
            actor=people.officer, dispute=dispute, uploaded_file=signed_copy(), signed_on=DAY
        ),
        "口头协议自达成之日起生效",
        dispute,
    )


def test_signing_opens_the_judicial_window_then_closure(people, tree, dispute, on_day):
    mediate(people.officer, dispute)
    dispute.refresh_from_db()
    assert dispute.status == S.MEDIATED and dispute.judicial_due is None
    sign = lambda day: services.agreement_sign(  # noqa: E731
        actor=people.officer, dispute=dispute, uploaded_file=signed_copy(), signed_on=day
    )
    refused(lambda: sign(date(2025, 3, 4)), "签字盖章日期不能晚于今天", dispute)
    refused(lambda: sign(date(2025, 3, 1)), "不能早于达成协议日期", dispute)
    a = sign(DAY)
    dispute.refresh_from_db()
    # 30 days from 2025-03-03 is 2025-04-02 (a Wednesday).
    assert a.effective_on == DAY and a.judicial_due == dispute.judicial_due == date(2025, 4, 2)
    assert dispute.next_due == date(2025, 4, 2)
    refused(lambda: sign(DAY), "已上传签字盖章件", dispute)
    close = lambda: services.dispute_transition(  # noqa: E731
        actor=people.officer, obj=dispute, verb="close"
    )
    refused(close, "人民调解法第三十一条", dispute)
    services.followup_add(actor=people.officer, dispute=dispute, visited_on=DAY, performance="done")
    refused(close, "人民调解法第三十三条", dispute)
    on_day(date(2025, 4, 10))
    late = lambda: services.judicial_apply(  # noqa: E731
        actor=people.officer, dispute=dispute, applied_on=date(2025, 4, 3), court="县法院"
    )
    refused(late, r"人民调解法第三十三条.*2025-04-02前", dispute)
    services.judicial_apply(
        actor=people.officer, dispute=dispute, applied_on=date(2025, 4, 2), court="县法院"
    )
    dispute.refresh_from_db()
    assert dispute.judicial_due is None and dispute.next_due is None
    a = services.judicial_decide(
        actor=people.officer, dispute=dispute, decision="confirmed", decided_on=date(2025, 4, 9)
    )
    assert a.judicial_state == Agreement.Judicial.CONFIRMED
    assert close().status == S.CLOSED


def test_no_closing_before_an_outcome(people, tree, dispute):
    call = lambda: services.dispute_transition(  # noqa: E731
        actor=people.village_cadre, obj=dispute, verb="close"
    )
    refused(call, "纠纷尚无调解结果.*不能结案", dispute)


def test_repeat_disputes_of_the_same_parties_are_linked(people, tree, dispute):
    again = register(people.officer, tree.town_a, parties=parties(b=ID_C))
    count, shown = selectors.earlier_disputes(people.officer, again)
    assert (count, shown) == (1, [dispute])
    assert selectors.earlier_disputes(people.officer, dispute) == (0, [])
    # The village cadre counts it too, but opens only what they may see.
    assert selectors.earlier_disputes(people.village_cadre, again)[0] == 1


def test_others_cannot_mediate(people, tree, dispute):
    call = lambda: services.dispute_transition(actor=people.officer_b, obj=dispute, verb="accept")  # noqa: E731
    refused(call, "记录不存在或无权查看", dispute)
    call = lambda: services.dispute_transition(actor=people.leader, obj=dispute, verb="accept")  # noqa: E731
    refused(call, "无权执行", dispute)
    call = lambda: services.dispute_transition(actor=people.officer, obj=dispute, verb="succeed")  # noqa: E731
    refused(call, "请通过相应的表单办理", dispute)
