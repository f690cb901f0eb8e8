"""组织领导 in the demo town (海屿镇), through the services as the demo accounts, the
seed's shape: last year the town's leading group (one member left mid-year, kept as
history), three work rules, village groups in five of the seven villages/communities,
4 theory study sessions (2 中心组 + 2 专题学法), 1 学习研讨, 3 推进部署会 (the first with
decisions to break down into tasks), a village's 专题学法, and every town leader's 述法
given and rated at the year-end 述法评议会; this year, every leader on the 述法 list
(`leader` pending on the workbench) and the next deployment meeting planned.
Idempotent: each story is skipped when its records exist."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core import clock
from fazhi.core.demo_plan import require, step_problems, workday_from, workday_until
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.roles import Role

from . import services
from .models import LawReport, LeadingGroup, Meeting

# (month, day, kind, title); last year, all at town level.
MEETINGS = [
    (2, 20, "deployment", "镇法治政府建设工作推进部署会"),
    (3, 15, "central_group", "党委理论学习中心组专题学习《习近平法治思想学习纲要》"),
    (5, 20, "law_study", "镇村两级干部专题学法(民法典)"),
    (7, 10, "deployment", "法治建设年中推进部署会"),
    (8, 25, "central_group", "党委理论学习中心组专题学习依规治党论述"),
    (9, 18, "seminar", "镇村社两级干部法治思想学习研讨"),
    (10, 16, "deployment", "法治政府建设示范创建专题部署会"),
    (11, 12, "law_study", "镇村两级干部专题学法(行政复议法)"),
]
DECISIONS = [
    "各村社于3月底前成立法治建设工作领导小组并报镇法治办备案",
    "各村社结合实际制定本年度法治建设工作计划,分解落实到人",
    "法治办每旬汇总报送法治建设旬报",
]
LAWREPORT_MEETING = "年度领导干部述法评议会"
RULES = ["法治建设领导小组议事规则", "法治建设推进部署会议制度", "领导干部学法用法制度"]
GROUP_VILLAGES = ["339901101001", "339901101002", "339901101201", "339901101202", "339901101203"]
NEXT_MEETING = "法治建设工作推进部署会"


def _day(year: int, month: int, day: int) -> date:
    return workday_from(date(year, month, day))


def plan(today: date) -> dict:
    """The stories' days as they stand on `today` (pure: no database)."""
    y = today.year - 1
    return {
        "year": y,
        "group": _day(y, 1, 10),
        "left": _day(y, 6, 28),
        "village_groups": _day(y, 3, 25),
        "meetings": [_day(y, m, d) for m, d, _, _ in MEETINGS],
        "village_study": _day(y, 6, 12),
        "submitted": _day(y, 12, 10),
        "review": _day(y, 12, 18),
        "roster": workday_until(today - timedelta(days=1)),
        "next_meeting": workday_from(today + timedelta(days=10)),
    }


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    problems = step_problems(
        [
            ("成立领导小组", p["group"]),
            ("村社领导小组", p["village_groups"]),
            ("成员退出", p["left"]),
        ],
        today,
    )
    problems += step_problems([(f"会议{n}", d) for n, d in enumerate(p["meetings"], 1)], today)
    problems += step_problems([("提交述法", p["submitted"]), ("述法评议", p["review"])], today)
    problems += step_problems([("本年述法名单", p["roster"])], today)
    if p["review"].year != p["year"]:
        problems.append("述法评议须在述法年度内")
    return problems


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _leaders(town: OrgUnit) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(org_unit=town, role=Role.TOWN_LEADER, is_active=True)
        .select_related("user")
        .order_by("id")
    ]


def _groups(town, p, officer) -> list[str]:
    if LeadingGroup.objects.filter(org_unit=town).exists():
        return []
    leaders = _leaders(town)
    with clock.pinned(p["group"]):
        group = services.group_create(actor=officer, org_unit=town, established_on=p["group"])
        duties = [
            "主要领导亲自抓,对法治建设负总责",
            "分管领导具体抓,统筹推进各项工作",
            "协助抓好分管领域法治建设",
        ]
        for n, user in enumerate(leaders):
            services.member_add(actor=officer, group=group, user=user, role="leader" if n == 0 else "deputy",
                                duties=duties[min(n, 2)], started_on=p["group"])  # fmt: skip
        services.member_add(actor=officer, group=group, user=officer, role="office_director",
                            duties="负责领导小组办公室日常工作", started_on=p["group"])  # fmt: skip
        cadre = services.member_add(actor=officer, group=group, user=_user("cadre"), role="office_member",
                                    duties="旬报汇总与台账管理", started_on=p["group"])  # fmt: skip
        for title in RULES:
            services.rule_create(actor=officer, org_unit=town, title=title, adopted_on=p["group"],
                                 text=f"{title}:明确职责分工、工作程序和督促落实要求。")  # fmt: skip
    with clock.pinned(p["left"]):
        services.member_end(actor=officer, member=cadre, ended_on=p["left"])
    with clock.pinned(p["village_groups"]):
        for code in GROUP_VILLAGES:
            village = OrgUnit.objects.get(code=code)
            group = services.group_create(
                actor=officer, org_unit=village, established_on=p["village_groups"]
            )
            head = Membership.objects.filter(
                org_unit=village, role=Role.VILLAGE_CADRE, is_active=True
            ).first()
            if head is not None:
                services.member_add(actor=officer, group=group, user=head.user, role="leader",
                                    duties="村社主要负责人亲自抓", started_on=p["village_groups"])  # fmt: skip
            services.member_add(actor=officer, group=group, user=_user("cadre"), role="member",
                                duties="包村干部,指导村社法治建设", started_on=p["village_groups"])  # fmt: skip
    return [f"领导小组:镇级1个、村社{len(GROUP_VILLAGES)}个;工作制度{len(RULES)}项"]


