"""网格走访's rules, through its services: who may register and visit whom, the next
visit's due date, the replay of an offline visit, and refusals that change nothing."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.core.permissions import ServiceError
from fazhi.grids import services
from fazhi.grids.models import KeyGroupCategory, KeyPerson, Visit
from fazhi.grids.params import OUTSIDE_GRID, REPLAYED, VISIT_IN_FUTURE

from .conftest import DAY, category, counts, id_number, make_person, visit

pytestmark = pytest.mark.django_db


def refused(call, message: str):
    """The call is refused with `message` (in full or in part) and changes nothing."""
    before = counts()
    with pytest.raises(ServiceError) as exc:
        call()
    assert message in exc.value.message
    assert counts() == before
    return exc.value


def test_defaults_give_the_town_its_nine_categories_with_their_intervals(tree, grids):
    names = {
        c.name: (c.group, c.interval_days)
        for c in KeyGroupCategory.objects.filter(org_unit=tree.town_a)
    }
    assert names["低保户"] == ("hardship", 90)
    assert names["信访重点人员"] == ("sensitive", 15)
    assert names["社区矫正对象"] == ("special", 30)
    assert len(names) == 9


def test_defaults_are_loaded_once(tree, people, grids):
    refused(lambda: services.defaults_load(actor=people.officer, town=tree.town_a), "未重复载入")


def test_only_the_towns_law_officer_keeps_categories(tree, people, grids):
    for actor in (people.grid_worker, people.leader, people.officer_b):
        refused(
            lambda a=actor: services.category_create(
                actor=a, town=tree.town_a, group="hardship", name="留守儿童"
            ),
            "法治办工作人员设置",
        )


def test_person_gets_the_shortest_interval_and_most_severe_group(tree, people, person, on_day):
    # 低保户 alone: every 90 days from registration (2025-03-03 + 90 = 2025-06-01, a
    # Sunday: the next working day).
    assert person.interval_days == 90
    assert person.next_visit_due == date(2025, 6, 3)  # 6-2 is 端午节's day off
    updated = services.person_update(
        actor=people.grid_worker,
        person=person,
        categories=[category(tree.town_a, "低保户"), category(tree.town_a, "信访重点人员")],
    )
    assert updated.main_group == "sensitive"
    assert updated.interval_days == 15
    assert updated.next_visit_due == date(2025, 3, 18)


def test_a_15_day_interval_ending_on_national_day_moves_past_the_holiday(
    tree, people, grids, on_day
):
    on_day(date(2024, 9, 30))
    p = make_person(people.grid_worker, tree.grid_a1, tree.town_a, names=("信访重点人员",),
                    registered_on=date(2024, 9, 10))  # fmt: skip
    visit(people.grid_worker, p, visited_on=date(2024, 9, 16))
    p.refresh_from_db()
    # 2024-09-16 + 15 days = 2024-10-01, in the 2024 National Day holiday (10-1 … 10-7).
    assert p.next_visit_due == date(2024, 10, 8)


def test_a_visit_moves_the_next_due_date_and_records_if_it_was_on_time(
    tree, people, person, on_day
):
    on_day(date(2025, 7, 1))
    v, created = visit(people.grid_worker, person, visited_on=date(2025, 6, 20))
    assert created
    assert v.due_on == date(2025, 6, 3) and v.on_time is False
    person.refresh_from_db()
    assert person.last_visited_on == date(2025, 6, 20)
    assert person.next_visit_due == date(2025, 9, 18)
    v2, _ = visit(people.grid_worker, person, visited_on=date(2025, 7, 1))
    assert v2.due_on == date(2025, 9, 18) and v2.on_time


def test_a_late_entered_earlier_visit_becomes_the_base_of_the_later_one(
    tree, people, person, on_day
):
    on_day(date(2025, 7, 1))
    later, _ = visit(people.grid_worker, person, visited_on=date(2025, 6, 20))
    visit(people.grid_worker, person, visited_on=date(2025, 5, 20))
    later.refresh_from_db()
    assert later.on_time  # 5-20 + 90 days covers 6-20
    person.refresh_from_db()
    assert person.last_visited_on == date(2025, 6, 20)


def test_a_visit_outside_the_workers_grid_is_refused_naming_the_rule(people, other_person):
    exc = refused(
        lambda: visit(people.grid_worker, other_person), "只能为本人负责网格内的重点人员登记走访"
    )
    assert "个人信息保护法第三十四条" in exc.message
    assert exc.message == OUTSIDE_GRID


def test_the_village_cadre_and_law_officer_visit_every_grid_of_their_scope(people, other_person):
    assert visit(people.village_cadre, other_person)[1]
    assert visit(people.officer, other_person, client_key=uuid.uuid4())[1]
    refused(lambda: visit(people.officer_b, other_person), "只能为本人负责网格内")


def test_an_offline_visit_replayed_twice_is_stored_once(people, person):
    key = uuid.uuid4()
    first, created = visit(people.grid_worker, person, client_key=key)
    assert created
    before = counts()
    for _ in range(2):
        again, created = visit(people.grid_worker, person, client_key=str(key))
        assert not created and again.pk == first.pk
    assert counts() == before
    assert Visit.objects.filter(client_key=key).count() == 1
    assert REPLAYED.startswith("该走访已提交")


def test_someone_elses_key_is_refused(people, person):
    key = uuid.uuid4()
    visit(people.grid_worker, person, client_key=key)
    refused(lambda: visit(people.officer, person, client_key=key), "提交编号已被其他走访使用")


@pytest.mark.parametrize(
    "kw,message",
    [
        ({"visited_on": date(2025, 3, 4)}, VISIT_IN_FUTURE),
        ({"visited_on": date(2025, 3, 2)}, "走访日期不能早于该人员登记日期(2025-03-03)"),
        ({"mode": "letter"}, "走访方式不正确"),
        ({"situation": "  "}, "请填写走访情况"),
        ({"signals": ["外星人入侵"]}, "不在本镇的风险信号选项中"),
        ({"client_key": "not-a-uuid"}, "提交编号格式不正确"),
    ],
)
def test_bad_visits_are_refused_and_change_nothing(people, person, kw, message):
    refused(lambda: visit(people.grid_worker, person, **kw), message)


def test_signals_mark_the_visit(people, person):
    v, _ = visit(people.grid_worker, person, signals=["扬言上访"], signal_note="与邻居争执")
    assert v.has_signals and v.signal_text == "扬言上访、与邻居争执"


def test_person_input_is_validated(tree, people, grids, on_day):
    on_day(DAY)
    refused(lambda: make_person(people.grid_worker, tree.grid_a1, tree.town_a,
                                id_number="339901196005010012"), "校验位")  # fmt: skip
    refused(lambda: make_person(people.grid_worker, tree.grid_a1, tree.town_a, names=()),
            "请至少选择一个重点人群类别")  # fmt: skip
    refused(lambda: make_person(people.grid_worker, grids[0], tree.town_a),
            "只能在本人负责的网格")  # fmt: skip
    refused(lambda: make_person(people.grid_worker, tree.grid_a1, tree.town_a, phone="12345"),
            "手机号")  # fmt: skip


def test_the_same_id_number_is_registered_once_in_a_town(tree, people, person):
    refused(lambda: make_person(people.village_cadre, tree.grid_a1, tree.town_a),
            "已在本镇登记为重点人员")  # fmt: skip


def test_personal_data_is_encrypted_and_never_audited(people, person):
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT id_number, phone FROM grids_keyperson WHERE id = %s", [person.pk])
        raw_id, raw_phone = cur.fetchone()
    assert id_number(1) not in raw_id and "13905809999" not in raw_phone
    events = AuditEvent.objects.filter(verb="grids_person.create")
    text = str(list(events.values_list("changes", "object_repr")))
    assert id_number(1) not in text and "陈阿婆" not in text and "陈**" in text


def test_a_category_interval_change_moves_its_persons_due_dates(tree, people, person):
    services.category_update(
        actor=people.officer, category=category(tree.town_a, "低保户"), interval_days=30
    )
    person.refresh_from_db()
    assert person.interval_days == 30 and person.next_visit_due == date(2025, 4, 2)
    services.category_update(
        actor=people.officer, category=category(tree.town_a, "低保户"), is_active=False
    )
    person.refresh_from_db()
    assert person.next_visit_due is None


def test_removed_persons_fall_due_no_more(people, person):
    refused(lambda: services.person_remove(actor=people.grid_worker, person=person, reason=""),
            "移出名单须写明原因")  # fmt: skip
    services.person_remove(actor=people.grid_worker, person=person, reason="脱离低保")
    person.refresh_from_db()
    assert not person.is_active and person.next_visit_due is None
    refused(lambda: visit(people.grid_worker, person), "已移出重点人员名单")


def test_helpers_are_registered_by_the_cadre_not_the_grid_worker(tree, people, grids):
    h = services.helper_add(actor=people.village_cadre, grid=tree.grid_a1, name="林乡贤",
                            kind="sage", phone="13905801111")  # fmt: skip
    assert h.phone == "13905801111"
    refused(lambda: services.helper_add(actor=people.grid_worker, grid=tree.grid_a1,
                                        name="某", kind="sage"), "网格助手由")  # fmt: skip
    assert KeyPerson.objects.count() == 0
