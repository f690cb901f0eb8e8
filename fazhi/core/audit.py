"""The audit trail (architecture rule 6): append-only, hash-chained.

`record()` is the only writer. Each event's hash covers its own fields and the hash of
the event before it; the database refuses UPDATE and DELETE (triggers in migration
0002), and `verify()` recomputes the chain to find the first row that was altered.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, timedelta

from django.conf import settings
from django.db import connection, transaction

from fazhi.core import clock

from .middleware import current_request_context
from .models import AuditEvent, AuditPrunePermit
from .verbs import VERB_LABELS, verb_label  # noqa: F401 - apps and pages use audit.*

GENESIS = "0" * 64

# The Chinese names of the verbs live in .verbs (the models read them too).
# Constant key for PostgreSQL's advisory lock that serialises appends to the chain.
_PG_LOCK_KEY = 7_245_831_001


def _payload(e: AuditEvent) -> str:
    data = {
        "occurred_at": e.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": e.actor_id,
        "actor_name": e.actor_name,
        "verb": e.verb,
        "object_type": e.object_type,
        "object_id": e.object_id,
        "object_repr": e.object_repr,
        "org_unit_id": e.org_unit_id,
        "changes": e.changes,
        "result": e.result,
        "ip": e.ip,
        "request_id": e.request_id,
        "prev_hash": e.prev_hash,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def compute_hash(e: AuditEvent) -> str:
    return hashlib.sha256(_payload(e).encode()).hexdigest()


def _text(value, limit: int | None = None) -> str:
    # PostgreSQL text and JSON cannot hold NUL, and a column's length is a hard limit
    # there: a junk value must not make the event (and the write it records) fail.
    value = str(value).replace("\x00", "\ufffd")
    return value[:limit] if limit else value


def _jsonable(value):
    if isinstance(value, dict):
        return {_text(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return _text(value)


def record(
    *,
    verb: str,
    actor=None,
    obj=None,
    org_unit=None,
    changes: dict | None = None,
    result: str = AuditEvent.Result.SUCCESS,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    actor_name: str = "",
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction if there is one."""
    ctx = current_request_context()
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:200]
        if org_unit is None:
            org_unit = getattr(obj, "org_unit", None)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])
        # SQLite: IMMEDIATE transactions already hold the one write lock here.
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event = AuditEvent(
            occurred_at=clock.wall_now(),
            actor=actor,
            actor_name=_text(actor_name or (actor.get_username() if actor else ""), 150),
            verb=verb,
            object_type=_text(object_type, 64),
            object_id=_text(object_id, 64),
            object_repr=_text(object_repr, 200),
            org_unit=org_unit,
            changes=_jsonable(changes or {}),
            result=result,
            ip=ctx.get("ip", ""),
            request_id=ctx.get("request_id", ""),
            prev_hash=last or GENESIS,
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
    return event


def diff(before: dict, after: dict) -> dict:
    """Before/after of the fields that changed, as stored in `changes`."""
    return {
        k: {"before": before.get(k), "after": after.get(k)}
        for k in sorted(set(before) | set(after))
        if before.get(k) != after.get(k)
    }


def verify(batch: int = 2000) -> AuditEvent | None:
    """Recompute the chain in id order; return the first broken event, or None when intact.

    After a prune the first remaining event's prev_hash is the anchor."""
    prev = None
    last_id = 0
    while True:
        rows = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch])
        if not rows:
            return None
        for e in rows:
            if prev is not None and e.prev_hash != prev:
                return e
            if compute_hash(e) != e.hash:
                return e
            prev = e.hash
            last_id = e.id


class PruneRefused(Exception):
    pass


def prune(*, older_than_days: int, actor=None) -> int:
    """Delete events older than `older_than_days`; refuses anything under the floor."""
    floor = settings.FAZHI_AUDIT_MIN_RETENTION_DAYS
    if older_than_days < floor:
        raise PruneRefused(f"审计记录至少保存{floor}天(等保2.0),不能清理{older_than_days}天内的记录")
    cutoff = clock.wall_now() - timedelta(days=older_than_days)
    with transaction.atomic():
        permit = AuditPrunePermit.objects.create()
        count, _ = AuditEvent.objects.filter(occurred_at__lt=cutoff).delete()
        permit.delete()
        record(
            verb="audit.prune",
            actor=actor,
            changes={"older_than_days": older_than_days, "deleted": count},
        )
    return count
