"""`fazhi precheck [--kind normative|contract|agreement] [--json] PATH` — pre-review a
draft (.txt in UTF-8, one paragraph per line, or .docx) and print the findings."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from ...precheck import precheck
from ...precheck.reader import PrecheckInputError, read_path
from ...precheck.rules import KINDS


def _fail(message: str):
    # Exit code 2: the input cannot be reviewed (as for wrong command-line input).
    raise CommandError(message, returncode=2)


class Command(BaseCommand):
    # No system checks: they import every page and build the API schema, a second of
    # start-up for a command that needs neither (`migrate`, `check --deploy` and
    # `make test` run them).
    requires_system_checks = []

    help = "智能预审:检查规范性文件、合同或行政协议草稿中可能违法的条款,并给出法律依据"

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="草稿文件(.txt 或 .docx)")
        parser.add_argument(
            "--kind",
            help="文件类型:normative(规范性文件)、contract(合同)、"
            "agreement(行政协议);不填时按标题判断",
        )
        parser.add_argument("--json", action="store_true", dest="as_json", help="输出 JSON")

    def handle(self, *args, path, kind, as_json, **options):
        if not path:
            _fail("请指定要预审的文件:fazhi precheck [--kind …] [--json] 文件路径")
        if kind is not None and kind not in KINDS:
            _fail(f"文件类型不正确:{kind}(应为 normative、contract 或 agreement)")
        try:
            paragraphs = read_path(path)
        except PrecheckInputError as exc:
            _fail(str(exc))
        result = precheck(paragraphs, kind)
        if as_json:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report(result))


def report(result) -> str:
    """The findings as a readable Chinese report."""
    findings = result.findings
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("high", "medium", "low")}
    lines = [
        f"智能预审结果({result.kind_label}):共 {len(findings)} 处提示"
        f"(高 {counts['high']} 处,中 {counts['medium']} 处,低 {counts['low']} 处)",
        "说明:预审结果仅为提示,须由法制审核人员确认。",
    ]
    for n, f in enumerate(findings, 1):
        where = (
            "全文" if f.paragraph is None else f"第 {f.paragraph + 1} 段第 {f.start + 1}–{f.end} 字"
        )
        lines += ["", f"{n}. [{f.severity_label}] {f.category_label}({f.rule})— {where}"]
        if f.quote:
            lines.append(f"   原文:{f.quote}")
        lines += [f"   问题:{f.explanation}", f"   依据:{f.basis}", f"   建议:{f.suggestion}"]
    if not findings:
        lines += ["", "未发现需要提示的条款。"]
    return "\n".join(lines)
