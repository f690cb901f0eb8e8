"""The demo county, loaded once per test process and put back for each test that asks.

Loading the demo runs every app's services (some thousands of rows through the workflow,
the audit trail and the deadline service): tens of seconds, and many tests read it (each
app's figures, annual paragraphs, scale and calendar tests). So the first test that asks
loads it inside a transaction, the rows it added are read into memory, and the transaction
is rolled back; every test then re-inserts those rows inside its own transaction (rolled
back at its end, as any test's writes are) in a fraction of a second.

Only rows are copied: the search index (kept by triggers) follows the inserts, and the
foreign keys are deferred to the end of the transaction by Django on both databases, so
tables can be filled in any order. Uploaded files the demo writes stay in the test data
directory, which is shared by the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db import connection, transaction

# The day the demo is loaded on: late in the year, so the year's ledgers are full and the
# current open items are open. A test that reads the demo on another day loads its own.
DEMO_DAY = date(2026, 11, 30)


class _Rollback(Exception):
    pass


@dataclass
class Table:
    name: str
    columns: list[str]
    json_columns: list[str]
    rows: list[tuple]


def _tables() -> list[tuple[str, list[str], list[str]]]:
    """(table, columns, json columns) of every concrete table a model (or an m2m) owns."""
    seen, out = set(), []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in seen:
            continue
        if meta.db_table == "core_epoch":  # kept by triggers, like the search index
            continue
        seen.add(meta.db_table)
        fields = meta.local_concrete_fields
        json_cols = [f.column for f in fields if f.get_internal_type() == "JSONField"]
        out.append((meta.db_table, [f.column for f in fields], json_cols))
    return out


def _read(cursor, table: str, columns: list[str]) -> set[tuple]:
    q = connection.ops.quote_name
    cursor.execute(f"SELECT {', '.join(q(c) for c in columns)} FROM {q(table)}")
    return set(cursor.fetchall())


def capture(load) -> list[Table]:
    """Run `load()` in a transaction that is rolled back; return the rows it added."""
    captured: list[Table] = []
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            tables = _tables()
            before = {name: _read(cursor, name, cols) for name, cols, _ in tables}
            load()
            for name, cols, json_cols in tables:
                added = _read(cursor, name, cols) - before[name]
                if not added:
                    continue
                rows = sorted(added, key=lambda r: (r[0] is None, str(r[0])))
                captured.append(Table(name, cols, json_cols, rows))
            raise _Rollback
    except _Rollback:
        pass
    return captured


def restore(tables: list[Table]) -> None:
    """Insert the captured rows (inside the test's transaction) and move the id
    sequences past them, so the test's own records get fresh ids."""
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for t in tables:
            cols = ", ".join(q(c) for c in t.columns)
            # Django reads jsonb as its text; as a parameter that text would be stored
            # as one JSON string, so it is cast back.
            pg = connection.vendor == "postgresql"
            marks = ", ".join(
                "%s::jsonb" if pg and c in t.json_columns else "%s" for c in t.columns
            )
            cursor.executemany(f"INSERT INTO {q(t.name)} ({cols}) VALUES ({marks})", t.rows)
        if connection.vendor == "postgresql":
            for t in tables:
                if "id" in t.columns:
                    cursor.execute(
                        "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                        f"(SELECT MAX(id) FROM {q(t.name)}))",
                        [t.name],
                    )
