"""Shared checks of the apps' annual contributions (core.annual): every number a point
states is bound to a list of exactly the records it counts."""

from __future__ import annotations

from datetime import date

from fazhi.core.summary import collect


def _page(response):
    for context in response.context:
        for d in context.dicts:
            for value in d.values():
                if hasattr(value, "paginator") and hasattr(value, "number"):
                    return value
    raise AssertionError(f"{response.request['PATH_INFO']} 不是分页列表")


def assert_facts_list_their_records(client, contribution):
    """Every Fact with a url answers 200; a count bound to a list (?annual=…) lists exactly
    that many records (a count bound to one record's page, e.g. an inspection's findings,
    is read there)."""
    checked = 0
    parts = (contribution.points, contribution.problems, contribution.next_year)
    for point in [p for part in (*parts, getattr(contribution, "duty", [])) for p in part]:
        for fact in point.facts:
            if not fact.url:
                continue
            response = client.get(fact.url)
            assert response.status_code == 200, (point.key, fact.url)
            if isinstance(fact.value, int) and "annual=" in fact.url:
                assert _page(response).paginator.count == fact.value, (point.key, fact.label)
            checked += 1
    return checked


def year_figures(unit, year):
    """key → Figure of `unit`'s calendar year."""
    return {f.key: f for f in collect(unit, date(year, 1, 1), date(year, 12, 31))}
