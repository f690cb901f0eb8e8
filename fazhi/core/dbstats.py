"""The query planner's statistics kept in step with the indexes (SQLite).

SQLite plans from `sqlite_stat1`, which only ANALYZE writes. An index a migration adds to
an analysed database has no row there, and SQLite then guesses it very selective: after
the (org_unit, signed_on) index arrived, the county's contract list read 90,000 contracts
through it and sorted them (140 ms) instead of walking its order index (8 ms). So after
every `migrate`, and in `fazhi tick`, the tables with an index the statistics do not know
are analysed again (a table takes well under a second at county scale). A database never
analysed is left alone: without any statistics SQLite's defaults are consistent.
PostgreSQL's autovacuum keeps its own statistics."""

from __future__ import annotations

from django.db import connections


def unanalysed_tables(using: str = "default") -> list[str]:
    """Tables of an analysed SQLite database that have an index without statistics."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return []
        cursor.execute(
            "SELECT DISTINCT m.tbl_name FROM sqlite_master m WHERE m.type = 'index'"
            " AND m.tbl_name NOT LIKE 'sqlite_%'"
            " AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = m.name)"
            " AND EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = m.tbl_name)"
            " ORDER BY m.tbl_name"
        )
        return [row[0] for row in cursor.fetchall()]


def refresh(using: str = "default") -> list[str]:
    """ANALYZE each table `unanalysed_tables` names; the tables analysed."""
    tables = unanalysed_tables(using)
    if tables:
        with connections[using].cursor() as cursor:
            for table in tables:
                cursor.execute(f'ANALYZE "{table}"')
    return tables


def after_migrate(sender, using="default", **kwargs) -> None:
    refresh(using)
