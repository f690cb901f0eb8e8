"""Calendar arithmetic every app shares (one of each): the same day some years or months
later, 29 February and 31st clamped to the month's last day."""

from __future__ import annotations

import calendar
from datetime import date


def add_years(d: date, years: int) -> date:
    """The same day `years` later (29 February → 28 February)."""
    year = d.year + years
    return d.replace(year=year, day=min(d.day, calendar.monthrange(year, d.month)[1]))


def add_months(d: date, months: int) -> date:
    """The same day `months` later (31 January + 1 month → 28/29 February)."""
    total = d.month - 1 + months
    year, month = d.year + total // 12, total % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
