"""Every period of 矛盾纠纷 through the deadline service on the real 2024–2026 holiday
schedules: the 30-day window for judicial confirmation (人民调解法第三十三条, 民法典第二百零三条:
a last day on a holiday moves to the next working day), the 2-working-day acceptance
target (调休 working weekends count) and the 30-day handling target; and the workbench."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from fazhi.disputes import deadlines, services

from .conftest import mediate, register, signed_copy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "signed,due",
    [
        (date(2024, 9, 1), date(2024, 10, 8)),  # 10-01 National Day → after the holiday week
        (date(2025, 1, 4), date(2025, 2, 5)),  # 02-03 in the Spring Festival holiday
        (date(2026, 9, 1), date(2026, 10, 8)),
        (date(2025, 3, 3), date(2025, 4, 2)),  # an ordinary Wednesday
    ],
)
def test_the_judicial_window_ends_30_days_after_signing(people, tree, on_day, signed, due):
    on_day(signed)
    dispute = register(people.village_cadre, tree.village_a1)
    mediate(people.officer, dispute, held_on=signed, agreed_on=signed,
            performance_deadline=date(signed.year + 1, 1, 1))  # fmt: skip
    agreement = services.agreement_sign(
        actor=people.officer, dispute=dispute, uploaded_file=signed_copy(), signed_on=signed
    )
    dispute.refresh_from_db()
    assert agreement.judicial_due == dispute.judicial_due == due


@pytest.mark.parametrize(
    "registered,due",
    [
        (date(2024, 9, 27), date(2024, 9, 30)),  # Sunday 09-29 is a 调休 working day
        (date(2025, 9, 30), date(2025, 10, 10)),  # across the National Day holiday
        (date(2026, 2, 13), date(2026, 2, 24)),  # across the Spring Festival
    ],
)
def test_acceptance_target_counts_working_days(people, tree, on_day, registered, due):
    on_day(registered)
    assert register(people.village_cadre, tree.village_a1).next_due == due


def test_handling_target_and_the_workbench(people, tree, on_day, login):
    on_day(date(2025, 9, 5))
    dispute = register(people.village_cadre, tree.village_a1)
    accepted = services.dispute_transition(actor=people.village_cadre, obj=dispute, verb="accept")
    assert accepted.next_due == date(2025, 10, 9)  # 30 days: 10-05 is in the holiday week
    on_day(date(2025, 10, 13))
    items = deadlines.pending_items(people.officer, date(2025, 10, 13))
    assert [(i.category, i.due, i.level) for i in items] == [
        ("矛盾纠纷调解", date(2025, 10, 9), "danger")
    ]
    assert items[0].list_url == reverse("disputes:dispute_list") + "?warning=overdue"
    assert deadlines.pending_items(people.leader, date(2025, 10, 13)) == []
    assert deadlines.pending_items(people.officer_b, date(2025, 10, 13)) == []
    body = login(people.village_cadre).get(reverse("workbench")).content.decode()
    assert "调解中" in body
