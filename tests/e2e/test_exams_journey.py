"""年度学法考试 in Chromium: the law officer sets an exam from the demo bank; a cadre takes
it on a 390 px phone (each answer saved as chosen survives a reload), the paper closes at
its deadline, the cadre has failed; after the window the officer arranges the make-up,
the cadre sits it, answers every question right and passes; the officer sees the unit's
参考率 / 合格率 / 优秀率.

The server's clock is the real one and a paper lasts 30 minutes: "the deadline passes"
and "the window closes" are the paper's and the exam's times moved into the past in the
server's database (`manage.py shell`, as other journeys run their steps of other days),
so the server itself then closes the paper and opens the results."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
TITLE = "浏览器测试:学法用法考试"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _server_env(base_url: str) -> dict:
    bind = f"127.0.0.1:{base_url.rsplit(':', 1)[1]}".encode()
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes()
            if b"gunicorn" in cmd and bind in cmd:
                raw = (proc / "environ").read_bytes()
                return dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)
        except OSError:
            continue
    raise AssertionError("找不到浏览器测试的服务进程")


def _shell(base_url: str, script: str) -> str:
    prelude = (
        "from datetime import timedelta\n"
        "from fazhi.core import clock\n"
        "from fazhi.exams.models import Attempt, Exam, MakeUp, Question\n"
        f"exam = Exam.objects.get(title={TITLE!r})\n"
        "now = clock.now()\n"
    )
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-v", "0", "-c", prelude + script],
                         cwd=ROOT, env=_server_env(base_url), capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


RIGHT_ANSWERS = """
import json
a = Attempt.objects.filter(exam=exam, user__username="cadre").order_by("-number").first()
answers = dict(Question.objects.filter(pk__in=[e[0] for e in a.paper]).values_list("id", "answer"))
print(json.dumps([[i for i, o in enumerate(order) if "ABCDEFGH"[o] in answers[q]] for q, order, _ in a.paper]))
"""


def _local(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")


def _log_out(page):
    page.goto("/")
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def _my_exam(page):
    page.goto("/exams/mine/")
    return page.get_by_test_id("my-exam").filter(has_text=TITLE)


def _answer(page, position: int, choice: list[int]):
    question = page.locator(f'fieldset[data-position="{position}"]')
    for i in choice:
        question.locator(f'input[value="{i}"]').check()
        expect(page.get_by_test_id("save-status")).to_contain_text("已保存")


def test_cadre_fails_takes_the_makeup_and_passes(page, screenshots, live_server_url):
    now = datetime.now(SHANGHAI)
    # The law officer sets the exam (from the demo bank: 16 single, 8 multiple, 8 true/false).
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto("/exams/new/")
    page.fill("#id_title", TITLE)
    page.fill("#id_opens_at", _local(now - timedelta(minutes=10)))
    page.fill("#id_closes_at", _local(now + timedelta(hours=2)))
    page.fill("#id_duration_minutes", "30")
    page.fill("#id_single_count", "40")  # more than the bank holds: refused, nothing set
    page.fill("#id_multiple_count", "2")
    page.fill("#id_true_false_count", "2")
    page.get_by_role("button", name="发布考试").click()
    expect(page.locator("body")).to_contain_text("组卷规则要求单选题40道,题库只有16道")
    page.console_errors.clear()  # the refused form came back with status 400
    page.fill("#id_single_count", "3")
    page.get_by_role("button", name="发布考试").click()
    page.wait_for_url(re.compile(r"/exams/\d+/$"))
    exam_url = page.url
    expect(page.get_by_test_id("rate-total")).to_have_text("5")
    _log_out(page)

    # The cadre, on a phone, starts the paper and answers two questions.
    page.set_viewport_size(PHONE)
    _log_in(page, "cadre", DEMO_PASSWORD)
    _my_exam(page).get_by_test_id("start").click()
    page.wait_for_url(re.compile(r"/exams/attempts/\d+/$"))
    attempt_url = page.url
    expect(page.get_by_test_id("question")).to_have_count(7)
    _answer(page, 0, [0])
    _answer(page, 3, [0, 1])
    page.screenshot(path=screenshots / "exams-paper-phone.png", full_page=False)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    page.reload()
    expect(page.locator('fieldset[data-position="0"] input[value="0"]')).to_be_checked()
    expect(page.locator('fieldset[data-position="3"] input[value="1"]')).to_be_checked()

    # The deadline passes: the paper closes as it stood, results wait for the window.
    _shell(
        live_server_url,
        "Attempt.objects.filter(exam=exam).update(deadline=now - timedelta(seconds=1))",
    )
    page.reload()
    expect(page.get_by_test_id("result")).to_contain_text("超时收卷")
    expect(page.get_by_test_id("score-pending")).to_be_visible()
    # The window closes: the score (failed) and the review of the wrong answers.
    _shell(live_server_url, (
        "Exam.objects.filter(pk=exam.pk).update(closes_at=now - timedelta(minutes=1))\n"
        "Attempt.objects.filter(exam=exam).update(window_closes_at=now - timedelta(minutes=1))"
    ))  # fmt: skip
    page.reload()
    expect(page.get_by_test_id("score")).to_contain_text("不合格")
    assert page.get_by_test_id("wrong").count() >= 5
    page.screenshot(path=screenshots / "exams-failed-review-phone.png", full_page=True)
    expect(_my_exam(page).get_by_test_id("start")).to_have_count(0)  # no second attempt
    _log_out(page)

    # The officer arranges the make-up for the absent and the failed.
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(exam_url)
    makeup = page.get_by_test_id("makeup")
    later = datetime.now(SHANGHAI)
    makeup.locator("#id_opens_at").fill(_local(later))  # this minute: after the close
    makeup.locator("#id_closes_at").fill(_local(later + timedelta(days=1)))
    makeup.get_by_role("button", name="安排补考").click()
    expect(page.locator("#fz-messages")).to_contain_text("已为5名缺考或不合格人员安排补考")
    _log_out(page)

    # The cadre sits the make-up and answers every question right.
    page.set_viewport_size(PHONE)
    _log_in(page, "cadre", DEMO_PASSWORD)
    card = _my_exam(page)
    expect(card.get_by_test_id("makeup-notice")).to_be_visible()
    card.get_by_test_id("start").click()
    page.wait_for_url(re.compile(r"/exams/attempts/\d+/$"))
    assert page.url != attempt_url
    for position, choice in enumerate(json.loads(_shell(live_server_url, RIGHT_ANSWERS))):
        _answer(page, position, choice)
    page.get_by_test_id("submit").click()
    expect(page.locator("#fz-messages")).to_contain_text("已交卷")
    _shell(live_server_url, (
        "MakeUp.objects.filter(exam=exam).update(closes_at=now - timedelta(minutes=1))\n"
        "Attempt.objects.filter(exam=exam, makeup__isnull=False)"
        ".update(window_closes_at=now - timedelta(minutes=1))"
    ))  # fmt: skip
    page.reload()
    expect(page.get_by_test_id("score")).to_contain_text("100.0分 · 合格")
    expect(page.get_by_test_id("no-wrong")).to_be_visible()
    page.screenshot(path=screenshots / "exams-makeup-passed-phone.png", full_page=False)
    _log_out(page)

    # The officer sees the unit's rates.
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(exam_url)
    expect(page.get_by_test_id("rate-took")).to_have_text("20.0%")
    expect(page.get_by_test_id("rate-pass")).to_have_text("20.0%")
    expect(page.get_by_test_id("unit-rates")).to_contain_text("海屿镇")
    page.screenshot(path=screenshots / "exams-unit-rates.png", full_page=True)
    assert page.console_errors == [], page.console_errors
