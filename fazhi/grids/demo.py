"""网格走访 in the demo town (海屿镇, 12 grids), made through the services as the demo
accounts: the town's default categories and risk signals (its law officer), five key
persons in every grid registered early last year, and their visits by each grid's worker
at the pace of their categories — so every grid has visits in every month of last year
and of this year up to today. In the `gridder`'s grid two persons have gone unvisited
past their due date (the workbench's overdue items), and two recent visits recorded risk
signals (early warning). Every visit on a planned working day (core.demo_plan), inside
`clock.pinned`. Idempotent: a town that has key persons is left alone."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from fazhi.core import clock
from fazhi.core.deadlines import deadline
from fazhi.core.demo_plan import require, workday_from, workday_until
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.roles import Role

from .models import KeyGroupCategory, KeyPerson
from .services import defaults_load, person_create, visit_record

GRIDDER_GRID = "339901101201001"
_SURNAMES = "陈林王张李黄吴郑周徐蔡刘何杨胡朱"
_GIVEN = ["阿婆", "秀兰", "海生", "金花", "建平", "玉珍", "志强", "美娟", "德福", "桂英",
          "国华", "春燕", "永明", "丽萍", "水根"]  # fmt: skip
# Each grid's five persons: (categories, visits every … days). The pace is a little
# shorter than the category's interval, as a diligent worker keeps it.
_MIX = [
    (("低保户",), 80),
    (("独居老人", "残疾人"), 75),
    (("特困人员",), 85),
    (("刑满释放人员",), 26),
    (("社区矫正对象",), 27),
]
# Grids with a 信访重点人员 instead of their fifth person (every 15 days).
_SENSITIVE_GRIDS = {GRIDDER_GRID, "339901101001001", "339901101202001", "339901101205001"}
_SITUATIONS = {
    "低保户": "入户了解低保金发放和家庭收支情况,生活基本有保障。",
    "独居老人": "老人身体尚可,已检查用电用气安全,提醒按时服药。",
    "残疾人": "了解康复和辅具使用情况,协助申请残疾人两项补贴。",
    "特困人员": "供养待遇按时发放,居住条件良好。",
    "刑满释放人员": "了解就业和家庭情况,已在渔业合作社务工,表现稳定。",
    "社区矫正对象": "按规定报告活动情况,思想稳定,遵守矫正规定。",
    "信访重点人员": "了解其诉求办理进展,解释政策,情绪总体平稳。",
}
# Two recent visits with risk signals: (grid code, person index, signals, situation).
_SIGNALLED = [
    (GRIDDER_GRID, 4, ["扬言上访", "情绪激动"],
     "对征地补偿标准仍有意见,情绪激动,扬言要到县里上访。"),
    ("339901101203001", 3, ["矛盾激化"], "与邻居因渔船停靠位置再起争执,双方矛盾有激化苗头。"),
]  # fmt: skip
# The persons of the gridder's grid left unvisited lately (the workbench's overdue).
_OVERDUE = {(GRIDDER_GRID, 0), (GRIDDER_GRID, 3)}


def _grid_codes() -> list[str]:
    from fazhi.core.demo import DEMO_UNITS, ISLAND_TOWN_CODE

    return [c for k, c, _, _ in DEMO_UNITS if k == "grid" and c.startswith(ISLAND_TOWN_CODE)]


@dataclass
class PersonPlan:
    grid: str
    index: int
    name: str
    categories: tuple[str, ...]
    interval: int  # the shortest default interval of the categories
    registered: date
    visits: list[tuple[date, list[str], str]] = field(default_factory=list)

    @property
    def due(self) -> date:
        base = self.visits[-1][0] if self.visits else self.registered
        return deadline(base, self.interval, "days")


_INTERVAL = {"低保户": 90, "独居老人": 90, "残疾人": 90, "特困人员": 90,
             "刑满释放人员": 30, "社区矫正对象": 30, "信访重点人员": 15}  # fmt: skip


def plan(today: date) -> list[PersonPlan]:
    """Every person's registration and visit days as they stand on `today` (pure but for
    the holiday calendar)."""
    registered = workday_from(date(today.year - 1, 1, 2))
    last_allowed = workday_until(today - timedelta(days=1))
    persons = []
    n = 0
    for g, code in enumerate(_grid_codes()):
        for i, (cats, pace) in enumerate(_MIX):
            if i == 4 and code in _SENSITIVE_GRIDS:
                cats, pace = ("信访重点人员",), 12
            name = _SURNAMES[(g + i * 3) % len(_SURNAMES)] + _GIVEN[(g * 5 + i) % len(_GIVEN)]
            p = PersonPlan(code, i, name, cats, min(_INTERVAL[c] for c in cats), registered)
            stop = last_allowed
            if (code, i) in _OVERDUE:
                stop = today - timedelta(days=p.interval + 12)
            day = registered
            while True:
                nxt = workday_until(day + timedelta(days=pace))
                if nxt <= day:
                    nxt = workday_from(day + timedelta(days=1))
                if nxt > stop:
                    break
                p.visits.append((nxt, [], _SITUATIONS[cats[0]]))
                day = nxt
            persons.append(p)
            n += 1
    for code, index, signals, text in _SIGNALLED:
        p = next(x for x in persons if x.grid == code and x.index == index)
        if p.visits:
            p.visits[-1] = (p.visits[-1][0], signals, text)
    return persons


def plan_problems(today: date) -> list[str]:
    problems = []
    persons = plan(today)
    for p in persons:
        previous = p.registered
        for day, _, _ in p.visits:
            if day >= today:
                problems.append(f"{p.grid}/{p.index} 走访 {day} 不早于今天")
            if day < previous:
                problems.append(f"{p.grid}/{p.index} 走访 {day} 早于上一次")
            if day < p.registered:
                problems.append(f"{p.grid}/{p.index} 走访 {day} 早于登记")
            previous = day
    # Visits in every month of last year and of this year up to last month, every grid.
    months = [(today.year - 1, m) for m in range(1, 13)] + [
        (today.year, m) for m in range(1, today.month)
    ]
    for code in _grid_codes():
        seen = {(d.year, d.month) for p in persons if p.grid == code for d, _, _ in p.visits}
        missing = [f"{y}-{m:02d}" for y, m in months if (y, m) not in seen]
        if missing:
            problems.append(f"网格 {code} 缺少走访的月份:{'、'.join(missing)}")
    overdue = [p for p in persons if (p.grid, p.index) in _OVERDUE]
    problems += [f"{p.grid}/{p.index} 未逾期(应走访 {p.due})" for p in overdue if p.due >= today]
    window = today - timedelta(days=30)
    signalled = [p for p in persons for d, s, _ in p.visits if s and d > window]
    if len(signalled) < 2:
        problems.append("近30日有风险信号的走访少于2次")
    return problems


def _worker(code: str, officer: User) -> User:
    m = (
        Membership.objects.filter(org_unit__code=code, role=Role.GRID_WORKER, is_active=True)
        .select_related("user")
        .order_by("id")
        .first()
    )
    return User.objects.get(pk=m.user_id) if m else officer


def load_grids_demo(town_code: str) -> list[str]:
    town = OrgUnit.objects.get(code=town_code)
    if KeyPerson.objects.filter(org_unit__code__startswith=town.code).exists():
        return []
    today = clock.today()
    require(plan_problems(today))
    persons = plan(today)
    officer = User.objects.get(username="officer")
    created = []
    if not KeyGroupCategory.objects.filter(org_unit=town).exists():
        with clock.pinned(persons[0].registered):
            defaults_load(actor=officer, town=town)
        created.append("重点人群默认类别和风险信号")
    categories = {c.name: c for c in KeyGroupCategory.objects.filter(org_unit=town)}
    grids = {g.code: g for g in OrgUnit.objects.filter(code__startswith=town.code, kind="grid")}
    workers = {code: _worker(code, officer) for code in grids}
    from fazhi.core.demo import demo_id_number

    visits = 0
    for n, p in enumerate(persons):
        worker = workers[p.grid]
        with clock.pinned(p.registered):
            person = person_create(
                actor=worker, org_unit=grids[p.grid], name=p.name,
                id_number=demo_id_number(date(1940 + n % 45, 1 + n % 12, 1 + n % 27), 300 + n,
                                         female=n % 2 == 0),
                phone=f"139058{n:05d}", address=f"{grids[p.grid].parent.name}{n + 1}号",
                categories=[categories[c] for c in p.categories], registered_on=p.registered,
            )  # fmt: skip
        for day, signals, situation in p.visits:
            with clock.pinned(day):
                visit_record(
                    actor=worker, person=person, visited_on=day,
                    mode="home" if day.day % 3 else "phone", situation=situation,
                    signals=signals, follow_up="继续跟踪,按期走访" if signals else "",
                    client_key=uuid.uuid5(uuid.NAMESPACE_URL, f"fazhi-demo:{n}:{day}"),
                )  # fmt: skip
            visits += 1
    created.append(f"重点人员{len(persons)}人,走访{visits}人次")
    return created


def load_app_demo() -> list[str]:
    """The demo's key persons and visits of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_grids_demo(ISLAND_TOWN_CODE)
