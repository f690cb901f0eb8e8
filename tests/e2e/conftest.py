"""Browser journeys: a real server on a free loopback port, driven by Debian's Chromium.

The session starts from an empty data dir, runs `migrate`, `demo` and `collectstatic`
exactly as `make run` does, serves with gunicorn (whitenoise serves the static files),
and stops everything at the end. Chromium is /usr/bin/chromium; when it is missing the
tests fail with a message saying how to install it (`make e2e` does that).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling Google's hosts, which
# this closed network refuses; as root it needs --no-sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# A user of its own for the lockout journey, so that locking it spoils no demo account.
LOCK_USER = "e2e_lockme"
LOCK_PASSWORD = "Lock-me-2026-ok"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env: dict, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} 失败 (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )


def _wait_until_serving(url: str, proc: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"服务进程已退出 (exit {proc.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"服务 {timeout} 秒内未就绪:\n{log.read_text()}")


@pytest.fixture(scope="session")
def live_server_url():
    """Base URL of a gunicorn serving a freshly migrated demo database."""
    data_dir = Path(tempfile.mkdtemp(prefix="fazhi-e2e-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        FAZHI_DATA_DIR=str(data_dir),
        FAZHI_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SETTINGS_MODULE="fazhi.settings",
        PYTHONPATH=str(ROOT),
    )
    env.pop("FAZHI_DEBUG", None)
    env.pop("FAZHI_PRODUCTION", None)  # production forces HTTPS; this server is plain HTTP
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "demo")
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    _manage(
        env,
        "shell",
        "-c",
        "from fazhi.core.models import User; "
        f"User.objects.create_user({LOCK_USER!r}, password={LOCK_PASSWORD!r}, full_name='锁定测试')",
    )

    port = _free_port()
    log = data_dir / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "fazhi.wsgi",
                "--workers", "2", "--bind", f"127.0.0.1:{port}",
                "--graceful-timeout", "3",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(f"{url}/login/", proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        subprocess.run(["rm", "-rf", str(data_dir)], check=False)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"未找到 {CHROMIUM}:浏览器测试需要 Debian 的 Chromium。"
            "请运行 scripts/ensure-chromium.sh(或 make e2e)安装后再试。"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class ConsoleErrors(list):
    """Console errors and uncaught page errors seen while a page was open."""

    def attach(self, page) -> None:
        page.on(
            "console", lambda m: self.append(f"console: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: self.append(f"pageerror: {e}"))


@pytest.fixture
def page(browser, live_server_url):
    """A fresh browser context (no cookies) and page; `page.console_errors` collects errors."""
    context = browser.new_context(base_url=live_server_url, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = ConsoleErrors()
    errors.attach(page)
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
