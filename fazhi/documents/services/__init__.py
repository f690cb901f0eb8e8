"""Every write of 规范性文件, one module per aggregate: the document (`document`: drafting,
editing, every step of DOCUMENT_FLOW, the tick's dated steps; `document_flow`: the state
machine with its guards and each step's field changes), its number (`numbering`), the
dates the law sets (`dates`), filing with the county (`filing`: FILING_FLOW), clean-up
(`cleanup`) and the ledgers (`export`).

All services take keyword arguments, run in one transaction, re-check role and scope,
and record an audit event; state changes go through `core.workflow`. Services that
stand for a dated act take `on` (default today) so the demo and tests can back-date.
Callers use this package: `from fazhi.documents import services`."""

from __future__ import annotations

from .cleanup import CLEANUP_VERBS, cleanup_create, cleanup_publish, cleanup_set_outcome
from .common import COUNTY_ROLES, DRAFTER_ROLES, LEADER_ROLES, NOT_FOUND
from .dates import comment_minimum, effective_warning, filing_due_date, validity_refusal
from .document import (
    EDITABLE,
    document_create,
    document_request_review,
    document_transition,
    document_update,
    run_due,
)
from .document_flow import DOCUMENT_FLOW, DRAFTING, _comment_period, _validity
from .export import document_export, filing_export
from .filing import FILING_FLOW, filing_submit, filing_transition
from .numbering import format_number, number_prefix

__all__ = [
    "CLEANUP_VERBS",
    "COUNTY_ROLES",
    "DOCUMENT_FLOW",
    "DRAFTER_ROLES",
    "DRAFTING",
    "EDITABLE",
    "FILING_FLOW",
    "LEADER_ROLES",
    "NOT_FOUND",
    "_comment_period",
    "_validity",
    "cleanup_create",
    "cleanup_publish",
    "cleanup_set_outcome",
    "comment_minimum",
    "document_create",
    "document_export",
    "document_request_review",
    "document_transition",
    "document_update",
    "effective_warning",
    "filing_due_date",
    "filing_export",
    "filing_submit",
    "filing_transition",
    "format_number",
    "number_prefix",
    "run_due",
    "validity_refusal",
]
