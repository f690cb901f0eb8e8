"""Planning the demo's dates from the rules, so the demo loads on any day.

A demo step is never "N days before today": it is scheduled from the step before it with
the deadline service (a comment period closes on the earliest day its rule allows, a
review concludes a few working days after it was requested …), lands on a working day,
and the whole story is moved back a week at a time until it ends before today
(`fit_before`). Each app's `demo.py` builds its plan with these helpers as a pure
function of today (no database), checks it with the same guard functions its services
use (`plan_problems`), and then replays it, each step inside `clock.pinned(step_day)` so
the services stamp the day it happened. tests/core/test_demo_calendar.py sweeps every
day of 2023–2027 through every app's plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TypeVar

from .deadlines import deadline, is_workday

P = TypeVar("P")
_DAY = timedelta(days=1)


def workday_from(day: date) -> date:
    """`day` if people work on it, else the next working day."""
    while not is_workday(day):
        day += _DAY
    return day


def workday_until(day: date) -> date:
    """`day` if people work on it, else the working day before it."""
    while not is_workday(day):
        day -= _DAY
    return day


def after(day: date, n: int, unit: str = "workdays") -> date:
    """The n-th (working) day after `day` (the deadline service's count)."""
    return deadline(day, n, unit)


def fit_before(build: Callable[[date], P], start: date, end_of: Callable[[P], date],
               limit: date) -> P:  # fmt: skip
    """`build(start)`, with `start` moved back a week at a time until the plan's end
    (`end_of(plan)`) is on or before `limit`: a holiday week inside the plan only pushes
    its start earlier, never its end past today."""
    for _ in range(60):
        plan = build(start)
        if end_of(plan) <= limit:
            return plan
        start -= timedelta(days=7)
    raise AssertionError(f"demo plan cannot end by {limit}")


def step_problems(days: Iterable[tuple[str, date | None]], today: date) -> list[str]:
    """What is wrong with a story's step days: each on a working day, in order, and
    before `today`."""
    problems = []
    previous: tuple[str, date] | None = None
    for label, day in days:
        if day is None:
            continue
        if not is_workday(day):
            problems.append(f"{label} {day} 不是工作日")
        if day >= today:
            problems.append(f"{label} {day} 不早于今天 {today}")
        if previous is not None and day < previous[1]:
            problems.append(f"{label} {day} 早于上一步 {previous[0]} {previous[1]}")
        previous = (label, day)
    return problems


def require(problems: list[str]) -> None:
    """Stop a demo load whose plan a service would refuse (a bug of the plan, not of the
    user's input): before anything is written, naming every problem."""
    if problems:
        raise AssertionError("演示数据日期计划有误:" + ";".join(problems))
