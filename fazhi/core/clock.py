"""The one clock: what day and time it is for fazhi's business rules.

Every service, selector, page, `fazhi tick` and the demo asks `today()` / `now()` here,
never `date.today()` or `timezone.localdate()` (tests/core/test_clock.py enforces it).
Two ways move it:

- `pinned(day)`: a block of code runs as on `day` (the demo loads "as it would stand on
  that day", each of its steps on the day it happened; `fazhi tick --today`). The time of
  day is kept, so records made in the block keep their order.
- tests move the machine's clock itself with time-machine, which this module follows.

The audit trail does not follow a pinned clock: `wall_now()` is when a row was really
written, so the trail of a demo loaded "as of" another day still tells the truth.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_pinned: ContextVar[dt.date | None] = ContextVar("fazhi_clock_pinned", default=None)


def wall_now() -> dt.datetime:
    """The real current moment (aware), whatever day the business clock is pinned to."""
    return timezone.now()


def now() -> dt.datetime:
    """The current moment (aware): on the pinned day, if any, at the real time of day."""
    real = timezone.now()
    day = _pinned.get()
    if day is None:
        return real
    local = timezone.localtime(real)
    return timezone.make_aware(dt.datetime.combine(day, local.time()))


def today() -> dt.date:
    """Today in the project's time zone (Asia/Shanghai), or the pinned day."""
    day = _pinned.get()
    return day if day is not None else timezone.localdate()


@contextmanager
def pinned(day: dt.date) -> Iterator[dt.date]:
    """Run the block as on `day` (nestable; the previous day comes back afterwards)."""
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise TypeError("pinned() takes a date")
    token = _pinned.set(day)
    try:
        yield day
    finally:
        _pinned.reset(token)
