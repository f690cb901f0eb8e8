"""The .docx of a 旬报 in the GB/T 9704 layout (core.officedoc): title, 报送单位 and 日期,
the lines (a line "一、…" is a heading), then 存在问题 and 下一步工作 when written."""

from __future__ import annotations

import re

from fazhi.core import clock
from fazhi.core.officedoc import Block, OfficeDocument, build, cn_date

from .drafting import NUMERALS
from .models import TenDayReport

HEADING = re.compile(rf"^[{NUMERALS}]+、")


def blocks(report: TenDayReport) -> list[Block]:
    day = report.submitted_on or clock.today()
    out = [
        Block("title", report.title),
        Block("field", report.org_unit.name, label="报送单位"),
        Block("field", cn_date(day), label="报送日期"),
    ]
    lines = [line.strip() for line in report.body.splitlines() if line.strip()]
    n = sum(1 for line in lines if HEADING.match(line))
    for line in lines:
        out.append(Block("h1" if HEADING.match(line) else "body", line))
    for label, text in (("存在问题", report.problems), ("下一步工作", report.next_steps)):
        paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
        if paragraphs:
            out.append(Block("h1", f"{NUMERALS[min(n, len(NUMERALS) - 1)]}、{label}"))
            n += 1
            out.extend(Block("body", p) for p in paragraphs)
    out.append(Block("right", report.org_unit.name))
    out.append(Block("right", cn_date(day)))
    return out


def report_document(report: TenDayReport) -> OfficeDocument:
    return OfficeDocument(f"{report.title}.docx", build(blocks(report)))
