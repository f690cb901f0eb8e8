"""The system administrator's workbench: how old the last backup is (red after
operations.backup_max_age_days, 2 days by default)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem
from fazhi.core.roles import Role

from .health import backups_expected, max_age_days
from .models import BackupRun

CATEGORY = "数据备份"


def pending_items(user, today) -> list[PendingItem]:
    if not (user.is_authenticated and user.has_role(Role.SYS_ADMIN)):
        return []
    last = BackupRun.objects.order_by("-finished_at").values_list("finished_at", flat=True).first()
    url = reverse("operations:backup_list")
    if last is None:
        level = "danger" if backups_expected() else "warning"
        return [
            PendingItem(
                "尚无数据备份:请运行 fazhi backup 或设置 FAZHI_BACKUP_DIR",
                CATEGORY,
                None,
                url,
                "",
                level,
                url,
            )
        ]
    day = timezone.localtime(last).date()
    due = day + timedelta(days=max_age_days())
    age = (today - day).days
    title = f"最近一次备份:{day.isoformat()}({age}天前)"
    level = "danger" if today > due else ("warning" if today == due else "info")
    return [PendingItem(title, CATEGORY, due, url, "", level, url)]
