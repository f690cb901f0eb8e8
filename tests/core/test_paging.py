"""Lists count at most CAP rows and page no further: fast on a million rows, honest about it."""

from __future__ import annotations

import pytest

from fazhi.core import audit, paging
from fazhi.core.models import AuditEvent


@pytest.fixture
def events(db, monkeypatch):
    monkeypatch.setattr(paging.CappedPaginator, "cap", 25)
    for i in range(30):
        audit.record(verb="probe.page", actor_name="测试", object_id=str(i))
    return AuditEvent.objects.filter(verb="probe.page").order_by("id")


def test_a_list_under_the_cap_shows_its_exact_count(events):
    page = paging.page_of(events.filter(object_id__in=[str(i) for i in range(12)]), 1, 5)
    assert page.paginator.count == 12 and page.paginator.count_label == "12"
    assert page.paginator.num_pages == 3


def test_a_list_over_the_cap_says_so_and_pages_no_further_than_the_cap(
    events, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):  # one capped count, one page
        page = paging.page_of(events, 99, 10)
        rows = list(page)
    assert page.paginator.count_label == "25+"
    assert page.paginator.num_pages == 3 and page.number == 3 and len(rows) == 5
