"""The one clock (fazhi.core.clock): business code asks it, tests move it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import time_machine
from django.utils import timezone

from fazhi.core import clock

SOURCE = Path(__file__).resolve().parents[2] / "fazhi"
# Reading the machine's date or time anywhere but the clock bypasses `pinned` (the demo
# as of a day, `fazhi tick --today`) and makes behaviour depend on the day CI runs.
DIRECT = re.compile(
    r"\b(date\.today\(|datetime\.now\(|datetime\.today\(|timezone\.now\(|"
    r"timezone\.localdate\(\)|localtime\(\)|time\.time\()"
)


def test_no_business_code_reads_the_machine_clock_directly():
    offenders = []
    for path in SOURCE.rglob("*.py"):
        if path.name == "clock.py" or "migrations" in path.parts:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if DIRECT.search(line):
                offenders.append(f"{path.relative_to(SOURCE.parent)}:{n}: {line.strip()}")
    assert not offenders, "请改用 fazhi.core.clock:\n" + "\n".join(offenders)


def test_the_clock_follows_the_machine_clock_that_tests_move():
    with time_machine.travel(date(2024, 2, 29), tick=False):
        assert clock.today() == date(2024, 2, 29)
        assert timezone.localdate(clock.now()) == date(2024, 2, 29)


def test_pinned_moves_the_business_day_but_not_the_audit_time():
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 30, 9, 30))):
        with clock.pinned(date(2023, 10, 1)):
            assert clock.today() == date(2023, 10, 1)
            assert timezone.localtime(clock.now()).date() == date(2023, 10, 1)
            assert timezone.localtime(clock.now()).hour == 9
            assert clock.wall_now().date() == date(2026, 11, 30)
            with clock.pinned(date(2020, 1, 1)):
                assert clock.today() == date(2020, 1, 1)
            assert clock.today() == date(2023, 10, 1)
        assert clock.today() == date(2026, 11, 30)
