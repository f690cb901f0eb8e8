"""Every write of 法律顾问 (legal-rules.md §5), one module per aggregate: the registry
(registration with the qualification check, corrections, dismissal), appointment terms
and renewals, work entries, the 考核办法 and the annual assessment that decides renewal,
and the audited ledger export.

Who does what (roles in models.py): the town's law officer keeps the registry, terms and
work entries; the town leader or law officer assesses (never the adviser themselves); a
law officer sets the town's 考核办法 and a county supervisor the county's (for all its
towns). County supervisors read every town of their county; an adviser reads their own
record.
"""

from .adviser import (
    ADVISER_FLOW,
    EDITABLE,
    adviser_create,
    adviser_transition,
    adviser_update,
    qualification_refusal,
)
from .appointment import appointment_create
from .assessment import (
    DEFAULT_SCHEME,
    SOURCES,
    Scheme,
    assessment_create,
    scheme_for,
    scheme_save,
    suggested_scores,
)
from .export import adviser_export
from .work import work_entry_create

__all__ = [
    "ADVISER_FLOW",
    "DEFAULT_SCHEME",
    "EDITABLE",
    "SOURCES",
    "Scheme",
    "adviser_create",
    "adviser_export",
    "adviser_transition",
    "adviser_update",
    "appointment_create",
    "assessment_create",
    "qualification_refusal",
    "scheme_for",
    "scheme_save",
    "suggested_scores",
    "work_entry_create",
]
