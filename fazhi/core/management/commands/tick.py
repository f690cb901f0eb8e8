"""`fazhi tick`: the periodic work, run from cron (or a systemd timer) every few minutes
or at least daily. Each app's `tick.py` has `run(today) -> list[str]` that does what is
due (e.g. expire normative documents whose validity has ended) and says what it did.
Every run is idempotent: running twice on one day changes nothing the second time."""


from django.core.management.base import BaseCommand

from fazhi.core import clock
from fazhi.core.hooks import app_hooks
from fazhi.core.management.commands.demo import parse_day


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = "执行到期的定时任务(规范性文件到期失效等),可重复执行"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按指定日期执行(YYYY-MM-DD),用于补跑")

    def handle(self, *args, today=None, **options):
        day = parse_day(today) if today else clock.today()
        done = []
        with clock.pinned(day):
            for run in app_hooks("tick", "run"):
                done.extend(run(day))
        for line in done:
            self.stdout.write(line)
        self.stdout.write(f"{day.isoformat()}:完成{len(done)}项")
