"""法律顾问 in the demo: 海屿镇 has two advisers — 郑立言 (a lawyer of the fictional 海屿律师事务所,
12 years' practice, linked to the `adviser` login, whose term ends in about 45 days so the
renewal reminder shows) and 林书华 (a law professor) — with a work record over last year
and this year up to today (consultations, a negotiation, a litigation, petitions and
training sessions on fixed days of each year, moved to working days), and last year's
assessments; 青山镇 has one adviser. Everything through the services, as the demo law
officers and leader, each step inside `clock.pinned(its day)`. Idempotent: an adviser
that exists (same unit and name) is left alone."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core import clock
from fazhi.core.dates import add_years
from fazhi.core.demo_plan import require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User

from . import services
from .models import Adviser

ISLAND, SECOND = "339901101", "339901102"

# (kind, (month, day) of each year, description, hours)
ZHENG_WORK = [
    ("consultation", (1, 12), "就渔港码头岸线租赁合同续签提供法律咨询", "1.5"),
    ("training", (2, 20), "为镇机关干部讲授《行政复议法》修订要点", "2"),
    ("consultation", (3, 18), "就海域使用权纠纷信访件出具法律意见", "2"),
    ("negotiation", (4, 15), "参与海屿镇文旅项目招商引资协议谈判", "6"),
    ("consultation", (5, 20), "就村级工程款支付争议提供法律咨询", "1"),
    ("litigation", (6, 17), "代理镇政府应诉一起政府信息公开行政诉讼", "12"),
    ("petition", (7, 22), "参与化解渔民养殖补偿信访事项", "3"),
    ("consultation", (8, 26), "就出租房屋管理办法起草提供法律咨询", "1.5"),
    ("training", (10, 13), "在东岙村开展民法典进村宣讲", "2"),
    ("consultation", (11, 18), "就保洁服务采购合同付款条款提供法律咨询", "1"),
]
LIN_WORK = [
    ("training", (3, 5), "为镇党委理论学习中心组作法治专题辅导", "2.5"),
    ("consultation", (5, 12), "就规范性文件清理工作提供咨询意见", "2"),
    ("consultation", (7, 8), "就重大行政决策风险评估方法提供咨询", "2"),
    ("training", (10, 20), "为村社干部开展依法履职培训", "3"),
]


def _dated(entries, today: date) -> list[tuple[date, tuple]]:
    """Each entry on its working day of last year, and of this year when that day has
    passed: (day, entry)."""
    dated = []
    for year in (today.year - 1, today.year):
        for entry in entries:
            day = workday_from(date(year, *entry[1]))
            if day < today:
                dated.append((day, entry))
    return dated


def plan(today: date) -> dict:
    """The advisers' days as they stand on `today` (pure: no database)."""
    last_year = today.year - 1
    zheng_end = today + timedelta(days=45)  # the renewal reminder shows
    zheng_start = add_years(zheng_end, -3) + timedelta(days=1)
    return {
        "zheng_registered": workday_until(zheng_start - timedelta(days=10)),
        "zheng_term": (zheng_start, zheng_end),
        "lin_registered": workday_until(date(last_year - 1, 12, 20)),
        "lin_term": (date(last_year, 1, 1), date(last_year + 2, 12, 31)),
        "xu_registered": workday_until(date(today.year - 1, 12, 20)),
        "xu_term": (date(today.year, 1, 1), date(today.year + 1, 12, 31)),
        "zheng_work": _dated(ZHENG_WORK, today),
        "lin_work": _dated(LIN_WORK, today),
        # Last year's assessment, on the last working day so far.
        "assessed": workday_until(today - timedelta(days=1)),
    }


