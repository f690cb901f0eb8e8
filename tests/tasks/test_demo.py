"""工作任务's demo (made through the services): both years' plans, every village's tasks,
evidence on the done ones, overdue tasks on `vcadre`'s and the law office's workbench, and
figures that match the ledger."""

from __future__ import annotations

import time
from datetime import date

import pytest

from fazhi.core.attachments import attachments_for
from fazhi.core.models import OrgUnit
from fazhi.core.pending import collect
from fazhi.core.roles import Role
from fazhi.tasks import demo
from fazhi.tasks.models import Plan, Task
from fazhi.tasks.summary import figures
from tests.factories import member

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)
NAMES = {"339901101002": "渔港二社区", "339901101202": "西岙村", "339901101203": "南沙村",
         "339901101204": "北礁村", "339901101205": "大岙村"}  # fmt: skip


@pytest.fixture
def demo_data(people, tree, on_day):
    """The island town's seven villages and communities, each with a cadre; then the demo."""
    member(tree.village_a2, Role.VILLAGE_CADRE, "lihaiyan")
    for code, name in NAMES.items():
        kind = "community" if code[9] == "0" else "village"
        unit = OrgUnit.objects.create(kind=kind, code=code, name=name, parent=tree.town_a)
        member(unit, Role.VILLAGE_CADRE, f"cadre{code[-3:]}")
    on_day(TODAY)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 5
    return created


def test_demo_has_both_years_with_tasks_for_every_village(demo_data, people, tree):
    assert len(demo_data) == 2
    assert set(Plan.objects.values_list("year", flat=True)) == {2024, 2025}
    last = Task.objects.filter(plan__year=2024)
    assert last.values("org_unit").distinct().count() == 7
    assert last.filter(status="done").count() == last.count() - 2
    for task in last.filter(status="done")[:5]:
        assert attachments_for(task).exists()
    assert demo.load_app_demo() == []  # idempotent


def test_demo_puts_overdue_tasks_on_the_workbenches(demo_data, people):
    mine = [i for i in collect(people.village_cadre, TODAY) if i.category == "我的工作任务"]
    assert mine and mine[0].level == "danger" and mine[0].due.year == 2024
    office = [i for i in collect(people.officer, TODAY) if i.category == "工作任务督办"]
    assert len(office) >= 2


def test_demo_figures_match_the_ledger(demo_data, tree):
    figs = {f.key: f for f in figures(tree.town_a, date(2024, 1, 1), date(2024, 12, 31))}
    tasks = Task.objects.filter(plan__year=2024)
    assert figs["tasks.due"].value == tasks.count() == 28
    assert figs["tasks.done"].value == tasks.filter(status="done").count() == 26
    assert figs["tasks.overdue"].value == 2
    assert figs["tasks.on_time"].value == 25
    assert "逾期完成1项" in figs["tasks.due"].sentence
