"""The lists of 年度学法考试 read their tables through an index (tests/test_list_plans.py)."""

from __future__ import annotations

import pytest

from fazhi.exams import selectors
from fazhi.exams.models import Exam
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("exams", lambda a: selectors.exam_list(a), "exams_exam"),
    ("exams of a year", lambda a: selectors.exam_list(a, year=2025), "exams_exam"),
    ("questions", lambda a: selectors.question_list(a), "exams_question"),
    ("questions by kind", lambda a: selectors.question_list(a, kind="single"), "exams_question"),
]


@pytest.mark.parametrize("name,call,table", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, table, people):
    plan = _plan(call(people.supervisor))
    assert table in plan, plan
    assert not _full_scans(plan, table), plan


def test_candidates_of_an_exam_through_an_index(people, exam):
    plan = _plan(selectors.candidate_list(people.supervisor, Exam.objects.get()))
    assert "exams_candidate" in plan
    assert not _full_scans(plan, "exams_candidate"), plan
