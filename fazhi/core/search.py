"""Chinese full-text search, one function for both databases.

`?q=海屿` used to be `LIKE '%海屿%'` over every row in scope: a full scan, fine for a town,
not for a county's million records. Chinese has no spaces, and most searches are two
characters (a place, a surname, 合同), which a trigram index cannot serve. So a searchable
record keeps a `search` column of its text's overlapping character pairs ("海屿镇渔港" →
"海屿 屿镇 镇渔 渔港"), and the database indexes those pairs as words:

- SQLite: an FTS5 table over the column (external content, kept by triggers, so bulk
  inserts are indexed too);
- PostgreSQL: a GIN index on `to_tsvector('simple', search)`.

A query's pairs must all be present (the index narrows to a few candidates), then the
record's own text must contain the query as typed (letters in any case), so the results
are exactly those of a `LIKE` (the pairs only make it fast). A one-character query has no pair and falls back to
`LIKE` on the pairs column, still correct.

A model opts in with `SearchableMixin` (`search_fields`), a `search` TextField and the
migration operation `search_index(table)`.
"""

from __future__ import annotations

import re

from django.db import connection, migrations, models
from django.db.models import Q
from django.db.models.expressions import RawSQL

# A run of letters, digits or CJK characters; everything else separates runs.
_RUN = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def pairs(text: str) -> list[str]:
    """The overlapping character pairs of every run in `text`, lower-cased, in order
    without repeats; a one-character run stands for itself."""
    seen: dict[str, None] = {}
    for run in _RUN.findall((text or "").lower()):
        grams = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        for gram in grams:
            seen.setdefault(gram, None)
    return list(seen)


class SearchableMixin(models.Model):
    """Keeps `search` (the pairs of `search_fields`) on every save; bulk writers call
    `fill_search()` themselves."""

    search_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_search()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(self.search_fields):
            kwargs["update_fields"] = {*update_fields, "search"}
        super().save(*args, **kwargs)

    def fill_search(self) -> None:
        self.search = " ".join(
            pairs(" ".join(str(getattr(self, f) or "") for f in self.search_fields))
        )


def search_q(model, query: str) -> Q:
    """The records of `model` whose searched text contains `query` (as typed)."""
    query = (query or "").strip()
    grams = [g for g in pairs(query) if len(g) == 2]
    exact = Q()
    for field in model.search_fields:
        exact |= Q(**{f"{field}__icontains": query})
    if not grams:
        return exact
    return Q(pk__in=RawSQL(*candidates_sql(model, grams))) & exact


def candidates_sql(model, grams: list[str]) -> tuple[str, list]:
    """The ids whose pairs include all of `grams`, answered by the search index alone."""
    table = model._meta.db_table
    if connection.vendor == "postgresql":
        sql = (f"SELECT id FROM {table} "  # noqa: S608 - table name from the model, grams are bound
               f"WHERE to_tsvector('simple', search) @@ to_tsquery('simple', %s)")  # fmt: skip
        return sql, [" & ".join(grams)]
    sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s"  # noqa: S608
    return sql, [" ".join(f'"{g}"' for g in grams)]


def _create_index(apps, schema_editor, table: str) -> None:
    run = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        run(f"CREATE INDEX {table}_search_gin ON {table} USING gin (to_tsvector('simple', search))")
        return
    run(
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5(search, content='{table}', content_rowid='id')"
    )
    run(f"INSERT INTO {table}_fts(rowid, search) SELECT id, search FROM {table}")
    run(f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {table}_fts(rowid, search) VALUES (new.id, new.search); END")  # fmt: skip
    run(f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search) VALUES ('delete', old.id, old.search); END")  # fmt: skip
    run(f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search) VALUES ('delete', old.id, old.search); "
        f"INSERT INTO {table}_fts(rowid, search) VALUES (new.id, new.search); END")  # fmt: skip


def _drop_index(apps, schema_editor, table: str) -> None:
    run = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        run(f"DROP INDEX IF EXISTS {table}_search_gin")
        return
    for suffix in ("ai", "ad", "au"):
        run(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
    run(f"DROP TABLE IF EXISTS {table}_fts")


def search_index(table: str) -> migrations.RunPython:
    """The migration step that builds the search index of `table` on either database."""
    return migrations.RunPython(
        lambda apps, editor: _create_index(apps, editor, table),
        lambda apps, editor: _drop_index(apps, editor, table),
    )
