"""The county's matrix of towns × 旬 (every state), the on-time figure with its sentence,
the workbench items and the .docx of a report."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core import summary
from fazhi.core.officedoc import text_of
from fazhi.core.pending import collect
from fazhi.tenday import selectors, services
from fazhi.tenday.deadlines import pending_items
from fazhi.tenday.document import report_document

from .conftest import draft, submit

pytestmark = pytest.mark.django_db


def _feb_and_march(people, tree, on_day):
    """Town A in 2025: 2月中旬 on time, 2月下旬 late, 3月上旬 returned, 2月上旬 missing;
    on 14 March 3月中旬 is still running."""
    on_day(date(2025, 2, 21))
    submit(people.officer, draft(people, tree, start=date(2025, 2, 11)))
    on_day(date(2025, 3, 6))
    submit(people.officer, draft(people, tree, start=date(2025, 2, 21)))  # due 4 March
    on_day(date(2025, 3, 11))
    r = submit(people.officer, draft(people, tree, start=date(2025, 3, 1)))
    on_day(date(2025, 3, 14))
    services.report_transition(actor=people.supervisor, obj=r, verb="return", note="补充")
    return r


def test_the_matrix_shows_every_state(people, tree, on_day):
    returned = _feb_and_march(people, tree, on_day)
    periods, rows = selectors.matrix(
        people.supervisor, date(2025, 2, 1), date(2025, 3, 31), date(2025, 3, 14)
    )
    assert [p.short for p in periods] == [
        "2月上旬",
        "2月中旬",
        "2月下旬",
        "3月上旬",
        "3月中旬",
        "3月下旬",
    ]
    by_town = {r.town.code: [c.state for c in r.cells] for r in rows}
    assert by_town == {
        "339901101": ["missing", "on_time", "late", "returned", "future", "future"],
        "339901102": ["missing", "missing", "missing", "missing", "future", "future"],
    }
    a = rows[0]
    assert a.expected == 4 and a.on_time_rate == 50.0  # on time: 2月中旬 and 3月上旬
    # A period just ended and not yet past due is 待报送, not 缺报.
    _, rows = selectors.matrix(
        people.officer_b, date(2025, 3, 11), date(2025, 3, 20), date(2025, 3, 21)
    )
    assert [r.town.code for r in rows] == ["339901102"]  # a town sees only itself
    assert rows[0].cells[0].state == "due"
    returned.refresh_from_db()
    assert returned.status == "returned"


def test_the_on_time_figure_and_its_sentence(people, tree, on_day):
    _feb_and_march(people, tree, on_day)
    figure = next(
        f
        for f in summary.collect(tree.town_a, date(2025, 2, 1), date(2025, 3, 10))
        if f.key == "tenday.on_time_rate"
    )
    assert figure.sentence == "按要求定期报送法治建设旬报3期,按时报送率50%"
    assert figure.section == "组织领导"
    assert figure.breakdown == {
        "报送期数": 3,
        "按时报送": 2,
        "逾期报送": 1,
        "缺报": 1,
        "应报期数": 4,
    }
    county = next(
        f
        for f in summary.collect(tree.county, date(2025, 2, 1), date(2025, 3, 10))
        if f.key == "tenday.on_time_rate"
    )
    assert county.breakdown["应报期数"] == 8 and county.value == 25.0


def test_the_workbench_shows_due_overdue_and_returned(people, tree, on_day):
    returned = _feb_and_march(people, tree, on_day)
    items = pending_items(people.officer, date(2025, 3, 14))
    titles = [i.title for i in items]
    assert "修改后重新报送旬报:2025年3月上旬(县级已退回,查漏补缺)" in titles
    overdue = next(i for i in items if i.title == "报送法治建设旬报:2025年2月上旬")
    assert overdue.level == "danger" and overdue.due == date(2025, 2, 12)
    assert any(i.url.endswith(f"/tenday/{returned.pk}/") for i in items)
    assert pending_items(people.officer_b, date(2025, 3, 14))  # town B owes its reports
    assert pending_items(people.leader, date(2025, 3, 14)) == []
    # Collected on the workbench with the others, nearest first.
    assert any(i.category == "法治建设旬报" for i in collect(people.officer, date(2025, 3, 14)))


def test_the_docx_holds_the_title_unit_date_and_lines(people, tree, on_day):
    on_day(date(2025, 3, 11))
    report = draft(people, tree)
    report = services.report_update(
        actor=people.officer, report=report, body="一、组织领导\n召开推进部署会议1次。",
        problems="宣传阵地更新不及时。", next_steps="推进法律顾问全覆盖。",
    )  # fmt: skip
    report = submit(people.officer, report)
    doc = report_document(report)
    text = text_of(doc.content)
    assert "海屿镇法治建设旬报(2025年3月上旬)" in text
    for part in ("报送单位", "海屿镇", "2025年3月11日", "一、组织领导", "召开推进部署会议1次。",
                 "二、存在问题", "宣传阵地更新不及时。", "三、下一步工作"):  # fmt: skip
        assert part in text
