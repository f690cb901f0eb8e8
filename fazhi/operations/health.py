"""/healthz for a monitor: database reachable, migrations applied, disk space, last
backup's age. Booleans and numbers only (no data, no names); no login; 503 when any
check fails."""

from __future__ import annotations

import os
import time

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from fazhi.core import clock

from . import locations
from .models import BackupRun
from .params import MAX_AGE_DAYS

# Reading the migration graph costs ~0.1 s: once a minute per process is enough.
_MIGRATIONS_TTL = 60.0
_migrations_cache: dict = {}


def _pending_migrations() -> int:
    now = time.monotonic()
    if _migrations_cache.get("until", 0) > now:
        return _migrations_cache["pending"]
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrations_cache.update(pending=pending, until=now + _MIGRATIONS_TTL if not pending else 0)
    return pending


def min_free_mb() -> int:
    return int(os.environ.get("FAZHI_HEALTH_MIN_FREE_MB", "1024"))


def backups_expected() -> bool:
    """Production, or a backup folder configured: then a missing backup is a failure."""
    return bool(settings.PRODUCTION or locations.default_backup_root())


def backup_age_hours() -> float | None:
    last = BackupRun.objects.order_by("-finished_at").values_list("finished_at", flat=True).first()
    if last is None:
        return None
    return round((clock.wall_now() - last).total_seconds() / 3600, 1)


def max_age_days() -> int:
    from fazhi.core.models import OrgUnit

    county = OrgUnit.objects.filter(kind=OrgUnit.Kind.COUNTY).order_by("code").first()
    return MAX_AGE_DAYS.value(county)


def checks() -> dict:
    out = {}
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
        out["database"] = {"ok": True}
    except Exception:  # noqa: BLE001 - any failure to reach the database is the answer
        out["database"] = {"ok": False}
        return out
    try:
        pending = _pending_migrations()
        out["migrations"] = {"ok": pending == 0, "pending": pending}
    except Exception:  # noqa: BLE001
        out["migrations"] = {"ok": False, "pending": None}
    free = locations.disk_free(settings.DATA_DIR) // (1 << 20)
    out["disk"] = {"ok": free >= min_free_mb(), "free_mb": free, "min_free_mb": min_free_mb()}
    try:
        age, limit = backup_age_hours(), max_age_days() * 24
    except Exception:  # noqa: BLE001 - tables missing until migrated
        age, limit = None, MAX_AGE_DAYS.default * 24
    if age is None:
        out["backup"] = {"ok": not backups_expected(), "age_hours": None, "max_age_hours": limit}
    else:
        out["backup"] = {"ok": age <= limit, "age_hours": age, "max_age_hours": limit}
    return out


@never_cache
@require_GET
def healthz(request):
    result = checks()
    healthy = all(c["ok"] for c in result.values()) and "migrations" in result
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", "checks": result},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )
