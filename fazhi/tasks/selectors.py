"""Reads of 工作任务, scoped and prefetched: lists whose query count does not grow with
their rows, and a plan's whole tree (items → tasks → subtasks, rolled up) in two queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from fazhi.core import clock
from fazhi.core.deadlines import deadline
from fazhi.core.models import CODE_LENGTHS, OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q
from fazhi.core.summary import percent

from .models import TASK_ROLES, Plan, PlanItem, ProgressReport, Task
from .params import DUE_SOON_WORKDAYS

Status = Task.Status
WARNINGS = {"overdue": "已逾期", "due_soon": "临期"}


def due_soon_until(unit: OrgUnit | None, today: date) -> date:
    """The last deadline that counts as due soon: N working days from today (parameter)."""
    return deadline(today, DUE_SOON_WORKDAYS.value(unit), "workdays")


def plan_list(actor, *, year=None):
    qs = (
        Plan.objects.visible_to(actor)
        .select_related("org_unit", "source_plan")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("-year", "-id")
    )
    if year:
        qs = qs.filter(year=year)
    return qs


def plan_get(actor, pk: int) -> Plan:
    return get_visible_or_404(
        Plan.objects.select_related("org_unit", "source_plan"), actor, None, pk=pk
    )


def task_list(
    actor, *, status="", warning="", org_unit=None, plan=None, q="", mine=False, today=None
):
    """Tasks the user may see, nearest deadline first."""
    today = today or clock.today()
    qs = Task.objects.visible_to(actor).select_related("org_unit", "owner", "item", "plan")
    if status:
        qs = qs.filter(status=status)
    if warning == "overdue":
        qs = qs.filter(status=Status.OPEN, due__lt=today)
    elif warning == "due_soon":
        unit = org_unit or next(iter(actor.units_for(TASK_ROLES)), None)
        qs = qs.filter(status=Status.OPEN, due__gte=today, due__lte=due_soon_until(unit, today))
    if org_unit is not None:
        qs = qs.filter(org_unit__code__startswith=org_unit.code)
    if plan is not None:
        qs = qs.filter(plan=plan)
    if mine:
        qs = qs.filter(owner=actor)
    if q:
        qs = qs.filter(search_q(Task, q))
    return qs.order_by("due", "id")


def task_get(actor, pk: int) -> Task:
    return get_visible_or_404(
        Task.objects.select_related(
            "org_unit", "owner", "item", "plan__org_unit", "parent__org_unit", "created_by"
        ),
        actor,
        None,
        pk=pk,
    )


def task_children(actor, task: Task):
    return list(
        Task.objects.visible_to(actor)
        .filter(parent=task)
        .select_related("org_unit", "owner")
        .order_by("due", "id")
    )


def task_reports(task: Task):
    return list(ProgressReport.objects.filter(task=task).select_related("reported_by"))


# --- the plan's tree and roll-up --------------------------------------------------------------


@dataclass
class Node:
    """An item or a task in the plan's tree, with its rolled-up progress: a task without
    subtasks counts its own progress (100 when done); one with subtasks, the mean of theirs
    (100 when done itself); an item, the mean of its tasks."""

    obj: object
    children: list = field(default_factory=list)
    progress: float = 0.0
    overdue: bool = False  # this task, or anything under it, is open past its deadline
    depth: int = 0

    @property
    def is_item(self) -> bool:
        return isinstance(self.obj, PlanItem)


def _roll(node: Node, today: date, depth: int) -> None:
    node.depth = depth
    for child in node.children:
        _roll(child, today, depth + 1)
    obj = node.obj
    if node.is_item:
        own_overdue = False
        done = None
    else:
        done = obj.status == Status.DONE
        own_overdue = not done and obj.due < today
    if done:
        node.progress = 100.0
    elif node.children:
        node.progress = round(sum(c.progress for c in node.children) / len(node.children), 1)
    else:
        node.progress = float(obj.progress) if not node.is_item else 0.0
    node.overdue = own_overdue or any(c.overdue for c in node.children)


def plan_tree(actor, plan: Plan, today: date | None = None) -> tuple[list[Node], list[Task]]:
    """The plan's items with their visible tasks nested under them (two queries)."""
    today = today or clock.today()
    items = list(PlanItem.objects.filter(plan=plan).order_by("seq", "id"))
    tasks = list(
        Task.objects.visible_to(actor)
        .filter(plan=plan)
        .select_related("org_unit", "owner")
        .order_by("due", "id")
    )
    nodes = {t.pk: Node(t) for t in tasks}
    item_nodes = {i.pk: Node(i) for i in items}
    for t in tasks:
        parent = nodes.get(t.parent_id) if t.parent_id else item_nodes.get(t.item_id)
        if parent is None:  # the parent lies outside what the user sees
            parent = item_nodes.get(t.item_id)
        parent.children.append(nodes[t.pk])
    roots = [item_nodes[i.pk] for i in items]
    for root in roots:
        _roll(root, today, 0)
    return roots, tasks


def flatten(nodes: list[Node]) -> list[Node]:
    out = []
    for n in nodes:
        out.append(n)
        out.extend(flatten(n.children))
    return out


@dataclass
class VillageRow:
    unit: str
    total: int = 0
    done: int = 0
    on_time: int = 0
    overdue: int = 0  # open past the deadline
    late: int = 0  # done, after the deadline
    progress_sum: float = 0.0

    @property
    def progress(self) -> float:
        return round(self.progress_sum / self.total, 1) if self.total else 0.0

    @property
    def done_rate(self):
        return percent(self.done, self.total)


def village_of(unit: OrgUnit, units_by_code: dict) -> str:
    """The village/community a unit lies in (a grid's village), or the town's offices."""
    village_len = CODE_LENGTHS["village"]
    if len(unit.code) >= village_len:
        village = units_by_code.get(unit.code[:village_len])
        return village.name if village else unit.name
    return "镇本级(站所中心)"


def village_rollup(tasks: list[Task], today: date, scope: OrgUnit) -> list[VillageRow]:
    """Per village/community of `scope` (grids counted in their village; the town's own
    offices as one row): tasks, done, done on time, done late, overdue and mean progress.
    One query for the villages' names, however many tasks."""
    units = {
        u.code: u
        for u in OrgUnit.objects.filter(
            code__startswith=scope.code, kind__in=[OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY]
        ).only("code", "name")
    }
    rows: dict[str, VillageRow] = {}
    for t in tasks:
        name = village_of(t.org_unit, units)
        row = rows.setdefault(name, VillageRow(name))
        row.total += 1
        done = t.status == Status.DONE
        row.progress_sum += 100 if done else t.progress
        if done:
            row.done += 1
            if t.done_on and t.done_on <= t.due:
                row.on_time += 1
            else:
                row.late += 1
        elif t.due < today:
            row.overdue += 1
    return sorted(rows.values(), key=lambda r: (r.unit.startswith("镇本级"), r.unit))


def tasks_for_export(actor, **filters):
    return task_list(actor, **filters).select_related("parent")
