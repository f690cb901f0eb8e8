"""The 旬 of a month: 1–10, 11–20 and 21 to the month's last day, in every kind of month."""

from datetime import date

import pytest

from fazhi.tenday.periods import (
    last_ended,
    period_of,
    periods_between,
    periods_of_year,
)


@pytest.mark.parametrize(
    "day,start,end,name",
    [
        (date(2024, 2, 29), date(2024, 2, 21), date(2024, 2, 29), "2024年2月下旬"),  # leap
        (date(2025, 2, 21), date(2025, 2, 21), date(2025, 2, 28), "2025年2月下旬"),
        (date(2026, 4, 30), date(2026, 4, 21), date(2026, 4, 30), "2026年4月下旬"),  # 30 days
        (date(2026, 1, 31), date(2026, 1, 21), date(2026, 1, 31), "2026年1月下旬"),  # 31 days
        (date(2026, 11, 11), date(2026, 11, 11), date(2026, 11, 20), "2026年11月中旬"),
        (date(2026, 11, 10), date(2026, 11, 1), date(2026, 11, 10), "2026年11月上旬"),
        (date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 10), "2026年11月上旬"),
    ],
)
def test_the_period_of_a_day(day, start, end, name):
    p = period_of(day)
    assert (p.start, p.end, p.name) == (start, end, name)


def test_a_year_has_36_periods_that_tile_it():
    for year in (2024, 2025):  # leap and common
        periods = periods_of_year(year)
        assert len(periods) == 36
        assert periods[0].start == date(year, 1, 1) and periods[-1].end == date(year, 12, 31)
        for a, b in zip(periods, periods[1:], strict=False):
            assert (b.start - a.end).days == 1
        assert sum((p.end - p.start).days + 1 for p in periods) == (366 if year == 2024 else 365)


def test_february_late_period_lengths():
    assert (period_of(date(2024, 2, 25)).end - date(2024, 2, 21)).days + 1 == 9
    assert (period_of(date(2025, 2, 25)).end - date(2025, 2, 21)).days + 1 == 8


def test_neighbours_and_the_last_ended_period():
    p = period_of(date(2025, 12, 25))
    assert p.next().start == date(2026, 1, 1)
    assert period_of(date(2026, 1, 5)).previous() == p
    assert last_ended(date(2026, 11, 30)).name == "2026年11月中旬"
    assert last_ended(date(2026, 12, 1)).name == "2026年11月下旬"
    assert last_ended(date(2026, 3, 11)).end == date(2026, 3, 10)
    assert len(periods_between(date(2026, 9, 15), date(2026, 11, 5))) == 6
