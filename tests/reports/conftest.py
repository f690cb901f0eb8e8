"""Fixtures of the annual summary: a stand-in contributor with a known town-year (so the
composition is tested apart from any one app's counts), and a snapshot of what a refused
write must leave unchanged."""

from __future__ import annotations

import pytest

from fazhi.core.annual import Contribution, Fact, Point
from fazhi.core.models import AuditEvent
from fazhi.reports.models import AnnualReport, AnnualReportVersion

YEAR = 2023


def fake_contribute(unit, year):
    """Two chapters' points (out of order, to test ordering), a problem and a plan item;
    nothing for any other year."""
    if year != YEAR:
        return Contribution()
    return Contribution(
        points=[
            Point("probe.documents", "加强规范性文件管理,审核行政规范性文件{0}件,行政协议{1}件。",
                  (Fact(2, "/documents/?year=2023", "审核规范性文件"),
                   Fact(105, "/contracts/?year=2023", "审核行政协议")),
                  chapter="administration", order=10),
            Point("probe.study", "成立法治政府领导小组,全年开展法治理论专题学习{0}次,专题部署{1}次。",
                  (Fact(4, "/leadership/?kind=study", "专题学习"),
                   Fact(3, "/leadership/?kind=deploy", "专题部署")),
                  chapter="organisation", order=10),
            Point("probe.villages", "二是强化村社法治建设人员配置,在{0}个村社建立领导小组。",
                  (Fact(7, "", "村社"),), chapter="organisation", order=20),
        ],
        problems=[
            Point("probe.overdue", "有{0}件整改事项逾期未销号。", (Fact(1, "/inspections/", "逾期整改"),))
        ],
        next_year=[Point("probe.plan", "继续推进规范性文件备案审查。")],
    )  # fmt: skip


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(
        "fazhi.reports.compose.app_hooks", lambda module, attr: iter([fake_contribute])
    )
    return fake_contribute


def snapshot():
    """Rows, texts, versions and audit trail: what a refusal must not change."""
    return (
        list(
            AnnualReport.objects.values_list("pk", "status", "edits", "version", "exporting_since")
        ),
        AnnualReportVersion.objects.count(),
        AuditEvent.objects.count(),
    )
