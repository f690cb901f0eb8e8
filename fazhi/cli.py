"""The `fazhi` console command: manage.py with fazhi's settings."""

import os
import sys

NEVER_MIGRATED = "数据库尚未初始化(从未执行迁移):请先运行 fazhi migrate(或 make run)"


def never_migrated() -> bool:
    """Whether `migrate` never ran on the database (no django_migrations table): a fresh
    data directory."""
    from django.db import connection

    try:
        return "django_migrations" not in connection.introspection.table_names()
    except Exception:  # the database itself is unreachable: let the original error speak
        return False


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    try:
        execute_from_command_line(["fazhi", *sys.argv[1:]])
    except (OperationalError, ProgrammingError):
        # A fresh data directory answers "no such table" from deep inside a command;
        # say what to do instead of showing a traceback.
        if never_migrated():
            sys.stderr.write(NEVER_MIGRATED + "\n")
            sys.exit(1)
        raise


if __name__ == "__main__":  # `python -m fazhi.cli …` did nothing and exited 0
    main()
