"""`fazhi setup --admin NAME`: the production install, safe to re-run.

It migrates the database, collects the static files and bootstraps the county with its
administrators (see `core.demo.bootstrap`). It creates no demo data and no demo accounts.

三权分立 (等保 2.0): the system, security and audit administrators are three different
people. The installer names them here: `--admin` (required, the system administrator),
`--security-admin` and `--audit-admin`. Only the security administrator can later grant
administrator roles in the org pages, and nobody can grant one to themselves, so the
security and audit administrators are named at install time, or by re-running setup
with those options later. Each new account's password comes from an environment
variable (FAZHI_ADMIN_PASSWORD, FAZHI_SECURITY_ADMIN_PASSWORD, FAZHI_AUDIT_ADMIN_PASSWORD)
or is asked for on the terminal; an existing account keeps its password.
"""

from __future__ import annotations

import getpass
import os
import sys

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ...demo import COUNTY_CODE, COUNTY_NAME, AdminSpec, bootstrap, check_separated
from ...models import OrgUnit, User
from ...permissions import ServiceError
from ...roles import Role

# option name → (role, environment variable holding the new account's password)
ADMIN_OPTIONS = {
    "admin": (Role.SYS_ADMIN, "FAZHI_ADMIN_PASSWORD"),
    "security_admin": (Role.SECURITY_ADMIN, "FAZHI_SECURITY_ADMIN_PASSWORD"),
    "audit_admin": (Role.AUDIT_ADMIN, "FAZHI_AUDIT_ADMIN_PASSWORD"),
}


def _fail(message: str):
    raise CommandError(message, returncode=2)  # 2: wrong input, as for bad arguments


class Command(BaseCommand):
    help = "正式安装:迁移数据库、收集静态文件、创建县级单位和三类管理员(不含演示数据),可重复运行"

    def add_arguments(self, parser):
        parser.add_argument("--admin", required=True, metavar="用户名", help="系统管理员用户名")
        parser.add_argument("--security-admin", metavar="用户名", help="安全管理员用户名")
        parser.add_argument("--audit-admin", metavar="用户名", help="审计管理员用户名")
        parser.add_argument(
            "--county-code",
            metavar="代码",
            help=f"县级行政区划代码(6位);首次安装默认 {COUNTY_CODE}",
        )
        parser.add_argument(
            "--county-name", metavar="名称", help=f"县级单位名称;首次安装默认 {COUNTY_NAME}"
        )

    def handle(self, *args, **options):
        names = {opt: (options.get(opt) or "").strip() for opt in ADMIN_OPTIONS}
        if not names["admin"]:
            _fail("请用 --admin 指定系统管理员用户名")
        try:
            check_separated(
                [
                    AdminSpec(username=n, role=r)
                    for opt, (r, _) in ADMIN_OPTIONS.items()
                    if (n := names[opt])
                ]
            )
        except ServiceError as exc:
            _fail(exc.message)

        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("数据库迁移和静态文件收集完成。")

        code, name = self._county(options)
        admins = [
            AdminSpec(
                username=names[opt],
                role=role,
                title=role.label,
                password=self._password(names[opt], role, env),
            )
            for opt, (role, env) in ADMIN_OPTIONS.items()
            if names[opt]
        ]
        try:
            created = bootstrap(county_code=code, county_name=name, admins=admins)
        except ServiceError as exc:
            _fail(exc.message)
        for line in created:
            self.stdout.write(f"已创建:{line}")
        if not created:
            self.stdout.write("县级单位和管理员均已存在,未作改动。")
        self._warn_missing(code)

    def _county(self, options) -> tuple[str, str]:
        """The county to bootstrap. Without --county-code a re-run finds the one county
        already installed instead of adding the default one beside it."""
        code, name = options.get("county_code"), options.get("county_name")
        if not code:
            counties = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.COUNTY)[:2])
            if len(counties) == 1:
                return counties[0].code, counties[0].name
            if len(counties) > 1:
                _fail("已有多个县级单位,请用 --county-code 指定")
            code = COUNTY_CODE
        return code.strip(), (name or COUNTY_NAME).strip()

    def _password(self, username: str, role: Role, env: str) -> str | None:
        """The new account's password, checked against the policy; None when the
        account exists already (a re-run never changes a password)."""
        if User.objects.filter(username=username).exists():
            return None
        password = os.environ.get(env)
        if not password:
            if not sys.stdin.isatty():
                _fail(f"请通过环境变量 {env} 提供{role.label} {username} 的密码")
            password = getpass.getpass(f"{role.label} {username} 的密码:")
            if getpass.getpass("再次输入密码:") != password:
                _fail("两次输入的密码不一致")
        try:
            validate_password(password, User(username=username))
        except ValidationError as exc:
            _fail(f"{role.label} {username} 的密码不符合要求:" + ";".join(exc.messages))
        return password

    def _warn_missing(self, code: str) -> None:
        county = OrgUnit.objects.get(code=code)
        held = set(county.memberships.filter(is_active=True).values_list("role", flat=True))
        for opt, (role, _) in ADMIN_OPTIONS.items():
            if role not in held:
                flag = "--" + opt.replace("_", "-")
                self.stdout.write(
                    self.style.WARNING(
                        f"提示:{county.name}尚无{role.label}(三权分立要求三类管理员由不同人员担任),"
                        f"请运行 fazhi setup --admin <系统管理员用户名> {flag} <用户名> 创建"
                    )
                )
        if not settings.PRODUCTION:
            self.stdout.write(
                self.style.WARNING(
                    "提示:未设置 FAZHI_PRODUCTION=1,当前为开发配置;正式运行前请设置并执行 "
                    "fazhi check --deploy"
                )
            )
