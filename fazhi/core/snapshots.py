"""Counts of a town or the county, remembered for a while (issues 8 and 15).

A county's figures are the same aggregates as a town's over thirty towns' records, about a
second of SQL for a county-year at factor 1.0 on either database, and no index shortens a
count that must read every row. A town's take about a tenth of a second, but they are the
pages its office and leaders open all day (数据汇总, 驾驶舱: at 200 people, a sixth of the
server's time went to counting the same town-year again). Per-period counters kept by
every write path of every app would make both fast, at the price of a second truth that
each service has to keep right. Instead an answer is stored after it is counted and
reused for `SNAPSHOT_MINUTES` (a county) or `TOWN_SNAPSHOT_MINUTES` (a town); pages say
when it was counted ("数据截至 …") and offer 重新统计, which counts at once. Rows are keyed
on the business day too, so a count that depends on today (overdue, on time) is never
carried into the next day.

    figures, taken_at = snapshots.remembered(
        f"figures:{county.pk}:{year}", lambda: collect(county, start, end),
        dump=..., load=..., fresh=request_asked_for_fresh, unit=county,
    )
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.db import IntegrityError, transaction

from . import clock, params
from .models import OrgUnit, Snapshot

T = TypeVar("T")

SNAPSHOT_MINUTES = params.define(
    "core.snapshot_minutes",
    "县级汇总数据的复用时长(0=每次重新统计)",
    default=10,
    unit="分钟",
    basis="本地规则:全县汇总(数据汇总、驾驶舱、乡镇对比、走访完成率)统计一次约需1秒,"
    "在此时长内复用并注明统计时间",
    minimum=0,
    maximum=1440,
)

# The request parameter a page's 重新统计 link sets.
FRESH = "fresh"


TOWN_SNAPSHOT_MINUTES = params.define(
    "core.town_snapshot_minutes",
    "乡镇汇总数据的复用时长(0=每次重新统计)",
    default=1,
    unit="分钟",
    basis="本地规则:乡镇数据汇总、驾驶舱统计一次约需0.1秒,是镇里最常打开的页面之一,"
    "在此时长内复用并注明统计时间",
    minimum=0,
    maximum=1440,
)


def applies(unit: OrgUnit) -> bool:
    """Whether `unit`'s counts are remembered: a county's or a town's."""
    return unit.kind in (OrgUnit.Kind.COUNTY, OrgUnit.Kind.TOWN)


def reuse_minutes(unit: OrgUnit | None) -> int:
    """How long `unit`'s counts are reused (0: counted live)."""
    town = unit is not None and unit.kind == OrgUnit.Kind.TOWN
    return int((TOWN_SNAPSHOT_MINUTES if town else SNAPSHOT_MINUTES).value(unit))


def remembered(
    key: str,
    count: Callable[[], T],
    *,
    dump: Callable[[T], Any] = lambda value: value,
    load: Callable[[Any], T] = lambda payload: payload,
    fresh: bool = False,
    warm: bool = False,
    unit: OrgUnit | None = None,
) -> tuple[T, datetime]:
    """`count()`'s answer and when it was counted: the stored one if it was counted today
    within the last `reuse_minutes(unit)`, else counted now and stored. `dump`
    turns the answer into JSON, `load` turns that back.

    One request recounts an expired answer; the others meanwhile get the expired one, with
    its own time (the page says when it was counted). A county's count takes seconds of
    CPU: under load, every supervisor's click counting it again at once held the 2 cores
    for minutes (the soak's worst minutes).

    `warm` (`fazhi tick`): count only if nothing was counted today, however old today's
    answer is, so that the day's first count is not a page's."""
    now = clock.wall_now()
    key = f"{key}:{clock.today().isoformat()}"
    minutes = reuse_minutes(unit)
    if not minutes:  # the unit counts live: nothing to keep
        return count(), now
    claimed = False
    if not fresh:
        row = Snapshot.objects.filter(key=key).values_list("taken_at", "payload").first()
        if row is not None and (warm or row[0] > now - timedelta(minutes=minutes)):
            return load(row[1]), row[0]
        if row is not None:
            claimed = _claim(key, now)
            if not claimed:  # another request is counting it right now
                return load(row[1]), row[0]
    try:
        value = count()
        # update_or_create re-reads when another worker stored the same key a moment ago.
        Snapshot.objects.update_or_create(
            key=key, defaults={"taken_at": now, "payload": dump(value)}
        )
    finally:
        if claimed:
            Snapshot.objects.filter(key=_counting(key)).delete()
    return value, now


# A claim older than this is taken to be a count that died with its process.
COUNTING_TIMEOUT = timedelta(minutes=2)


def _counting(key: str) -> str:
    return f"{key}:counting"


def _claim(key: str, now: datetime) -> bool:
    """Whether this request may recount `key`: it holds the claim row (unique key) now."""
    claim = _counting(key)
    try:
        with transaction.atomic():
            Snapshot.objects.create(key=claim, taken_at=now, payload={})
        return True
    except IntegrityError:  # held: taken over only if it is stale
        return bool(
            Snapshot.objects.filter(key=claim, taken_at__lte=now - COUNTING_TIMEOUT).update(
                taken_at=now
            )
        )


def asked_fresh(request) -> bool:
    return request.GET.get(FRESH) == "1"


def note(request, taken_at: datetime | None, unit: OrgUnit | None = None) -> dict | None:
    """What `_snapshot.html` shows under a remembered count: when it was counted, how long
    counts are reused, and the 重新统计 link (this page, its filters kept, counted now)."""
    minutes = reuse_minutes(unit)
    if taken_at is None or not minutes:  # counted live
        return None
    query = request.GET.copy()
    query[FRESH] = "1"
    scope = "本镇" if unit is not None and unit.kind == OrgUnit.Kind.TOWN else "全县"
    href = "?" + query.urlencode()
    return {"taken_at": taken_at, "minutes": minutes, "href": href, "scope": scope}


def prune(before: datetime) -> int:
    """Delete snapshots counted before `before` (`fazhi tick`); how many."""
    deleted, _ = Snapshot.objects.filter(taken_at__lt=before).delete()
    return deleted
