"""`fazhi precheck_eval` — precision and recall of the pre-review rules on the labelled
corpus, per category and overall, reported for normative documents and for contracts and
agreements apart; exits non-zero when the targets are missed.

`--corpus PATH` measures another JSONL file of the same format (a held-out set) without
merging it: the scores are printed, the targets only reported unless `--strict`.

`--real` measures the engine on the real published documents of corpus/real (dev files,
held-out files, all; see evaluate.REAL_DEV/REAL_HELD_OUT): precision of the findings
against the reviewer labels.
Reported only; `--mistakes` lists the wrong findings and the problems missed."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...precheck.evaluate import (
    CORPUS,
    GROUP_LABELS,
    GROUPS,
    MIN_CATEGORY,
    MIN_OVERALL_PRECISION,
    MIN_OVERALL_RECALL,
    MIN_REAL_HIGH_PRECISION,
    REAL,
    REAL_DEV,
    REAL_DEV_LABEL,
    REAL_HELD_OUT,
    REAL_HELD_OUT_LABEL,
    Score,
    evaluate,
    evaluate_real,
    held_out_present,
    load_corpus,
)
from ...precheck.rules import CATEGORIES, KINDS

HEADER = f"{'类别':<20}{'名称':<12}{'精确率':>8}{'召回率':>8}{'TP':>5}{'FP':>5}{'FN':>5}"


def row(key: str, label: str, s: Score, sentences: int | None = None) -> str:
    if sentences == 0:
        return f"{key:<20}{label:<12}{'—':>9}{'—':>9}    (无句子)"
    return f"{key:<20}{label:<12}{s.precision:>9.3f}{s.recall:>9.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}"


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = (
        "用标注语料评估智能预审规则的精确率和召回率(句子级,规范性文件与合同、协议分开报告),"
        "未达标时以非零状态退出"
    )

    def add_arguments(self, parser):
        parser.add_argument("--mistakes", action="store_true", help="列出判断错误的句子")
        parser.add_argument(
            "--corpus",
            type=Path,
            help="评估另一份 JSONL 语料(格式同 corpus/sentences.jsonl,如盲测集),不并入语料",
        )
        parser.add_argument(
            "--real",
            action="store_true",
            help=f"在真实规范性文件(corpus/real)上评估:{REAL_DEV_LABEL}、{REAL_HELD_OUT_LABEL} 与全部",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="对 --corpus 指定的语料也执行达标检查(默认只报告)",
        )

    def handle(self, *args, mistakes, corpus, strict, real=False, **options):
        if real:
            return self.handle_real(mistakes)
        path = corpus or CORPUS
        try:
            items = load_corpus(path)
        except FileNotFoundError as e:
            raise CommandError(f"找不到语料文件:{path}") from e
        except ValueError as e:
            raise CommandError(str(e)) from e
        ev = evaluate(items)

        out = [f"语料:{path}" if corpus else "语料:内置标注语料"]
        out.append(
            f"共 {ev.sentences} 句(含风险 {ev.positives} 句,无风险的对照句 {ev.negatives} 句);"
            + ";".join(
                f"{KINDS[k]} {t.sentences} 句(风险 {t.positives} / 对照 {t.negatives})"
                for k, t in ev.per_kind.items()
            )
        )
        for group, kinds in GROUPS.items():
            out += ["", f"【{GROUP_LABELS[group]}】", HEADER]
            out += [
                row(cat, CATEGORIES[cat], s) for cat, s in ev.per_group[group].items() if s.measured
            ]
            for kind in kinds:
                tally = ev.per_kind[kind]
                out.append(
                    row(f"overall·{kind}", f"总体·{KINDS[kind]}", tally.score, tally.sentences)
                )
            if len(kinds) > 1:
                tally = ev.group_totals[group]
                out.append(
                    row(
                        f"overall·{group}",
                        f"总体·{GROUP_LABELS[group]}",
                        tally.score,
                        tally.sentences,
                    )
                )
        out += ["", row("overall", "全部语料总体", ev.overall)]
        out.append(
            f"目标(全部语料):总体召回率 ≥ {MIN_OVERALL_RECALL},总体精确率 ≥ {MIN_OVERALL_PRECISION},"
            f"各类别精确率、召回率均 ≥ {MIN_CATEGORY}"
        )
        if mistakes:
            for text, kind, expected, found in ev.mistakes:
                out.append(f"  [{kind}] 标注 {expected or '无'} / 识别 {found or '无'}:{text}")
        self.stdout.write("\n".join(out))

        failures = ev.failures()
        if failures and (corpus is None or strict):
            raise CommandError("未达到目标:" + ";".join(failures), returncode=1)
        if failures:
            self.stdout.write("未达到目标(仅报告,不影响退出状态):" + ";".join(failures))
        else:
            self.stdout.write("全部达标。")

    def handle_real(self, mistakes: bool) -> None:
        if not (REAL / "labels.jsonl").exists():
            raise CommandError(f"找不到真实文件语料:{REAL}")
        out = [f"真实文件:{REAL}(规范性文件;高风险精确率目标 ≥ {MIN_REAL_HIGH_PRECISION})"]
        for label, files in (
            (REAL_DEV_LABEL, REAL_DEV),
            (REAL_HELD_OUT_LABEL, REAL_HELD_OUT),
            ("全部", None),
        ):
            if files is REAL_HELD_OUT and not held_out_present():
                # The held-out files are added later (by the lead, once): say so, skip it.
                out.append(f"{label}:尚无文件(corpus/real 中没有这些编号的文件),跳过")
                continue
            ev = evaluate_real(files)
            out.append(
                f"{label}:高风险 {ev.high.tp + ev.high.fp} 条、正确 {ev.high.tp},"
                f"精确率 {ev.high.precision:.3f};全部 {ev.all.tp + ev.all.fp} 条、正确 {ev.all.tp},"
                f"精确率 {ev.all.precision:.3f};标注问题 {ev.problems} 个、发现 {ev.caught};"
                f"限定交易 {ev.competition} 个、按排除限制竞争报告 {ev.competition_caught}"
            )
            if mistakes and files is not None:
                for name, cat, severity, rule, quote, ok in ev.findings:
                    if not ok:
                        out.append(f"  ✗ [{name[:2]}] {severity} {cat}({rule}):{quote[:80]}")
                for name, cat, text in ev.missed:
                    out.append(f"  漏 [{name[:2]}] {cat}:{text[:80]}")
        self.stdout.write("\n".join(out))
