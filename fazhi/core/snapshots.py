"""County-wide counts, remembered for a few minutes (issues 8 and 15).

A town's figures are counted live on every request: at county scale they take well under
the dashboard's 300 ms. A county's are the same aggregates over thirty towns' records,
about a second of SQL for a county-year at factor 1.0 on either database, and no index
shortens a count that must read every row. Per-period counters kept by every write path
of every app would make that fast too, at the price of a second truth that each service
has to keep right. Instead a county's answer is stored after it is counted and reused
for `SNAPSHOT_MINUTES`; pages say when it was counted ("数据截至 …") and offer 重新统计,
which counts at once. Rows are keyed on the business day too, so a count that depends on
today (overdue, on time) is never carried into the next day.

    figures, taken_at = snapshots.remembered(
        f"figures:{county.pk}:{year}", lambda: collect(county, start, end),
        dump=..., load=..., fresh=request_asked_for_fresh,
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


def applies(unit: OrgUnit) -> bool:
    """Whether `unit`'s counts are remembered: a county's (a town's are live)."""
    return unit.kind == OrgUnit.Kind.COUNTY


def remembered(
    key: str,
    count: Callable[[], T],
    *,
    dump: Callable[[T], Any] = lambda value: value,
    load: Callable[[Any], T] = lambda payload: payload,
    fresh: bool = False,
    unit: OrgUnit | None = None,
) -> tuple[T, datetime]:
    """`count()`'s answer and when it was counted: the stored one if it was counted today
    within the last SNAPSHOT_MINUTES (read for `unit`), else counted now and stored. `dump`
    turns the answer into JSON, `load` turns that back.

    One request recounts an expired answer; the others meanwhile get the expired one, with
    its own time (the page says when it was counted). A county's count takes seconds of
    CPU: under load, every supervisor's click counting it again at once held the 2 cores
    for minutes (the soak's worst minutes)."""
    now = clock.wall_now()
    key = f"{key}:{clock.today().isoformat()}"
    minutes = int(SNAPSHOT_MINUTES.value(unit))
    if not minutes:  # the county counts live: nothing to keep
        return count(), now
    claimed = False
    if not fresh:
        row = Snapshot.objects.filter(key=key).values_list("taken_at", "payload").first()
        if row is not None and row[0] > now - timedelta(minutes=minutes):
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
    minutes = int(SNAPSHOT_MINUTES.value(unit))
    if taken_at is None or not minutes:  # counted live
        return None
    query = request.GET.copy()
    query[FRESH] = "1"
    return {"taken_at": taken_at, "minutes": minutes, "href": "?" + query.urlencode()}


def prune(before: datetime) -> int:
    """Delete snapshots counted before `before` (`fazhi tick`); how many."""
    deleted, _ = Snapshot.objects.filter(taken_at__lt=before).delete()
    return deleted
