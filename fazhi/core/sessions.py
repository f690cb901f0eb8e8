"""The database session store (SESSION_ENGINE), reading the session with one fixed SQL
statement instead of building it through the ORM on every request.

Every logged-in request reads its session row; Django's store compiles the same
`Session.objects.get(session_key=…, expire_date__gt=now)` each time, about ten times
the cost of running it. This store sends that statement directly: same table, same
condition (an expired session reads as none), same values adapted by the backend, so
logout, the idle timeout and its renewal (core.middleware.SessionRenewalMiddleware)
behave exactly as with Django's store. Writing (once a minute at most) stays Django's.
"""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.db import connections, router

from . import clock, epoch


class SessionStore(DbSessionStore):
    def _get_session_from_db(self):
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        # The epoch rides along (core.epoch): one round trip says both who is asking and
        # whether what this worker remembers of people and units still holds.
        sql = (
            f"SELECT {quote('session_data')}, {epoch.as_sql(quote)} "
            f"FROM {quote(model._meta.db_table)} "
            f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
        )
        # The real moment, as Django's store compares it (a pinned business day must not
        # expire or revive sessions).
        now = connection.ops.adapt_datetimefield_value(clock.wall_now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None  # as Django's: an unknown or expired key is dropped
            return None
        epoch.note(row[1])
        return model(session_key=self.session_key, session_data=row[0])
