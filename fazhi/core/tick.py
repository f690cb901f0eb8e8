"""`fazhi tick` for core: drop the remembered county counts of earlier days (each is keyed
on its business day, so none of them is read again)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from . import snapshots


def run(today: date) -> list[str]:
    start = timezone.make_aware(datetime.combine(today, time.min))
    deleted = snapshots.prune(start)
    return [f"清理往日汇总快照{deleted}条"] if deleted else []
