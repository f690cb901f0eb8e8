"""The workbench stays short at county scale: per kind the nearest few, how many there are,
and a link to the list that holds them all."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from fazhi.core.pending import PendingItem, grouped
from tests.contracts.helpers import signed


def _item(category, day, url=""):
    return PendingItem(title=f"{category}{day}", category=category, due=date(2026, 12, day),
                       list_url=url)  # fmt: skip


def test_each_kind_shows_its_nearest_few_and_counts_the_rest():
    items = [_item("合同归档", d, "/contracts/?status=signed") for d in range(1, 9)]
    items += [_item("法律顾问", 3)]
    items.sort(key=lambda i: i.due)
    groups = grouped(items, per_kind=5)
    assert [g.category for g in groups] == ["合同归档", "法律顾问"]
    archive = groups[0]
    assert [i.due.day for i in archive.items] == [1, 2, 3, 4, 5]
    assert (archive.total, archive.more, archive.list_url) == (8, 3, "/contracts/?status=signed")
    assert groups[1].more == 0


@pytest.mark.django_db
def test_the_page_links_to_the_full_list_when_a_kind_has_more(people, login, on_day):
    on_day(date(2026, 11, 30))
    for _ in range(7):
        signed(people)  # each waits to be archived: a 合同归档 item
    html = login(people.officer).get(reverse("workbench")).content.decode()
    archive = [part for part in html.split('data-testid="pending-group"') if "合同归档" in part][0]
    assert archive.count('data-testid="pending-item"') == 5
    assert "合同归档另有 2 项(共 7 项)" in archive
    assert 'href="/contracts/?status=signed">查看全部' in archive
