"""案例实景式教学 in the demo town, made through the services as the demo accounts: six
cases of the library (one per default type), last year's four sessions — 信访纠纷 and
遗留拆迁 as in the seed, then 舆情处置 and 土地承包纠纷 — each held and evaluated, and this
year a session held a few days ago awaiting evaluation (the law officer's workbench) and
one planned a fortnight ahead with the grid worker and village cadre on its roster
(their workbench). Every step on its planned working day (core.demo_plan), inside
`clock.pinned`. Idempotent: a town whose library has the first case is left alone."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from fazhi.core import clock
from fazhi.core.demo_plan import after, require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User

from .models import Case
from .services import (
    case_create,
    participant_add,
    participant_evaluate,
    session_create,
    session_transition,
)
from .services.common import in_town
from .services.session import _day_reached

# (title, type, facts, roles, legal points, model handling)
CASES = [
    ("渔港社区征地补偿分配集体走访", "信访纠纷",
     "渔港社区12户村民认为征地补偿款在组内分配不公,约30人到镇政府集体走访,要求当场答复并扬言到县里上访。",
     ["信访人代表", "信访人", "接访干部", "社区干部"],
     "《信访工作条例》第二十条(多人走访应推选代表,不超过5人);第二十三条(登记并告知处理途径);"
     "第三十一条、第三十二条(区分情况办理,出具信访处理意见书);第三十四条(60日内办结,可延长不超过30日);"
     "第三十五条(30日内可请求复查)。",
     "1.引导群众推选不超过5名代表到接待室反映诉求,其余人员由社区干部劝导疏散;\n2.接访干部登记诉求、告知处理途径和期限;"
     "\n3.调取补偿分配方案和村民代表会议记录,核实事实;\n4.依法作出处理意见并书面答复,告知复查途径;\n5.跟踪回访,化解到位。"),
    ("大岙村旧村改造遗留拆迁补偿争议", "遗留拆迁",
     "2016年旧村改造中一户村民以补偿面积认定有误为由拒绝搬迁,多年反复上访,要求按现行标准重新补偿。",
     ["被拆迁户", "镇拆迁工作组干部", "司法所调解员", "法律顾问"],
     "《民法典》第二百四十三条(征收集体所有土地、房屋应依法足额补偿);《人民调解法》第十七条(当事人可以拒绝调解);"
     "《行政复议法》第二十条(60日内申请复议);《行政诉讼法》第四十六条(6个月内起诉)。",
     "1.调阅原补偿协议、测绘报告和档案;\n2.法律顾问评估原认定是否有误;\n3.有误的依法纠正,无误的释法说理;"
     "\n4.当事人不接受调解的,告知复议、诉讼途径和期限;\n5.形成处理记录,专人跟进。"),
    ("滴水檐引发的邻里纠纷", "邻里纠纷",
     "东岙村两户相邻村民因一方翻建房屋、屋檐滴水落入另一方院内发生争执,双方多次口角,险些动手。",
     ["当事人甲", "当事人乙", "人民调解员", "网格员"],
     "《民法典》第二百八十八条(相邻关系处理原则)、第二百九十六条(利用相邻不动产应尽量避免损害);"
     "《人民调解法》第十七条、第二十九条(调解协议载明事项)、第三十三条(30日内共同申请司法确认)。",
     "1.网格员第一时间到场劝离,防止矛盾激化;\n2.人民调解员分别听取双方意见,现场查看;"
     "\n3.释法说理,提出加装排水槽等方案;\n4.达成协议的制作调解协议书,告知司法确认;\n5.一周后回访。"),
    ("外嫁女土地承包经营权纠纷", "土地承包纠纷",
     "南沙村一名出嫁女户口未迁出,村民小组以村规民约为由收回其承包地并拒绝分配征地补偿款。",
     ["承包户", "村委会主任", "镇农经干部", "人民调解员"],
     "《农村土地承包法》第三十一条(妇女结婚在新居住地未取得承包地的,发包方不得收回其原承包地);"
     "《村民委员会组织法》第二十七条(村规民约不得侵犯村民的人身权利、财产权利)。",
     "1.核实户籍、承包合同和新居住地承包情况;\n2.审查村规民约相关条款的合法性;\n3.责令纠正违法条款;"
     "\n4.调解返还承包地、补发补偿款;\n5.不能调解的告知仲裁、诉讼途径。"),
    ("渔港拆违不实视频舆情处置", "舆情处置",
     "自媒体发布短视频称镇里“强拆渔民养殖棚、打伤老人”,一小时内转发上千次;实际为依法拆除违章搭建,现场无人受伤。",
     ["舆情专班干部", "镇新闻发言人", "网格员", "当事渔民"],
     "《政府信息公开条例》第六条(发现虚假或者不完整信息的,应当发布准确的政府信息予以澄清)。",
     "1.舆情专班核实事实,调取执法记录仪视频;\n2.网格员上门了解当事人诉求;\n3.两小时内发布情况通报;"
     "\n4.对合理诉求依法回应;\n5.持续监测,复盘处置过程。"),
    ("水产加工厂拖欠工资群体讨薪", "劳资纠纷",
     "一家水产加工厂停产,拖欠40余名务工人员三个月工资,工人聚集厂门口讨薪。",
     ["务工人员代表", "企业负责人", "劳动保障协管员", "人民调解员"],
     "《保障农民工工资支付条例》第十一条(工资以货币形式足额支付)、第十二条(按约定日期支付);"
     "《人民调解法》第二十九条、第三十三条。",
     "1.劝导工人推选代表,稳定现场;\n2.核对考勤和工资表,确认欠薪数额;\n3.约谈企业负责人,制定支付计划;"
     "\n4.调解达成分期支付协议并申请司法确认;\n5.企业拒不支付的移送劳动保障监察。"),
]  # fmt: skip

# Last year's sessions: (case index, month, place, roster [(username, role index)]).
PAST = [
    (0, 3, "镇信访接待中心", [("cadre", 2), ("vcadre", 3), ("gridder", 1), ("lihaiyan", 3),
                              ("liuyang", 0), ("linmeiling", 1)]),
    (1, 6, "大岙村文化礼堂", [("cadre", 1), ("caiyongkang", 0), ("yangfan", 2), ("sunli", 1)]),
    (4, 9, "镇综合信息指挥室", [("liuyang", 0), ("sunli", 1), ("gridder", 2), ("fangxiaojun", 2),
                                ("cadre", 3)]),
    (3, 11, "南沙村村委会", [("wuhaibo", 1), ("vcadre", 1), ("sunli", 2), ("yuguohua", 0)]),
]  # fmt: skip
RATINGS = ["excellent", "good", "good", "pass", "excellent", "improve"]
# This year: the held one awaits evaluation; the planned one is a fortnight ahead.
HELD_NOW = (2, "东岙村调解室", [("gridder", 3), ("vcadre", 2), ("panlijuan", 0), ("cadre", 1)])
PLANNED = (5, "镇便民服务中心会议室", [("gridder", 2), ("vcadre", 3), ("cadre", 1),
                                      ("qiuzhiyong", 0)])  # fmt: skip


def plan(today: date) -> dict:
    """The days of the stories as they stand on `today` (pure: no database)."""
    y = today.year - 1
    cases_on = workday_from(date(y, 1, 9))
    past = []
    for _, month, _, _ in PAST:
        planned_on = workday_from(date(y, month, 1))
        held_on = after(planned_on, 10)
        past.append({"planned": planned_on, "held": held_on, "evaluated": after(held_on, 2)})
    held_now = workday_until(today - timedelta(days=3))
    current = None
    if held_now.year == today.year:
        planned_now = workday_until(held_now - timedelta(days=10))
        current = {"planned": max(planned_now, cases_on), "held": held_now}
    return {
        "cases": cases_on,
        "past": past,
        "current": current,
        "planned_on": workday_until(today - timedelta(days=1)),
        "planned_for": workday_from(today + timedelta(days=10)),
    }


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    problems = []
    for n, s in enumerate(p["past"]):
        steps = [("录入案例", p["cases"]), (f"安排第{n + 1}场", s["planned"]),
                 (f"举行第{n + 1}场", s["held"]), (f"评价第{n + 1}场", s["evaluated"])]  # fmt: skip
        problems += step_problems(steps, today)
        if s["evaluated"].year != today.year - 1:
            problems.append(f"第{n + 1}场不在上一年度")
        if refusal := _day_reached(SimpleNamespace(held_on=s["held"]), None, on=s["held"]):
            problems.append(refusal)
    if p["current"]:
        c = p["current"]
        problems += step_problems(
            [("录入案例", p["cases"]), ("安排", c["planned"]), ("举行", c["held"])], today
        )
    problems += step_problems([("录入案例", p["cases"]), ("安排", p["planned_on"])], today)
    if p["planned_for"] <= today:
        problems.append("计划中的教学应在今天之后")
    return problems


def _people(town: OrgUnit) -> dict[str, User]:
    names = {u for _, _, _, r in PAST for u, _ in r} | {u for u, _ in HELD_NOW[2] + PLANNED[2]}
    users = User.objects.filter(username__in=names | {"officer"}, is_active=True)
    # Fresh objects: their membership caches must reflect the memberships just granted.
    return {u.username: u for u in users if in_town(u, town)}


def _session(officer, case, day, place, host, roster, people):
    session = session_create(actor=officer, case=case, held_on=day, place=place, host=host)
    for username, role in roster:
        if username in people:
            participant_add(actor=officer, session=session, user=people[username],
                            role=case.role_list[role])  # fmt: skip
    return session


def load_training_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    if Case.objects.filter(org_unit=town, title=CASES[0][0]).exists():
        return []
    people = _people(town)
    officer = people["officer"]
    with clock.pinned(p["cases"]):
        cases = [
            case_create(
                actor=officer,
                org_unit=town,
                title=t,
                case_type=k,
                facts=f,
                roles=r,
                legal_points=lp,
                model_handling=m,
            )  # fmt: skip
            for t, k, f, r, lp, m in CASES
        ]
    for n, ((index, _, place, roster), days) in enumerate(zip(PAST, p["past"], strict=True)):
        case = cases[index]
        with clock.pinned(days["planned"]):
            session = _session(officer, case, days["held"], place, officer, roster, people)
        with clock.pinned(days["held"]):
            session_transition(actor=officer, obj=session, verb="hold")
        with clock.pinned(days["evaluated"]):
            for k, participant in enumerate(session.participants.order_by("id")):
                rating = RATINGS[(n + k) % len(RATINGS)]
                comment = (
                    "对群众诉求回应不够及时,需加强程序意识。"
                    if rating == "improve"
                    else "角色把握准确,处置规范。"
                )
                participant_evaluate(actor=officer, participant=participant, rating=rating,
                                     comment=comment)  # fmt: skip
            session_transition(
                actor=officer, obj=session, verb="evaluate",
                lessons="经验:以真实案例还原现场,参训人员对信访、调解程序和时限的掌握明显提高。\n"
                        "不足:个别人员对法律条款理解不深,现场沟通技巧有待加强;下一步增加情景对抗环节。",
            )  # fmt: skip
    made = ["典型案例 6 个", "上一年度实景教学 4 场(均已评价)"]
    if p["current"]:
        index, place, roster = HELD_NOW
        with clock.pinned(p["current"]["planned"]):
            session = _session(officer, cases[index], p["current"]["held"], place, officer,
                               roster, people)  # fmt: skip
        with clock.pinned(p["current"]["held"]):
            session_transition(actor=officer, obj=session, verb="hold")
        made.append("本年度已举行待评价的实景教学 1 场")
    index, place, roster = PLANNED
    with clock.pinned(p["planned_on"]):
        _session(officer, cases[index], p["planned_for"], place, officer, roster, people)
    made.append("计划中的实景教学 1 场")
    return made


def load_app_demo() -> list[str]:
    """The demo's scenario training of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_training_demo(ISLAND_TOWN_CODE)
