"""`fazhi backup` and `fazhi restore` on a real data folder (and, on PostgreSQL, a
database of its own), with every refusal of the issue's "Bad input": nothing
overwritten, a Chinese message, exit status ≠ 0."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from fazhi.operations.backup import sha256_of

from .live import ENGINE

# Subprocesses and servers use databases of their own; the marker (transactional: no
# transaction is left open while the session's template is copied from the test
# database) keeps these tests in the PostgreSQL pass (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


COUNT_TABLES = ("core_user", "core_auditevent", "inspections_inspection", "core_statuschange")


def _counts(site) -> dict:
    return {t: site.scalar(f"SELECT COUNT(*) FROM {t}") for t in COUNT_TABLES}


def _backup(site, out):
    result = site.fazhi("backup", "--output", str(out), check=True)
    (folder,) = [p for p in out.iterdir() if p.name.startswith("fazhi-")]
    return folder, result.stdout


def test_backup_then_restore_gives_the_same_data_files_and_chain(sites, tmp_path):
    site = sites.seeded()
    upload = site.data / "uploads" / "ab" / "f1.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.4 drill")
    before = _counts(site)
    folder, out = _backup(site, tmp_path / "backups")
    assert "备份完成" in out and "审计日志" in out
    # The keys stay out of the backup, and the command says where they are.
    assert "个人信息加密密钥不在备份中,位于:环境变量 FAZHI_FIELD_KEY" in out
    assert "警告:未确认个人信息加密密钥另有副本" in out
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["engine"] == ENGINE
    assert manifest["files"]["uploads/ab/f1.pdf"] == sha256_of(upload)
    assert manifest["tables"]["inspections_inspection"]["rows"] == before["inspections_inspection"]
    assert "core.0002_audit_append_only" in manifest["migrations"]
    assert manifest["audit_head"]["events"] == before["core_auditevent"]
    assert not any("key" in p.name for p in folder.rglob("*"))

    target = sites.empty()
    result = target.fazhi("restore", str(folder))
    assert result.returncode == 0, result.stderr
    assert "与清单的行数和校验和一致" in result.stdout and "审计日志校验通过(OK)" in result.stdout
    restored = _counts(target)
    # The restore records itself in the audit trail: one event more, nothing else.
    assert restored == {**before, "core_auditevent": before["core_auditevent"] + 1}
    assert (target.data / "uploads" / "ab" / "f1.pdf").read_bytes() == b"%PDF-1.4 drill"
    # Personal data still decrypts: the same key (kept outside) opens the restored data.
    phone = target.shell(
        "from fazhi.core.models import User; print(User.objects.get(username='officer').phone)"
    )
    assert phone.strip() == "13800001234"
    assert target.fazhi("audit", "verify").stdout.strip() == "OK"

    # Bad input: a restore over a database that holds data is refused, nothing changes.
    again = target.fazhi("restore", str(folder))
    assert again.returncode != 0
    assert "已有数据" in again.stderr and "不会覆盖" in again.stderr
    assert _counts(target) == restored


def _restore_refused(sites, folder, words):
    target = sites.empty()
    result = target.fazhi("restore", str(folder))
    assert result.returncode != 0, result.stdout
    for word in words:
        assert word in result.stderr, result.stderr
    # Nothing was written: no uploads, and an empty database.
    assert not (target.data / "uploads").exists() or not any((target.data / "uploads").iterdir())
    if ENGINE == "sqlite":
        db = target.data / "fazhi.sqlite3"
        assert not db.exists() or db.stat().st_size == 0
    else:
        tables = target.shell(
            "from django.db import connection; print(len(connection.introspection.table_names()))"
        )
        assert tables.strip() == "0"
    return result


@pytest.fixture(scope="module")
def pristine_backup(sites, tmp_path_factory):
    site = sites.seeded()
    upload = site.data / "uploads" / "x.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.4 original")
    folder, _ = _backup(site, tmp_path_factory.mktemp("pristine"))
    return folder


@pytest.fixture
def backup_folder(pristine_backup, tmp_path):
    """A copy of one good backup, for a test to spoil."""
    return shutil.copytree(pristine_backup, tmp_path / pristine_backup.name)


def test_restore_refuses_files_that_do_not_match_the_manifest(sites, backup_folder):
    (backup_folder / "uploads" / "x.pdf").write_bytes(b"%PDF-1.4 altered!")
    _restore_refused(sites, backup_folder, ["备份文件与清单不符", "uploads/x.pdf(校验和不一致)"])


def test_restore_refuses_a_backup_from_a_newer_version(sites, backup_folder):
    path = backup_folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["migrations"].append("core.9999_from_the_future")
    manifest["fazhi_version"] = "9.0.0"
    path.write_text(json.dumps(manifest))
    _restore_refused(
        sites, backup_folder, ["较新版本", "core.9999_from_the_future", "请先升级程序"]
    )


def test_restore_refuses_a_folder_without_manifest(sites, tmp_path):
    (tmp_path / "junk").mkdir()
    _restore_refused(sites, tmp_path / "junk", ["没有 manifest.json"])


def test_restore_refuses_a_corrupted_database_file_even_when_its_checksum_was_updated(
    sites, backup_folder
):
    """Damage the manifest cannot see (its checksum rewritten to match): SQLite's
    integrity check, or pg_restore in one transaction, refuses it before anything stays."""
    name = "db.sqlite3" if ENGINE == "sqlite" else "db.pgdump"
    db = backup_folder / name
    raw = bytearray(db.read_bytes())
    middle = len(raw) // 2 if ENGINE == "postgresql" else 5000
    raw[middle : middle + 4000] = b"\xff" * 4000  # table pages / data, not the header
    db.write_bytes(bytes(raw))
    path = backup_folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["files"][name] = sha256_of(db)
    path.write_text(json.dumps(manifest))
    words = ["SQLite 数据库文件已损坏"] if ENGINE == "sqlite" else ["PostgreSQL 导出文件无法恢复"]
    _restore_refused(sites, backup_folder, [*words, "未恢复任何数据"])


def _corrupt_sqlite_then_back_up(sites, tmp_path):
    site = sites.seeded()
    db = site.data / "fazhi.sqlite3"
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(db.read_bytes())
    raw[len(raw) // 2 : len(raw) // 2 + 8192] = b"\x00\xff" * 4096
    db.write_bytes(bytes(raw))
    out = tmp_path / "b"
    result = site.fazhi("backup", "--output", str(out))
    assert result.returncode != 0
    assert "数据库文件已损坏" in result.stderr and "未生成备份" in result.stderr
    assert not out.exists() or not any(out.iterdir())


if ENGINE == "sqlite":  # a corrupted live database file is SQLite's case only

    def test_backup_refuses_a_corrupted_database_and_leaves_no_backup(sites, tmp_path):
        _corrupt_sqlite_then_back_up(sites, tmp_path)


def test_restore_refuses_a_backup_of_the_other_engine(sites, backup_folder):
    path = backup_folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["engine"] = "postgresql" if ENGINE == "sqlite" else "sqlite"
    path.write_text(json.dumps(manifest))
    _restore_refused(sites, backup_folder, ["同种数据库之间才能直接恢复", "docs/install.md"])


def test_restore_refuses_non_empty_uploads(sites, backup_folder):
    target = sites.empty()
    (target.data / "uploads").mkdir()
    (target.data / "uploads" / "keep.pdf").write_bytes(b"mine")
    result = target.fazhi("restore", str(backup_folder))
    assert (
        result.returncode != 0 and "上传文件目录" in result.stderr and "不会覆盖" in result.stderr
    )
    assert (target.data / "uploads" / "keep.pdf").read_bytes() == b"mine"
    assert not (target.data / "uploads" / "x.pdf").exists()
    shutil.rmtree(target.data / "uploads")


def test_tick_backs_up_once_a_day_when_a_backup_folder_is_configured(sites, tmp_path):
    site = sites.seeded()
    assert "备份" not in site.fazhi("tick", check=True).stdout  # not configured: nothing
    env = {"FAZHI_BACKUP_DIR": str(tmp_path / "second-disk")}
    first = site.fazhi("tick", env=env, check=True).stdout
    assert "已备份到" in first
    assert "已备份到" not in site.fazhi("tick", env=env, check=True).stdout  # idempotent
    assert len(list((tmp_path / "second-disk").iterdir())) == 1
    assert site.query("SELECT COUNT(*) FROM operations_backuprun") == [(1,)]
