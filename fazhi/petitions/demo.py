"""信访 in the demo town (海屿镇), made through the services by the town's 信访办 (`officer`):
a complete previous year (letters, visits, a group visit with four representatives, an
extension, a 复查 with its decision, a matter taken through 复核 to its final close, one
not accepted, one transferred to us and objected to within 5 working days, whistle-blowing
that accuses a town leader) and this year's open matters: one just received, one whose
handling period ends within days (the officer's and leaders' workbench), one extended, a
current group visit, a 复查 under way from a repeat petitioner.

Every step is planned from the one before it with the deadline service (core.demo_plan),
lands on a working day before today, and keeps the statute's periods; `plan_problems`
checks that for any day. Idempotent: a petition that exists (same town and title) is
left alone."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core import clock
from fazhi.core.deadlines import is_workday
from fazhi.core.demo import demo_id_number
from fazhi.core.demo_plan import after, fit_before, require, step_problems, workday_from
from fazhi.core.demo_plan import workday_until as until
from fazhi.core.models import OrgUnit, User

from .models import Petition
from .params import DUE_SOON_DAYS, NATIONAL
from .services import petition_register, petition_transition
from .services.common import due

R = NATIONAL
# Demo petitioners (fictional ID numbers of the demo county 339901, valid check digits).
PEOPLE = {
    key: (name, demo_id_number(born, seq, female=female), phone, address)
    for key, name, born, seq, female, phone, address in [
        ("lin", "林海生", date(1962, 3, 15), 61, False, "13905802101", "海屿镇东岙村12号"),
        ("chen", "陈阿婆", date(1948, 5, 20), 62, True, "13905802102", "海屿镇渔港社区3幢"),
        ("wang", "王大海", date(1970, 11, 8), 63, False, "13905802103", "海屿镇南沙村5号"),
        ("zhou", "周秀英", date(1985, 2, 14), 64, True, "13905802104", "海屿镇西岙村8号"),
        ("wu", "吴建国", date(1969, 9, 9), 65, False, "13905802105", "海屿镇北礁村2号"),
        ("xu", "徐小燕", date(1990, 3, 3), 66, True, "", "海屿镇海屿社区6幢"),
        ("he", "何志平", date(1975, 7, 7), 67, False, "13905802107", "海屿镇大岙村1号"),
    ]
}
GROUP = ["wang", "wu", "he", "zhou"]

ANSWERS = {
    "support": ("予以支持。", "经调查核实,信访人反映情况属实。"),
    "explain": ("作出解释说明。", "经调查核实,信访人的请求事由合理,但缺乏政策依据。"),
    "reject": ("不予支持。", "经调查核实,信访人的请求缺乏事实根据。"),
}

# (key, title, channel, category, people, content, extra)
STORIES = [
    ("p1", "渔港码头扩建征地补偿款未足额发放", "letter", "land", ["lin"],
     "请求按2022年补偿标准补足渔港码头扩建征用承包地的补偿款。", {}),
    ("p2", "渔业加工厂拖欠工资", "visit", "labour", ["chen"],
     "请求督促海屿水产加工厂支付拖欠的三个月工资。", {}),
    ("p3", "要求撤销已生效民事判决", "online", "legal", ["zhou"],
     "对县人民法院关于宅基地纠纷的生效判决不服,要求镇政府撤销判决。", {}),
    ("p4", "集体访:休渔期渔民生活补助发放", "visit", "fishery", GROUP,
     "四名代表反映南沙、北礁两村三十五户渔民休渔期生活补助未按时发放,要求尽快发放。",
     {"is_group": True, "people_count": 35}),
    ("p5", "县信访局转送:跨海大桥引线噪声", "letter", "environment", ["xu"],
     "反映跨海大桥引线夜间施工噪声扰民。", {"source": "transferred", "transferred_by": "示范县信访局"}),
    ("p6", "养殖尾水排放污染滩涂", "letter", "environment", ["he"],
     "反映大岙村养殖场尾水直排滩涂,要求查处并恢复滩涂。", {}),
    ("p7", "低保申请未获批准", "phone", "welfare", ["xu"],
     "反映低保申请被村委会退回,要求重新审核。", {}),
    ("p8", "举报镇干部违规发放渔船燃油补贴", "letter", "conduct", ["wu"],
     "检举镇干部在渔船燃油补贴发放中优亲厚友。",
     {"is_accusation": True, "accused_name": "郑国栋", "accused": "zhengguodong"}),
    ("p9", "邻居违建阻挡通道", "visit", "neighbour", ["zhou"],
     "反映邻居在公共通道上搭建棚屋,影响通行。", {}),
    ("c1", "渔港社区路灯长期不亮", "online", "construction", ["chen"],
     "反映渔港社区环岛路段路灯损坏两个月未修。", {}),
    ("c2", "东岙村土地承包经营权调整争议", "letter", "land", ["lin"],
     "请求重新调整东岙村二轮土地承包地块,恢复原承包面积。", {}),
    ("c3", "海塘加固工程占用养殖塘补偿", "visit", "land", ["he"],
     "请求对海塘加固工程占用的养殖塘给予补偿。", {}),
    ("c4", "集体访:渔港清淤工程影响出海", "visit", "fishery", ["wang", "wu", "he"],
     "三名代表反映渔港清淤施工封航时间过长,二十余户渔民无法出海。",
     {"is_group": True, "people_count": 22}),
    ("c5", "渔业加工厂拖欠工资(复查)", "visit", "labour", ["chen"],
     "不服镇政府关于加工厂欠薪问题的处理意见,请求复查。", {}),
]  # fmt: skip


def _story(received: date, steps: list[str]) -> dict[str, date]:
    """Step days from `received`, each a few working days after the one before."""
    days = {"received": received}
    gaps = {"accept": 3, "not_accept": 5, "object": 3, "extend": 30, "answer": 28,
            "serve": 2, "request_review": 10, "decide_review": 12, "request_rereview": 8,
            "decide_rereview": 12}  # fmt: skip
    last = received
    for s in steps:
        last = after(last, gaps[s])
        days[s] = last
    return days


# Which steps each story takes.
STEPS = {
    "p1": ["accept", "answer", "serve"],
    "p2": ["accept", "answer", "serve", "request_review", "decide_review"],
    "p3": ["not_accept"],
    "p4": ["accept", "extend", "answer", "serve"],
    "p5": ["object"],
    "p6": [
        "accept",
        "answer",
        "serve",
        "request_review",
        "decide_review",
        "request_rereview",
        "decide_rereview",
    ],
    "p7": ["accept", "answer", "serve"],
    "p8": ["accept", "answer", "serve"],
    "p9": ["accept", "answer", "serve"],
    "c1": [],
    "c2": ["accept"],
    "c3": ["accept", "extend"],
    "c4": ["accept"],
    "c5": ["accept", "answer", "serve", "request_review"],
}
# Previous-year stories start on these days of last year (month, day).
LAST_YEAR = {"p1": (2, 20), "p2": (3, 12), "p3": (4, 8), "p4": (5, 11), "p5": (6, 3),
             "p6": (6, 24), "p7": (9, 8), "p8": (9, 22), "p9": (11, 3)}  # fmt: skip
# This year's (open) stories: received this many days before today.
AGO = {"c1": 10, "c2": 61, "c3": 80, "c4": 24, "c5": 75}


# The stories meant for the workbench's "due soon": c2's handling period (from its
# acceptance) and c1's acceptance period (from receipt) end within the warning days.
DUE_SOON = {"c2": ("accept", R.handle), "c1": ("received", R.accept)}


def _soon(today: date, end: date) -> bool:
    return today < end <= today + timedelta(days=DUE_SOON_DAYS.default)


def _due_soon(key: str, today: date, ago: int) -> dict[str, date]:
    """The story received about `ago` days ago, on the day that puts its period's end
    within the warning days when there is one (a holiday week may leave none)."""
    step, period = DUE_SOON[key]
    for shift in [0, *(s for n in range(1, 15) for s in (n, -n))]:
        days = _story(until(today - timedelta(days=ago + shift)), STEPS[key])
        if max(days.values()) < today and _soon(today, due(days[step], period)):
            return days
    return _story(until(today - timedelta(days=ago)), STEPS[key])


def plan(today: date) -> dict[str, dict[str, date]]:
    """Every story's step days as they stand on `today` (pure: no database)."""
    out = {}
    for key, (month, day) in LAST_YEAR.items():
        out[key] = _story(workday_from(date(today.year - 1, month, day)), STEPS[key])
    for key, ago in AGO.items():
        if key in DUE_SOON:
            out[key] = _due_soon(key, today, ago)
            continue
        out[key] = fit_before(
            lambda start, key=key: _story(until(start), STEPS[key]),
            today - timedelta(days=ago),
            lambda days: max(days.values()) + timedelta(days=1),
            today,
        )
    return out


