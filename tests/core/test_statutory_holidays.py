"""The statutory-holiday fallback for years without the official schedule: the days fixed by
《全国年节及纪念日放假办法》 (2024 revision), checked against the bundled official calendar
for the years it knows. No database: the override look-up is replaced where needed."""

from datetime import date, timedelta

import chinese_calendar
import pytest
from chinese_calendar import Holiday
from lunar_python import Solar

from fazhi.core import deadlines
from fazhi.core.deadlines import statutory_holidays

OFFICIAL_NAME = {
    "元旦": Holiday.new_years_day,
    "春节": Holiday.spring_festival,
    "清明节": Holiday.tomb_sweeping_day,
    "劳动节": Holiday.labour_day,
    "端午节": Holiday.dragon_boat_festival,
    "中秋节": Holiday.mid_autumn_festival,
    "国庆节": Holiday.national_day,
}


def _days(year: int, name: str) -> list[date]:
    return sorted(d for d, n in statutory_holidays(year).items() if name in n.split("、"))


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_days_are_official_holidays_since_the_2024_revision(year):
    """Given 2025 and 2026 (the revised rules, bundled official schedules), then every
    statutory day computed is a holiday of the official calendar, under the same festival."""
    holidays = statutory_holidays(year)
    assert len(holidays) == 13
    for day, name in holidays.items():
        on_holiday, official = chinese_calendar.get_holiday_detail(day)
        assert on_holiday, (day, name)
        assert official == OFFICIAL_NAME[name].value, (day, name, official)


@pytest.mark.parametrize("year", range(2008, 2027))
def test_lunar_and_solar_term_days_are_official_holidays_since_2008(year):
    """Given every bundled year since 清明, 端午 and 中秋 became holidays (2008), then the
    days that have been statutory ever since (not the eve nor 初三, not 2 May) are official
    holidays — a check of the lunar dates and the solar term over 19 years."""
    spring = _days(year, "春节")
    stable = [date(year, 1, 1), spring[1], spring[2], date(year, 5, 1)]
    stable += _days(year, "清明节") + _days(year, "端午节") + _days(year, "中秋节")
    stable += [date(year, 10, d) for d in (1, 2, 3)]
    assert all(chinese_calendar.is_holiday(d) for d in stable), year


@pytest.mark.parametrize(
    ("year", "eve", "last_day_of_12th_month"),
    [
        (2023, date(2023, 1, 21), 30),
        (2024, date(2024, 2, 9), 30),
        (2025, date(2025, 1, 28), 29),
        (2026, date(2026, 2, 16), 29),
        (2027, date(2027, 2, 5), 29),
        (2028, date(2028, 1, 25), 29),
    ],
)
def test_spring_festival_runs_from_the_eve_through_the_third(year, eve, last_day_of_12th_month):
    """Given a 12th lunar month of 29 or 30 days, then 春节 starts on its last day (the eve)
    and runs four days to 初三."""
    assert _days(year, "春节") == [eve + timedelta(days=i) for i in range(4)]
    lunar_eve = Solar.fromYmd(eve.year, eve.month, eve.day).getLunar()
    assert (lunar_eve.getMonth(), lunar_eve.getDay()) == (12, last_day_of_12th_month)
    third = eve + timedelta(days=3)
    lunar_third = Solar.fromYmd(third.year, third.month, third.day).getLunar()
    assert (lunar_third.getMonth(), lunar_third.getDay()) == (1, 3)


def test_2027_statutory_holidays():
    assert dict(statutory_holidays(2027)) == {
        date(2027, 1, 1): "元旦",
        **{date(2027, 2, d): "春节" for d in (5, 6, 7, 8)},
        date(2027, 4, 5): "清明节",
        date(2027, 5, 1): "劳动节",
        date(2027, 5, 2): "劳动节",
        date(2027, 6, 9): "端午节",
        date(2027, 9, 15): "中秋节",
        **{date(2027, 10, d): "国庆节" for d in (1, 2, 3)},
    }


def test_mid_autumn_on_national_day_is_one_day_with_both_names():
    """Given 2028, when 中秋 (3 Oct) falls within 国庆, then the days do not add up: 12."""
    holidays = statutory_holidays(2028)
    assert len(holidays) == 12
    assert holidays[date(2028, 10, 3)] == "中秋节、国庆节"


@pytest.mark.parametrize("year", range(2027, 2100))
def test_qingming_agrees_with_the_bundled_solar_terms(year):
    """chinese_calendar's own solar-term table (to 2100) puts 清明 on the same day."""
    terms = chinese_calendar.get_solar_terms(date(year, 3, 25), date(year, 4, 15))
    assert _days(year, "清明节") == [d for d, name in terms if name == "清明"]


def test_fallback_days_are_rest_days_without_the_database(monkeypatch):
    """Given the override look-up replaced (no database), then 2027 deadlines follow the
    statutory fallback: 元旦 and 春节 skipped."""
    monkeypatch.setattr(deadlines, "overrides_between", lambda first, last: {})
    assert not deadlines.is_workday(date(2027, 1, 1))
    assert deadlines.deadline(date(2026, 12, 28), 5, "workdays") == date(2027, 1, 5)
    assert deadlines.deadline(date(2027, 2, 4), 1, "workdays") == date(2027, 2, 9)
    # Bundled years are unchanged: 2026's 调休 working Saturday 28 Feb still counts.
    assert deadlines.deadline(date(2026, 2, 27), 1, "workdays") == date(2026, 2, 28)
