"""Every write of 信访, one module per concern.

- `intake`: registering a petition (登记) with its petitioners;
- `flow`: the state machine from acceptance to 复核, each step's guards and deadlines;
- `document`: the 信访处理意见书 (.docx).
"""

from .common import HANDLER_ROLES, PAGE_ROLES, REVIEW_ROLES
from .document import answer_document
from .flow import PETITION_FLOW, REVIEW_VERBS, STEP_FIELDS, petition_transition
from .intake import earlier_petitions, petition_register

__all__ = [
    "HANDLER_ROLES",
    "PAGE_ROLES",
    "PETITION_FLOW",
    "REVIEW_ROLES",
    "REVIEW_VERBS",
    "STEP_FIELDS",
    "answer_document",
    "earlier_petitions",
    "petition_register",
    "petition_transition",
]