def plan_problems(today: date) -> list[str]:
    """The plan checked with the rules the services apply."""
    problems = []
    p = plan(today)
    for key, days in p.items():
        problems += step_problems(list(days.items()), today)
        received = days["received"]
        first = days.get("accept") or days.get("not_accept")
        if first and first > due(received, R.accept):
            problems.append(f"{key} 受理告知晚于15日")
        if "object" in days and days["object"] > due(received, R.objection):
            problems.append(f"{key} 异议晚于5个工作日")
        if "accept" in days:
            handling = due(days["accept"], R.handle)
            if "extend" in days:
                if days["extend"] > handling:
                    problems.append(f"{key} 延期晚于办理期限")
                handling = due(days["accept"], type(R.handle)(R.handle.n + 30, "days", ""))
            if "answer" in days and days["answer"] > handling:
                problems.append(f"{key} 办结超期")
        if "request_review" in days and days["request_review"] > due(
            days["serve"], R.review_request
        ):
            problems.append(f"{key} 复查请求超过30日")
        if "request_rereview" in days and days["request_rereview"] > due(
            days["decide_review"], R.rereview_request
        ):
            problems.append(f"{key} 复核请求超过30日")
        if key.startswith("p") and max(days.values()) >= date(today.year, 1, 1):
            problems.append(f"{key} 未在上一年内办完")
    soon = [k for k, (step, period) in DUE_SOON.items() if _soon(today, due(p[k][step], period))]
    window = [today + timedelta(days=n) for n in range(1, DUE_SOON_DAYS.default + 1)]
    # Before a holiday week no period can end within the window; otherwise one must.
    if not soon and any(is_workday(d) for d in window):
        problems.append("没有期限临近的信访事项(工作台“即将到期”)")
    return problems


