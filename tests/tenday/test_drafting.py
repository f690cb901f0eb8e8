"""The draft's lines: non-zero figures with a sentence, grouped by section in the report's
order, numbers kept as JSON numbers, the 旬报's own figure left out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fazhi.core.summary import Figure
from fazhi.tenday import drafting
from fazhi.tenday.periods import period_of


def test_sections_in_order_zero_and_own_figures_left_out(monkeypatch):
    figures = [
        Figure(
            "contracts.amount",
            "合同金额",
            Decimal("12.5"),
            "万元",
            "签订合同金额12.5万元。",
            "依法行政",
        ),
        Figure("grids.visits", "走访", 39, "人次", "走访群众39人次", "基层治理"),
        Figure("leadership.meetings", "会议", 1, "次", "召开推进部署会议1次;", "组织领导"),
        Figure("documents.filed", "备案", 0, "件", "备案0件", "依法行政"),
        Figure("tenday.on_time_rate", "旬报", 100.0, "%", "按时报送率100%", "组织领导"),
        Figure("x.unsaid", "无表述", 3, "件", "", "依法行政"),
        Figure("lawunits.rules", "村规民约", 2, "件", "审查村规民约2件", "村社"),
    ]
    monkeypatch.setattr(drafting.summary, "collect", lambda unit, start, end: figures)
    out = drafting.figures_of(None, period_of(date(2025, 3, 5)))
    assert [f["key"] for f in out] == [
        "contracts.amount", "grids.visits", "leadership.meetings", "lawunits.rules",
    ]  # fmt: skip
    assert out[0]["value"] == 12.5 and isinstance(out[0]["value"], float)
    assert drafting.body_of(out).splitlines() == [
        "一、组织领导",
        "召开推进部署会议1次。",
        "二、依法行政",
        "签订合同金额12.5万元。",
        "三、基层治理",
        "走访群众39人次。",
        "四、村社",
        "审查村规民约2件。",
    ]
    assert drafting.body_of([]) == "本旬无新增业务数据。"
