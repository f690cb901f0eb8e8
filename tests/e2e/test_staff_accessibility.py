"""The staff pages pass axe-core (vendored; no serious or critical violation) for a town's
law officer and for the county: text contrast at WCAG AA on the page's grey and in the
workbench's tinted rows, a menu that is a proper list, every form field labelled."""

from __future__ import annotations

import pytest

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in
from .test_participation_journey import _axe

# Every chapter's ledgers, the workbench, figures and dashboard, and a few records.
PAGES = (
    "/", "/contracts/", "/documents/", "/documents/filings/", "/reviews/",
    "/reviews/prechecks/", "/tasks/", "/leadership/", "/leadership/meetings/", "/advisers/",
    "/inspections/", "/decisions/", "/participation/", "/publicity/", "/exams/", "/exams/bank/",
    "/training/", "/lawunits/", "/grids/", "/grids/visits/", "/disputes/", "/petitions/",
    "/earlywarning/", "/tenday/", "/annual/", "/figures/", "/dashboard/", "/documents/1/",
    "/contracts/1/", "/reviews/1/", "/tasks/1/",
)  # fmt: skip


@pytest.mark.parametrize("username", ["officer", "supervisor"])
def test_staff_pages_pass_axe(page, live_server_url, username):
    _log_in(page, username, DEMO_PASSWORD)
    checked = 0
    for path in PAGES:
        response = page.goto(path)
        if response.status != 200:  # not this role's page (403) or not in its scope (404)
            continue
        _axe(page, f"{username} {path}")
        checked += 1
    assert checked >= 20
