"""Statutory periods on the Chinese calendar (architecture rule 5, legal-rules §0).

Every deadline in fazhi comes from `deadline(start, n, unit)`: a period counted from the
day after the event, in calendar days (民法典 201–203: a last day that is a rest day moves
to the next working day) or in official working days (调休 working weekends count).

Which days are working days, in order of authority:
1. HolidayOverride rows, entered by the system administrator (the official notice of a
   year that the bundled calendar lacks, or a late correction);
2. the bundled `chinese_calendar` data, for the years it covers;
3. for any other year, the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision,
   in force from 2025) plus weekends: 元旦 1 Jan, 春节 lunar New Year's Eve to the 3rd of the
   1st lunar month, 清明 the day of the solar term, 劳动节 1–2 May, 端午 5th of the 5th lunar
   month, 中秋 15th of the 8th, 国庆 1–3 Oct (lunar dates and solar terms from lunar-python).
   The State Council's 调休 of that year (weekends worked, days bridged) is unknown, so a
   year without a known schedule raises a warning for the system administrator.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

import chinese_calendar

from fazhi.core.links import reverse

from .models import HolidayOverride, HolidaySchedule
from .pending import PendingItem, read
from .roles import Role

UNITS = {"days": "日", "workdays": "工作日"}
# No statutory period is anywhere near a century; the cap keeps a typo from running long.
MAX_N = 36500

# How far past the plain length the first override query reaches: the longest official
# run of rest days is 9 (Spring Festival 2026), so one query almost always suffices.
_MARGIN = timedelta(days=40)


def bundled_year(year: int) -> bool:
    """Whether the bundled chinese_calendar data covers `year`."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def _solar_date(solar) -> date:
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> Mapping[date, str]:
    """The statutory holidays of `year` under 《全国年节及纪念日放假办法》 (2024 revision),
    day → festival: 13 days, or 12 when 中秋 falls on 1–3 October. No 调休 is in it.

    (lunar-python counts in the Julian calendar before 1582, long before any period fazhi
    counts.)
    """
    # Imported here: only a year the bundled data does not cover needs the lunar calendar,
    # and `fazhi deadline` should not load it to count days of a covered one (issue 15).
    from lunar_python import Lunar

    new_year = _solar_date(Lunar.fromYmd(year, 1, 1).getSolar())  # 正月初一
    # The eve is the last day of the 12th lunar month, the 29th or the 30th: the day before.
    spring = [new_year + timedelta(days=i) for i in range(-1, 3)]
    qingming = _solar_date(Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"])
    days = [(date(year, 1, 1), "元旦")]
    days += [(d, "春节") for d in spring]
    days += [(qingming, "清明节"), (date(year, 5, 1), "劳动节"), (date(year, 5, 2), "劳动节")]
    days.append((_solar_date(Lunar.fromYmd(year, 5, 5).getSolar()), "端午节"))
    days.append((_solar_date(Lunar.fromYmd(year, 8, 15).getSolar()), "中秋节"))
    days += [(date(year, 10, d), "国庆节") for d in (1, 2, 3)]
    holidays: dict[date, str] = {}
    for day, name in days:
        holidays[day] = f"{holidays[day]}、{name}" if day in holidays else name
    return MappingProxyType(holidays)


# chinese_calendar scans its whole table to validate each date; a deadline asks about
# many days, so the answer is kept (a few years of days is a few hundred KB).
@lru_cache(maxsize=8192)
def _default_workday(d: date) -> bool:
    """Working day by the bundled calendar, or outside its years by the statutory holidays
    and weekends."""
    try:
        return chinese_calendar.is_workday(d)
    except NotImplementedError:
        return d.weekday() < 5 and d not in statutory_holidays(d.year)


# Inside `overrides_read_once()`: every override row, read once (see there).
_all_overrides: ContextVar[dict[date, bool] | None] = ContextVar("overrides", default=None)


def overrides_between(first: date, last: date) -> dict[date, bool]:
    """The HolidayOverride rows from `first` to `last` (both included): day → is_workday.
    The one place deadlines read the database."""
    known = _all_overrides.get()
    if known is not None:
        return {day: works for day, works in known.items() if first <= day <= last}
    return dict(
        HolidayOverride.objects.filter(date__range=(first, last)).values_list("date", "is_workday")
    )


@contextmanager
def overrides_read_once() -> Iterator[None]:
    """Read the override table once for a block that computes many deadlines and changes
    no override (the demo plans hundreds of steps): one query instead of one each."""
    token = _all_overrides.set(dict(HolidayOverride.objects.values_list("date", "is_workday")))
    try:
        yield
    finally:
        _all_overrides.reset(token)


def is_workday(d: date) -> bool:
    """Whether people work on day `d` (an override first, then the bundled calendar, then
    the statutory holidays and weekends)."""
    override = overrides_between(d, d).get(d)
    if override is not None:
        return override
    return _default_workday(d)


def schedule_known(year: int) -> bool:
    """Whether the official holiday schedule of `year` is known (bundled or entered)."""
    return bundled_year(year) or HolidaySchedule.objects.filter(year=year).exists()


def _days_after(start: date, span: timedelta) -> Iterator[tuple[date, bool]]:
    """Each day after `start` with whether it is a working day, reading the overrides in
    one query per window of `span` days rather than one query per day."""
    first = start + timedelta(days=1)
    while True:
        last = first + span
        overrides = overrides_between(first, last)
        day = first
        while day <= last:
            yield day, overrides.get(day, _default_workday(day))
            day += timedelta(days=1)
        first = last + timedelta(days=1)


def deadline(start: date, n: int, unit: str) -> date:
    """The last day of a period of `n` days or working days after the event on `start`.

    "days": the n-th calendar day after `start`; when that is a rest day (weekend or
    holiday) the period ends on the next working day (民法典 第203条).
    "workdays": the n-th official working day after `start`.
    """
    if unit not in UNITS:
        raise ValueError(f"期限单位不正确:{unit}(应为 days 日 或 workdays 工作日)")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_N:
        raise ValueError(f"期限天数应为1至{MAX_N}之间的整数:{n}")
    if unit == "days":
        before_last = start + timedelta(days=n - 1)
        return next(day for day, works in _days_after(before_last, _MARGIN) if works)
    # Working days are about 5 in 7, so 3 in 2 calendar days covers n of them plus holidays.
    days = _days_after(start, timedelta(days=n * 3 // 2) + _MARGIN)
    working = (day for day, works in days if works)
    for counted, day in enumerate(working, start=1):
        if counted == n:
            return day
    raise AssertionError("unreachable")  # _days_after never ends


def missing_years(today: date) -> list[int]:
    """Years whose schedule the system administrator should enter: this year if unknown,
    and next year from 1 November on (the State Council publishes it each November)."""
    years = [today.year]
    if today.month >= 11:
        years.append(today.year + 1)
    return [y for y in years if not schedule_known(y)]


def pending_items(user, today: date) -> list[PendingItem]:
    """Core's pending items: for the system administrator, each year whose holiday schedule
    is missing; for the security administrator, each account locked right now."""
    if not (user and user.is_authenticated):
        return []
    items = []
    if user.has_role(Role.SECURITY_ADMIN):
        items += _locked_account_items()
    if user.has_role(Role.SYS_ADMIN):
        items += _missing_schedule_items(today)
    return items


def _locked_account_items() -> list[PendingItem]:
    from django.utils import timezone

    from .selectors import locked_attempts

    url = reverse("core:locked_accounts")
    attempts, capped = read(locked_attempts())
    return [
        PendingItem(
            title=f"账号 {a.username} 因连续登录失败被锁定,请核实是否为撞库攻击",
            category="账号安全",
            due=timezone.localtime(a.attempt_time).date(),
            url=url,
            level="warning",
            capped=capped,
        )
        for a in attempts
    ]


def _missing_schedule_items(today: date) -> list[PendingItem]:
    url = reverse("core:holiday_list")
    return [
        PendingItem(
            title=(
                f"{year}年国务院节假日安排未录入:期限已按法定节假日和周末推算,"
                "调休上班日和调休放假日未知,请录入"
            ),
            category="节假日",
            due=date(year - 1, 12, 31),
            url=url,
            level="danger",
        )
        for year in missing_years(today)
    ]
