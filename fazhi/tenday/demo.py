"""法治建设旬报 in the demo county, drafted from the other apps' demo data (tenday loads
after them): 海屿镇's 旬报 for every 旬 of last year and of this year up to the last one
whose report is due before today — submitted the working day after the 旬 ends, one of
last year's late, one returned by the county for completion and resubmitted — and
青山镇's last four months with two missing, one late and one returned still awaiting
resubmission, so the county's matrix shows every state. Each step on its planned
working day (fazhi.core.demo_plan), inside `clock.pinned`, through the services.
Idempotent: a period that has a report is left alone."""

from __future__ import annotations

from datetime import date

from fazhi.core import clock
from fazhi.core.deadlines import overrides_read_once
from fazhi.core.demo_plan import after, require, step_problems
from fazhi.core.models import OrgUnit, User

from . import services
from .models import TenDayReport
from .params import DUE_WORKDAYS
from .periods import Period, last_ended, periods_between

ISLAND = "339901101"
SECOND = "339901102"
RETURN_NOTE = "本旬矛盾纠纷排查调处情况未报,请查漏补缺后重新报送"
PROBLEMS = "部分村社法治宣传阵地更新不及时。"
NEXT_STEPS = "继续推进村社法律顾问全覆盖,做好下一旬矛盾纠纷排查。"
SECOND_PERIODS = 12  # 青山镇: its last four months


def _story(p: Period, kind: str) -> dict:
    """One report's days: drafted and submitted the working day after the period (a late
    one the working day after its due day); a returned one is returned the next working
    day and resubmitted two working days later."""
    due = after(p.end, DUE_WORKDAYS.default)
    submit = after(due, 1) if kind == "late" else after(p.end, 1)
    steps = {"period": p, "kind": kind, "draft": submit, "submit": submit, "due": due}
    if kind in ("returned", "resubmitted"):
        steps["return"] = after(submit, 1)
    if kind == "resubmitted":
        steps["resubmit"] = after(steps["return"], 2)
    return steps


def _last_story_end(s: dict) -> date:
    return s.get("resubmit") or s.get("return") or s["submit"]


def plan(today: date) -> dict[str, list[dict]]:
    """Both towns' stories as they stand on `today` (pure: no database). A period whose
    steps would not all lie before today is left for the workbench (待报送)."""
    last = last_ended(today)
    island_periods = periods_between(date(today.year - 1, 1, 1), last.end)
    late_at = island_periods[13]  # last year's 5月中旬
    returned_at = island_periods[25]  # last year's 9月中旬
    island = []
    for p in island_periods:
        kind = "late" if p == late_at else "resubmitted" if p == returned_at else "on_time"
        s = _story(p, kind)
        if _last_story_end(s) < today:
            island.append(s)
    second_periods = periods_between(date(today.year - 1, 1, 1), last.end)[-SECOND_PERIODS:]
    second = []
    for n, p in enumerate(second_periods):
        kind = {1: "missing", 4: "late", 7: "missing", 8: "returned"}.get(n, "on_time")
        if kind == "missing":
            continue
        s = _story(p, kind)
        if _last_story_end(s) < today:
            second.append(s)
    return {"island": island, "second": second}


def plan_problems(today: date) -> list[str]:
    problems = []
    for town, stories in plan(today).items():
        for s in stories:
            name = f"{town} {s['period'].name}"
            days = [(f"{name} 报送", s["submit"]), (f"{name} 退回", s.get("return")),
                    (f"{name} 重新报送", s.get("resubmit"))]  # fmt: skip
            problems += step_problems(days, today)
            if s["submit"] <= s["period"].end:
                problems.append(f"{name} 报送日 {s['submit']} 早于旬结束")
            if (s["submit"] > s["due"]) != (s["kind"] == "late"):
                problems.append(f"{name} 报送日 {s['submit']} 与按时/逾期不符")
    return problems


def _replay(town: OrgUnit, officer: User, supervisor: User, stories: list[dict]) -> int:
    have = set(TenDayReport.objects.filter(org_unit=town).values_list("period_start", flat=True))
    made = 0
    for s in stories:
        p = s["period"]
        if p.start in have:
            continue
        with clock.pinned(s["draft"]):
            report = services.report_create(actor=officer, org_unit=town, period_start=p.start)
            if s["kind"] == "late" or p.part == 3:
                report = services.report_update(
                    actor=officer, report=report, body=report.body,
                    problems=PROBLEMS, next_steps=NEXT_STEPS,
                )  # fmt: skip
            services.report_transition(actor=officer, obj=report, verb="submit")
        if "return" in s:
            with clock.pinned(s["return"]):
                services.report_transition(
                    actor=supervisor, obj=report, verb="return", note=RETURN_NOTE
                )
        if "resubmit" in s:
            with clock.pinned(s["resubmit"]):
                report = services.report_update(
                    actor=officer, report=report,
                    body=report.body + "\n本旬排查矛盾纠纷隐患3起,均已化解。",
                    problems=report.problems, next_steps=report.next_steps,
                )  # fmt: skip
                services.report_transition(actor=officer, obj=report, verb="submit")
        made += 1
    return made


def load_app_demo() -> list[str]:
    today = clock.today()
    with overrides_read_once():
        require(plan_problems(today))
        p = plan(today)
    island = OrgUnit.objects.filter(code=ISLAND).first()
    second = OrgUnit.objects.filter(code=SECOND).first()
    users = {
        u.username: u for u in User.objects.filter(username__in=["officer", "wuting", "supervisor"])
    }
    created = []
    if island and "officer" in users and "supervisor" in users:
        n = _replay(island, users["officer"], users["supervisor"], p["island"])
        if n:
            created.append(f"法治建设旬报 海屿镇 {n} 期")
    if second and "wuting" in users and "supervisor" in users:
        n = _replay(second, users["wuting"], users["supervisor"], p["second"])
        if n:
            created.append(f"法治建设旬报 青山镇 {n} 期")
    return created