def _meeting(officer, town, day, kind, title, attendees, absences=(), decisions=(), minutes=None):
    with clock.pinned(day):
        meeting = services.meeting_create(
            actor=officer, org_unit=town, kind=kind, title=title, held_on=day, place="镇政府三楼会议室",
            host=attendees[0], agenda="传达上级精神\n研究部署相关工作", attendees=attendees, absences=absences,
        )  # fmt: skip
        return services.meeting_hold(
            actor=officer, obj=meeting, minutes=minutes or f"{title}按议程召开,与会人员进行了学习讨论。",
            decisions=list(decisions),
        )  # fmt: skip


def _meetings(town, p, officer) -> list[str]:
    y = p["year"]
    if Meeting.objects.filter(org_unit=town, held_on__year=y, title=MEETINGS[0][3]).exists():
        return []
    leaders = _leaders(town)
    people = [*leaders, officer, _user("cadre")]
    for n, (day, (_, _, kind, title)) in enumerate(zip(p["meetings"], MEETINGS, strict=True)):
        absences = [(people[-1], "外出参加县级业务培训")] if n == 1 else []
        attendees = people if not absences else people[:-1]
        _meeting(officer, town, day, kind, title, attendees, absences, DECISIONS if n == 0 else ())
    village = OrgUnit.objects.get(code="339901101201")
    vcadre = _user("vcadre")
    with clock.pinned(p["village_study"]):
        m = services.meeting_create(actor=vcadre, org_unit=village, kind="law_study", title="东岙村干部专题学法",
                                    held_on=p["village_study"], place="村委会议室", host=vcadre,
                                    attendees=[vcadre])  # fmt: skip
        services.meeting_hold(
            actor=vcadre, obj=m, minutes="学习村民委员会组织法,讨论村规民约修订。"
        )
    return [f"会议与学习:{y}年{len(MEETINGS)}次镇级、1次村级"]


def _lawreports(town, p, officer) -> list[str]:
    y = p["year"]
    created = []
    leaders = _leaders(town)
    if not LawReport.objects.filter(org_unit=town, year=y).exists():
        with clock.pinned(p["group"]):
            services.lawreport_roster(actor=officer, town=town, year=y)
        with clock.pinned(p["submitted"]):
            for leader in leaders:
                services.lawreport_submit(
                    actor=leader, town=town, year=y,
                    report_text=f"{y}年度本人履行推进法治建设职责情况:带头学法、依法决策、推进法治政府建设。",
                )  # fmt: skip
        meeting = _meeting(
            officer, town, p["review"], "topical", LAWREPORT_MEETING, [*leaders, officer]
        )
        with clock.pinned(p["review"]):
            for r in LawReport.objects.filter(org_unit=town, year=y).order_by("id"):
                services.lawreport_transition(actor=officer, obj=r, verb="review", meeting=meeting,
                                              rating="excellent" if r.reporter == leaders[0] else "good")  # fmt: skip
        created.append(f"述法:{y}年度镇领导{len(leaders)}人全部完成")
    with clock.pinned(p["roster"]):
        added = services.lawreport_roster(actor=officer, town=town, year=p["year"] + 1)
    if added:
        created.append(f"述法:{p['year'] + 1}年度名单{len(added)}人待述法")
    if not Meeting.objects.filter(org_unit=town, title=NEXT_MEETING, status="planned").exists():
        with clock.pinned(p["roster"]):
            services.meeting_create(actor=officer, org_unit=town, kind="deployment", title=NEXT_MEETING,
                                    held_on=p["next_meeting"], place="镇政府三楼会议室", host=leaders[0],
                                    attendees=[*leaders, officer])  # fmt: skip
    return created


def load_leadership_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    officer = _user("officer")
    return _groups(town, p, officer) + _meetings(town, p, officer) + _lawreports(town, p, officer)


def load_app_demo() -> list[str]:
    """The demo's leading groups, meetings and 述法 of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_leadership_demo(ISLAND_TOWN_CODE)
