"""`fazhi scale-data [--factor F] [--seed N]`: grow the demo county to county scale
(quality.md: 30 towns, 300 villages, 5 years at factor 1.0) for `make bench`. Needs the
demo (`fazhi demo`); refused in production, like the demo."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = "把演示县扩充到县级规模的测试数据(用于性能基准),系数1.0约为一个县五年的数据量"

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="规模系数(默认1.0)")
        parser.add_argument("--seed", type=int, default=1, help="随机种子(相同种子生成相同数据)")

    def handle(self, *args, factor, seed, **options):
        if settings.PRODUCTION:
            raise CommandError("生产环境不能生成测试数据")
        progress = scale.Progress(stream=self.stderr, quiet=options["verbosity"] == 0)
        try:
            totals = scale.grow(
                county_code=COUNTY_CODE, factor=factor, seed=seed, progress=progress
            )
        except scale.ScaleError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(totals.values())
        self.stdout.write(f"已生成{rows:,}行,用时{progress.elapsed:.1f}秒(系数{factor},种子{seed})")
