"""Setting an exam: the paper rule checked against the bank when saved, marks from the
parameters (default 80/90, local values, per exam), candidates named, make-ups."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from fazhi.core import clock, params
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.exams import services
from fazhi.exams.models import Candidate, MakeUp
from tests.factories import member

from .conftest import make_exam, snapshot


def test_exam_names_the_towns_cadres_and_takes_the_default_marks(people, tree, bank):
    extra = member(tree.town_a, Role.CADRE, "cadre2")
    member(tree.town_b, Role.CADRE, "cadre_b")  # another town's cadre is not named
    exam = make_exam(people)
    assert (exam.pass_mark, exam.excellent_mark, exam.attempts_limit) == (80, 90, 1)
    assert exam.question_count == 8
    names = set(Candidate.objects.filter(exam=exam).values_list("user__username", flat=True))
    assert names == {"cadre", extra.username}
    assert exam.candidate_count == 2


def test_staff_roles_join_when_the_officer_chooses(people, bank):
    exam = make_exam(people, candidate_roles=[Role.TOWN_LEADER, Role.VILLAGE_CADRE])
    names = set(exam.candidates.values_list("user__username", flat=True))
    assert names == {"cadre", "leader", "vcadre"}


def test_marks_are_parameters_local_to_the_town_and_per_exam(people, tree, bank):
    params.parameter_set(
        actor=people.supervisor, unit=tree.town_a, key="exams.pass_mark", raw_value="60"
    )
    assert make_exam(people).pass_mark == 60
    assert make_exam(people, title="另一场", pass_mark=85, excellent_mark=95).excellent_mark == 95


@pytest.mark.parametrize(
    "rule,message",
    [
        ([{"kind": "single", "topic": "", "count": 40}], "组卷规则要求单选题40道,题库只有6道"),
        ([{"kind": "single", "topic": "宪法", "count": 4}], "单选题(主题“宪法”)4道,题库只有3道"),
        (
            [
                {"kind": "multiple", "topic": "", "count": 2},
                {"kind": "multiple", "topic": "民法典", "count": 2},
            ],
            "组卷规则要求多选题4道,题库只有3道",
        ),
        ([{"kind": "single", "topic": "", "count": 0}], "组卷规则至少要有一道试题"),
    ],
)
def test_a_rule_asking_more_than_the_bank_holds_is_refused_at_save(people, bank, rule, message):
    before = snapshot()
    with pytest.raises(ServiceError) as err:
        make_exam(people, rule=rule)
    assert message in err.value.message
    assert snapshot() == before


def test_window_and_marks_are_checked(people, bank):
    now = clock.now()
    before = snapshot()
    with pytest.raises(ServiceError, match="截止时间须晚于开考时间"):
        make_exam(people, opens_at=now, closes_at=now - timedelta(hours=1))
    with pytest.raises(ServiceError, match="优秀分数线不能低于合格分数线"):
        make_exam(people, pass_mark=90, excellent_mark=80)
    with pytest.raises(Forbidden):
        services.exam_create(
            actor=people.leader, title="x", opens_at=now, closes_at=now + timedelta(days=1), rule=[]
        )
    assert snapshot() == before


def test_makeup_only_after_the_window_for_the_absent_and_failed(people, exam):
    now = clock.now()
    before = snapshot()
    with pytest.raises(ServiceError, match="考试窗口尚未截止"):
        services.makeup_open(
            actor=people.officer, exam=exam, opens_at=now, closes_at=now + timedelta(days=1)
        )
    assert snapshot() == before
    with time_machine.travel(exam.closes_at + timedelta(minutes=5), tick=False):
        later = clock.now()
        with pytest.raises(ServiceError, match="补考开始时间不能早于考试截止时间"):
            services.makeup_open(actor=people.officer, exam=exam, opens_at=exam.closes_at - timedelta(hours=1),
                                 closes_at=later + timedelta(days=1))  # fmt: skip
        made = services.makeup_open(actor=people.officer, exam=exam, opens_at=later,
                                    closes_at=later + timedelta(days=1))  # fmt: skip
        assert [m.candidate.user.username for m in made] == ["cadre"]
        with pytest.raises(ServiceError, match="没有缺考或不合格的人员"):
            services.makeup_open(actor=people.officer, exam=exam, opens_at=later,
                                 closes_at=later + timedelta(days=1))  # fmt: skip
    assert MakeUp.objects.count() == 1


def test_the_office_is_reminded_to_arrange_the_makeup(people, exam):
    from fazhi.core.pending import collect

    after = exam.closes_at + timedelta(minutes=5)
    with time_machine.travel(after, tick=False):
        today = clock.today()
        items = [i for i in collect(people.officer, today) if i.category == "学法考试"]
        assert [i.title for i in items] == [f"安排补考:{exam.title}(有缺考或不合格人员)"]
        services.makeup_open(actor=people.officer, exam=exam, opens_at=after,
                             closes_at=after + timedelta(days=1))  # fmt: skip
        assert [i for i in collect(people.officer, today) if i.category == "学法考试"] == []
        # The cadre now has the make-up on the workbench.
        mine = [i for i in collect(people.cadre, today) if i.category == "学法考试"]
        assert mine and mine[0].title.startswith("参加补考:")
