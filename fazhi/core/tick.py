"""`fazhi tick` for core: drop the remembered county counts of earlier days (each is keyed
on its business day, so none of them is read again), and analyse any table whose index
the query planner has no statistics for (core.dbstats)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from . import dbstats, snapshots


def run(today: date) -> list[str]:
    start = timezone.make_aware(datetime.combine(today, time.min))
    done = []
    deleted = snapshots.prune(start)
    if deleted:
        done.append(f"清理往日汇总快照{deleted}条")
    analysed = dbstats.refresh()
    if analysed:
        done.append(f"更新查询统计信息:{'、'.join(analysed)}")
    return done