def plan_problems(today: date) -> list[str]:
    """What in the plan of `today` a service would refuse or the demo would miss."""
    p = plan(today)
    problems = []
    for who in ("zheng", "lin", "xu"):
        registered, (start, end) = p[f"{who}_registered"], p[f"{who}_term"]
        problems += step_problems([("登记", registered)], today)
        if registered > start:
            problems.append(f"{who} 登记晚于聘期开始")
        for day, entry in p.get(f"{who}_work", []):
            problems += step_problems([(entry[2], day)], today)
            if not start <= day <= end:
                problems.append(f"{who} 工作记录 {day} 不在聘期内")
    problems += step_problems([("年度考核", p["assessed"])], today)
    if len([d for d, _ in p["zheng_work"] if d.year == today.year - 1]) != len(ZHENG_WORK):
        problems.append("上一年度法律顾问工作记录不全")
    return problems


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _work(officer, adviser, dated) -> None:
    for day, (kind, _, description, hours) in dated:
        with clock.pinned(day):
            services.work_entry_create(
                actor=officer, adviser=adviser, kind=kind, date=day,
                description=description, hours=hours,
            )  # fmt: skip


def load_app_demo() -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=[ISLAND, SECOND])}
    officer, leader, adviser_login = _user("officer"), _user("leader"), _user("adviser")
    if ISLAND not in units or officer is None or leader is None:
        return []
    island = units[ISLAND]
    created: list[str] = []
    last_year = today.year - 1

    if not Adviser.objects.filter(org_unit=island, name="郑立言").exists():
        start, end = p["zheng_term"]
        with clock.pinned(p["zheng_registered"]):
            zheng = services.adviser_create(
                actor=officer, name="郑立言", kind="lawyer", institution="海屿律师事务所",
                licence_no="13399201310123457", practice_since=date(today.year - 12, 1, 1),
                specialty="行政法、合同法", user_id=adviser_login.pk if adviser_login else None,
            )  # fmt: skip
            services.appointment_create(
                actor=officer, adviser=zheng, start=start, end=end,
                agreement_ref=f"海屿法顾〔{start.year}〕1号",
            )  # fmt: skip
        _work(officer, zheng, p["zheng_work"])
        with clock.pinned(p["assessed"]):
            services.assessment_create(
                actor=leader, adviser=zheng, year=last_year,
                scores={"workload": 28, "timeliness": 19, "quality": 27, "conduct": 19},
                note="全年审核规范性文件和合同协议及时,意见具体可操作,考核优秀,建议续聘。",
            )  # fmt: skip
        created.append("法律顾问 郑立言 @ 海屿镇")

    if not Adviser.objects.filter(org_unit=island, name="林书华").exists():
        start, end = p["lin_term"]
        with clock.pinned(p["lin_registered"]):
            lin = services.adviser_create(
                actor=officer, name="林书华", kind="expert", institution="东海学院法学院",
                specialty="行政法学",
            )  # fmt: skip
            services.appointment_create(
                actor=officer, adviser=lin, start=start, end=end,
                agreement_ref=f"海屿法顾〔{start.year}〕2号",
            )  # fmt: skip
        _work(officer, lin, p["lin_work"])
        with clock.pinned(p["assessed"]):
            services.assessment_create(
                actor=leader, adviser=lin, year=last_year,
                scores={"workload": 20, "timeliness": 15, "quality": 26, "conduct": 18},
                note="专题辅导质量较高,参与审核件数偏少,考核合格。",
            )  # fmt: skip
        created.append("法律顾问 林书华 @ 海屿镇")

    second_officer = _user("wuting")
    if (
        SECOND in units
        and second_officer is not None
        and not Adviser.objects.filter(org_unit=units[SECOND], name="许文澜").exists()
    ):
        start, end = p["xu_term"]
        with clock.pinned(p["xu_registered"]):
            xu = services.adviser_create(
                actor=second_officer, name="许文澜", kind="lawyer", institution="青山律师事务所",
                licence_no="13399201510234568", practice_since=date(today.year - 9, 9, 1),
                org_unit=units[SECOND],
            )  # fmt: skip
            services.appointment_create(
                actor=second_officer, adviser=xu, start=start, end=end,
                agreement_ref=f"青山法顾〔{start.year}〕1号",
            )  # fmt: skip
        created.append("法律顾问 许文澜 @ 青山镇")
    return created
