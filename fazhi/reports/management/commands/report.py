"""`fazhi report annual --unit CODE --year YYYY --output F.docx` (or F.pdf where LibreOffice
is installed) and
`fazhi report ten-day --unit CODE --date YYYY-MM-DD --output F.docx`: the annual summary
or the 旬报 (of the 旬 containing the date) of a town (or, for the annual summary, the
county) named by its 行政区划代码, for scripts and schedulers.

Exit status 2 with a Chinese message for an unknown unit, a year or 旬 without data, or
a path that cannot be written. The file is written beside its target and renamed into
place, so a failure leaves no half-written document."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.hooks import app_hooks
from fazhi.core.models import OrgUnit
from fazhi.core.officedoc import PDF_UNAVAILABLE, pdf_converter
from fazhi.core.permissions import ServiceError


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "生成法治政府建设年度工作总结或法治建设旬报(.docx,GB/T 9704 版式)"
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True, title="文件")
        annual = sub.add_parser("annual", help="年度法治政府建设工作总结及工作思路")
        annual.add_argument("--unit", required=True, help="乡镇或县的行政区划代码")
        annual.add_argument("--year", required=True, type=int, help="年度,如 2023")
        annual.add_argument(
            "--output", required=True, help="输出文件 .docx(装有 LibreOffice 时也可为 .pdf)"
        )
        tenday = sub.add_parser("ten-day", help="法治建设旬报(该日期所在的旬)")
        tenday.add_argument("--unit", required=True, help="乡镇的行政区划代码")
        tenday.add_argument("--date", required=True, help="日期 YYYY-MM-DD")
        tenday.add_argument("--output", required=True, help="输出文件 .docx")

    def handle(self, *args, kind, unit, output, **options):
        org_unit = OrgUnit.objects.filter(code=str(unit).strip()).first()
        if org_unit is None:
            raise _fail(f"找不到行政区划代码为“{unit}”的单位")
        target = Path(output)
        _check_writable(target, kind)
        try:
            if kind == "annual":
                document = _annual(org_unit, options["year"], pdf=target.suffix.lower() == ".pdf")
            else:
                document = _ten_day(org_unit, options["date"])
        except ServiceError as exc:
            raise _fail(exc.message) from None
        _write(target, document.content)
        self.stdout.write(f"已生成:{target}({document.filename})")


def _annual(unit, year: int, *, pdf: bool):
    from fazhi.reports import services

    if not services.reportable(unit):
        raise ServiceError("年度工作总结按乡镇或县生成:请给出乡镇或县的行政区划代码")
    if not 2000 <= year <= 2100:
        raise ServiceError(f"年度“{year}”无效")
    return services.report_export(actor=None, unit=unit, year=year, pdf=pdf)


def _ten_day(unit, value: str):
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ServiceError(f"日期“{value}”无效,应为 YYYY-MM-DD") from None
    for ten_day in app_hooks("reportdocs", "ten_day"):
        return ten_day(unit, day)
    raise ServiceError("未安装法治建设旬报模块,无法生成旬报")


def _check_writable(target: Path, kind: str) -> None:
    """Refused before any work: a directory that is missing or not writable, or a target
    that is a directory."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.suffix.lower() == ".pdf" and kind == "annual":
        if pdf_converter() is None:
            raise _fail(PDF_UNAVAILABLE)
    elif target.suffix.lower() != ".docx":
        raise _fail(f"输出文件应以 .docx 结尾:{target}")
    if target.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise _fail(f"无法写入文件“{target}”:目录不存在或没有写权限")
    if target.exists() and not os.access(target, os.W_OK):
        raise _fail(f"无法写入文件“{target}”:文件只读")


def _write(target: Path, content: bytes) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise _fail(f"无法写入文件“{target}”:{exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise _fail(f"无法写入文件“{target}”:{exc.strerror}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
