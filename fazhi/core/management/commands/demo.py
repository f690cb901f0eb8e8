"""`fazhi demo` loads the demo county (示范县) and prints where to log in and as whom.

Idempotent: a second run finds everything in place, creates nothing and takes well
under a second. Refused on a production installation (FAZHI_PRODUCTION=1), where
accounts with a published password must never appear."""

from __future__ import annotations

import os
import unicodedata
from datetime import date

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from ... import clock
from ...demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo
from ...models import OrgUnit
from ...permissions import ServiceError
from ...roles import Role


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date from the command line, or a CommandError in Chinese."""
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise CommandError(
            f"日期格式不正确:{text}(应为 YYYY-MM-DD,例如 2026-03-02)", returncode=2
        ) from None


def login_url() -> str:
    host = os.environ.get("FAZHI_HOST") or "127.0.0.1"
    port = os.environ.get("FAZHI_PORT") or "8000"
    return f"http://{host}:{port}/login/"


def _width(text: str) -> int:
    """Terminal columns of `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(rows: list[list[str]]) -> str:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def unit_path(unit: OrgUnit) -> str:
    """示范县 / 海屿镇 / 东岙村: the unit and its ancestors."""
    names = []
    while unit is not None:
        names.append(unit.name)
        unit = unit.parent
    return " / ".join(reversed(names))


def migrations_pending() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = "加载示范县演示数据(可重复运行),并列出演示账号"
    # The system checks import every URLconf and API module (about a second); `migrate`
    # and `fazhi setup` run them, so the demo, run on every `make run`, skips them.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="在生产环境(FAZHI_PRODUCTION=1)中也加载演示数据(不建议)",
        )
        parser.add_argument(
            "--today",
            help="按指定日期(YYYY-MM-DD)载入演示数据:记录停在那一天的样子(默认今天)",
        )

    def handle(self, *args, allow_production=False, today=None, **options):
        if settings.PRODUCTION and not allow_production:
            raise CommandError(
                "生产环境(FAZHI_PRODUCTION=1)不加载演示数据:演示账号的密码是公开的。"
                "正式安装请使用 fazhi setup --admin 用户名",
                returncode=2,
            )
        day = parse_day(today) if today else clock.today()
        if migrations_pending():
            call_command("migrate", interactive=False, verbosity=0)
        try:
            created = load_demo(progress=lambda line: self.stdout.write("  " + line), today=day)
        except ServiceError as exc:
            raise CommandError(
                f"加载演示数据失败:{exc.message} {exc.errors or ''}", returncode=2
            ) from exc
        if created:
            self.stdout.write(f"示范县演示数据已加载:新建 {len(created)} 项记录。")
        else:
            self.stdout.write("示范县演示数据已存在,未作改动。")
        units = OrgUnit.objects.select_related("parent__parent__parent").in_bulk(
            [a["unit_code"] for a in DEMO_ACCOUNTS], field_name="code"
        )
        rows = [["用户名", "密码", "角色", "单位"]] + [
            [a["username"], DEMO_PASSWORD, Role(a["role"]).label, unit_path(units[a["unit_code"]])]
            for a in DEMO_ACCOUNTS
        ]
        self.stdout.write(f"\n登录地址:{login_url()}\n")
        self.stdout.write(table(rows))
