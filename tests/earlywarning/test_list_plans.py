"""The warning list reads its table through an index, never a full scan, on both
databases, for each filter (the helpers of tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.earlywarning.selectors import warning_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db
TABLE = "earlywarning_earlywarning"

LISTS = [
    ("warnings", lambda a: warning_list(a)),
    ("warnings all states", lambda a: warning_list(a, state="all")),
    ("warnings by colour", lambda a: warning_list(a, colour="red", state="all")),
    ("warnings open", lambda a: warning_list(a, state="open")),
    ("warnings by kind", lambda a: warning_list(a, kind="petition", state="all")),
    ("warnings searched", lambda a: warning_list(a, q="拆迁", state="all")),
]


@pytest.mark.parametrize("name,call", LISTS, ids=[x[0] for x in LISTS])
def test_the_warning_list_reads_through_an_index(name, call, people):
    for actor in (people.supervisor, people.leader):
        plan = _plan(call(actor))
        assert TABLE in plan, plan
        assert not _full_scans(plan, TABLE), f"{name}: full scan of {TABLE}\n{plan}"
