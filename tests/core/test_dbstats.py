"""The planner's statistics follow the indexes (core.dbstats): an index a migration adds
to an analysed SQLite database gets statistics at once (after `migrate`, and in `fazhi
tick`), because without them SQLite takes it for a very selective one and plans a county's
list through it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from fazhi.core import dbstats

pytestmark = pytest.mark.django_db


def _stat_rows(index: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE idx = %s", [index])
        return cursor.fetchone()[0]


def test_a_new_index_of_an_analysed_table_is_analysed_by_tick(tree):
    if connection.vendor != "sqlite":  # PostgreSQL's autovacuum keeps its statistics
        assert dbstats.unanalysed_tables() == [] and dbstats.refresh() == []
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_orgunit")
        cursor.execute('CREATE INDEX "probe_orgunit_name" ON "core_orgunit" ("name")')
    assert dbstats.unanalysed_tables() == ["core_orgunit"]
    out = StringIO()
    call_command("tick", stdout=out)
    assert "更新查询统计信息:core_orgunit" in out.getvalue()
    assert _stat_rows("probe_orgunit_name") == 1 and dbstats.unanalysed_tables() == []


def test_a_table_never_analysed_is_left_to_sqlites_defaults(tree):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_orgunit")  # the database has statistics, this table has
        cursor.execute('CREATE INDEX "probe_membership_title" ON "core_membership" ("title")')
    assert "core_membership" not in dbstats.unanalysed_tables()
