"""`fazhi restore DIR`: see fazhi/operations/restore.py and docs/operations.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.operations.errors import OperationsRefused
from fazhi.operations.restore import restore


class Command(BaseCommand):
    requires_system_checks = []
    help = "从 fazhi backup 生成的目录恢复到空数据库(校验清单、执行迁移、校验审计日志)"

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="备份目录")

    def handle(self, *args, folder, **options):
        try:
            result = restore(Path(folder))
        except OperationsRefused as exc:
            raise CommandError(exc.message, returncode=1) from exc
        m = result.manifest
        self.stdout.write(
            f"已恢复 {m['created_at']} 的备份(fazhi {m['fazhi_version']},{m['engine']})"
        )
        self.stdout.write(
            f"{result.tables} 张表 {result.rows} 行,与清单的行数和校验和一致;上传文件 {result.files} 个"
        )
        if result.migrated:
            self.stdout.write(
                f"已执行 {len(result.migrated)} 个新迁移:" + "、".join(result.migrated[:10])
            )
        self.stdout.write(f"审计日志校验通过(OK),共 {result.audit_events} 条")
