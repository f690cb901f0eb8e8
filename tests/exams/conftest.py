"""Fixtures of 年度学法考试: a small bank for town A (through the .xlsx import), an exam
open now, and helpers to build workbooks and move the clock."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.models import AuditEvent
from fazhi.exams import services
from fazhi.exams.models import Attempt, Candidate, Exam, MakeUp, Question

HEADERS = ["题型", "主题", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案"]


def xlsx(rows, headers=HEADERS) -> SimpleUploadedFile:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile(
        "题库.xlsx", buf.getvalue(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip


def bank_rows(single=6, multiple=3, true_false=3, topic="宪法"):
    rows = []
    for i in range(single):
        rows.append(
            [
                "单选题",
                topic if i % 2 else "民法典",
                f"单选题第{i}题题干",
                "对的",
                "错的一",
                "错的二",
                "错的三",
                "",
                "",
                "A",
            ]
        )
    for i in range(multiple):
        rows.append(
            [
                "多选题",
                "民法典",
                f"多选题第{i}题题干",
                "对的甲",
                "错的",
                "对的乙",
                "错的丙",
                "",
                "",
                "AC",
            ]
        )
    for i in range(true_false):
        rows.append(["判断题", "国家安全", f"判断题第{i}题题干", "", "", "", "", "", "", "正确"])
    return rows


def snapshot() -> dict:
    """Row counts of every exams table and the audit trail: "nothing changed"."""
    return {
        m.__name__: m.objects.count()
        for m in (Question, Exam, Candidate, MakeUp, Attempt, AuditEvent)
    }


@pytest.fixture
def bank(people):
    return services.questions_import(actor=people.officer, uploaded_file=xlsx(bank_rows()))


RULE = [{"kind": "single", "topic": "", "count": 4}, {"kind": "multiple", "topic": "", "count": 2},
        {"kind": "true_false", "topic": "", "count": 2}]  # fmt: skip


def make_exam(people, **kw) -> Exam:
    now = clock.now()
    args = {
        "title": "2025年度学法考试",
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(days=2),
        "rule": RULE,
        "duration_minutes": 30,
    }
    args.update(kw)
    return services.exam_create(actor=people.officer, **args)


@pytest.fixture
def exam(people, bank):
    return make_exam(people)


def right_choice(attempt, position) -> list[int]:
    """The displayed indices of the right answer of the question at `position`."""
    qid, order, _code = attempt.paper[position]
    answer = Question.objects.get(pk=qid).answer
    return [i for i, orig in enumerate(order) if "ABCDEFGH"[orig] in answer]


def wrong_choice(attempt, position) -> list[int]:
    right = right_choice(attempt, position)
    _qid, order, _code = attempt.paper[position]
    return [next(i for i in range(len(order)) if i not in right)]


def answer_all(actor, attempt, *, correct: int) -> None:
    """Answer every question: the first `correct` right, the rest wrong."""
    for position in range(len(attempt.paper)):
        choice = (
            right_choice(attempt, position)
            if position < correct
            else wrong_choice(attempt, position)
        )
        services.answer_save(actor=actor, attempt_id=attempt.pk, position=position, choice=choice)
