"""Every write of 督查整改, one module per aggregate.

Who does what:
- the county supervisor opens a 县级专项督查 of a town of their county and records its
  findings; the town's law officer does the same for the town's own 自查
  (`inspection`);
- that inspecting side issues the rectification notice (下发整改通知), and closes (销号) or
  returns (退回) each rectification;
- a finding's owner (staff of the inspected town) submits the rectification with its
  evidence (at least one attachment) (`finding`);
- the inspection is completed (办结) only when every finding is closed, or, with no
  finding at all, with the explicit conclusion "未发现需整改问题";
- the ledger of what one sees is exported, and audited (`export`).
"""

from ..params import OWNER_OUTSIDE, RECTIFY_DAYS
from .common import (
    INSPECTOR_ROLES,
    PAGE_ROLES,
    inspector_roles,
    is_inspector,
    owner_choices,
    owner_in_town,
    town_choices,
)
from .export import inspection_export
from .finding import (
    FINDING_EDITABLE,
    FINDING_FLOW,
    finding_add,
    finding_editable,
    finding_transition,
    finding_update,
)
from .inspection import (
    INSPECTION_EDITABLE,
    INSPECTION_FLOW,
    inspection_create,
    inspection_editable,
    inspection_transition,
    inspection_update,
    last_change,
)

__all__ = [
    "FINDING_EDITABLE",
    "FINDING_FLOW",
    "INSPECTION_EDITABLE",
    "INSPECTION_FLOW",
    "INSPECTOR_ROLES",
    "OWNER_OUTSIDE",
    "PAGE_ROLES",
    "RECTIFY_DAYS",
    "finding_add",
    "finding_editable",
    "finding_transition",
    "finding_update",
    "inspection_create",
    "inspection_editable",
    "inspection_export",
    "inspection_transition",
    "inspection_update",
    "inspector_roles",
    "is_inspector",
    "last_change",
    "owner_choices",
    "owner_in_town",
    "town_choices",
]
