"""Every petition period on the real 2024–2026 holiday schedules (国庆, 春节, 调休 working
weekends), as the services compute and store them (core.deadlines underneath)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.params import parameter_set
from fazhi.petitions.models import Petition

from .conftest import register, step

pytestmark = pytest.mark.django_db

ANSWER = dict(facts="查明。", opinion="意见。", legal_basis="依据。", result="explain",
              review_organ="示范县人民政府")  # fmt: skip


@pytest.mark.parametrize(
    "received,due",
    [
        (date(2024, 9, 16), date(2024, 10, 8)),  # day 15 is 1 Oct (国庆 2024) → 8 Oct
        (date(2025, 9, 26), date(2025, 10, 11)),  # 11 Oct 2025 is a worked Saturday (调休)
        (date(2025, 1, 13), date(2025, 2, 5)),  # day 15 is 28 Jan (春节 2025) → 5 Feb
        (date(2026, 2, 1), date(2026, 2, 24)),  # day 15 is 16 Feb (春节 2026) → 24 Feb
    ],
)
def test_fifteen_days_to_decide_and_tell(people, tree, on_day, received, due):
    on_day(date(2026, 11, 30))
    assert register(people, tree, received_on=received).accept_due == due


@pytest.mark.parametrize(
    "received,due",
    [
        (date(2024, 9, 27), date(2024, 10, 10)),  # 29 Sep (Sunday) worked, 1–7 Oct off
        (date(2025, 1, 24), date(2025, 2, 7)),  # 26 Jan (Sunday) worked, 28 Jan–4 Feb off
        (date(2026, 2, 12), date(2026, 2, 26)),  # 14 Feb (Saturday) worked, 15–23 Feb off
    ],
)
def test_five_working_days_to_object_to_a_transferred_matter(people, tree, on_day, received, due):
    on_day(date(2026, 11, 30))
    p = register(
        people, tree, received_on=received, source="transferred", transferred_by="县信访局"
    )
    assert p.objection_due == due


def test_sixty_days_to_handle_and_thirty_more_once(people, tree, on_day):
    on_day(date(2026, 11, 30))
    p = register(people, tree, received_on=date(2024, 11, 26))
    p = step(people, p, "accept", decided_on=date(2024, 12, 2), notified_on=date(2024, 12, 2))
    # 60 days from 2 Dec 2024: 31 Jan 2025, inside 春节 (28 Jan–4 Feb) → 5 Feb.
    assert p.handling_due == date(2025, 2, 5)
    p = step(people, p, "extend", extended_on=date(2025, 1, 20), days=30, note="情况复杂,经批准")
    # 90 days from 2 Dec 2024: 2 March 2025 (Sunday) → 3 March.
    assert p.handling_due == date(2025, 3, 3) == p.next_due


def test_thirty_days_for_review_and_rereview_across_national_day(people, tree, on_day):
    on_day(date(2026, 11, 30))
    p = register(people, tree, received_on=date(2025, 7, 1))
    step(people, p, "accept", decided_on=date(2025, 7, 3), notified_on=date(2025, 7, 3))
    step(people, p, "answer", answered_on=date(2025, 8, 29), **ANSWER)
    p = step(people, p, "serve", served_on=date(2025, 9, 1))
    # Request window: 1 Oct 2025 falls in 国庆 (1–8 Oct) → a request on 9 Oct is in time.
    p = step(people, p, "request_review", requested_on=date(2025, 10, 9))
    # Decision: 30 days from 9 Oct 2025 = 8 Nov (Saturday) → 10 Nov.
    assert p.review_due == date(2025, 11, 10) == p.next_due
    p = step(people, p, "decide_review", decided_on=date(2026, 1, 16), opinion="维持。")
    # Re-review window: 30 days from 16 Jan 2026 = 15 Feb, inside 春节 2026 → 24 Feb.
    p = step(people, p, "request_rereview", requested_on=date(2026, 2, 24))
    assert p.rereview_due == date(2026, 3, 26)
    assert p.status == Petition.Status.REREVIEWING


def test_zhejiang_five_working_days_across_spring_festival(people, tree, on_day):
    on_day(date(2026, 11, 30))
    parameter_set(actor=people.supervisor, unit=tree.town_a, key="petitions.province_rules",
                  raw_value="zhejiang")  # fmt: skip
    p = register(people, tree, received_on=date(2025, 1, 24))
    assert p.accept_due == date(2025, 2, 7)
    p = step(people, p, "accept", decided_on=date(2025, 2, 7), notified_on=date(2025, 2, 7))
    # 30 days (浙江省信访条例 23) from 7 Feb 2025: 9 March (Sunday) → 10 March.
    assert p.handling_due == date(2025, 3, 10)
