"""Lists count at most CAP rows and page no further: fast on a million rows, honest about it."""

from __future__ import annotations

import pytest
from django.db import connection

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


def test_pages_past_the_middle_are_read_from_the_far_end_in_the_lists_order(
    events, django_assert_num_queries
):
    listed = events.filter(object_id__in=[str(i) for i in range(23)])
    expected = [e.object_id for e in listed]
    with django_assert_num_queries(2) as captured:
        page = paging.page_of(listed, 5, 5)  # rows 21–23 of 23: the last, short page
        rows = [e.object_id for e in page]
    assert rows == expected[20:] and page.number == 5 and page.start_index() == 21
    assert "DESC" in captured.captured_queries[-1]["sql"]  # reversed, small offset
    pages = [[e.object_id for e in paging.page_of(listed, n, 5)] for n in range(1, 6)]
    assert sum(pages, []) == expected  # every row once, in order, across both ends


def test_an_api_list_counts_up_to_the_cap_and_returns_its_slice(events, monkeypatch):
    monkeypatch.setattr(paging, "CAP", 25)
    qs = AuditEvent.objects.order_by("id")
    body = paging.api_page(qs, 5, 3)
    assert body["count"] == 25  # 30 events, counted no further than the cap
    assert [e.pk for e in body["items"]] == list(qs.values_list("pk", flat=True)[5:8])


def test_the_pager_keeps_every_filter_of_the_list_on_the_next_page(events, rf):
    """A list narrowed by a report's figure (`?annual=`) or by its own filters stays
    narrowed on page 2: the pager takes the request's filters, not each view's idea of them."""
    import re
    from urllib.parse import parse_qs

    from django.template.loader import render_to_string

    request = rf.get("/contracts/", {"annual": "agreements:2025:339901101", "q": "海屿", "page": 2})
    html = render_to_string("_pager.html", {"page": paging.page_of(events, 2, 10)}, request)
    links = [
        parse_qs(href.lstrip("?").replace("&amp;", "&"))
        for href in re.findall(r'href="([^"]+)"', html)
    ]
    assert [link["page"] for link in links] == [["1"], ["3"]]
    for link in links:
        assert link["annual"] == ["agreements:2025:339901101"] and link["q"] == ["海屿"]
    assert "共 25+ 条" in html or "共 30 条" in html


def test_every_list_pages_through_the_one_pager():
    """No template writes its own page links (they forgot filters, such as `?annual=`)."""
    from pathlib import Path

    import fazhi

    templates = Path(fazhi.__file__).parent / "templates"
    own = [
        str(p.relative_to(templates))
        for p in templates.rglob("*.html")
        if "next_page_number" in p.read_text() and p.name != "_pager.html"
    ]
    assert own == []


def test_a_pages_rows_are_the_slice_of_the_list_found_by_id_first(events):
    """rows_of reads `WHERE id IN (SELECT id … LIMIT n)` on SQLite: the same rows in the same order as
    slicing the list, for any window, order (ties broken or not) and annotation; a distinct
    list is sliced as it is."""
    from django.db.models import F, Value

    lists = [
        events,
        events.order_by("-id"),
        events.order_by("verb", "-object_id"),  # ties on verb, broken by object_id
        events.annotate(probe=Value(1)).order_by("-probe", "id"),
        events.order_by(F("object_id").desc()),
    ]
    for listed in lists:
        for start, stop in ((0, 5), (3, 17), (25, 40), (29, 30), (7, 7)):
            expected = [e.pk for e in listed[start:stop]]
            assert [e.pk for e in paging.rows_of(listed, start, stop)] == expected
            if start < stop and connection.vendor == "sqlite":
                assert "IN (SELECT" in str(paging.page_query(listed, start, stop).query)
    distinct = events.order_by("id").distinct()
    assert "IN (SELECT" not in str(paging.page_query(distinct, 0, 5).query)
    assert [e.pk for e in paging.rows_of(distinct, 0, 5)] == [e.pk for e in distinct[:5]]


@pytest.mark.django_db
def test_a_list_ordered_by_a_computed_value_reads_its_page_ids_first_on_every_database(people):
    """No index serves an order on an annotation (合法性审核's "my queue first"): the page's
    ids are chosen first on PostgreSQL too. A list ordered by its columns stays a plain
    page there (the planner walks the index)."""
    from fazhi.documents.selectors import document_list
    from fazhi.reviews.selectors import review_list

    computed = str(paging.page_query(review_list(people.officer), 0, 50).query)
    assert computed.count("SELECT") == 2 and "LIMIT 50" in computed, computed
    columns = str(paging.page_query(document_list(people.officer), 0, 50).query)
    assert columns.count("SELECT") == (2 if connection.vendor == "sqlite" else 1), columns
