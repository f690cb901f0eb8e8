"""信访 through its services: every step's rule with its article, refusals in Chinese that
change nothing, and the next statutory deadline kept on the petition."""

from __future__ import annotations

import re
from datetime import date

import pytest

from fazhi.core.params import parameter_set
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.petitions.models import Petition

from .conftest import ID_1, ID_2, person, register, snapshot, step

pytestmark = pytest.mark.django_db
S = Petition.Status


def refused(match, call, *objs):
    before = snapshot(*objs)
    with pytest.raises(ServiceError, match=match):
        call()
    assert snapshot(*objs) == before


def test_registration_sets_the_acceptance_deadline_and_keeps_personal_data_encrypted(
    people, tree, on_2024
):
    p = register(people, tree)
    assert p.status == S.REGISTERED
    # 2024-09-16 + 15 days = 1 October (国庆) → the first working day after, 8 October.
    assert p.accept_due == date(2024, 10, 8) == p.next_due
    assert p.rules == "national" and p.objection_due is None
    row = p.petitioners.get()
    assert row.id_number == ID_1 and len(row.id_hash) == 64
    from django.db import connection

    with connection.cursor() as c:
        c.execute("SELECT id_number, phone FROM petitions_petitioner WHERE id = %s", [row.pk])
        stored_id, stored_phone = c.fetchone()
    assert ID_1 not in stored_id and "13905809001" not in stored_phone


def test_a_group_visit_takes_five_representatives_and_refuses_a_sixth(people, tree, on_2024):
    five = [person(n) for n in range(1, 6)]
    p = register(people, tree, channel="visit", is_group=True, people_count=40, petitioners=five)
    assert (
        p.is_group
        and p.people_count == 40
        and p.petitioners.filter(is_representative=True).count() == 5
    )
    six = [person(n) for n in range(1, 7)]
    refused(
        r"代表人数不得超过5人(.*)第二十条",
        lambda: register(people, tree, channel="visit", is_group=True, people_count=40,
                         petitioners=six),
    )  # fmt: skip
    refused(
        "信访形式应为“来访”",
        lambda: register(people, tree, channel="letter", is_group=True, petitioners=five),
    )


@pytest.mark.parametrize(
    "row,message",
    [
        ({"id_number": ID_1[:17] + ("0" if ID_1[17] != "0" else "1")}, "校验位错误"),
        ({"id_number": "33990119600501"}, "应为18位"),
        ({"phone": "2390580900"}, "手机号"),
        ({"address": ""}, "请填写第1位信访人住址"),
    ],
)
def test_bad_petitioner_data_is_refused_and_nothing_is_written(people, tree, on_2024, row, message):
    refused(message, lambda: register(people, tree, petitioners=[person(1, **row)]))


def test_no_petitioner_and_whistle_blowing_without_the_accused_are_refused(people, tree, on_2024):
    refused("第十九条", lambda: register(people, tree, petitioners=[]))
    refused(
        re.escape("须写明被检举控告的人员或单位(《信访工作条例》第三十条)"),
        lambda: register(people, tree, category="conduct", is_accusation=True),
    )
    refused("不能晚于今天", lambda: register(people, tree, received_on=date(2025, 1, 1)))


def test_only_the_towns_office_registers(people, tree, on_2024):
    with pytest.raises(Forbidden):
        register(people, tree, actor=people.leader)
    with pytest.raises(ServiceError, match="不存在或无权查看"):
        register(people, tree, actor=people.officer_b)


def test_a_notice_after_fifteen_days_needs_a_recorded_reason(people, tree, on_2024):
    p = register(people, tree)
    refused(
        r"告知日期2024-10-09已超过15日的期限\(应于2024-10-08前书面告知,《信访工作条例》第二十二条、第二十三条\)",
        lambda: step(people, p, "accept", decided_on=date(2024, 10, 9), notified_on=date(2024, 10, 9)),
        p,
    )  # fmt: skip
    # On the last day (moved past 国庆) it is in time.
    done = step(people, p, "accept", decided_on=date(2024, 10, 8), notified_on=date(2024, 10, 8))
    assert done.status == S.ACCEPTED
    # 60 days from 8 October: 7 December 2024 (a Saturday) → Monday 9 December.
    assert done.handling_due == date(2024, 12, 9) == done.next_due
    late = register(people, tree)
    ok = step(people, late, "accept", decided_on=date(2024, 10, 10),
              notified_on=date(2024, 10, 10), late_reason="信访人住址不清,经村委会查找后告知")  # fmt: skip
    assert ok.late_reason.startswith("信访人住址不清")


