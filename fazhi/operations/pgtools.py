"""pg_dump / pg_restore for the configured PostgreSQL database."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from .errors import OperationsRefused


def binary(name: str) -> str:
    """FAZHI_PG_BIN, else PATH, else the newest /usr/lib/postgresql/*/bin."""
    if os.environ.get("FAZHI_PG_BIN"):
        return str(Path(os.environ["FAZHI_PG_BIN"]) / name)
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not candidates:
        raise OperationsRefused(f"未找到 {name}:请安装 PostgreSQL 客户端(postgresql-client)")
    return candidates[-1]


def conn_args(settings_dict: dict) -> tuple[list[str], dict]:
    args = ["-d", settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["-h", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["-p", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["-U", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def run(name: str, args: list[str], env: dict) -> None:
    result = subprocess.run([binary(name), *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise OperationsRefused(f"{name} 执行失败:{result.stderr.strip()[-500:]}")
