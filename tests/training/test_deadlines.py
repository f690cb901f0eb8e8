"""The evaluation period on the real calendar, and the workbench items: the law office's
overdue plans and evaluations, a participant's coming sessions."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core import params
from fazhi.core.deadlines import deadline
from fazhi.core.pending import collect
from fazhi.training import services

from .conftest import DAY, make_case, make_session

pytestmark = pytest.mark.django_db
CATEGORY = "案例实景教学"


@pytest.mark.parametrize(
    "held_on, due",
    [
        # 2024 国庆: 29 Sep (Sun) is a working day, 1–7 Oct off.
        (date(2024, 9, 27), date(2024, 10, 10)),
        # 2025 春节: 26 Jan (Sun) worked, 28 Jan – 4 Feb off.
        (date(2025, 1, 24), date(2025, 2, 7)),
        # 2026 劳动节: 1–5 May off, 9 May (Sat) worked.
        (date(2026, 4, 30), date(2026, 5, 11)),
    ],
)
def test_evaluation_falls_due_five_working_days_after_the_session(
    people, tree, on_day, held_on, due
):
    on_day(held_on)
    case = make_case(people, tree)
    session = make_session(people, case, held_on=held_on)
    services.participant_add(
        actor=people.officer, session=session, user=people.cadre, role="村干部"
    )
    services.session_transition(actor=people.officer, obj=session, verb="hold")
    session.refresh_from_db()
    assert session.evaluation_due == due == deadline(held_on, 5, "workdays")


def test_the_period_is_a_local_parameter(people, tree, on_day):
    params.parameter_set(
        actor=people.supervisor, unit=tree.town_a, key="training.evaluation_workdays", raw_value="3"
    )
    on_day(DAY)
    case = make_case(people, tree)
    session = make_session(people, case)
    services.participant_add(
        actor=people.officer, session=session, user=people.cadre, role="村干部"
    )
    services.session_transition(actor=people.officer, obj=session, verb="hold")
    session.refresh_from_db()
    assert session.evaluation_due == date(2025, 3, 19)


def test_workbench_items(people, tree, rostered, on_day):
    session, _, _ = rostered
    other = make_session(people, session.case, held_on=date(2025, 3, 12))
    services.participant_add(actor=people.officer, session=other, user=people.cadre, role="村干部")
    # A participant sees their coming session, amber in its last days.
    items = [i for i in collect(people.grid_worker, date(2025, 3, 3)) if i.category == CATEGORY]
    assert [(i.due, i.level) for i in items] == [(DAY, "info")]
    assert "扮演信访人" in items[0].title
    items = [i for i in collect(people.grid_worker, date(2025, 3, 12)) if i.category == CATEGORY]
    assert items[0].level == "warning"
    # The law office: a plan whose day passed unmarked, then an evaluation falling due.
    on_day(DAY)
    services.session_transition(actor=people.officer, obj=session, verb="hold")
    items = [i for i in collect(people.officer, DAY) if i.category == CATEGORY]
    assert [(i.due, i.level) for i in items] == [
        (date(2025, 3, 12), "danger"),
        (date(2025, 3, 21), "info"),
    ]
    assert "请标记已举行或取消" in items[0].title and "warning=hold_overdue" in items[0].list_url
    late = [i for i in collect(people.officer, date(2025, 3, 24)) if i.category == CATEGORY]
    assert late[-1].level == "danger"
    # Nothing for the other town's officer or the leader (who only reads).
    assert not [i for i in collect(people.officer_b, DAY) if i.category == CATEGORY]
    assert not [i for i in collect(people.leader, DAY) if i.category == CATEGORY]
