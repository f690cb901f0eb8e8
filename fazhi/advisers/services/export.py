"""The 法律顾问 ledger (.xlsx) for the provincial adviser information system: sheet 1
顾问名册, sheet 2 工作记录 (per adviser and year), sheet 3 考核, exported through
core.xlsx.export_ledger (bold headers; text that would run as a formula kept text; the
export audited)."""

from __future__ import annotations

from fazhi.core import clock
from fazhi.core.permissions import check_role
from fazhi.core.xlsx import Ledger, Sheet, export_ledger

from ..models import EXPORT_ROLES, Adviser, WorkEntry
from ..selectors import adviser_list, assessments_for_export, work_records

ROSTER_HEADERS = [
    "所属单位",
    "姓名",
    "类别",
    "律师事务所/工作单位",
    "执业证号",
    "执业年限",
    "聘期开始",
    "聘期届满",
    "状态",
    "专业领域",
]
WORK_HEADERS = [
    "所属单位",
    "姓名",
    "年度",
    "合法性审核(件)",
    "按期率",
    "法律咨询",
    "参与谈判",
    "诉讼代理",
    "信访化解",
    "法治培训",
    "其他",
]
ASSESSMENT_HEADERS = [
    "所属单位",
    "姓名",
    "考核年度",
    "考核办法",
    "总分",
    "等次",
    "是否续聘",
    "考核意见",
]


def _status(a, today) -> str:
    if a.status != a.Status.ACTIVE:
        return a.get_status_display()
    if a.term_end is None:
        return "未登记聘期"
    return "在聘" if a.term_end >= today else "聘期届满"


def ledger_sheets(advisers, year: int) -> list[Sheet]:
    """The three sheets for these advisers (already scoped, with term_start/term_end)."""
    today = clock.today()
    advisers = list(advisers)
    records = work_records(advisers, year)
    assessments = assessments_for_export(advisers)
    kinds = [k for k, _ in WorkEntry.Kind.choices]
    roster = (
        "顾问名册",
        ROSTER_HEADERS,
        (
            (
                a.org_unit.name,
                a.name,
                a.get_kind_display(),
                a.institution,
                a.licence_no,
                a.practice_years(today) if a.practice_since else "",
                a.term_start or "",
                a.term_end or "",
                _status(a, today),
                a.specialty,
            )
            for a in advisers
        ),
    )
    work = (
        "工作记录",
        WORK_HEADERS,
        (
            (
                a.org_unit.name,
                a.name,
                year,
                records[a.pk].reviews,
                records[a.pk].on_time_percent,
                *(records[a.pk].count(k) for k in kinds),
            )
            for a in advisers
        ),
    )
    assessed = (
        "考核",
        ASSESSMENT_HEADERS,
        (
            (
                a.org_unit.name,
                a.name,
                s.year,
                s.scheme_name,
                float(s.total),
                s.grade,
                "续聘" if s.renew else "不续聘",
                s.note,
            )
            for a in advisers
            for s in assessments.get(a.pk, [])
        ),
    )
    return [roster, work, assessed]


def adviser_export(*, actor, filters: dict) -> Ledger:
    """The ledger of every adviser the actor may see, with their work in `filters["year"]`
    (default: this year); the export is itself an audit event (adviser.export)."""
    check_role(actor, EXPORT_ROLES, "无权导出法律顾问台账")
    year = filters.get("year") or clock.today().year
    advisers = list(adviser_list(actor))
    return export_ledger(
        actor=actor,
        verb="adviser.export",
        name=f"法律顾问台账-{year}年-",
        sheets=ledger_sheets(advisers, year),
        counts={"count": len(advisers)},
        filters={"year": year},
        model=Adviser,
        summary=f"法律顾问台账({year}年,{len(advisers)}名)",
    )
