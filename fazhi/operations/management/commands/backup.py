"""`fazhi backup [--output DIR]`: see fazhi/operations/backup.py and docs/operations.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.cli import NEVER_MIGRATED, never_migrated
from fazhi.operations.backup import take_backup
from fazhi.operations.errors import OperationsRefused


class Command(BaseCommand):
    requires_system_checks = []  # as every fazhi command: no API schema build at start
    help = "在线备份数据库和上传文件(含校验清单;不含密钥),并按保留规则清理旧备份"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", metavar="目录", help="备份存放目录(默认取环境变量 FAZHI_BACKUP_DIR)"
        )

    def handle(self, *args, output=None, **options):
        try:
            result = take_backup(Path(output) if output else None)
        except OperationsRefused as exc:
            # A data directory that was never migrated is not a damaged database: say what
            # to do, as every command does (fazhi.cli), not "已损坏".
            message = NEVER_MIGRATED if never_migrated() else exc.message
            raise CommandError(message, returncode=1) from exc
        m = result.manifest
        rows = sum(t["rows"] for t in m["tables"].values())
        self.stdout.write(f"备份完成:{result.path}")
        self.stdout.write(
            f"数据库 {m['engine']}:{len(m['tables'])} 张表 {rows} 行;上传文件 "
            f"{len(m['files']) - 1} 个;审计日志 {m['audit_head']['events']} 条"
        )
        for line in result.notices:
            style = self.style.WARNING if line.startswith("警告") else (lambda s: s)
            self.stdout.write(style(line))
        if result.removed:
            self.stdout.write("按保留规则删除旧备份:" + "、".join(result.removed))
