"""公众参与's lists read their tables through an index on both databases (tests/
test_list_plans.py's check): staff lists with their filters, the public lists, a
consultation's comments and a resident's own comments."""

from __future__ import annotations

import pytest
from django.utils import timezone

from fazhi.participation import selectors
from fazhi.participation.models import Comment, Consultation
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
C = "participation_consultation"

LISTS = [
    ("consultations", lambda p: selectors.consultation_list(p.supervisor), C),
    ("open", lambda p: selectors.consultation_list(p.officer, status="open"), C),
    ("unanswered", lambda p: selectors.consultation_list(p.officer, status="unanswered"), C),
    ("by year", lambda p: selectors.consultation_list(p.officer, year=2025), C),
    ("search", lambda p: selectors.consultation_list(p.officer, q="渔港"), C),
    ("public open", lambda p: selectors.public_consultations(status="open"), C),
    ("public closed", lambda p: selectors.public_consultations(status="closed"), C),
    ("comments", lambda p: selectors.comments_of(Consultation(pk=1)), "participation_comment"),
    ("mine", lambda p: selectors.my_comments(p.resident), "participation_comment"),
    ("hearings", lambda p: selectors.hearing_list(p.supervisor), "participation_hearing"),
    ("public hearings", lambda p: selectors.public_hearings(), "participation_hearing"),
    ("rate", lambda p: Comment.objects.filter(author=p.resident, created_at__gte=timezone.now()),
     "participation_comment"),
]  # fmt: skip


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_lists_use_an_index(name, call, table, people):
    plan = _plan(call(people))
    assert table in plan, plan
    assert not _full_scans(plan, table), f"{name}: full scan of {table}\n{plan}"
