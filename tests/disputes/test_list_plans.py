"""The dispute lists read their table through an index on both databases (tests/
test_list_plans.py's check): every filter of the list page, the warnings, the resident's
own list, and the early-warning provider's query."""

from __future__ import annotations

import pytest

from fazhi.core.models import OrgUnit
from fazhi.disputes.models import Dispute
from fazhi.disputes.risk import NOT_CLOSED
from fazhi.disputes.selectors import dispute_list, my_submissions
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
TABLE = "disputes_dispute"

LISTS = [
    ("disputes", lambda p, t: dispute_list(p.supervisor)),
    ("by status", lambda p, t: dispute_list(p.supervisor, status="mediating")),
    ("by category", lambda p, t: dispute_list(p.supervisor, category="labour")),
    ("by source", lambda p, t: dispute_list(p.supervisor, source="grid_visit")),
    ("by unit", lambda p, t: dispute_list(p.supervisor, unit=t.town_a)),
    ("judicial due soon", lambda p, t: dispute_list(p.officer, warning="judicial_due")),
    ("overdue", lambda p, t: dispute_list(p.supervisor, warning="overdue")),
    ("search", lambda p, t: dispute_list(p.supervisor, q="排水")),
    ("grid worker", lambda p, t: dispute_list(p.grid_worker)),
    ("resident's own", lambda p, t: my_submissions(p.resident)),
    ("risk provider", lambda p, t: Dispute.objects.filter(
        org_unit_id__in=OrgUnit.objects.filter(code__startswith=t.town_a.code).values("id"),
        status__in=NOT_CLOSED).order_by("id")),
]  # fmt: skip


@pytest.mark.parametrize("name,call", LISTS, ids=[x[0] for x in LISTS])
def test_the_dispute_lists_use_an_index(name, call, people, tree):
    plan = _plan(call(people, tree))
    assert TABLE in plan, plan
    assert not _full_scans(plan, TABLE), f"{name}: full scan of {TABLE}\n{plan}"
