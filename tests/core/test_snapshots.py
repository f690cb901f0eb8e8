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


def test_a_countys_and_a_towns_counts_are_remembered_each_for_its_own_time(tree, counter, at):
    assert snapshots.applies(tree.county) and snapshots.applies(tree.town_a)
    assert not snapshots.applies(tree.grid_a1)
    assert snapshots.reuse_minutes(tree.county) == 10 and snapshots.reuse_minutes(tree.town_a) == 1
    assert snapshots.remembered("town", counter, unit=tree.town_a)[0] == {"n": 1}
    at.shift(timedelta(seconds=50))
    assert snapshots.remembered("town", counter, unit=tree.town_a)[0] == {"n": 1}
    at.shift(timedelta(seconds=20))  # past the town's minute
    assert snapshots.remembered("town", counter, unit=tree.town_a)[0] == {"n": 2}


def test_tick_drops_earlier_days_snapshots(tree, counter, at):
    snapshots.remembered("old", counter, unit=tree.county)
    at.move_to(datetime(2026, 3, 4, 8, 0, tzinfo=SHANGHAI))
    snapshots.remembered("new", counter, unit=tree.county)
    out = StringIO()
    call_command("tick", stdout=out)
    assert "清理往日汇总快照1条" in out.getvalue()
    kept = [s.key for s in Snapshot.objects.all()]
    assert f"new:{date(2026, 3, 4)}" in kept and not [k for k in kept if "2026-03-02" in k]


def test_while_one_request_recounts_the_others_get_the_expired_answer_with_its_time(
    tree, counter, at
):
    """A county's count takes seconds: the first request after expiry recounts, those that
    arrive meanwhile are answered with the stored count and its own time, not a second
    count; a claim left by a count that died is taken over after COUNTING_TIMEOUT."""
    _, first = snapshots.remembered("k", counter, unit=tree.county)
    at.shift(timedelta(minutes=11))
    seen = []

    def recount():  # while this request counts, another asks
        seen.append(snapshots.remembered("k", counter, unit=tree.county))
        return counter()

    value, taken = snapshots.remembered("k", recount, unit=tree.county)
    assert seen == [({"n": 1}, first)]  # the expired answer, said as of when it was counted
    assert value == {"n": 2} and taken - first == timedelta(minutes=11)
    assert list(Snapshot.objects.values_list("key", flat=True)) == ["k:2026-03-02"]  # released

    # a claim whose count died: the stored answer is served until the claim is 2 minutes old
    at.shift(timedelta(minutes=11))
    Snapshot.objects.create(
        key="k:2026-03-02:counting", taken_at=snapshots.clock.wall_now(), payload={}
    )
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 2}
    at.shift(snapshots.COUNTING_TIMEOUT)
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 3}
    assert not Snapshot.objects.filter(key__endswith=":counting").exists()


def test_a_count_that_fails_releases_its_claim(tree, counter, at):
    snapshots.remembered("k", counter, unit=tree.county)
    at.shift(timedelta(minutes=11))

    def broken():
        raise RuntimeError("count failed")

    with pytest.raises(RuntimeError):
        snapshots.remembered("k", broken, unit=tree.county)
    assert not Snapshot.objects.filter(key__endswith=":counting").exists()
    assert snapshots.remembered("k", counter, unit=tree.county)[0] == {"n": 2}
