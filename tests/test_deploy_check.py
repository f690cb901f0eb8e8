"""Production settings pass Django's deployment checklist with no warning at all
(quality battery #8: `check --deploy` has 0 warnings)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_check_deploy_has_no_warnings_in_production(tmp_path):
    """Given FAZHI_PRODUCTION=1, a long secret key and a real host name, when
    `manage.py check --deploy --fail-level WARNING` runs, then it exits 0 silently."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    env.pop("DATABASE_URL", None)
    env.update(
        FAZHI_PRODUCTION="1",
        FAZHI_SECRET_KEY="k7#Qz!v9Lr2@Xw8^Np4&Ts6*Hb1(Jd3)Mf5_Gc0+Yh-Ue=Ra~Wq%Zo",
        FAZHI_ALLOWED_HOSTS="fazhi.example.gov.cn",
        FAZHI_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="fazhi.settings",
    )
    assert len(env["FAZHI_SECRET_KEY"]) >= 50 and len(set(env["FAZHI_SECRET_KEY"])) >= 5

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output, output
    assert "System check identified some issues" not in output, output
    assert "System check identified no issues" in output, output
