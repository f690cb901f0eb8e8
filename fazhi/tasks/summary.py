"""工作任务's figures for reports, honest for ANY period (a year, a month, a 旬): the tasks
whose deadline falls in the period in the unit's subtree — how many, done, done on time,
overdue (open past the deadline, counted as of the period's end or today, whichever is
earlier) — with a breakdown per village/community, each a number and a ready sentence,
e.g. "将工作任务分解到7个村社及站所共42项,期内到期35项,按期完成30项,逾期5项"."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent

from .models import Task
from .selectors import village_rollup

SECTION = "组织领导"


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    tasks = list(
        Task.objects.filter(in_subtree(unit), due__range=(start, end)).select_related("org_unit")
    )
    # Overdue as of the period's end: a task due on its last day is not late yet that day.
    as_of = min(end + timedelta(days=1), clock.today())
    rows = village_rollup(tasks, as_of, unit)
    total = len(tasks)
    done = sum(r.done for r in rows)
    on_time = sum(r.on_time for r in rows)
    late = sum(r.late for r in rows)
    overdue = sum(r.overdue for r in rows)
    units = Counter(t.org_unit_id for t in tasks)
    villages = [r for r in rows if not r.unit.startswith("镇本级")]
    if total:
        sentence = (
            f"将工作任务分解到{len(villages)}个村社"
            + ("及站所中心" if len(villages) < len(rows) else "")
            + f"共{total}项(期内到期),已完成{done}项,其中按期完成{on_time}项"
            + (f"、逾期完成{late}项" if late else "")
            + (f",逾期未完成{overdue}项" if overdue else "")
        )
    else:
        sentence = ""
    return [
        Figure(
            key="tasks.due",
            label="期内到期工作任务",
            value=total,
            unit="项",
            sentence=sentence,
            section=SECTION,
            breakdown={r.unit: r.total for r in rows},
        ),
        Figure(
            key="tasks.done",
            label="已完成工作任务",
            value=done,
            unit="项",
            sentence=f"工作任务完成率{percent(done, total)}%" if total else "",
            section=SECTION,
            breakdown={r.unit: r.done for r in rows},
        ),
        Figure(
            key="tasks.on_time",
            label="按期完成工作任务",
            value=on_time,
            unit="项",
            sentence=f"按期完成率{percent(on_time, total)}%" if total else "",
            section=SECTION,
            breakdown={r.unit: r.on_time for r in rows},
        ),
        Figure(
            key="tasks.overdue",
            label="逾期未完成工作任务",
            value=overdue,
            unit="项",
            sentence=(
                "逾期未完成工作任务{n}项({where})".format(
                    n=overdue, where="、".join(f"{r.unit}{r.overdue}项" for r in rows if r.overdue)
                )
                if overdue
                else ("期内到期的工作任务无逾期未完成" if total else "")
            ),
            section=SECTION,
            breakdown={r.unit: r.overdue for r in rows if r.overdue},
        ),
        Figure(
            key="tasks.units",
            label="承担任务的单位",
            value=len(units),
            unit="个",
            sentence=f"承担工作任务的单位{len(units)}个" if total else "",
            section=SECTION,
        ),
    ]
