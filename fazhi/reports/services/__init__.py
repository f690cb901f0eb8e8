"""Writes of the reports app (the annual summary); see annual.py."""

from .annual import (  # noqa: F401
    APPROVERS,
    EDITORS,
    NO_DATA,
    READER_ROLES,
    REPORT_FLOW,
    approvers,
    check_readable,
    editors,
    paragraph_edit,
    report_export,
    report_open,
    report_step,
    report_transition,
    reportable,
)
