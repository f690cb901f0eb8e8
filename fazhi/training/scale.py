"""案例实景式教学 at county scale (`fazhi scale-data`): at factor 1.0 about 600 cases (20 a
town) and 1,200 sessions over five years (8 a town a year) with about 15 participants
each (18,000 rows).

Each record keeps the services' rules:
- a case's type is one of its town's configured types (read once per town), its roles are
  the template's, it was recorded by the town's law officer before any session of it;
- a session runs a case of its own town, hosted by the town's law officer, with a roster
  of distinct people of the town (its cadres, village cadres and grid workers, read with
  one query), each in one of the case's roles;
- a session held before today was marked held on its day; its evaluation is due the
  town's evaluation period in working days after it (core.deadlines); evaluated ones have
  every participant rated (需改进 always with a comment), their lessons and the day;
  recent ones are still held and awaiting evaluation, a few planned ones were left
  unmarked past their day (the workbench's warnings), a few were cancelled, and some lie
  ahead, planned.
StatusChange timelines and audit events are not written (far too many rows for what a
list or a report reads); the records' own dates say when each step happened."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fazhi.core.deadlines import deadline, is_workday, overrides_read_once
from fazhi.core.models import Membership

from .models import STAFF_ROLES, Case, Participant, Session
from .params import EVALUATION_WORKDAYS, case_types

CASES = 600
SESSIONS = 1_200
ROSTER = (10, 20)
S = Session.Status
R = Participant.Rating
_ROLES = {
    "信访纠纷": ["信访人代表", "信访人", "接访干部", "村干部"],
    "遗留拆迁": ["被拆迁户", "拆迁工作组干部", "司法所调解员", "法律顾问"],
    "邻里纠纷": ["当事人甲", "当事人乙", "人民调解员", "网格员"],
    "土地承包纠纷": ["承包户", "村委会主任", "农经干部", "人民调解员"],
    "舆情处置": ["舆情专班干部", "新闻发言人", "网格员", "当事群众"],
    "劳资纠纷": ["务工人员代表", "企业负责人", "劳动保障协管员", "人民调解员"],
}
_GENERIC_ROLES = ["当事人", "处置干部", "调解员", "网格员"]
_SUBJECTS = ["征地补偿", "宅基地界址", "渔船作业区", "旧村改造", "养殖海域", "工程款", "山林权属",
             "祖坟迁移", "围垦滩涂", "集体收益分配", "危房改造", "道路拓宽"]  # fmt: skip
_LEGAL = {
    "信访纠纷": "《信访工作条例》第二十条、第二十三条、第三十一条、第三十四条、第三十五条。",
    "遗留拆迁": "《民法典》第二百四十三条;《行政复议法》第二十条;《行政诉讼法》第四十六条。",
    "邻里纠纷": "《民法典》第二百八十八条;《人民调解法》第十七条、第二十九条、第三十三条。",
    "土地承包纠纷": "《农村土地承包法》第三十一条;《村民委员会组织法》第二十七条。",
    "舆情处置": "《政府信息公开条例》第六条。",
    "劳资纠纷": "《保障农民工工资支付条例》第十一条、第十二条;《人民调解法》第三十三条。",
}
_PLACES = [
    "镇信访接待中心",
    "村文化礼堂",
    "镇综合信息指挥室",
    "村委会会议室",
    "镇便民服务中心会议室",
]
_LESSONS = (
    "经验:还原真实场景,参训人员熟悉了处置程序和时限。\n不足:个别人员释法说理不够,需加强情景演练。"
)
_COMMENTS = {R.EXCELLENT: "角色把握准确,处置规范。", R.GOOD: "处置基本到位。", R.PASS: "程序掌握尚可。",
             R.IMPROVE: "对法定时限不熟悉,沟通方式需改进。"}  # fmt: skip


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _workday_from(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def _pools(ctx) -> dict[int, list[int]]:
    """Town id → the people who train there besides the officer (one query)."""
    town_by_code = {t.unit.code: t.unit.pk for t in ctx.towns}
    pools: dict[int, set[int]] = {pk: set() for pk in town_by_code.values()}
    rows = Membership.objects.filter(
        is_active=True,
        user__is_active=True,
        role__in=STAFF_ROLES,
        org_unit__code__startswith=ctx.county.code,
    ).values_list("org_unit__code", "user_id")
    for code, user_id in rows:
        town_id = town_by_code.get(code[:9])
        if town_id is not None:
            pools[town_id].add(user_id)
    return {pk: sorted(users) for pk, users in pools.items()}


def _case(ctx, rng, town, types) -> Case:
    kind = rng.choice(types)
    subject = rng.choice(_SUBJECTS)
    case = Case(
        org_unit=town.unit,
        title=f"{subject}引发的{kind}案例",
        case_type=kind,
        facts=f"{town.unit.name}辖区因{subject}问题引发{kind},当事群众情绪激动,要求当场解决。",
        roles="\n".join(_ROLES.get(kind, _GENERIC_ROLES)),
        legal_points=_LEGAL.get(kind, "《人民调解法》第十七条、第二十九条。"),
        model_handling="1.稳控现场;\n2.核实事实;\n3.释法说理;\n4.依法处理并告知救济途径;\n5.回访。",
        created_by_id=town.officer.pk,
        created_on=ctx.first_day + timedelta(days=rng.randrange(30)),
    )
    case.created_at = _at(case.created_on, 9)
    case.fill_search()
    return case


def _play(ctx, rng, session: Session, days: int, roster: list[Participant]) -> None:
    """Move a session from planned as far as it has got by today."""
    yesterday = ctx.today - timedelta(days=1)
    if session.held_on > yesterday:
        return  # ahead: still planned
    roll = rng.random()
    if roll < 0.03:
        session.status = S.CANCELLED
        return
    if roll < 0.05 and session.held_on.year == ctx.today.year:
        return  # the day passed and nobody marked it held (a workbench warning)
    session.status = S.HELD
    session.evaluation_due = deadline(session.held_on, days, "workdays")
    evaluated = deadline(session.held_on, rng.randint(1, days + 2), "workdays")
    if evaluated > yesterday:
        for p in roster[: rng.randrange(len(roster) + 1)]:
            _rate(rng, session, p, session.held_on)
        return
    for p in roster:
        _rate(rng, session, p, evaluated)
    session.status = S.EVALUATED
    session.evaluated_on = evaluated
    session.lessons = _LESSONS


def _rate(rng, session: Session, p: Participant, day: date) -> None:
    p.rating = rng.choices([R.EXCELLENT, R.GOOD, R.PASS, R.IMPROVE], [25, 45, 22, 8])[0]
    p.comment = _COMMENTS[p.rating]
    p.evaluated_by_id = session.host_id
    p.evaluated_at = _at(day, 16)


def generate(ctx) -> None:
    rng = ctx.rng("training")
    towns = ctx.towns
    pools = _pools(ctx)
    with overrides_read_once():
        types = {t.unit.pk: case_types(t.unit) or ["信访纠纷"] for t in towns}
        days = {t.unit.pk: int(EVALUATION_WORKDAYS.value(t.unit)) for t in towns}
        cases = ctx.bulk(
            Case,
            (_case(ctx, rng, towns[i % len(towns)], types[towns[i % len(towns)].unit.pk])
             for i in range(ctx.n(CASES))),
            "典型案例",
        )  # fmt: skip
        by_town: dict[int, list[Case]] = {}
        for c in cases:
            by_town.setdefault(c.org_unit_id, []).append(c)
        first = ctx.first_day + timedelta(days=45)
        span = (ctx.today + timedelta(days=30) - first).days
        sessions, rosters = [], []
        for i in range(ctx.n(SESSIONS)):
            town = towns[i % len(towns)]
            if town.unit.pk not in by_town:
                continue
            case = rng.choice(by_town[town.unit.pk])
            held_on = _workday_from(first + timedelta(days=rng.randrange(span)))
            planned_on = max(case.created_on, held_on - timedelta(days=rng.randint(7, 20)))
            session = Session(
                org_unit=town.unit, case=case, held_on=held_on, place=rng.choice(_PLACES),
                host_id=town.officer.pk, created_by_id=town.officer.pk,
                created_at=_at(min(planned_on, ctx.today - timedelta(days=1)), 10),
            )  # fmt: skip
            pool = pools.get(town.unit.pk) or [town.officer.pk]
            people = rng.sample(pool, min(len(pool), rng.randint(*ROSTER)))
            roles = case.role_list
            roster = [
                Participant(org_unit=town.unit, user_id=u, role=roles[k % len(roles)])
                for k, u in enumerate(people)
            ]
            _play(ctx, rng, session, days[town.unit.pk], roster)
            sessions.append(session)
            rosters.append(roster)
    saved = ctx.bulk(Session, sessions, "实景教学")
    for session, roster in zip(saved, rosters, strict=True):
        for p in roster:
            p.session = session
    ctx.bulk(Participant, (p for roster in rosters for p in roster), "参训人员")
