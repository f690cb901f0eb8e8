"""Sites for the drills: a data folder (and, on PostgreSQL, a database of its own) run
through the real `fazhi` command and a real gunicorn, as a town or county runs it.

Which engine: the one the test run uses (DATABASE_URL set by scripts/pg-test.sh means
PostgreSQL; unset means SQLite). Migrating takes ~15 s, so each worker migrates one
template once (seeded with a county, a town, an officer with an API token and open
inspections) and every site starts as a copy of it (SQLite: the file; PostgreSQL:
CREATE DATABASE … TEMPLATE)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
FIELD_KEY = "drill-field-key-0123456789abcdef"
PG_URL = os.environ.get("DATABASE_URL", "")
ENGINE = "postgresql" if PG_URL else "sqlite"
INSPECTIONS = 6

SEED = f"""
import json
from datetime import date
from fazhi.core.models import OrgUnit, User, Membership
from fazhi.core import services
from fazhi.inspections import services as insp
county = OrgUnit.objects.create(kind="county", code="339901", name="示范县")
town = OrgUnit.objects.create(kind="town", code="339901101", name="海屿镇", parent=county)
officer = User.objects.create_user("officer", password="Drill-pass-2026", full_name="镇法治办")
Membership.objects.create(user=officer, org_unit=town, role="law_officer")
admin = User.objects.create_user("sysadmin", password="Drill-pass-2026", full_name="系统管理员")
Membership.objects.create(user=admin, org_unit=county, role="sys_admin")
services._set_pii(officer, id_number=None, phone="13800001234")
officer.save()
_, raw = services.api_token_create(actor=officer, name="drill")
ids = [insp.inspection_create(actor=officer, org_unit=town, kind="self", title=f"自查{{i}}",
       topic="documents", started_on=date(2025, 3, 3)).pk for i in range({INSPECTIONS})]
