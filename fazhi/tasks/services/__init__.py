"""Every write of 工作任务, one module per aggregate.

- the town's law office makes the year's plan and its items; the county supervisor makes
  the county's and sends it down to every town as that town's items (`plan`);
- the law office breaks an item down to villages/communities, grids or the town's offices,
  a task's owner breaks it down further; owners report progress with evidence; a task is
  done only with evidence and every subtask done (`task`);
- a plan's task list is exported and an existing one imported, all or nothing (`ledger`).
"""

from .common import PLANNER_ROLES, owner_choices
from .ledger import plan_import, task_export
from .plan import item_add, item_update, plan_create, plan_send_down, planner_of
from .task import (
    TASK_FLOW,
    check_due,
    is_town_officer,
    may_break_down,
    may_report,
    progress_report,
    task_create,
    task_transition,
)

__all__ = [
    "PLANNER_ROLES",
    "TASK_FLOW",
    "check_due",
    "is_town_officer",
    "item_add",
    "item_update",
    "may_break_down",
    "may_report",
    "owner_choices",
    "plan_create",
    "plan_import",
    "plan_send_down",
    "planner_of",
    "progress_report",
    "task_create",
    "task_export",
    "task_transition",
]
