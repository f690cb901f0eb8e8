"""Every write of 年度学法考试, one module per aggregate.

- the town's law office keeps the question bank (`bank`: .xlsx import, all or nothing),
  sets exams with their paper rule, marks, attempts and candidates, and opens make-up
  windows for the absent and the failed once the window has closed (`exam`);
- a candidate starts a sitting (a random paper, stored), saves each answer as chosen and
  submits; the server closes a paper at its deadline and marks it (`attempt`).
"""

from .attempt import (
    answer_save,
    attempt_start,
    attempt_submit,
    close_expired,
    draw_paper,
    mark,
)
from .bank import HEADERS, questions_import, stem_key
from .common import (
    CANDIDATE_ROLES,
    OFFICE_ROLES,
    RANKING_ROLES,
    READER_ROLES,
    SITTER_ROLES,
    office_town,
)
from .exam import candidates_for, check_rule_against_bank, exam_create, makeup_open

__all__ = [
    "CANDIDATE_ROLES",
    "HEADERS",
    "OFFICE_ROLES",
    "RANKING_ROLES",
    "READER_ROLES",
    "SITTER_ROLES",
    "answer_save",
    "attempt_start",
    "attempt_submit",
    "candidates_for",
    "check_rule_against_bank",
    "close_expired",
    "draw_paper",
    "exam_create",
    "makeup_open",
    "mark",
    "office_town",
    "questions_import",
    "stem_key",
]
