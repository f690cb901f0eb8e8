"""The list's payment warnings come from the contract's own indexed column (its earliest
unpaid due date), which the payment services keep in step with the schedule."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.contracts import selectors, services

from .helpers import signed

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


def _flags(people, contract):
    row = selectors.contract_list(people.officer, today=DAY).get(pk=contract.pk)
    return row.payment_overdue, row.payment_due


def _listed(people, warning):
    return set(
        selectors.contract_list(people.officer, warning=warning, today=DAY).values_list(
            "pk", flat=True
        )
    )


def test_paying_moves_the_warning_to_the_next_instalment_and_then_clears_it(people, on_day):
    on_day(DAY)
    c = signed(people)
    first = services.payment_add(actor=people.officer, contract=c, condition="预付款",
                                 amount="50000", due_on=date(2026, 11, 20))  # fmt: skip
    services.payment_add(actor=people.officer, contract=c, condition="验收合格后",
                         amount="60000", due_on=date(2026, 12, 3))  # fmt: skip
    c.refresh_from_db()
    assert c.next_unpaid_due == date(2026, 11, 20)
    assert _flags(people, c) == (True, False)
    assert c.pk in _listed(people, "payment_overdue") and c.pk not in _listed(people, "payment_due")

    services.payment_record(actor=people.officer, payment=first, paid_on=DAY, paid_amount="50000")
    c.refresh_from_db()
    assert c.next_unpaid_due == date(2026, 12, 3)
    assert _flags(people, c) == (False, True)
    assert c.pk in _listed(people, "payment_due") and c.pk not in _listed(people, "payment_overdue")


def test_a_contract_with_everything_paid_has_no_payment_warning(people, on_day):
    on_day(DAY)
    c = signed(people)
    p = services.payment_add(actor=people.officer, contract=c, condition="一次性支付",
                             amount="1000", due_on=date(2026, 11, 25))  # fmt: skip
    services.payment_record(actor=people.officer, payment=p, paid_on=DAY, paid_amount="1000")
    c.refresh_from_db()
    assert c.next_unpaid_due is None and _flags(people, c) == (False, False)
