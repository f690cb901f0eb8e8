"""The .xlsx ledgers (台账) of 规范性文件 and of their filings, each recorded in the audit
trail by core.xlsx.export_ledger."""

from __future__ import annotations

from fazhi.core import clock
from fazhi.core.xlsx import Ledger, export_ledger

from .. import selectors
from ..models import Filing

LEDGER_HEADERS = [
    "文号", "标题", "制定单位", "制定主体", "状态", "涉及经营主体", "公平竞争审查",
    "征求意见开始", "征求意见截止", "收到意见数", "审议会议", "审议日期", "登记日期",
    "公布日期", "公布载体", "施行日期", "有效期至", "备案状态", "按时报送", "起草人",
]  # fmt: skip

FILING_HEADERS = [
    "文号", "标题", "报备单位", "公布日期", "报送期限", "报送日期", "按时报送", "状态",
    "退回补正次数", "曾责令纠错", "纠错方式", "整改期限", "审查意见",
]  # fmt: skip


def _d(value):
    return value.isoformat() if value else ""


def _has_filing(doc) -> bool:
    try:
        doc.filing  # noqa: B018 - select_related: no query
    except Filing.DoesNotExist:
        return False
    return True


def document_export(*, actor, filters: dict) -> Ledger:
    """The register under `filters` (status, year, q), as the page lists it."""
    rows = []
    for d in selectors.document_list(actor, **filters):
        f = getattr(d, "filing", None) if _has_filing(d) else None
        rows.append(
            [
                d.number, d.title, d.org_unit.name, d.get_issuer_display(), d.get_status_display(),
                "是" if d.touches_business else "否",
                d.get_fair_competition_display() if d.fair_competition else "",
                _d(d.comment_start), _d(d.comment_end),
                "" if d.comment_count is None else d.comment_count,
                d.deliberation_meeting, _d(d.deliberation_date), _d(d.registered_on),
                _d(d.published_on), d.publish_channel, _d(d.effective_from), _d(d.valid_until),
                f.get_status_display() if f else "未报备",
                ("是" if f.on_time else "否") if f else "",
                str(d.created_by),
            ]
        )  # fmt: skip
    return export_ledger(
        actor=actor,
        verb="document.export",
        name="规范性文件台账",
        sheets=[("规范性文件台账", LEDGER_HEADERS, rows)],
        counts={"rows": len(rows)},
        filters=filters,
    )


def filing_export(*, actor, filters: dict) -> Ledger:
    """The filings of the documents published in `filters["year"]` (default this year);
    the file is named by that year."""
    year = filters.get("year") or clock.today().year
    rows = [
        [
            f.document.number, f.document.title, f.org_unit.name, _d(f.document.published_on),
            _d(f.due_date), _d(f.submitted_on), "是" if f.on_time else "否",
            f.get_status_display(), f.returned_count, "是" if f.correction_ordered else "否",
            f.get_order_kind_display() if f.order_kind else "", _d(f.correction_due),
            f.county_opinion,
        ]
        for f in selectors.filing_list(actor, year=year)
    ]  # fmt: skip
    return export_ledger(
        actor=actor,
        verb="filing.export",
        name="规范性文件备案台账",
        stamp=str(year),
        sheets=[(f"{year}年备案台账", FILING_HEADERS, rows)],
        counts={"rows": len(rows)},
        filters={"year": year},
    )
