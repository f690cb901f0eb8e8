"""The workbench's counts stay true at county scale: every provider reads each kind through
core.pending.read (at most pending.LIMIT, and whether there were more), and a capped
kind is shown as "以上" on the workbench and the dashboard, an uncapped one exactly."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

import fazhi
from fazhi.contracts.models import ContractPayment
from fazhi.core import pending
from fazhi.core.pending import LIMIT, PendingItem, grouped, read
from fazhi.reports.dashboard import pending_by_module
from tests.contracts.helpers import signed

DAY = date(2026, 11, 30)


def test_read_takes_one_more_row_to_know_whether_there_are_more():
    assert read(list(range(LIMIT))) == (list(range(LIMIT)), False)
    assert read(list(range(LIMIT + 1))) == (list(range(LIMIT)), True)
    assert read(list(range(3000))) == (list(range(LIMIT)), True)
    assert read([1, 2, 3], limit=2) == ([1, 2], True)


def test_a_group_is_capped_when_any_of_its_items_is():
    items = [PendingItem(f"付款{i}", "合同付款", DAY, capped=True) for i in range(LIMIT)]
    items += [PendingItem("归档", "合同归档", DAY)]
    pay, archive = grouped(items)
    assert (pay.total, pay.more, pay.capped) == (LIMIT, LIMIT - 5, True)
    assert (archive.total, archive.more, archive.capped) == (1, 0, False)


def test_every_provider_reads_through_the_shared_limit():
    """No app keeps its own limit or slices its own read: the shared `read` is the one
    mechanism (a provider bounded by construction reads no slice at all)."""
    root = Path(fazhi.__file__).parent
    for path in sorted(root.glob("*/deadlines.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*LIMIT\s*=", source, re.M), path
        assert not re.search(r"\[:\s*(\d|LIMIT)", source), path


def _payments(contract, n):
    """`n` unpaid instalments of `contract`, all overdue on DAY (bulk: the county scale of
    an officer with thousands of them, without thousands of service calls)."""
    ContractPayment.objects.bulk_create(
        ContractPayment(
            contract=contract,
            condition=f"第{i + 1}期",
            due_on=DAY - timedelta(days=n - i),
            amount=Decimal("1000.00"),
        )
        for i in range(n)
    )
    # As the payment services keep it: the earliest unpaid due date, the warnings' column.
    contract.next_unpaid_due = DAY - timedelta(days=n)
    contract.save(update_fields=["next_unpaid_due"])


def _group(html, category):
    return [p for p in html.split('data-testid="pending-group"') if category in p][0]


def _dashboard_row(html, category):
    table = html.split('data-testid="pending-table"')[1].split("</table>")[0]
    return next(r for r in table.split("<tr>") if f">{category}<" in r)


@pytest.mark.django_db
def test_more_than_the_limit_is_shown_as_at_least(people, login, on_day):
    on_day(DAY)
    _payments(signed(people), LIMIT + 10)
    items = [i for i in pending_by_module(people.officer, DAY) if i.category == "合同付款"]
    assert [(r.total, r.overdue, r.capped, r.overdue_capped) for r in items] == [
        (LIMIT, LIMIT, True, True)
    ]
    client = login(people.officer)
    pay = _group(client.get(reverse("workbench")).content.decode(), "合同付款")
    assert pay.count('data-testid="pending-item"') == 5
    assert f"合同付款另有 {LIMIT - 5} 项以上(共 {LIMIT} 项以上)" in pay
    assert "?warning=payment" in pay and "查看全部" in pay
    row = _dashboard_row(client.get(reverse("dashboard")).content.decode(), "合同付款")
    assert f"{LIMIT} 以上</span>" in row and row.count("以上") == 2  # the total, the overdue


@pytest.mark.django_db
def test_fewer_than_the_limit_are_counted_exactly(people, login, on_day):
    on_day(DAY)
    _payments(signed(people), 7)
    rows = [r for r in pending_by_module(people.officer, DAY) if r.category == "合同付款"]
    assert [(r.total, r.overdue, r.capped, r.overdue_capped) for r in rows] == [
        (7, 7, False, False)
    ]
    client = login(people.officer)
    pay = _group(client.get(reverse("workbench")).content.decode(), "合同付款")
    assert "合同付款另有 2 项(共 7 项)" in pay and "以上" not in pay
    row = _dashboard_row(client.get(reverse("dashboard")).content.decode(), "合同付款")
    assert '<td class="text-end">7</td>' in row and "以上" not in row


@pytest.mark.django_db
def test_the_limit_exactly_is_not_capped(people, on_day):
    on_day(DAY)
    _payments(signed(people), LIMIT)
    [row] = [r for r in pending_by_module(people.officer, DAY) if r.category == "合同付款"]
    assert (row.total, row.capped) == (LIMIT, False)


@pytest.mark.django_db
def test_a_grid_worker_past_the_limit_of_overdue_still_sees_those_falling_due(
    people, tree, login, on_day, monkeypatch
):
    """Overdue and due soon are two kinds, each read up to the limit: before, one read of
    both stopped at the limit and a long overdue list hid the persons falling due."""
    from fazhi.grids import services as grid_services
    from fazhi.grids.deadlines import pending_items
    from fazhi.grids.models import KeyPerson
    from tests.grids.conftest import make_person

    on_day(DAY)
    grid_services.defaults_load(actor=people.officer, town=tree.town_a)
    for seq, days in enumerate((-30, -20, -10, 2), start=1):
        p = make_person(people.grid_worker, tree.grid_a1, tree.town_a, seq=seq, name=f"陈{seq}")
        KeyPerson.objects.filter(pk=p.pk).update(next_visit_due=DAY + timedelta(days))
    monkeypatch.setattr(pending, "LIMIT", 2)
    groups = {g.category: g for g in grouped(pending_items(people.grid_worker, DAY))}
    late, soon = groups["重点人员走访逾期"], groups["重点人员走访即将到期"]
    assert (late.total, late.capped, soon.total, soon.capped) == (2, True, 1, False)
    html = login(people.grid_worker).get(reverse("workbench")).content.decode()
    assert "重点人员走访逾期可能另有更多,<a" in _group(html, "重点人员走访逾期")
    assert 'data-testid="pending-more"' not in _group(html, "重点人员走访即将到期")
