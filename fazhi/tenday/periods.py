"""旬 periods: every month has three, 1–10 (上旬), 11–20 (中旬) and 21 to the month's last day
(下旬: 8 to 11 days, February's 8 or 9). Pure functions, no database."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

PART_NAMES = {1: "上旬", 2: "中旬", 3: "下旬"}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date

    @property
    def part(self) -> int:
        return {1: 1, 11: 2, 21: 3}[self.start.day]

    @property
    def name(self) -> str:
        """ "2026年11月中旬"."""
        return f"{self.start.year}年{self.start.month}月{PART_NAMES[self.part]}"

    @property
    def short(self) -> str:
        return f"{self.start.month}月{PART_NAMES[self.part]}"

    def ended(self, today: date) -> bool:
        return self.end < today

    def next(self) -> Period:
        return period_of(self.end + timedelta(days=1))

    def previous(self) -> Period:
        return period_of(self.start - timedelta(days=1))


def period_of(day: date) -> Period:
    """The 旬 that `day` lies in."""
    last = calendar.monthrange(day.year, day.month)[1]
    if day.day <= 10:
        return Period(day.replace(day=1), day.replace(day=10))
    if day.day <= 20:
        return Period(day.replace(day=11), day.replace(day=20))
    return Period(day.replace(day=21), day.replace(day=last))


def is_period_start(day: date) -> bool:
    return day.day in (1, 11, 21)


def periods_between(first: date, last: date) -> list[Period]:
    """Every 旬 that starts on or after `first`'s period start and ends by `last`'s period
    end (the periods overlapping first..last), in order."""
    out = []
    p = period_of(first)
    while p.start <= last:
        out.append(p)
        p = p.next()
    return out


def periods_of_year(year: int) -> list[Period]:
    return periods_between(date(year, 1, 1), date(year, 12, 31))


def last_ended(today: date) -> Period:
    """The latest 旬 that has ended before `today`."""
    return period_of(today).previous()
