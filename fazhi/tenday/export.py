"""The 法治建设旬报台账: every visible report under the list's filters, one row each (its
period, unit, due day, first and latest submission, on time or late, returns, the text),
exported and audited."""

from __future__ import annotations

from fazhi.core.xlsx import Ledger, export_ledger

from .models import TenDayReport
from .selectors import report_list

HEADERS = [
    "报送单位", "旬", "开始日期", "结束日期", "报送期限", "状态", "首次报送日期",
    "最近报送日期", "是否逾期", "退回次数", "退回意见", "本旬工作情况", "存在问题", "下一步工作",
]  # fmt: skip
MAX_ROWS = 20_000


def _iso(d):
    return d.isoformat() if d else ""


def report_export(*, actor, filters: dict) -> Ledger:
    reports = list(
        report_list(actor, **filters)
        .defer(None)
        .defer("figures", "search")
        .select_related("org_unit")[:MAX_ROWS]
    )
    rows = (
        [
            r.org_unit.name,
            r.period.name,
            _iso(r.period_start),
            _iso(r.period_end),
            _iso(r.due_on),
            r.get_status_display(),
            _iso(r.first_submitted_on),
            _iso(r.submitted_on),
            "逾期" if r.is_late else ("按时" if r.first_submitted_on else ""),
            r.return_count,
            r.return_comment,
            r.body,
            r.problems,
            r.next_steps,
        ]  # fmt: skip
        for r in reports
    )
    return export_ledger(
        actor=actor,
        verb="tenday_report.export",
        name="法治建设旬报台账_",
        sheets=[("法治建设旬报台账", HEADERS, rows)],
        counts={"reports": len(reports)},
        filters=filters,
        model=TenDayReport,
        summary="法治建设旬报台账",
    )
