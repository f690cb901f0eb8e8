"""The demo loads on any day: every app's date plan, for every day of 2023–2027, passes
the guards its services apply (issue 17). No database: the holiday overrides are empty,
as on a fresh installation, and 2027 runs on the statutory-holiday fallback."""

from __future__ import annotations

import importlib
from datetime import date, timedelta

import pytest

from fazhi.core import deadlines, registry
from fazhi.core.hooks import optional_module

# Every app whose demo has dated stories (a `plan_problems` in its demo.py), found through
# the registry so a new app's plan is swept without editing this file.
PLANNED = [
    f"{config.name}.demo"
    for config in registry.fazhi_apps()
    if getattr(optional_module(config.name, "demo"), "plan_problems", None)
]
FIRST, LAST = date(2023, 1, 1), date(2027, 12, 31)


@pytest.fixture
def no_overrides(monkeypatch):
    monkeypatch.setattr(deadlines, "overrides_between", lambda first, last: {})


@pytest.mark.parametrize("module", PLANNED)
def test_the_demo_plan_holds_on_every_day_of_five_years(module, no_overrides):
    plan_problems = importlib.import_module(module).plan_problems
    failures = {}
    day = FIRST
    while day <= LAST:
        problems = plan_problems(day)
        if problems:
            failures[day] = problems
        day += timedelta(days=1)
    shown = [f"{d}: {p[:3]}" for d, p in list(failures.items())[:10]]
    assert not failures, f"{len(failures)} 天的演示计划有误:\n" + "\n".join(shown)
