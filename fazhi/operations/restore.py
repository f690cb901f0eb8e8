"""`fazhi restore DIR`: only into an empty database and an empty uploads folder.

Order: read the manifest, check every file's SHA-256, refuse a backup from a newer
fazhi (migrations this code does not know), refuse a non-empty target — all before
anything is written. Then install the database (SQLite: a copy renamed into place;
PostgreSQL: pg_restore in one transaction), compare every table's rows and checksum
with the manifest, copy the uploads, run pending migrations and verify the audit chain."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader

from fazhi.core import audit

from . import locations, pgtools
from .backup import DB_FILES, FORMAT, fazhi_version, sha256_of
from .errors import OperationsRefused
from .fingerprint import differences, fingerprints


@dataclass
class RestoreResult:
    manifest: dict
    tables: int
    rows: int
    files: int
    migrated: list[str] = field(default_factory=list)
    audit_events: int = 0


def read_manifest(folder: Path) -> dict:
    path = folder / "manifest.json"
    if not folder.is_dir():
        raise OperationsRefused(f"备份目录不存在:{folder}")
    if not path.exists():
        raise OperationsRefused(f"{folder} 中没有 manifest.json,不是 fazhi 备份,未恢复任何数据")
    try:
        manifest = json.loads(path.read_text())
        manifest["files"], manifest["tables"], manifest["engine"]  # noqa: B018 - shape check
    except (ValueError, KeyError, TypeError) as exc:
        raise OperationsRefused(f"manifest.json 已损坏({exc}),未恢复任何数据") from exc
    return manifest


def check_files(folder: Path, manifest: dict) -> None:
    """Every listed file present with its checksum; nothing listed missing."""
    bad = []
    for rel, digest in manifest["files"].items():
        path = folder / rel
        if not path.is_file():
            bad.append(f"{rel}(缺失)")
        elif sha256_of(path) != digest:
            bad.append(f"{rel}(校验和不一致)")
    if bad:
        shown = "、".join(bad[:5]) + (f" 等{len(bad)}个" if len(bad) > 5 else "")
        raise OperationsRefused(f"备份文件与清单不符:{shown};备份可能已损坏或被改动,未恢复任何数据")


def check_version(manifest: dict) -> None:
    known = set()
    for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations:
        known.add(f"{app}.{name}")
    unknown = sorted(m for m in manifest.get("migrations", []) if m not in known)
    if manifest.get("format", 0) > FORMAT or unknown:
        raise OperationsRefused(
            f"该备份来自较新版本的 fazhi({manifest.get('fazhi_version', '?')},当前 "
            f"{fazhi_version()}),含本程序不认识的数据库迁移"
            f"{'(' + '、'.join(unknown[:3]) + ')' if unknown else ''};请先升级程序再恢复"
        )


def check_target_empty(eng: str) -> None:
    if eng == "sqlite":
        path = locations.sqlite_path()
        if path.exists() and path.stat().st_size > 0:
            try:
                con = sqlite3.connect(path)
                n = con.execute("SELECT COUNT(*) FROM sqlite_master WHERE type='table'").fetchone()[
                    0
                ]
                con.close()
            except sqlite3.DatabaseError:
                n = 1
            if n:
                raise OperationsRefused(f"目标数据库 {path} 已有数据:恢复只写入空数据库,不会覆盖")
    elif connection.introspection.table_names():
        raise OperationsRefused(
            f"目标数据库 {connection.settings_dict['NAME']} 已有数据表:恢复只写入空数据库,不会覆盖"
        )
    uploads = locations.uploads_dir()
    if uploads.exists() and any(uploads.iterdir()):
        raise OperationsRefused(
            f"上传文件目录 {uploads} 不是空的:恢复只写入空目录,不会覆盖现有文件"
        )


def _check_sqlite_file(path: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        check = con.execute("PRAGMA integrity_check").fetchall()
        con.close()
    except sqlite3.DatabaseError as exc:
        check = [(str(exc),)]
    if check != [("ok",)]:
        raise OperationsRefused(f"备份中的 SQLite 数据库文件已损坏({check[0][0]}),未恢复任何数据")


def _install_sqlite(folder: Path, manifest: dict) -> dict:
    src = folder / manifest["database_file"]
    _check_sqlite_file(src)
    target = locations.sqlite_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    connections.close_all()
    tmp = target.with_name(target.name + ".restoring")
    shutil.copyfile(src, tmp)
    con = sqlite3.connect(tmp)
    found = fingerprints(con.cursor(), "sqlite")
    con.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, target)
    return found


def _install_pg(folder: Path, manifest: dict) -> dict:
    args, env = pgtools.conn_args(connection.settings_dict)
    src = folder / manifest["database_file"]
    try:
        # One transaction: a dump that fails halfway leaves the target database empty.
        pgtools.run(
            "pg_restore",
            [
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(src),
            ],
            env,
        )
    except OperationsRefused as exc:
        raise OperationsRefused(
            f"备份中的 PostgreSQL 导出文件无法恢复({exc.message[-300:]}),未恢复任何数据"
        ) from exc
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        found = fingerprints(raw.cursor(), "postgresql")
        raw.rollback()
    finally:
        raw.close()
    return found


def restore(folder: Path, *, stdout=None) -> RestoreResult:
    folder = Path(folder)
    manifest = read_manifest(folder)
    eng = locations.engine()
    if manifest["engine"] != eng or manifest.get("database_file") != DB_FILES.get(eng):
        raise OperationsRefused(
            f"该备份来自 {manifest['engine']} 数据库,当前配置为 {eng}:同种数据库之间才能直接恢复;"
            "在 SQLite 与 PostgreSQL 之间迁移请按 docs/install.md“迁移到 PostgreSQL”一节操作"
        )
    check_files(folder, manifest)
    check_version(manifest)
    check_target_empty(eng)
    found = _install_sqlite(folder, manifest) if eng == "sqlite" else _install_pg(folder, manifest)
    diff = differences(manifest["tables"], found)
    if diff:
        raise OperationsRefused("恢复后的数据与清单不符:" + ";".join(diff[:5]))
    uploads = locations.uploads_dir()
    if (folder / "uploads").exists():
        staging = uploads.with_name(uploads.name + ".restoring")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(folder / "uploads", staging)
        if uploads.exists():
            uploads.rmdir()  # checked empty above
        staging.rename(uploads)
    before = set(manifest.get("migrations", []))
    call_command("migrate", interactive=False, verbosity=0)
    with connection.cursor() as cur:
        cur.execute("SELECT app, name FROM django_migrations")
        migrated = sorted(f"{a}.{n}" for a, n in cur.fetchall() if f"{a}.{n}" not in before)
    broken = audit.verify()
    if broken is not None:
        raise OperationsRefused(f"审计日志哈希链校验失败(第 {broken.pk} 条),请勿使用该数据")
    audit.record(
        verb="operations.restore",
        actor_name="系统",
        object_type="backup",
        object_repr=folder.name,
        changes={"from": str(folder), "created_at": manifest.get("created_at")},
    )
    return RestoreResult(
        manifest=manifest,
        tables=len(found),
        rows=sum(t["rows"] for t in found.values()),
        files=len(manifest["files"]) - 1,
        migrated=migrated,
        audit_events=manifest["audit_head"]["events"],
    )
