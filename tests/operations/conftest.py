import sqlite3

import pytest
from django.db import connection, connections

from .live import ENGINE, Sites, _pg_admin


@pytest.fixture(scope="session")
def sites(tmp_path_factory, django_db_setup, django_db_blocker):
    """Sites for the drills. The template is a copy of this run's migrated test database
    when pytest-django made one (any test of the run that uses `db` makes it; this
    module's in-process tests do), else it is migrated in a subprocess (slow: ~15 s)."""

    def copy_test_db(site) -> bool:
        with django_db_blocker.unblock():
            name = connection.settings_dict["NAME"]
            is_test_db = "memorydb" in name if ENGINE == "sqlite" else name.startswith("test_")
            if not is_test_db or connection.in_atomic_block:
                return False
            if ENGINE == "sqlite":
                connection.ensure_connection()
                dst = sqlite3.connect(site.data / "fazhi.sqlite3")
                connection.connection.backup(dst)
                dst.close()
            else:
                connections.close_all()  # TEMPLATE needs the source without sessions
                _pg_admin(f'CREATE DATABASE "{site.db}" TEMPLATE "{name}"')
            return True

    made = Sites(tmp_path_factory.mktemp("operations-sites"), copy_test_db)
    yield made
    made.close()
