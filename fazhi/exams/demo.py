"""年度学法考试 in the demo town, made through the services as the demo accounts: the law
office imports the bank; last year's 领导干部和机关干部学法用法考试 (November, a week's
window) is sat by the town's cadres and leaders — one absent, two below the pass mark —
and the make-up a few working days later brings participation and passing to 100%; this
year's 民法典 special exam is open now (the `cadre` account has it on the workbench).
Every step on its planned working day (core.demo_plan), inside `clock.pinned`.
Idempotent: an exam that exists (same town and title) is left alone."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fazhi.core import clock
from fazhi.core.demo_plan import after, require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User
from fazhi.core.roles import Role

from . import bank_demo, services
from .models import Exam, Question

RULE = [{"kind": "single", "topic": "", "count": 10}, {"kind": "multiple", "topic": "", "count": 5},
        {"kind": "true_false", "topic": "", "count": 5}]  # fmt: skip
# Right answers of 20 per person at the exam (None: absent) and at the make-up.
SCORES = {"cadre": 18, "xuzhihua": 20, "leader": 19, "zhengguodong": 17, "yangfan": 14,
          "liuyang": 12, "sunli": None}  # fmt: skip
MAKEUP_SCORES = {"yangfan": 18, "liuyang": 17, "sunli": 19}


def annual_title(year: int) -> str:
    return f"{year}年度领导干部和机关干部学法用法考试"


def special_title(year: int) -> str:
    return f"{year}年度民法典专题学法考试"


def plan(today: date) -> dict[str, date]:
    """Last year's exam and make-up, and this year's open exam (pure: no database)."""
    year = today.year - 1
    bank = workday_from(date(year, 10, 20))
    opens = workday_from(date(year, 11, 10))
    closes = after(opens, 5)
    makeup = after(closes, 3)
    makeup_closes = after(makeup, 3)
    current = workday_until(today - timedelta(days=3))
    return {
        "bank": bank, "set": after(bank, 5), "opens": opens, "sat": after(opens, 1),
        "closes": closes, "makeup": makeup, "makeup_sat": after(makeup, 1),
        "makeup_closes": makeup_closes, "current": current,
        "current_closes": today + timedelta(days=10),
    }  # fmt: skip


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    steps = [("导入题库", p["bank"]), ("发布考试", p["set"]), ("开考", p["opens"]),
             ("答题", p["sat"]), ("考试截止", p["closes"]), ("安排补考", p["makeup"]),
             ("补考答题", p["makeup_sat"]), ("补考截止", p["makeup_closes"])]  # fmt: skip
    problems = step_problems(steps, today)
    problems += step_problems([("补考截止", p["makeup_closes"]), ("本年考试", p["current"])], today)
    return problems


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _xlsx(rows) -> SimpleUploadedFile:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(services.HEADERS)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return SimpleUploadedFile("海屿镇学法考试题库.xlsx", buf.getvalue(), kind)


def _sit(user: User, exam: Exam, right: int) -> None:
    """Start, answer (the first `right` correctly) and submit, now."""
    attempt = services.attempt_start(actor=user, exam=exam)
    answers = dict(
        Question.objects.filter(pk__in=[e[0] for e in attempt.paper]).values_list("id", "answer")
    )
    for position, (qid, order, _code) in enumerate(attempt.paper):
        good = [i for i, orig in enumerate(order) if "ABCDEFGH"[orig] in answers[qid]]
        bad = [i for i in range(len(order)) if i not in good] or good[:1]  # all right: half
        choice = good if position < right else bad[:1]
        services.answer_save(actor=user, attempt_id=attempt.pk, position=position, choice=choice)
    services.attempt_submit(actor=user, attempt=attempt)


def load_exams_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    officer = _user("officer")
    created: list[str] = []
    if not Question.objects.filter(org_unit=town).exists():
        with clock.pinned(p["bank"]):
            saved = services.questions_import(actor=officer, uploaded_file=_xlsx(bank_demo.rows()))
        created.append(f"学法考试题库 {len(saved)}道")
    last_year = today.year - 1
    if not Exam.objects.filter(org_unit=town, title=annual_title(last_year)).exists():
        with clock.pinned(p["set"]):
            exam = services.exam_create(
                actor=officer, title=annual_title(last_year), opens_at=_at(p["opens"], 8, 30),
                closes_at=_at(p["closes"], 17, 30), rule=RULE, duration_minutes=60,
                candidate_roles=[Role.TOWN_LEADER],
            )  # fmt: skip
        with clock.pinned(p["sat"]):
            for username, right in SCORES.items():
                if right is not None:
                    _sit(_user(username), exam, right)
        with clock.pinned(p["makeup"]):
            services.makeup_open(actor=officer, exam=exam, opens_at=_at(p["makeup"], 0, 0),
                                 closes_at=_at(p["makeup_closes"], 17, 30))  # fmt: skip
        with clock.pinned(p["makeup_sat"]):
            for username, right in MAKEUP_SCORES.items():
                _sit(_user(username), exam, right)
        created.append(f"学法考试 {exam.title}(补考后参考率、合格率100%)")
    current = p["current"]
    if not Exam.objects.filter(org_unit=town, title=special_title(current.year)).exists():
        with clock.pinned(current):
            exam = services.exam_create(
                actor=officer, title=special_title(current.year), opens_at=_at(current, 0, 0),
                closes_at=_at(p["current_closes"], 17, 30), rule=RULE, duration_minutes=30,
                candidate_roles=[Role.TOWN_LEADER],
            )  # fmt: skip
            _sit(_user("xuzhihua"), exam, 19)
        created.append(f"学法考试 {exam.title}(进行中)")
    return created


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_exams_demo(ISLAND_TOWN_CODE)
