"""Every write of 矛盾纠纷 and 人民调解, one module per aggregate.

Who does what:
- the town's law office, a village's cadres and grid workers register a dispute with its
  parties; a resident reports one online (`intake`);
- the village 调委会 (village cadres) and the town's law office (镇调委会/司法所) route it
  with a reason, accept it, record the mediation sessions, and reach an outcome: success
  with an agreement, failure (with the remedies told), a party's refusal, or a transfer
  to another body (`flow`, `intake`);
- a written agreement carries every item of art 29, is generated as .docx, signed
  (uploaded), and opens the 30-day window for judicial confirmation (`agreement`);
- a follow-up visit on performance, then closure (`flow`).
"""

from ..params import JUDICIAL_DAYS
from .agreement import (
    agreement_blocks,
    agreement_document,
    agreement_record,
    agreement_sign,
    art29_missing,
    court_due,
    judicial_apply,
    judicial_decide,
    judicial_waive,
)
from .common import (
    INTAKE_ROLES,
    MEDIATOR_ROLES,
    category_choices,
    intake_units,
    may_mediate,
)
from .flow import (
    BUTTON_VERBS,
    DEFAULT_REMEDIES,
    DISPUTE_FLOW,
    dispute_transition,
    followup_add,
    session_add,
)
from .intake import (
    STAFF_SOURCES,
    dispute_create,
    dispute_route,
    online_submit,
    party_add,
    party_update,
    resident_unit,
    route_choices,
)

__all__ = [
    "BUTTON_VERBS",
    "DEFAULT_REMEDIES",
    "DISPUTE_FLOW",
    "INTAKE_ROLES",
    "JUDICIAL_DAYS",
    "MEDIATOR_ROLES",
    "STAFF_SOURCES",
    "agreement_blocks",
    "agreement_document",
    "agreement_record",
    "agreement_sign",
    "art29_missing",
    "category_choices",
    "court_due",
    "dispute_create",
    "dispute_route",
    "dispute_transition",
    "followup_add",
    "intake_units",
    "judicial_apply",
    "judicial_decide",
    "judicial_waive",
    "may_mediate",
    "online_submit",
    "party_add",
    "party_update",
    "resident_unit",
    "route_choices",
    "session_add",
]
