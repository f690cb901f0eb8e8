"""`fazhi warning_eval` — the early-warning score on the labelled evaluation set
(corpus/cases.jsonl) with the DEFAULT parameters: the confusion table of expected against
scored colour, precision and recall of red+yellow against green, and the cases scored
differently from their label; exits non-zero when the bar (0.85 each) is missed.
`--corpus PATH` measures another JSONL file of the same format."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...evaluate import CORPUS, evaluate, load_corpus


class Command(BaseCommand):
    requires_system_checks = []
    help = "社会矛盾预警评分在标注评测集上的混淆表、精确率和召回率(默认参数)"

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(CORPUS), help="JSONL 评测集路径")

    def handle(self, *args, corpus=None, **options):
        try:
            items = load_corpus(Path(corpus))
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        ev = evaluate(items)
        self.stdout.write(ev.report())
        if ev.failures():
            raise CommandError("未达标:" + ";".join(ev.failures()))
