"""`fazhi deadline START N days|workdays` prints the last day of a statutory period, the
same answer every page and reminder gets from `core.deadlines.deadline`."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from ...deadlines import UNITS, deadline

USAGE = "用法:deadline 起算日(YYYY-MM-DD) 天数 days|workdays"


def _fail(message: str):
    # Exit code 2 is the usual code for wrong command-line input.
    raise CommandError(f"{message}\n{USAGE}", returncode=2)


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = "计算法定期限的届满日:自起算日次日开始计算,按日(days)或工作日(workdays)"

    def add_arguments(self, parser):
        # Optional at the parser level so that a missing argument gets a Chinese message.
        parser.add_argument("start", nargs="?", help="事件发生日,YYYY-MM-DD")
        parser.add_argument("n", nargs="?", help="期限长度,不小于1的整数")
        parser.add_argument("unit", nargs="?", help="days(日)或 workdays(工作日)")

    def handle(self, *args, start, n, unit, **options):
        if start is None or n is None or unit is None:
            _fail("参数不足")
        try:
            start_day = date.fromisoformat(start)
        except ValueError:
            _fail(f"起算日不是有效日期:{start}")
        try:
            count = int(n)
        except ValueError:
            _fail(f"期限天数不是整数:{n}")
        if unit not in UNITS:
            _fail(f"期限单位不正确:{unit}(应为 days 或 workdays)")
        try:
            end = deadline(start_day, count, unit)
        except ValueError as exc:  # n out of range
            _fail(str(exc))
        except OverflowError:  # a period running past the year 9999
            _fail("期限超出可计算的日期范围")
        self.stdout.write(end.isoformat())
