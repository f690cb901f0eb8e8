"""`fazhi tick`: one backup a day when FAZHI_BACKUP_DIR is set (the second disk)."""

from __future__ import annotations

from django.utils import timezone

from . import locations
from .backup import take_backup
from .errors import OperationsRefused
from .models import BackupRun


def run(today) -> list[str]:
    root = locations.default_backup_root()
    if root is None:
        return []
    last = BackupRun.objects.order_by("-finished_at").values_list("finished_at", flat=True).first()
    if last is not None and timezone.localtime(last).date() >= today:
        return []  # today's backup exists: tick is idempotent
    try:
        result = take_backup(root)
    except OperationsRefused as exc:
        return [f"备份失败:{exc.message}"]
    lines = [f"已备份到 {result.path}"]
    if result.removed:
        lines.append("按保留规则删除旧备份:" + "、".join(result.removed))
    return lines