def test_not_accepting_needs_a_reason_and_ends_the_organs_steps(people, tree, on_2024):
    p = register(people, tree)
    refused("须填写说明", lambda: step(people, p, "not_accept", notified_on=date(2024, 9, 20)), p)
    done = step(people, p, "not_accept", notified_on=date(2024, 9, 20),
                note="属于诉讼程序解决的事项,已告知向人民法院起诉")  # fmt: skip
    assert done.status == S.NOT_ACCEPTED and done.next_due is None
    t = register(people, tree)
    moved = step(people, t, "transfer", transferred_to="县自然资源和规划局",
                 notified_on=date(2024, 9, 18))  # fmt: skip
    assert moved.status == S.TRANSFERRED_OUT and moved.transferred_to == "县自然资源和规划局"


def test_an_objection_to_a_transferred_matter_within_five_working_days(people, tree, on_2024):
    # Received Friday 27 September 2024: 29 Sep (调休 Sunday), 30 Sep, 8, 9, 10 Oct.
    p = register(people, tree, source="transferred", transferred_by="县信访局",
                 received_on=date(2024, 9, 27))  # fmt: skip
    assert p.objection_due == date(2024, 10, 10) == p.next_due
    refused(
        r"应当自收到之日起5个工作日内提出异议(.*)第二十三条第三款(.*)2024-10-10届满",
        lambda: step(people, p, "object", objected_on=date(2024, 10, 11), note="属县级职权"),
        p,
    )
    done = step(people, p, "object", objected_on=date(2024, 10, 10),
                note="事项属县自然资源和规划局职权范围,不属本镇职权")  # fmt: skip
    assert done.status == S.OBJECTED and done.next_due is None
    direct = register(people, tree)
    refused(
        "只有上级转送、交办的信访事项才能提出异议",
        lambda: step(people, direct, "object", objected_on=date(2024, 9, 20), note="x"),
        direct,
    )


def test_one_extension_of_at_most_thirty_days_with_written_reasons(people, tree, accepted):
    p = accepted
    # Accepted 2024-09-20: 60 days → 19 November 2024.
    assert p.handling_due == date(2024, 11, 19)
    refused(
        "须填写说明", lambda: step(people, p, "extend", extended_on=date(2024, 11, 1), days=30), p
    )
    refused(
        r"延长期限不得超过30日(.*)第三十四条",
        lambda: step(people, p, "extend", extended_on=date(2024, 11, 1), days=31, note="复杂"),
        p,
    )
    done = step(people, p, "extend", extended_on=date(2024, 11, 1), days=30,
                note="涉及多户征地补偿,需县自然资源局核实面积,经镇长批准延期")  # fmt: skip
    # 90 days from 20 September: 19 December 2024.
    assert done.handling_due == date(2024, 12, 19) == done.next_due
    assert done.status == S.ACCEPTED and done.extension_days == 30
    refused(
        re.escape("办理期限只能延长一次,本事项已于2024-11-01延期(《信访工作条例》第三十四条)"),
        lambda: step(people, p, "extend", extended_on=date(2024, 11, 5), days=5, note="再延"),
        p,
    )


ANSWER = dict(
    facts="经核实,补偿款已列入2024年度预算,尚未拨付。",
    opinion="予以支持,补偿款于2024年12月底前拨付到户。",
    legal_basis="《中华人民共和国土地管理法》第四十八条",
    result="support",
    review_organ="示范县人民政府",
)


def _served(people, p, served_on=date(2024, 11, 8)):
    step(people, p, "answer", answered_on=date(2024, 11, 6), **ANSWER)
    return step(people, p, "serve", served_on=served_on)


