"""`fazhi rowcounts`: rows per model table as JSON, the same list on SQLite and
PostgreSQL, to check a move between them (docs/install.md): run it before dumpdata on
the old database and after loaddata on the new one; the two outputs must be equal."""

import json

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection

# Not moved (see docs/install.md): rebuilt by migrate, or sessions nobody needs.
SKIPPED = {"django_content_type", "auth_permission", "django_session"}


def row_counts() -> dict[str, int]:
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    existing = set(connection.introspection.table_names())
    out = {}
    with connection.cursor() as cur:
        for table in sorted((tables & existing) - SKIPPED):
            cur.execute(f'SELECT COUNT(*) FROM "{table}"')
            out[table] = cur.fetchone()[0]
    return out


class Command(BaseCommand):
    requires_system_checks = []
    help = "按数据表输出行数(JSON),用于核对 SQLite 与 PostgreSQL 之间的迁移"

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(row_counts(), ensure_ascii=False, indent=1, sort_keys=True))
