"""The 督查整改台账: every visible inspection with its findings, one row per finding (an
inspection without findings is one row stating its conclusion), exported and audited."""

from __future__ import annotations

from fazhi.core.xlsx import Ledger, export_ledger

from ..models import Finding
from ..selectors import findings_for_export

LEDGER_HEADERS = [
    "督查名称",
    "督查类型",
    "督查内容",
    "被督查单位",
    "督查单位",
    "督查依据",
    "开始日期",
    "结束日期",
    "督查状态",
    "督查结论",
    "问题序号",
    "问题描述",
    "依据",
    "整改责任人",
    "整改期限",
    "整改状态",
    "整改情况",
    "销号人",
    "销号日期",
]


def _iso(d):
    return d.isoformat() if d else ""


def ledger_rows(inspections, findings):
    """One row per finding; an inspection without findings is one row stating its
    conclusion (a clean inspection is a recorded outcome, not a missing row)."""
    by_inspection: dict[int, list[Finding]] = {}
    for f in findings:
        by_inspection.setdefault(f.inspection_id, []).append(f)
    for i in inspections:
        head = [
            i.title,
            i.get_kind_display(),
            i.get_topic_display(),
            i.org_unit.name,
            i.conducted_by.name,
            i.basis,
            _iso(i.started_on),
            _iso(i.ended_on),
            i.get_status_display(),
            i.get_conclusion_display() if i.conclusion else "",
        ]
        rows = by_inspection.get(i.pk, [])
        if not rows:
            yield [*head, "", "未发现需整改问题" if i.conclusion == "no_issues" else "", *[""] * 7]
        for n, f in enumerate(rows, start=1):
            yield [
                *head,
                n,
                f.description,
                f.basis,
                str(f.owner),
                _iso(f.deadline),
                f.get_status_display(),
                f.rectification,
                str(f.closed_by) if f.closed_by_id else "",
                _iso(f.closed_on),
            ]


def inspection_export(*, actor, filters: dict) -> Ledger:
    """The ledger of the inspections `actor` sees under `filters` (kind, status, year),
    as "督查整改台账_YYYYMMDD.xlsx"; the export is audited with how many inspections and
    findings left and under which filters."""
    inspections, findings = findings_for_export(actor, **filters)
    inspections = list(inspections)
    findings = list(findings)
    return export_ledger(
        actor=actor,
        verb="inspection.export",
        name="督查整改台账_",
        sheets=[("督查整改台账", LEDGER_HEADERS, ledger_rows(inspections, findings))],
        counts={"inspections": len(inspections), "findings": len(findings)},
        filters=filters,
    )