print(json.dumps({{"token": raw, "inspections": ids, "town": town.pk}}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(sql)


def _pg_url(db: str) -> str:
    return PG_URL.rsplit("/", 1)[0] + "/" + db


@dataclass
class Site:
    """One installation: its data folder and (PostgreSQL) its own database."""

    data: Path
    db: str = ""
    seed: dict = field(default_factory=dict)
    server: subprocess.Popen | None = None
    port: int = 0

    @property
    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FAZHI_", "DATABASE_URL"))}
        env.update(
            FAZHI_DATA_DIR=str(self.data),
            FAZHI_FIELD_KEY=FIELD_KEY,
            FAZHI_SECRET_KEY="drill-secret",
            DJANGO_SETTINGS_MODULE="fazhi.settings",
        )
        if self.db:
            env["DATABASE_URL"] = _pg_url(self.db)
        return env

    def fazhi(self, *args: str, check: bool = False, env: dict | None = None, timeout=300):
        result = subprocess.run(
            [str(BIN / "fazhi"), *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"fazhi {' '.join(args)} → {result.returncode}\n{result.stdout}\n{result.stderr}"
            )
        return result

    def shell(self, code: str) -> str:
        return self.fazhi("shell", "-v0", "-c", code, check=True).stdout

    def scalar(self, sql: str):
        out = self.shell(
            f"from django.db import connection\nc=connection.cursor()\nc.execute({sql!r})\nprint(repr(c.fetchone()[0]))"
        )
        return eval(out.strip())  # noqa: S307 - our own repr of an int/str

    # --- the server ------------------------------------------------------------------------
    def query(self, sql: str, params=()) -> list[tuple]:
        """Rows read straight from the site's database (no Django, no subprocess)."""
        if self.db:
            import psycopg

            with psycopg.connect(_pg_url(self.db)) as con:
                return con.execute(sql.replace("?", "%s"), params).fetchall()
        con = sqlite3.connect(self.data / "fazhi.sqlite3")
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def start(self, workers: int = 2, threads: int = 1) -> None:
        self.port = _free_port()
        self.server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "fazhi.wsgi",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--graceful-timeout",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/login/", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if self.server.poll() is not None:
                    raise AssertionError(
                        "gunicorn 未能启动:" + self.server.stderr.read().decode()[-2000:]
                    ) from None
                time.sleep(0.2)
        raise AssertionError("gunicorn 60 秒内未就绪")

    def kill9(self) -> None:
        """SIGKILL to the master and every worker at once: a power cut, not a shutdown."""
        if self.server is not None:
            try:
                os.killpg(self.server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.server.wait(timeout=10)
            self.server = None

    def stop(self) -> None:
        if self.server is not None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()
            self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 30):
        """(status, json) of one API call with the officer's token."""
        req = urllib.request.Request(
            f"{self.url}/api/v1{path}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Authorization": f"Bearer {self.seed['token']}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                return exc.code, json.loads(raw)
            except ValueError:
                return exc.code, {"raw": raw.decode(errors="replace")[:300]}

    def drop(self) -> None:
        self.stop()
        if self.db:
            _pg_admin(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
        shutil.rmtree(self.data, ignore_errors=True)


def migrated_sqlite_cache() -> Path:
    """Where an empty, migrated SQLite database of this code is kept between runs (the
    SQLite run writes it from its test database; the PostgreSQL run's move test reads it
    instead of migrating a SQLite file itself)."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted((ROOT / "fazhi").glob("*/migrations/*.py")):
        h.update(path.name.encode() + path.read_bytes())
    return Path(os.environ.get("TMPDIR", "/tmp")) / f"fazhi-migrated-{h.hexdigest()[:16]}.sqlite3"


def sqlite_site(base: Path) -> Site:
    """A SQLite site (whatever the run's engine) with an empty migrated database."""
    data = base / f"sqlite-{uuid.uuid4().hex[:6]}"
    data.mkdir(parents=True)
    site = Site(data)
    cache = migrated_sqlite_cache()
    if cache.exists():
        shutil.copyfile(cache, data / "fazhi.sqlite3")
    else:
        site.fazhi("migrate", "-v0", check=True)
        tmp = cache.with_suffix(f".{os.getpid()}")
        shutil.copyfile(data / "fazhi.sqlite3", tmp)
        os.replace(tmp, cache)
    return site


class Sites:
    """Makes sites from the worker's template, and empty ones for restores.

    The template starts as a copy of pytest-django's test database (already migrated
    for this run: `migrate` again would cost 15-60 s a worker), seeded once."""

    def __init__(self, base: Path, copy_test_db):
        self.base = base
        self.copy_test_db = copy_test_db  # (site) -> bool: the test DB copied into the site
        self.template: Site | None = None
        self.made: list[Site] = []

    def _new(self, name: str, source_db: str | None = None) -> Site:
        data = self.base / f"{name}-{uuid.uuid4().hex[:6]}"
        data.mkdir(parents=True)
        site = Site(data)
        if ENGINE == "postgresql":
            site.db = f"fz_{data.name.replace('-', '_')}"
            template = f' TEMPLATE "{source_db}"' if source_db else ""
            _pg_admin(f'CREATE DATABASE "{site.db}"{template}')
        self.made.append(site)
        return site

    def _ensure_template(self) -> Site:
        if self.template is None:
            site = self._new("template") if ENGINE == "sqlite" else None
            if site is None:
                data = self.base / f"template-{uuid.uuid4().hex[:6]}"
                data.mkdir(parents=True)
                site = Site(data, db=f"fz_{data.name.replace('-', '_')}")
                self.made.append(site)
            if not self.copy_test_db(site):
                if site.db:
                    _pg_admin(f'CREATE DATABASE "{site.db}"')
                site.fazhi("migrate", "-v0", check=True)
            if ENGINE == "sqlite" and not migrated_sqlite_cache().exists():
                tmp = migrated_sqlite_cache().with_suffix(f".{os.getpid()}")
                shutil.copyfile(site.data / "fazhi.sqlite3", tmp)
                os.replace(tmp, migrated_sqlite_cache())
            site.seed = json.loads(site.shell(SEED).strip().splitlines()[-1])
            self.template = site
        return self.template

    def seeded(self) -> Site:
        """A copy of the template: migrated, seeded, with its token and open records."""
        template = self._ensure_template()
        if ENGINE == "sqlite":
            site = self._new("site")
            shutil.copyfile(template.data / "fazhi.sqlite3", site.data / "fazhi.sqlite3")
        else:
            site = self._new("site", source_db=template.db)
        site.seed = dict(template.seed)
        return site

    def fresh(self) -> Site:
        """A site with a freshly migrated database of the run's engine (a copy of the
        test database: content types and permissions only)."""
        if ENGINE == "sqlite":
            site = self._new("fresh")
        else:
            data = self.base / f"fresh-{uuid.uuid4().hex[:6]}"
            data.mkdir(parents=True)
            site = Site(data, db=f"fz_{data.name.replace('-', '_')}")
            self.made.append(site)
        if not self.copy_test_db(site):
            if site.db:
                _pg_admin(f'CREATE DATABASE "{site.db}"')
            site.fazhi("migrate", "-v0", check=True)
        return site

    def empty(self) -> Site:
        return self._new("empty")

    def close(self) -> None:
        for site in reversed(self.made):
            site.drop()