def _fields(key: str, verb: str, days: dict, title: str) -> dict:
    on = days[verb]
    result = {"p3": "reject", "p6": "explain", "p2": "reject"}.get(key, "support")
    opinion, facts = ANSWERS[result]
    return {
        "accept": {"decided_on": on, "notified_on": on},
        "not_accept": {"notified_on": on, "note": "属于诉讼程序处理的事项,已告知依法向上级人民法院申请再审"},
        "object": {"objected_on": on, "note": "所反映事项属县交通运输局跨海大桥建设指挥部职权范围,不属本镇职权"},
        "extend": {"extended_on": on, "days": 30, "note": "涉及多个部门核实,情况复杂,经镇长批准延期30日"},
        "answer": {"answered_on": on, "facts": f"{facts}({title})", "opinion": opinion,
                   "legal_basis": "《信访工作条例》第三十二条及相关政策规定", "result": result,
                   "review_organ": "示范县人民政府"},
        "serve": {"served_on": on},
        "request_review": {"requested_on": on},
        "decide_review": {"decided_on": on, "opinion": "经复查,维持原处理意见。"},
        "request_rereview": {"requested_on": on},
        "decide_rereview": {"decided_on": on, "opinion": "经复核,维持复查意见。本复核意见为终结意见。"},
    }[verb]  # fmt: skip


def load_petitions_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    days_of = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    officer = User.objects.get(username="officer")
    existing = set(Petition.objects.filter(org_unit=town).values_list("title", flat=True))
    created = []
    for key, title, channel, category, who, content, extra in STORIES:
        if title in existing:
            continue
        extra = dict(extra)
        accused = extra.pop("accused", None)
        days = days_of[key]
        with clock.pinned(days["received"]):
            petition = petition_register(
                actor=officer, org_unit=town, title=title, channel=channel, category=category,
                content=content, received_on=days["received"],
                petitioners=[dict(zip(("name", "id_number", "phone", "address"), PEOPLE[w],
                                      strict=True)) for w in who],
                accused_user=User.objects.filter(username=accused).first() if accused else None,
                **extra,
            )  # fmt: skip
        for verb in STEPS[key]:
            with clock.pinned(days[verb]):
                petition = petition_transition(
                    actor=officer, obj=petition, verb=verb, **_fields(key, verb, days, title)
                )
        created.append(f"信访事项 {title}({petition.get_status_display()})")
    return created


def load_app_demo() -> list[str]:
    """The demo's petitions of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_petitions_demo(ISLAND_TOWN_CODE)
