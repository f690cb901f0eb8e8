"""工作任务's part of the annual summary (core.annual): the seed's "制定了工作规划,将各项
工作任务分解到各村社,层层压紧压实责任" with the year's tasks, done and on time; the tasks
open past their deadline as problems; next year's plan items (工作要点) as 三、下一年度
工作思路. `?annual=<key>:<year>:<unit code>` narrows the task list to the records counted."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.db.models import F, Q

from fazhi.core import clock
from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Plan, PlanItem, Task
from .selectors import village_of

Status = Task.Status


def _due(u, y):
    return in_subtree(u) & Q(due__range=(date(y, 1, 1), date(y, 12, 31)))


def _as_of(y: int) -> date:
    """Overdue as the figures count it: as of the year's end, or today within the year."""
    return min(date(y, 12, 31) + timedelta(days=1), clock.today())


COHORTS = {
    "due": (Task, _due),
    "done": (Task, lambda u, y: _due(u, y) & Q(status=Status.DONE)),
    "on_time": (
        Task,
        lambda u, y: (
            _due(u, y) & Q(status=Status.DONE, done_on__isnull=False, done_on__lte=F("due"))
        ),
    ),
    "overdue": (
        Task,
        lambda u, y: _due(u, y) & Q(status=Status.OPEN, due__lt=_as_of(y)),
    ),
}
LISTS = {Task: "tasks:task_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    due = _fact(unit, year, "due", "全年到期的工作任务")
    if due.value:
        villages = {
            u.code: u
            for u in OrgUnit.objects.filter(
                code__startswith=unit.code,
                kind__in=[OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY],
            ).only("code", "name")
        }
        units = OrgUnit.objects.filter(
            pk__in=Task.objects.filter(_due(unit, year)).values("org_unit")
        ).only("code", "name")
        names = {village_of(u, villages) for u in units}
        n_villages = Fact(sum(not n.startswith("镇本级") for n in names), "", "承担任务的村社")
        done = _fact(unit, year, "done", "已完成的工作任务")
        on_time = _fact(unit, year, "on_time", "按期完成的工作任务")
        c.points.append(
            Point(
                "tasks.breakdown",
                "完善各项工作制度,制定工作规划,将各项工作任务分解到各村社,层层压紧压实责任,"
                "全年将{0}项工作任务分解落实到{1}个村社及站所中心,已完成{2}项,其中按期完成{3}项。",
                (due, n_villages, done, on_time),
                "organisation",
                order=25,
            )
        )
    overdue = _fact(unit, year, "overdue", "逾期未完成的工作任务")
    if overdue.value:
        late = Task.objects.filter(COHORTS["overdue"][1](unit, year)).select_related("org_unit")
        named = "、".join(f"{t.org_unit.name}“{t.title}”" for t in late.order_by("due", "id")[:3])
        c.problems.append(
            Point(
                "tasks.overdue",
                "工作任务推进不够平衡,{0}项工作任务逾期未完成(" + named
                + ("等" if overdue.value > 3 else "") + ")。",
                (overdue,),
            )
        )  # fmt: skip
    items = PlanItem.objects.filter(plan__in=Plan.objects.filter(org_unit=unit, year=year + 1))
    for item in items.order_by("seq", "id"):
        c.next_year.append(Point(f"tasks.next.{item.seq}", item.title + "。", order=item.seq))
    return c
