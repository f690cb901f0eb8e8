"""Worker memory for what every page reads first and almost nothing writes (issue 15).

Before its own work, every logged-in page reads the person, their memberships, the ids of
their subtree and the parameters in force. These change a few times a day; on PostgreSQL
each read is a round trip that costs the database's share of the two cores, and together
they were four of a detail page's ten statements.

The database keeps one number, the epoch (`core.models.Epoch`). Triggers on the four
tables behind those reads (migration 0011) give it a new random value in the same
transaction as any write to them, by whatever path: a service, a bulk insert, the admin,
a hand-run UPDATE. The session store reads the epoch in the statement that reads the
session (`core.sessions`); what a request then reads is kept in this worker's memory
under that epoch, and a later request with the same epoch takes it from there. Any write
changes the epoch, so every worker reads afresh on its next request: nothing is ever
served that the database no longer says.

The API's token lookup reads it the same way (`as_subquery`). Only a GET or HEAD outside a
transaction uses it. A request that writes reads fresh, so it sees its own change (its
epoch was read before the write). Reads inside a transaction might see rows that are later
rolled back, and are not remembered. Without an epoch (commands, tests that call functions
directly) everything is read as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import connection

from .middleware import current_request_context

T = TypeVar("T")

# The one row migration 0011 writes and its triggers update.
ROW = 1

# How long an entry may sit unused before the worker forgets it. A changed epoch is the
# real expiry; this only bounds the memory of epochs that are gone.
SECONDS = 15 * 60
_MISSING = object()


def as_sql(quote) -> str:
    """The epoch as a scalar subquery, for a statement written by hand (core.sessions)."""
    return f"(SELECT {quote('value')} FROM {quote('core_epoch')} WHERE {quote('id')} = {ROW})"


def as_subquery():
    """The epoch as an ORM subquery, to annotate a lookup every request makes anyway."""
    from django.apps import apps
    from django.db.models import Subquery

    # By the registry, not `from .models import Epoch`: models import scoping, which
    # imports this module, and the import graph keeps core free of cycles.
    Epoch = apps.get_model("core", "Epoch")
    return Subquery(Epoch.objects.filter(pk=ROW).values("value"))


def note(value: int | None) -> None:
    """Called by the session store with the epoch it read: the request may use it if it
    only reads."""
    context = current_request_context()
    if context and value is not None and context.get("method") in ("GET", "HEAD"):
        context["epoch"] = value


def current() -> int | None:
    """The request's epoch, or None when nothing may be taken from memory now."""
    value = current_request_context().get("epoch")
    if value is None or connection.in_atomic_block:
        return None
    return value


def remembered(kind: str, key: str, read: Callable[[], T]) -> T:
    """`read()`, or what it returned under the request's epoch in this worker. The value is
    stored pickled (Django's local-memory cache): each request gets its own copy to change."""
    epoch = current()
    if epoch is None:
        return read()
    store = caches["worker"]
    name = f"{kind}:{epoch}:{key}"
    found = store.get(name, _MISSING)
    if found is _MISSING:
        found = read()
        store.set(name, found, SECONDS)
    return found

