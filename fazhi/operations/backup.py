"""`fazhi backup`: a consistent copy of the database and the uploaded files, taken while
the server keeps writing, with a manifest that restore checks everything against.

SQLite: the sqlite3 online-backup API copies every page inside one read transaction
(WAL lets writers go on). PostgreSQL: one REPEATABLE READ transaction exports its
snapshot; pg_dump -Fc dumps exactly that snapshot and the manifest's counts and
checksums are read in it. The backup is written under a hidden name and renamed into
place only when complete, so a half-written backup never looks like a backup."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from fazhi.core import audit, clock

from . import locations, pgtools
from .errors import OperationsRefused
from .fingerprint import fingerprints
from .models import BackupRun

FORMAT = 1
NAME_RE = re.compile(r"^fazhi-(\d{8})-(\d{6})(?:-\d+)?$")
DB_FILES = {"sqlite": "db.sqlite3", "postgresql": "db.pgdump"}


def fazhi_version() -> str:
    try:
        return version("fazhi")
    except PackageNotFoundError:  # pragma: no cover - always installed (pip -e)
        return "0"


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    notices: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _state(cur) -> tuple[list[str], dict]:
    """Applied migrations and the audit chain's head, read in the backup's snapshot."""
    cur.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations = [f"{a}.{n}" for a, n in cur.fetchall()]
    cur.execute("SELECT id, hash FROM core_auditevent ORDER BY id DESC LIMIT 1")
    head = cur.fetchone()
    cur.execute("SELECT COUNT(*) FROM core_auditevent")
    return migrations, {
        "id": head[0] if head else None,
        "hash": head[1] if head else audit.GENESIS,
        "events": cur.fetchone()[0],
    }


def _sqlite_copy(target: Path) -> dict:
    source = locations.sqlite_path()
    if not source.exists():
        raise OperationsRefused(f"数据库文件不存在:{source}")
    try:
        src = sqlite3.connect(source, timeout=60)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)  # all pages in one step: one consistent read transaction
        src.close()
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        check = dst.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise OperationsRefused(
                "数据库文件已损坏(SQLite integrity_check:"
                f"{'; '.join(r[0] for r in check[:3])}),未生成备份;请先修复或用上一份备份恢复"
            )
        cur = dst.cursor()
        tables = fingerprints(cur, "sqlite")
        migrations, head = _state(cur)
        dst.close()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "disk" in str(exc).lower():
            raise OSError(errno.ENOSPC, str(exc)) from exc
        raise OperationsRefused(f"数据库文件已损坏或不是 SQLite 数据库({exc}),未生成备份") from exc
    return {"tables": tables, "migrations": migrations, "audit_head": head}


def _pg_dump(target: Path) -> dict:
    settings_dict = connection.settings_dict
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        cur = raw.cursor()
        cur.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cur.execute("SELECT pg_export_snapshot()")
        snapshot = cur.fetchone()[0]
        args, env = pgtools.conn_args(settings_dict)
        pgtools.run("pg_dump", ["-Fc", f"--snapshot={snapshot}", "-f", str(target), *args], env)
        tables = fingerprints(cur, "postgresql")
        migrations, head = _state(cur)
        cur.execute("COMMIT")
    finally:
        raw.close()
    return {"tables": tables, "migrations": migrations, "audit_head": head}


def _copy_uploads(dest: Path) -> dict[str, str]:
    """Copy every uploaded file, hashing it as it is written. Uploads are stored under
    random names and never changed in place, so a copy after the database snapshot holds
    every file the snapshot names."""
    src_root = locations.uploads_dir()
    files = {}
    if not src_root.exists():
        return files
    for src in sorted(p for p in src_root.rglob("*") if p.is_file()):
        rel = src.relative_to(src_root).as_posix()
        out = dest / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        try:
            with src.open("rb") as fin, out.open("wb") as fout:
                while chunk := fin.read(1 << 20):
                    h.update(chunk)
                    fout.write(chunk)
        except FileNotFoundError:  # removed (attachment deleted) while we copied
            out.unlink(missing_ok=True)
            continue
        files[f"uploads/{rel}"] = h.hexdigest()
    return files


def _estimate(eng: str) -> int:
    if eng == "sqlite":
        db = locations.sqlite_path()
        size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    else:
        with connection.cursor() as cur:
            cur.execute("SELECT pg_database_size(current_database())")
            size = cur.fetchone()[0] // 2  # custom format is compressed
    return int((size + locations.tree_size(locations.uploads_dir())) * 1.1) + (10 << 20)


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB"


def _new_dir(root: Path, now: datetime) -> Path:
    base = f"fazhi-{now:%Y%m%d-%H%M%S}"
    name, n = base, 1
    while (root / name).exists() or (root / f".{name}.partial").exists():
        n += 1
        name = f"{base}-{n}"
    return root / name


def take_backup(output: Path | None = None) -> BackupResult:
    """Back up into a new folder under `output` (or FAZHI_BACKUP_DIR), then apply the
    retention rule there. Refuses (OperationsRefused) with nothing left behind."""
    root = Path(output) if output else locations.default_backup_root()
    if root is None:
        raise OperationsRefused("请用 --output 指定备份目录,或设置环境变量 FAZHI_BACKUP_DIR")
    eng = locations.engine()
    need, free = _estimate(eng), locations.disk_free(root)
    if free < need:
        raise OperationsRefused(
            f"备份目录所在磁盘空间不足:约需 {_mb(need)},仅剩 {_mb(free)};未生成备份"
        )
    now = timezone.localtime(clock.wall_now())
    final = _new_dir(root, now)
    partial = final.with_name(f".{final.name}.partial")
    try:
        partial.mkdir(parents=True)
        db_file = partial / DB_FILES[eng]
        state = _sqlite_copy(db_file) if eng == "sqlite" else _pg_dump(db_file)
        files = {db_file.name: sha256_of(db_file)}
        files.update(_copy_uploads(partial / "uploads"))
        notices, _ = locations.key_notice()
        manifest = {
            "format": FORMAT,
            "fazhi_version": fazhi_version(),
            "engine": eng,
            "created_at": now.isoformat(),
            "database_file": db_file.name,
            **state,
            "files": files,
            "keys": {what: where for what, where in locations.key_locations()},
        }
        (partial / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
        )
        partial.rename(final)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise OperationsRefused(
                f"备份目录所在磁盘已满({root}),备份中止,未留下不完整的备份"
            ) from exc
        raise OperationsRefused(f"无法写入备份目录 {root}:{exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _record(final, manifest)
    return BackupResult(final, manifest, notices, removed=apply_retention(root))


def _record(path: Path, manifest: dict) -> None:
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    rows = sum(t["rows"] for t in manifest["tables"].values())
    with transaction.atomic():
        run = BackupRun.objects.create(
            finished_at=clock.wall_now(),
            path=str(path),
            engine=manifest["engine"],
            size_bytes=size,
            tables=len(manifest["tables"]),
            rows=rows,
            files=len(manifest["files"]) - 1,
        )
        audit.record(
            verb="operations.backup",
            actor_name="系统",
            obj=run,
            changes={"path": str(path), "rows": rows, "audit_head": manifest["audit_head"]["id"]},
        )


def _stamp(name: str) -> datetime | None:
    m = NAME_RE.match(name)
    return datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S") if m else None


def apply_retention(root: Path, keep_daily: int | None = None, keep_monthly: int | None = None):
    """Keep the newest backup of each of the last `keep_daily` days and of each of the
    last `keep_monthly` months; delete the other fazhi backups in `root` (only folders
    named fazhi-YYYYMMDD-HHMMSS with a manifest). Returns the deleted names."""
    from fazhi.core.models import OrgUnit

    from .params import KEEP_DAILY, KEEP_MONTHLY

    county = OrgUnit.objects.filter(kind=OrgUnit.Kind.COUNTY).order_by("code").first()
    daily = keep_daily if keep_daily is not None else KEEP_DAILY.value(county)
    monthly = keep_monthly if keep_monthly is not None else KEEP_MONTHLY.value(county)
    found = sorted(
        (
            (stamp, p)
            for p in root.iterdir()
            if (stamp := _stamp(p.name)) and (p / "manifest.json").exists()
        ),
        reverse=True,
    )
    keep, days, months = set(), [], []
    for stamp, path in found:
        day, month = stamp.date(), (stamp.year, stamp.month)
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(path)
        if month not in months and len(months) < monthly:
            months.append(month)
            keep.add(path)
    removed = []
    for _, path in found:
        if path not in keep:
            shutil.rmtree(path)
            removed.append(path.name)
    return removed
