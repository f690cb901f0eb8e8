"""`fazhi audit verify` proves the hash chain; `fazhi audit prune --older-than DAYS`
deletes old events (never younger than the 180-day floor)."""

from django.core.management.base import BaseCommand, CommandError

from ... import audit


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = "审计日志:校验哈希链(verify)或清理过期记录(prune)"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="校验审计日志哈希链")
        prune = sub.add_parser("prune", help="删除早于指定天数的审计记录(不少于180天)")
        prune.add_argument("--older-than", type=int, required=True, dest="older_than")

    def handle(self, *args, action, **options):
        if action == "verify":
            broken = audit.verify()
            if broken is None:
                self.stdout.write("OK")
                return
            raise CommandError(
                f"审计日志第 {broken.pk} 条事件({broken.verb},{broken.occurred_at:%Y-%m-%d %H:%M:%S})"
                "的哈希不匹配:该记录或其前一条已被篡改",
                returncode=1,
            )
        try:
            count = audit.prune(older_than_days=options["older_than"])
        except audit.PruneRefused as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(f"已清理 {count} 条审计记录")
