"""Every write of 组织领导, one module per aggregate.

Who does what:
- the town's law officer keeps the town's and its villages' leading groups, work rules
  and meetings; a village cadre keeps their own village's (`groups`, `meetings`);
- the law officer keeps the year's 述法 list and records each 述法's meeting and 评议;
  each leading cadre submits their own report (`lawreports`);
- the ledgers of what one sees are exported, and audited (`export`)."""

from .common import PAGE_ROLES, WRITER_ROLES, may_write, people_of, town_of, writable_units
from .export import group_export, lawreport_export, meeting_export
from .groups import group_create, member_add, member_end, rule_create
from .lawreports import (
    LAWREPORT_FLOW,
    due_on,
    lawreport_add,
    lawreport_remove,
    lawreport_roster,
    lawreport_submit,
    lawreport_transition,
)
from .meetings import MEETING_FLOW, decision_add, meeting_create, meeting_hold

__all__ = [
    "LAWREPORT_FLOW",
    "MEETING_FLOW",
    "PAGE_ROLES",
    "WRITER_ROLES",
    "decision_add",
    "due_on",
    "group_create",
    "group_export",
    "lawreport_add",
    "lawreport_export",
    "lawreport_remove",
    "lawreport_roster",
    "lawreport_submit",
    "lawreport_transition",
    "may_write",
    "meeting_create",
    "meeting_export",
    "meeting_hold",
    "member_add",
    "member_end",
    "people_of",
    "rule_create",
    "town_of",
    "writable_units",
]
