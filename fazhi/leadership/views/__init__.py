"""组织领导 pages: leading groups (who is in each on any day; the villages-with-a-group
rate), work rules, meetings and study sessions (with the decisions' links to break them
down into tasks), and 述法 (the year's list, one's own report, 评议)."""

from .groups import (  # noqa: F401
    group_create,
    group_detail,
    group_export,
    group_list,
    member_add,
    member_end,
    rule_create,
    rule_detail,
    rule_list,
)
from .lawreports import (  # noqa: F401
    lawreport_add,
    lawreport_detail,
    lawreport_export,
    lawreport_list,
    lawreport_remove,
    lawreport_review,
    lawreport_roster,
    lawreport_submit,
)
from .meetings import (  # noqa: F401
    decision_add,
    meeting_create,
    meeting_detail,
    meeting_export,
    meeting_hold,
    meeting_list,
    task_links,
)