def test_answer_serve_review_rereview_then_closed_for_good(people, tree, accepted):
    p = _served(people, accepted)
    assert p.status == S.SERVED and p.next_due is None and p.answered_on <= p.handling_due
    # 30 days from service on 8 November: 8 December 2024 (Sunday) → 9 December.
    refused(
        r"复查请求应当自收到书面答复之日起30日内提出(.*)第三十五条(.*)2024-12-09届满",
        lambda: step(people, p, "request_review", requested_on=date(2024, 12, 10)),
        p,
    )
    p = step(people, p, "request_review", actor=people.supervisor, requested_on=date(2024, 12, 9))
    assert p.status == S.REVIEWING
    # 30 days from 9 December: 8 January 2025.
    assert p.review_due == date(2025, 1, 8) == p.next_due
    p = step(people, p, "decide_review", actor=people.supervisor, decided_on=date(2024, 12, 20),
             opinion="维持原处理意见。")  # fmt: skip
    assert p.status == S.REVIEWED and p.next_due is None
    p = step(people, p, "request_rereview", requested_on=date(2024, 12, 27))
    assert p.rereview_due == date(2025, 1, 26) == p.next_due  # a Sunday, worked (春节调休)
    p = step(people, p, "decide_rereview", decided_on=date(2024, 12, 30), opinion="维持复查意见。")
    assert p.status == S.CLOSED and p.next_due is None
    for verb in ("request_review", "request_rereview"):
        refused(
            re.escape("不再受理(《信访工作条例》第三十六条第三款)"),
            lambda verb=verb: step(people, p, verb, requested_on=date(2024, 12, 31)),
            p,
        )


def test_a_late_rereview_is_refused(people, tree, accepted):
    p = _served(people, accepted)
    step(people, p, "request_review", requested_on=date(2024, 11, 20))
    step(people, p, "decide_review", decided_on=date(2024, 11, 25), opinion="维持。")
    refused(
        r"复核请求应当自收到复查意见之日起30日内提出(.*)第三十六条",
        lambda: step(people, p, "request_rereview", requested_on=date(2024, 12, 26)),
        p,
    )


def test_zhejiang_rules_are_selectable_per_town(people, tree, on_2024):
    parameter_set(actor=people.supervisor, unit=tree.county, key="petitions.province_rules",
                  raw_value="zhejiang", reason="适用浙江省信访条例")  # fmt: skip
    p = register(people, tree, received_on=date(2024, 9, 27))
    # 5 working days (浙江省信访条例 20) across 国庆 2024: 10 October.
    assert p.rules == "zhejiang" and p.accept_due == date(2024, 10, 10)
    refused(
        r"已超过5个工作日的期限(.*)《浙江省信访条例》第二十条",
        lambda: step(people, p, "accept", decided_on=date(2024, 10, 11), notified_on=date(2024, 10, 11)),
        p,
    )  # fmt: skip
    p = step(people, p, "accept", decided_on=date(2024, 10, 9), notified_on=date(2024, 10, 9))
    # Handling 30 days (浙江省信访条例 23): 8 November 2024.
    assert p.handling_due == date(2024, 11, 8)
    # A petition already registered keeps its rules when the parameter changes back.
    parameter_set(actor=people.supervisor, unit=tree.county, key="petitions.province_rules",
                  raw_value="national")  # fmt: skip
    p = step(people, p, "extend", extended_on=date(2024, 11, 1), days=30, note="情况复杂")
    assert p.handling_due == date(2024, 12, 9)  # 60 days from 9 October, 8 Dec a Sunday


def test_repeat_petitions_of_the_same_person_are_counted(people, tree, on_2024):
    first = register(people, tree)
    second = register(people, tree, petitioners=[person(1, id_number=ID_1, name="林阿一")])
    other = register(people, tree, petitioners=[person(2, id_number=ID_2)])
    assert (first.repeat_count, second.repeat_count, other.repeat_count) == (0, 1, 0)


def test_the_officers_of_another_town_cannot_step(people, tree, on_2024):
    p = register(people, tree)
    with pytest.raises(ServiceError, match="不存在或无权查看"):
        step(people, p, "accept", actor=people.officer_b, decided_on=date(2024, 9, 20),
             notified_on=date(2024, 9, 20))  # fmt: skip
    with pytest.raises(Forbidden):
        step(people, p, "accept", actor=people.leader, decided_on=date(2024, 9, 20),
             notified_on=date(2024, 9, 20))  # fmt: skip
