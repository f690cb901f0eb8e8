"""/healthz, the backup page, the workbench item, retention and the disk-full refusal
(in-process, on the test database)."""

from __future__ import annotations

import errno
import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.operations import backup, deadlines, locations
from fazhi.operations.backup import apply_retention, take_backup
from fazhi.operations.errors import OperationsRefused
from fazhi.operations.models import BackupRun

TZ = ZoneInfo("Asia/Shanghai")


def _run(finished_at):
    return BackupRun.objects.create(
        finished_at=finished_at,
        path="/backup/fazhi-x",
        engine="sqlite",
        size_bytes=1,
        tables=1,
        rows=1,
        files=0,
    )


@pytest.mark.django_db
def test_healthz_answers_without_login_and_without_data(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "migrations", "disk", "backup"}
    assert body["checks"]["migrations"] == {"ok": True, "pending": 0}
    assert response["Cache-Control"].startswith("max-age=0")
    # Booleans and numbers only: nothing a stranger could learn about the town.
    flat = json.dumps(body)
    assert "海屿" not in flat and "/" not in flat


@pytest.mark.django_db
def test_healthz_is_503_when_the_last_backup_is_too_old(client, monkeypatch, tmp_path):
    monkeypatch.setenv("FAZHI_BACKUP_DIR", str(tmp_path))
    body = client.get("/healthz")
    assert body.status_code == 503  # backups configured, none taken yet
    assert body.json()["checks"]["backup"] == {"ok": False, "age_hours": None, "max_age_hours": 48}
    _run(datetime.now(TZ) - timedelta(days=3))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["status"] == "unhealthy"
    assert response.json()["checks"]["backup"]["ok"] is False
    _run(datetime.now(TZ) - timedelta(hours=5))
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_is_503_when_the_disk_is_nearly_full(client, monkeypatch):
    monkeypatch.setattr(locations, "disk_free", lambda path: 100 << 20)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["disk"] == {"ok": False, "free_mb": 100, "min_free_mb": 1024}


@pytest.mark.django_db
def test_healthz_is_503_with_pending_migrations(client, monkeypatch):
    from fazhi.operations import health

    monkeypatch.setattr(health, "_pending_migrations", lambda: 2)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == {"ok": False, "pending": 2}


@pytest.mark.django_db
def test_workbench_turns_red_two_days_after_the_last_backup(people):
    _run(datetime(2026, 3, 2, 2, 0, tzinfo=TZ))
    (item,) = deadlines.pending_items(people.sys_admin, date(2026, 3, 3))
    assert item.level == "info" and item.title == "最近一次备份:2026-03-02(1天前)"
    assert item.due == date(2026, 3, 4) and item.list_url == reverse("operations:backup_list")
    assert deadlines.pending_items(people.sys_admin, date(2026, 3, 4))[0].level == "warning"
    assert deadlines.pending_items(people.sys_admin, date(2026, 3, 5))[0].level == "danger"
    # Only the system administrator sees it.
    assert deadlines.pending_items(people.officer, date(2026, 3, 5)) == []
    assert deadlines.pending_items(people.security_admin, date(2026, 3, 5)) == []


@pytest.mark.django_db
def test_workbench_warns_when_there_was_never_a_backup(people):
    (item,) = deadlines.pending_items(people.sys_admin, date(2026, 3, 3))
    assert item.title.startswith("尚无数据备份") and item.level == "warning"


@pytest.mark.django_db
def test_backup_page_is_the_system_administrators(login, people):
    client = login(people.sys_admin)
    _run(datetime(2026, 3, 2, 2, 0, tzinfo=TZ))
    page = client.get(reverse("operations:backup_list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "/backup/fazhi-x" in text and "个人信息加密密钥不在备份中" in text


def _fake_backup(root, stamp: str):
    folder = root / f"fazhi-{stamp}"
    folder.mkdir()
    (folder / "manifest.json").write_text("{}")
    return folder.name


@pytest.mark.django_db
def test_retention_keeps_n_daily_and_m_monthly(tmp_path):
    names = [
        _fake_backup(tmp_path, s)
        for s in (
            "20260105-020000",
            "20260131-020000",  # January: the 31st stays (monthly)
            "20260214-020000",
            "20260228-020000",  # February: the 28th stays
            "20260301-020000",
            "20260302-020000",
            "20260302-140000",  # two on 2 March
            "20260303-020000",
        )
    ]
    (tmp_path / "not-a-backup").mkdir()
    (tmp_path / "fazhi-20250101-000000").mkdir()  # no manifest: not ours to delete
    removed = apply_retention(tmp_path, keep_daily=3, keep_monthly=3)
    kept = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("fazhi-2026"))
    assert kept == [
        "fazhi-20260131-020000",
        "fazhi-20260228-020000",
        "fazhi-20260301-020000",
        "fazhi-20260302-140000",
        "fazhi-20260303-020000",
    ]
    assert sorted(removed) == sorted(set(names) - set(kept))
    assert (tmp_path / "not-a-backup").exists() and (tmp_path / "fazhi-20250101-000000").exists()


@pytest.mark.django_db
def test_backup_refuses_a_full_disk_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(locations, "disk_free", lambda path: 1 << 20)
    audit_before = AuditEvent.objects.count()
    with pytest.raises(OperationsRefused) as refused:
        take_backup(tmp_path / "b")
    assert (
        "备份目录所在磁盘空间不足" in refused.value.message
        and "未生成备份" in refused.value.message
    )
    assert not (tmp_path / "b").exists()
    assert BackupRun.objects.count() == 0 and AuditEvent.objects.count() == audit_before


@pytest.mark.django_db
def test_backup_that_fills_the_disk_midway_leaves_no_partial_backup(tmp_path, monkeypatch):
    def full(target):
        target.write_bytes(b"x" * 100)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_sqlite_copy", full)
    monkeypatch.setattr(backup, "_pg_dump", full)
    with pytest.raises(OperationsRefused) as refused:
        take_backup(tmp_path)
    assert "磁盘已满" in refused.value.message and "未留下不完整的备份" in refused.value.message
    assert list(tmp_path.iterdir()) == []
    assert BackupRun.objects.count() == 0
