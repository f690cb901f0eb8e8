"""The question bank: one question, and the all-or-nothing import of an .xlsx file
(every row checked first; any bad row → the Chinese refusal naming it, nothing written)."""

from __future__ import annotations

import hashlib
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit
from fazhi.core.uploads import inspect_upload

from .. import params as P
from ..models import LETTERS, TRUE_FALSE_OPTIONS, Kind, Question
from .common import office_town, refuse

HEADERS = ["题型", "主题", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案"]
KIND_NAMES = {
    "单选": Kind.SINGLE, "单选题": Kind.SINGLE, "single": Kind.SINGLE,
    "多选": Kind.MULTIPLE, "多选题": Kind.MULTIPLE, "multiple": Kind.MULTIPLE,
    "判断": Kind.TRUE_FALSE, "判断题": Kind.TRUE_FALSE, "true_false": Kind.TRUE_FALSE,
}  # fmt: skip
TRUE_WORDS = {"正确", "对", "√", "是", "A", "T", "TRUE"}
FALSE_WORDS = {"错误", "错", "×", "否", "B", "F", "FALSE"}
MAX_ROWS = 5000
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def stem_key(stem: str) -> str:
    """Two stems that differ only in spaces and punctuation are the same question."""
    return hashlib.sha256(_PUNCT.sub("", stem).lower().encode()).hexdigest()[:64]


def check_row(row: int, kind_text, topic, stem, options, answer_text) -> Question:
    """One row as an unsaved Question, or the refusal naming the row."""
    kind = KIND_NAMES.get(str(kind_text or "").strip())
    if kind is None:
        raise refuse(P.BAD_KIND.format(row=row, kind=str(kind_text or "").strip()), "file")
    stem = str(stem or "").strip()
    if not stem:
        raise refuse(P.NO_STEM.format(row=row), "file")
    answer_text = str(answer_text or "").strip().upper().replace(" ", "").replace(",", "")
    if not answer_text:
        raise refuse(P.NO_CORRECT.format(row=row), "file")
    if kind == Kind.TRUE_FALSE:
        options = list(TRUE_FALSE_OPTIONS)
        if answer_text in TRUE_WORDS:
            answer = "A"
        elif answer_text in FALSE_WORDS:
            answer = "B"
        else:
            raise refuse(P.BAD_ANSWER.format(row=row, answer=answer_text), "file")
    else:
        options = [str(o).strip() for o in options if str(o or "").strip()]
        if len(options) < 2:
            raise refuse(P.FEW_OPTIONS.format(row=row), "file")
        letters = sorted(set(answer_text))
        if any(c not in LETTERS[: len(options)] for c in letters):
            raise refuse(P.BAD_ANSWER.format(row=row, answer=answer_text), "file")
        if kind == Kind.SINGLE and len(letters) != 1:
            raise refuse(P.SINGLE_ONE.format(row=row), "file")
        if kind == Kind.MULTIPLE and len(letters) < 2:
            raise refuse(P.MULTIPLE_TWO.format(row=row), "file")
        answer = "".join(letters)
    topic = str(topic or "").strip()[:50] or "综合"
    return Question(kind=kind, topic=topic, stem=stem[:2000], stem_key=stem_key(stem),
                    options=options, answer=answer)  # fmt: skip


def _read_rows(uploaded_file) -> list[tuple]:
    try:
        info = inspect_upload(uploaded_file)
    except ValidationError as exc:
        raise refuse(exc.messages[0], "file") from None
    if info.file_type != "xlsx":
        raise refuse(P.BAD_FILE, "file")
    import openpyxl  # heavy: only where used

    uploaded_file.seek(0)
    try:
        wb = openpyxl.load_workbook(uploaded_file, read_only=True, data_only=True)
        rows = list(wb.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 1))
    except Exception:  # a broken workbook is the user's file, not our error
        raise refuse(P.BAD_FILE, "file") from None
    if not rows:
        raise refuse(P.EMPTY_FILE, "file")
    header = [str(h or "").strip() for h in rows[0]]
    for column in ("题型", "题干", "答案"):
        if column not in header:
            raise refuse(P.BAD_HEADER.format(column=column), "file")
    at = {name: header.index(name) for name in HEADERS if name in header}
    out = []
    for number, raw in enumerate(rows[1:], start=2):
        cells = list(raw) + [None] * len(header)
        if all(c in (None, "") for c in raw):
            continue

        def get(name, cells=cells):
            return cells[at[name]] if name in at else None

        options = [get(f"选项{c}") for c in "ABCDEF"]
        out.append((number, get("题型"), get("主题"), get("题干"), options, get("答案")))
    if not out:
        raise refuse(P.EMPTY_FILE, "file")
    return out


def questions_import(*, actor, uploaded_file, org_unit=None) -> list[Question]:
    """Add every question of the file to the town's bank, or none of them."""
    town = office_town(actor, org_unit)
    rows = _read_rows(uploaded_file)
    questions, seen = [], {}
    for number, *cells in rows:
        q = check_row(number, *cells)
        if q.stem_key in seen:
            raise refuse(P.DUP_FILE.format(row=number, other=seen[q.stem_key]), "file")
        seen[q.stem_key] = number
        questions.append(q)
    existing = set(
        Question.objects.filter(org_unit=town, stem_key__in=list(seen)).values_list(
            "stem_key", flat=True
        )
    )
    for number, q in zip((r[0] for r in rows), questions, strict=True):
        if q.stem_key in existing:
            raise refuse(P.DUP_BANK.format(row=number, stem=q.stem[:30]), "file")
    with transaction.atomic():
        for q in questions:
            q.org_unit, q.created_by = town, actor
            q.fill_search()
        saved = Question.objects.bulk_create(questions, batch_size=500)
        audit.record(
            verb="question.import",
            actor=actor,
            org_unit=town,
            object_type="exams.question",
            object_repr=f"导入试题{len(saved)}道",
            changes={"count": [None, len(saved)]},
        )
    return saved
