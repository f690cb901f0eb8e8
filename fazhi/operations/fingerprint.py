"""Row counts and checksums of every table, the same way at backup and at restore.

A table's checksum is the sum (mod 2**256) of the SHA-256 of each row, so it does not
depend on the order rows come back in and needs no ORDER BY over millions of rows.
The values are read through a plain DB-API connection (sqlite3 or psycopg) both times,
so the same engine gives the same text for the same row. Across engines (a move from
SQLite to PostgreSQL) only the row counts are compared."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal

_MOD = 2**256


def _norm(value) -> str:
    if value is None:
        return "\x00N"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def table_names(cur, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cur.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    else:
        cur.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        )
    return [r[0] for r in cur.fetchall()]


def fingerprints(cur, vendor: str) -> dict[str, dict]:
    """{table: {"rows": n, "sha256": hex}} for every table the cursor's database holds."""
    out = {}
    for name in table_names(cur, vendor):
        cur.execute(f'SELECT * FROM "{name}"')
        total, rows = 0, 0
        while batch := cur.fetchmany(2000):
            for row in batch:
                text = "\x1f".join(_norm(v) for v in row)
                total = (total + int.from_bytes(hashlib.sha256(text.encode()).digest())) % _MOD
                rows += 1
        out[name] = {"rows": rows, "sha256": f"{total:064x}"}
    return out


def differences(expected: dict, found: dict, *, checksums: bool = True) -> list[str]:
    """Chinese lines naming each table whose rows differ from the manifest."""
    lines = []
    for name in sorted(set(expected) | set(found)):
        want, got = expected.get(name), found.get(name)
        if want is None or got is None:
            lines.append(f"表 {name}:{'清单中没有' if want is None else '恢复后缺失'}")
        elif want["rows"] != got["rows"]:
            lines.append(f"表 {name}:清单 {want['rows']} 行,恢复后 {got['rows']} 行")
        elif checksums and want["sha256"] != got["sha256"]:
            lines.append(f"表 {name}:行数相同但校验和不一致")
    return lines
