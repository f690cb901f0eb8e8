"""`fazhi <command>` starts quickly and speaks Chinese on a data directory that was never
migrated. Run in a fresh interpreter, as a person at the shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _fazhi(code: str, data_dir: Path, db: str | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "FAZHI_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "fazhi.settings",
    }
    env.pop("DATABASE_URL", None)  # the fresh SQLite file of data_dir, whatever the suite uses
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_a_never_migrated_data_directory_gets_a_chinese_message_not_a_traceback(tmp_path):
    run = _fazhi("import sys; sys.argv = ['fazhi', 'tick']; from fazhi.cli import main; main()",
                 tmp_path)  # fmt: skip
    assert run.returncode == 1
    assert "请先运行 fazhi migrate" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_command_loads_no_pages_no_api_schema_and_no_excel_library(tmp_path):
    migrate = (
        "import sys; sys.argv = ['fazhi', 'migrate', '-v0']; from fazhi.cli import main; main()"
    )
    assert _fazhi(migrate, tmp_path).returncode == 0
    code = (
        "import sys; sys.argv = ['fazhi', 'deadline', '2026-12-28', '5', 'workdays']\n"
        "from fazhi.cli import main; main()\n"
        "print(sorted(m for m in ('fazhi.urls', 'fazhi.api', 'openpyxl') if m in sys.modules))"
    )
    run = _fazhi(code, tmp_path)
    assert run.returncode == 0, run.stderr
    assert "2027-01-05" in run.stdout  # the answer, from the holiday rules alone
    assert run.stdout.strip().endswith("[]")
