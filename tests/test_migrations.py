"""The models and the migration files agree: no change is waiting for a migration."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    """Given the models as they are, when `makemigrations --check --dry-run` runs, then it
    finds nothing to write (it exits with SystemExit(1) when it would)."""
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:
        pytest.fail(f"有模型改动缺少迁移文件,请运行 makemigrations:\n{out.getvalue()} ({exc})")
    assert "No changes detected" in out.getvalue()
