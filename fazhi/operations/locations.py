"""Where a running fazhi keeps what a backup must hold, and what it must not (the keys)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection

CONFIRM_ENV = "FAZHI_KEY_BACKUP_CONFIRMED"


def engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def sqlite_path() -> Path:
    return Path(connection.settings_dict["NAME"])


def uploads_dir() -> Path:
    return Path(settings.MEDIA_ROOT)


def default_backup_root() -> Path | None:
    """FAZHI_BACKUP_DIR: the second disk backups go to; `fazhi tick` backs up only when
    it is set."""
    value = os.environ.get("FAZHI_BACKUP_DIR", "").strip()
    return Path(value) if value else None


def key_locations() -> list[tuple[str, str]]:
    """(what, where) of each secret the backup leaves out on purpose."""
    out = []
    for name, what in (
        ("FAZHI_FIELD_KEY", "个人信息加密密钥"),
        ("FAZHI_SECRET_KEY", "会话签名密钥"),
    ):
        where = (
            f"环境变量 {name}"
            if os.environ.get(name)
            else str(Path(settings.DATA_DIR) / name.lower())
        )
        out.append((what, where))
    return out


def key_notice() -> tuple[list[str], bool]:
    """Lines telling the administrator where the keys are, and whether to warn: the
    field key has no confirmed copy elsewhere until FAZHI_KEY_BACKUP_CONFIRMED=1 says
    someone put one away (e.g. printed and locked up, or on a second medium)."""
    lines = [f"{what}不在备份中,位于:{where}" for what, where in key_locations()]
    confirmed = os.environ.get(CONFIRM_ENV, "") in ("1", "true", "yes")
    if not confirmed:
        lines.append(
            "警告:未确认个人信息加密密钥另有副本。密钥丢失后,备份中的身份证号、电话等个人信息"
            f"将无法解密。请把密钥另存到离线介质并妥善保管,然后设置 {CONFIRM_ENV}=1。"
        )
    return lines, not confirmed


def disk_free(path: Path) -> int:
    while not path.exists():
        path = path.parent
    return shutil.disk_usage(path).free


def tree_size(path: Path) -> int:
    if not path.exists():
        return 0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
