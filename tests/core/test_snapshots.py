"""A county's counts remembered for a few minutes (core.snapshots): counted once, reused
within SNAPSHOT_MINUTES of the county's setting, counted again after it, on a new day, or
when asked (重新统计); 0 minutes counts every time; `fazhi tick` drops earlier days'."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from fazhi.core import snapshots
from fazhi.core.models import Snapshot
from fazhi.core.params import parameter_set

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def counter():
    """A count that answers 1, 2, 3 … each time it is really counted."""
    calls = []

    def count():
        calls.append(1)
        return {"n": len(calls)}

    count.calls = calls
    return count


@pytest.fixture
def at():
    traveller = time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI), tick=False)
    clock = traveller.start()
    yield clock
    traveller.stop()


def test_a_count_is_reused_within_the_minutes_and_counted_again_after(tree, counter, at):
    value, taken = snapshots.remembered("k", counter, unit=tree.county)
    assert value == {"n": 1} and taken == datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
    at.shift(timedelta(minutes=9))
    assert snapshots.remembered("k", counter, unit=tree.county) == ({"n": 1}, taken)
    at.shift(timedelta(minutes=2))  # 11 minutes after: past the default 10
    value, later = snapshots.remembered("k", counter, unit=tree.county)
    assert value == {"n": 2} and later - taken == timedelta(minutes=11)
    assert Snapshot.objects.count() == 1  # the row is replaced, not added to


def test_fresh_counts_now_and_other_keys_are_apart(tree, counter, at):
    snapshots.remembered("k", counter, unit=tree.county)
    assert snapshots.remembered("k", counter, fresh=True, unit=tree.county)[0] == {"n": 2}
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 2}
    assert snapshots.remembered("other", counter, unit=tree.county)[0] == {"n": 3}


def test_a_new_day_counts_again(tree, counter, at):
    snapshots.remembered("k", counter, unit=tree.county)
    at.move_to(datetime(2026, 3, 3, 0, 1, tzinfo=SHANGHAI))  # two minutes later, next day
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 2}


def test_the_county_sets_the_minutes_and_zero_counts_every_time(tree, people, counter, at):
    parameter_set(
        actor=people.supervisor, unit=tree.county, key="core.snapshot_minutes", raw_value="0"
    )
    for expected in (1, 2, 3):
        assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": expected}
    parameter_set(
        actor=people.supervisor, unit=tree.county, key="core.snapshot_minutes", raw_value="60"
    )
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 4}
    at.shift(timedelta(minutes=30))
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 4}
    assert Snapshot.objects.count() == 1


def test_only_a_countys_counts_are_remembered(tree):
    assert snapshots.applies(tree.county)
    assert not snapshots.applies(tree.town_a) and not snapshots.applies(tree.grid_a1)


def test_tick_drops_earlier_days_snapshots(tree, counter, at):
    snapshots.remembered("old", counter, unit=tree.county)
    at.move_to(datetime(2026, 3, 4, 8, 0, tzinfo=SHANGHAI))
    snapshots.remembered("new", counter, unit=tree.county)
    out = StringIO()
    call_command("tick", stdout=out)
    assert "清理往日汇总快照1条" in out.getvalue()
    assert [s.key for s in Snapshot.objects.all()] == [f"new:{date(2026, 3, 4)}"]
