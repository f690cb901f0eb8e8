"""`fazhi precheck_eval` — precision and recall of the pre-review rules on the labelled
corpus, per category and overall; exits non-zero when the targets are missed."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ...precheck.evaluate import (
    MIN_CATEGORY,
    MIN_OVERALL_PRECISION,
    MIN_OVERALL_RECALL,
    evaluate,
)
from ...precheck.rules import CATEGORIES


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = "用标注语料评估智能预审规则的精确率和召回率(句子级),未达标时以非零状态退出"

    def add_arguments(self, parser):
        parser.add_argument("--mistakes", action="store_true", help="列出判断错误的句子")

    def handle(self, *args, mistakes, **options):
        ev = evaluate()
        out = [
            f"语料:{ev.sentences} 句(含风险 {ev.positives} 句,无风险的对照句 {ev.negatives} 句)",
            f"{'类别':<16}{'名称':<12}{'精确率':>8}{'召回率':>8}{'TP':>5}{'FP':>5}{'FN':>5}",
        ]
        for cat, s in ev.per_category.items():
            out.append(
                f"{cat:<16}{CATEGORIES[cat]:<12}{s.precision:>9.3f}{s.recall:>9.3f}"
                f"{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            )
        o = ev.overall
        out.append(
            f"{'overall':<16}{'总体':<12}{o.precision:>9.3f}{o.recall:>9.3f}"
            f"{o.tp:>5}{o.fp:>5}{o.fn:>5}"
        )
        out.append(
            f"目标:总体召回率 ≥ {MIN_OVERALL_RECALL},总体精确率 ≥ {MIN_OVERALL_PRECISION},"
            f"各类别精确率、召回率均 ≥ {MIN_CATEGORY}"
        )
        if mistakes:
            for text, kind, expected, found in ev.mistakes:
                out.append(f"  [{kind}] 标注 {expected or '无'} / 识别 {found or '无'}:{text}")
        self.stdout.write("\n".join(out))
        failures = ev.failures()
        if failures:
            raise CommandError("未达到目标:" + ";".join(failures), returncode=1)
        self.stdout.write("全部达标。")
