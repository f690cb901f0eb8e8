"""工作任务 in the demo town 海屿镇, made through the services as the demo accounts: last
year's plan (工作要点, six items) broken down to every village and community — most tasks
done on time with evidence, one done late, two still open past their deadlines (东岙村's on
the workbench of `vcadre`, both on the law office's) — and this year's plan, created at the
turn of the year, with a task for every village under its first two items, those already reported done with evidence
and the rest open (overdue once their item's deadline has passed). Every step on its
planned working day (fazhi.core.demo_plan), inside `clock.pinned`. Idempotent: a year that
has its plan is left alone."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.demo_plan import after, require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User

from . import services
from .models import Plan, Task
from .services.common import on_working_day

# (title, month of its deadline, the task every village gets, evidence it needs)
ITEMS = [
    ("深入学习贯彻习近平法治思想,落实党政主要负责人履行推进法治建设第一责任人职责", 3,
     "组织村社两委干部专题学法1次", "学习签到表、学习照片"),
    ("推进“民主法治村(社区)”创建", 6, "修订完善村规民约(居民公约)", "修订后的文本、村民代表会议记录"),
    ("深化矛盾纠纷排查化解", 9, "开展矛盾纠纷集中排查", "排查台账、化解记录"),
    ("落实“八五”普法规划,开展民法典宣传", 10, "开展民法典进村(社区)宣讲", "宣讲照片、签到表"),
    ("规范村级小微权力运行和合同管理", 11, "村级合同合法性审核全覆盖", "合同审核台账"),
    ("推进公共法律服务和法律顾问全覆盖", 12, "落实一村(社区)一法律顾问坐班服务", "坐班服务记录"),
]  # fmt: skip
# The island town's villages and communities, their cadres (core/demo.py DEMO_PEOPLE).
VILLAGES = ["339901101001", "339901101002", "339901101201", "339901101202", "339901101203",
            "339901101204", "339901101205"]  # fmt: skip
VCADRE_VILLAGE = "339901101201"  # 东岙村, `vcadre`
LATE_VILLAGE = "339901101203"  # 南沙村: one task done after its deadline
OPEN_LAST_YEAR = {(1, VCADRE_VILLAGE), (2, "339901101204")}  # (item, village) left open
OPEN_THIS_YEAR = {(1, "339901101202")}  # 西岙村's, overdue once its deadline has passed


def _png(seed: int) -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes([0, seed % 256]))) + chunk(b"IEND", b"")  # fmt: skip


def _year(year: int, created: date, today: date, *, last_year: bool) -> dict:
    """One year's plan: its items' periods and each village task's deadline and, if it was
    reported done before today, the day it was."""
    start = date(year, 1, 1)
    items = []
    for _title, month, _task, _ev in ITEMS:
        end = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
        items.append(
            (start, on_working_day(end) if on_working_day(end).year == year else workday_until(end))
        )
    tasks = []
    # Tasks under the first four items last year, the first two this year: every village
    # has its share, and the demo stays quick to load (each step goes through the services).
    for n, (_s, deadline) in enumerate(items[: 4 if last_year else 2]):
        due = workday_until(deadline - timedelta(days=10))
        for v, code in enumerate(VILLAGES):
            if (n, code) in (OPEN_LAST_YEAR if last_year else OPEN_THIS_YEAR):
                done = None
            elif last_year and n == 2 and code == LATE_VILLAGE:
                done = after(due, 3)  # done, but late
            else:
                done = workday_until(due - timedelta(days=5 + v))
                if done >= today or done <= created:
                    done = None
            tasks.append((n, code, due, done))
    return {"year": year, "created": created, "items": items, "tasks": tasks}


def plan(today: date) -> dict:
    """Both years' stories as they stand on `today` (pure: no database)."""
    this = today.year
    last = _year(this - 1, workday_from(date(this - 1, 1, 2)), today, last_year=True)
    # This year's plan is made at the turn of the year (before its first working day).
    created = workday_until(min(today - timedelta(days=1), date(this, 1, 15)))
    return {"last": last, "this": _year(this, created, today, last_year=False)}


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    problems = []
    for story in (p["last"], p["this"]):
        problems += step_problems([("制定计划", story["created"])], today)
        for n, _code, due, done in story["tasks"]:
            start, deadline = story["items"][n]
            if not start <= due <= deadline:
                problems.append(f"任务期限 {due} 不在要点期限 {start}–{deadline} 内")
            problems += step_problems([("分解", story["created"]), ("完成", done)], today)
    if not any(d is None and code == VCADRE_VILLAGE and due < today
               for _n, code, due, d in p["last"]["tasks"]):  # fmt: skip
        problems.append("东岙村须有逾期未完成的任务")
    return problems


def load_tasks_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    officer = User.objects.get(username="officer")
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=VILLAGES)}
    created = []
    for story in (p["last"], p["this"]):
        if Plan.objects.filter(org_unit=town, year=story["year"]).exists():
            continue
        with clock.pinned(story["created"]):
            plan_ = services.plan_create(
                actor=officer,
                org_unit=town,
                year=story["year"],
                title=f"{story['year']}年海屿镇法治建设工作要点",
            )
            items = [
                services.item_add(actor=officer, plan=plan_, title=title, starts_on=s, deadline=d)
                for (title, _m, _t, _e), (s, d) in zip(ITEMS, story["items"], strict=True)
            ]
            tasks = []
            for n, code, due, done in story["tasks"]:
                [task] = services.task_create(
                    actor=officer, units=[units[code]], item=items[n], title=ITEMS[n][2], due=due,
                    starts_on=story["items"][n][0], evidence_required=ITEMS[n][3],
                )  # fmt: skip
                tasks.append((task, done))
        for k, (task, done) in enumerate(tasks):
            if done is None:
                continue
            owner = User.objects.get(pk=task.owner_id)
            with clock.pinned(done):
                services.progress_report(
                    actor=owner, task=task, percent=100, note="已按要求完成,佐证材料已上传。",
                    files=[SimpleUploadedFile(f"佐证{k + 1}.png", _png(k), content_type="image/png")],
                )  # fmt: skip
        done_n = sum(1 for _t, d in tasks if d)
        created.append(
            f"工作计划 {story['year']}年(要点{len(items)}项,任务{len(tasks)}项,已完成{done_n}项)"
        )
    return created


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_tasks_demo(ISLAND_TOWN_CODE)


__all__ = ["Task", "load_app_demo", "plan", "plan_problems"]
