"""矛盾纠纷 in the demo town 海屿镇: about sixty disputes over the whole previous year and
this year, across its villages and communities and every outcome — written agreements
with judicial confirmation (confirmed, waived), oral agreements, failures with the
remedies told, a party's refusal, transfers to the police station or the labour
arbitration — and open work today: a signed agreement whose 30-day window for judicial
confirmation is open on the law officer's workbench, disputes in mediation (one past its
handling target) and one just reported from a grid visit awaiting acceptance.

Made through the services as the demo accounts, each step on its planned working day
(core.demo_plan) inside `clock.pinned`. Idempotent: a town that has disputes is left alone."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.deadlines import deadline
from fazhi.core.demo_plan import after, fit_before, require, step_problems, workday_until
from fazhi.core.models import OrgUnit, User

from .models import Dispute, Party
from .params import JUDICIAL_DAYS
from .services import (
    agreement_record,
    agreement_sign,
    dispute_create,
    dispute_route,
    dispute_transition,
    followup_add,
    judicial_apply,
    judicial_decide,
    judicial_waive,
    session_add,
)

# The village or community, its cadre (the 调委会), and a grid worker of it.
UNITS = [
    ("339901101201", "vcadre", "gridder"),
    ("339901101202", "huangzhiming", "panlijuan"),
    ("339901101203", "wuhaibo", "yuguohua"),
    ("339901101204", "xuchunhua", "dingsufen"),
    ("339901101205", "caiyongkang", "qiuzhiyong"),
    ("339901101001", "lihaiyan", "linmeiling"),
    ("339901101002", "chenguoqiang", "guojianxin"),
]
# (category, place, summary, facts, issues, responsibility, terms, manner)
CASES = [
    ("neighbour", "{v}{n}号与{m}号之间", "两户因排水沟堵塞发生争执,雨后积水流入一方院内。",
     "被申请人翻建房屋时堵塞两户之间的排水沟,雨后积水流入申请人院内。",
     "排水沟由谁疏通,清理费用由谁承担。", "被申请人对排水沟堵塞负主要责任。",
     "被申请人疏通排水沟并赔偿申请人清理费用800元。", "被申请人自行疏通,赔偿款以现金一次付清。"),
    ("family", "{v}", "夫妻因赡养老人费用分担发生争吵,要求村里调解。",
     "双方对父母赡养费用的分担意见不一,多次争吵。", "赡养费的分担比例和支付方式。",
     "双方均有赡养义务,应按约定分担。", "双方每月各承担父母生活费600元,医疗费各半负担。",
     "每月5日前转账至父母账户。"),
    ("homestead", "{v}宅基地", "宅基地界址不清,两户为围墙位置发生纠纷。",
     "两户相邻宅基地界址不清,一方新砌围墙占用约0.5米通道。", "围墙位置和通道宽度。",
     "砌墙一方未与邻户协商即施工,负主要责任。", "砌墙一方后退围墙0.5米,恢复通道原宽。",
     "由砌墙一方自行拆除重砌,费用自理。"),
    ("labour", "{v}水产加工厂", "十余名工人反映加工厂拖欠两个月工资。",
     "加工厂因资金周转困难,拖欠工人两个月工资共计8.6万元。", "欠薪数额和支付时间。",
     "加工厂对拖欠工资负全部责任。", "加工厂分两期支付全部欠薪8.6万元。",
     "银行转账至工人工资账户。"),
    ("damages", "{v}渔港码头", "渔船靠泊时碰撞他人渔船,双方对赔偿金额有争议。",
     "被申请人渔船靠泊时操作不当,碰撞申请人渔船船舷。", "修理费用和误工损失的赔偿金额。",
     "被申请人负全部责任。", "被申请人赔偿修理费及误工损失共计1.2万元。",
     "被申请人一次性转账支付。"),
    ("land_contract", "{v}承包地", "土地承包经营权流转租金未按期支付,双方发生纠纷。",
     "承租方未按流转合同支付本年度租金。", "租金数额和支付期限。",
     "承租方逾期支付,负违约责任。", "承租方支付本年度租金4500元并继续履行流转合同。",
     "现金支付,村委会见证。"),
    ("property", "{v}小区", "业主与物业公司因停车管理费发生争执。",
     "物业公司调整停车收费标准未经业主大会同意,业主拒交。", "停车费标准和欠费处理。",
     "物业公司调整收费程序不当,业主应按原标准缴费。", "按原标准收取停车费,业主补缴欠费。",
     "业主向物业公司缴费,物业公司开具收据。"),
]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = ["建国", "秀英", "海波", "丽华", "志强", "美玲", "国平", "春燕", "永康", "晓东"]

# The kind of each historic story, in turn (refused and failed twice a year or so).
KINDS = [
    "confirmed", "waived", "oral", "waived", "confirmed", "failed", "oral", "transferred",
    "waived", "refused", "confirmed", "oral", "rejected", "waived",
]  # fmt: skip
HISTORIC = 54


@dataclass(frozen=True)
class Story:
    n: int
    kind: str
    unit: int  # index into UNITS
    days: dict  # step → day


def _steps(kind: str, start: date) -> dict:
    """The steps of one story from its registration day, each a few working days apart."""
    d = {"registered": start}
    if kind == "registered":
        return d
    if kind == "transferred":
        d["transfer"] = after(start, 1)
        d["close"] = after(d["transfer"], 1)
        return d
    d["accept"] = after(start, 1)
    if kind == "refused":
        d["refuse"] = after(d["accept"], 1)
        d["close"] = after(d["refuse"], 1)
        return d
    d["session"] = after(d["accept"], 2)
    if kind == "mediating":
        return d
    if kind == "failed":
        d["fail"] = after(d["session"], 4)
        d["close"] = after(d["fail"], 1)
        return d
    d["agreement"] = after(d["session"], 2)
    if kind == "oral":
        d["followup"] = after(d["agreement"], 10)
        d["close"] = after(d["followup"], 1)
        return d
    d["sign"] = after(d["agreement"], 1)
    if kind == "open_window":
        return d
    if kind == "waived":
        d["waive"] = after(d["sign"], 3)
        d["followup"] = after(d["waive"], 10)
    else:  # confirmed / rejected: the joint application, then the court's decision
        d["apply"] = after(d["sign"], 5)
        d["decide"] = after(d["apply"], 8)
        d["followup"] = after(d["decide"], 5)
    d["close"] = after(d["followup"], 1)
    return d


def _story(n, kind, unit, start, today) -> Story:
    # A week back from a 调休 working weekend is a weekend: each try starts on a workday.
    days = fit_before(
        lambda s: _steps(kind, workday_until(s)),
        start,
        lambda d: max(d.values()),
        today - timedelta(days=1),
    )
    return Story(n, kind, unit, days)


def plan(today: date) -> list[Story]:
    """The stories as they stand on `today` (pure: no database)."""
    first = date(today.year - 1, 1, 4)
    last = today - timedelta(days=75)
    span = max(1, (last - first).days)
    stories = [
        _story(n, KINDS[n % len(KINDS)], n % len(UNITS),
               workday_until(first + timedelta(days=span * n // HISTORIC)), today)
        for n in range(HISTORIC)
    ]  # fmt: skip
    # Open work today.
    current = [
        ("open_window", 0, 16),  # signed a few days ago: the window is open
        ("mediating", 1, 50),  # past its handling target
        ("mediating", 2, 9),
        ("waived", 5, 40),
        ("registered", 0, 1),  # from a grid visit, awaiting acceptance
        ("registered", 3, 2),
    ]
    for i, (kind, unit, back) in enumerate(current):
        start = workday_until(today - timedelta(days=back))
        stories.append(_story(HISTORIC + i, kind, unit, start, today))
    return stories


def plan_problems(today: date) -> list[str]:
    problems = []
    stories = plan(today)
    for s in stories:
        problems += step_problems(list(s.days.items()), today)
        if "apply" in s.days:
            due = deadline(s.days["sign"], JUDICIAL_DAYS.default, "days")
            if s.days["apply"] > due:
                problems.append(f"纠纷{s.n} 申请司法确认 {s.days['apply']} 晚于 {due}")
    window = [s for s in stories if s.kind == "open_window"]
    if not window or deadline(window[0].days["sign"], JUDICIAL_DAYS.default, "days") < today:
        problems.append("没有未届满的司法确认申请期限")
    previous = [s for s in stories if s.days["registered"].year == today.year - 1]
    if len(previous) < 20:
        problems.append(f"上一年度纠纷只有{len(previous)}件")
    return problems


# --- loading ------------------------------------------------------------------------------------


def _png(seed: int) -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes([0, seed % 256]))) + chunk(b"IEND", b""))  # fmt: skip


def _id(n: int, side: int) -> str:
    from fazhi.core.demo import demo_id_number

    born = date(1950 + (n * 7 + side * 13) % 50, 1 + (n + side) % 12, 1 + (n * 3 + side) % 28)
    return demo_id_number(born, 100 + n * 2 + side, female=bool((n + side) % 2))


def _parties(s: Story, village: str) -> list[dict]:
    # Every seventh story repeats an earlier story's applicant: the repeat disputes link.
    first = s.n - 7 if s.n >= 7 and s.n % 7 == 3 else s.n
    rows = []
    for side, role in ((0, "applicant"), (1, "respondent")):
        n = first if side == 0 else s.n
        rows.append({
            "role": role,
            "name": SURNAMES[(n * 3 + side * 11) % len(SURNAMES)] + GIVEN[(n + side * 5) % len(GIVEN)],
            "id_number": _id(n, side),
            "phone": f"139058{(n * 2 + side) % 100000:05d}",
            "address": f"{village}{(n * 5 + side) % 90 + 1}号",
        })  # fmt: skip
    return rows


def _user(username: str) -> User:
    return User.objects.get(username=username)  # fresh: its membership cache is current


def _run(s: Story, units: dict) -> None:
    code, cadre_name, gridder_name = UNITS[s.unit]
    unit = units[code]
    cadre, officer = _user(cadre_name), _user("officer")
    category, place, summary, facts, issues, resp, terms, manner = CASES[s.n % len(CASES)]
    from_grid = s.n % 9 == 4 or s.kind == "registered" and s.unit == 0
    # Labour disputes and every fifth one go to the town (镇调委会/司法所).
    town_level = category == "labour" or s.n % 5 == 0
    d = s.days
    with clock.pinned(d["registered"]):
        actor = _user(gridder_name) if from_grid else cadre
        register_at = unit.children.order_by("code").first() if from_grid else unit
        dispute = dispute_create(
            actor=actor, org_unit=register_at or unit,
            source="grid_visit" if from_grid else ("phone" if s.n % 4 == 1 else "walk_in"),
            category=category, place=place.format(v=unit.name, n=s.n % 30 + 1, m=s.n % 30 + 2),
            summary=summary, parties=_parties(s, unit.name),
            involved_count=12 if category == "labour" else None,
        )  # fmt: skip
    if s.kind == "registered":
        return
    mediator = cadre
    if s.kind == "transferred":
        with clock.pinned(d["transfer"]):
            dispute_route(actor=cadre, dispute=dispute, to_body="other", to_name="海屿派出所",
                          reason="一方当事人有殴打行为,涉嫌违反治安管理,移交公安机关处理。")  # fmt: skip
        with clock.pinned(d["close"]):
            dispute_transition(actor=cadre, obj=dispute, verb="close")
        return
    with clock.pinned(d["accept"]):
        if town_level:
            dispute_route(actor=cadre, dispute=dispute, to_body="law_office",
                          reason="涉及人数较多、金额较大,村调委会提请司法所调解。")  # fmt: skip
            mediator = officer
        dispute_transition(actor=mediator, obj=dispute, verb="accept")
    if s.kind == "refused":
        with clock.pinned(d["refuse"]):
            party = Party.objects.filter(dispute=dispute, role="respondent").first()
            dispute_transition(actor=mediator, obj=dispute, verb="refuse", party=party,
                               refused_on=d["refuse"], note="被申请人表示不同意调解,要求通过诉讼解决。")  # fmt: skip
        with clock.pinned(d["close"]):
            dispute_transition(actor=mediator, obj=dispute, verb="close")
        return
    with clock.pinned(d["session"]):
        session_add(actor=mediator, dispute=dispute, held_on=d["session"],
                    place=f"{dispute.org_unit.name}人民调解室", mediators=str(mediator),
                    attendees="双方当事人", result="continue" if s.kind != "failed" else "failed",
                    record="听取双方陈述,释明相关法律规定,双方同意继续协商。")  # fmt: skip
    if s.kind == "mediating":
        return
    if s.kind == "failed":
        with clock.pinned(d["fail"]):
            dispute_transition(actor=mediator, obj=dispute, verb="fail",
                               remedies="已告知当事人可以向人民法院提起诉讼,或就劳动争议申请劳动仲裁。")  # fmt: skip
        with clock.pinned(d["close"]):
            dispute_transition(actor=mediator, obj=dispute, verb="close")
        return
    oral = s.kind == "oral"
    with clock.pinned(d["agreement"]):
        agreement_record(
            actor=mediator, dispute=dispute, form="oral" if oral else "written", facts=facts,
            issues=issues, responsibility=resp, terms=terms, performance_manner=manner,
            performance_deadline=d["agreement"] + timedelta(days=30), mediators=str(mediator),
            agreed_on=d["agreement"],
        )  # fmt: skip
    if not oral:
        with clock.pinned(d["sign"]):
            agreement_sign(actor=mediator, dispute=dispute, signed_on=d["sign"],
                           uploaded_file=SimpleUploadedFile(f"调解协议书签字件{s.n}.png", _png(s.n),
                                                            content_type="image/png"))  # fmt: skip
        if s.kind == "open_window":
            return
        if s.kind == "waived":
            with clock.pinned(d["waive"]):
                judicial_waive(
                    actor=mediator, dispute=dispute, note="双方当事人表示无需申请司法确认。"
                )
        else:
            with clock.pinned(d["apply"]):
                judicial_apply(actor=mediator, dispute=dispute, applied_on=d["apply"],
                               court="示范县人民法院海屿人民法庭")  # fmt: skip
            with clock.pinned(d["decide"]):
                judicial_decide(actor=mediator, dispute=dispute, decided_on=d["decide"],
                                decision="rejected" if s.kind == "rejected" else "confirmed",
                                note="" if s.kind != "rejected" else "协议内容不明确,不予确认。")  # fmt: skip
    if "followup" in d:
        with clock.pinned(d["followup"]):
            followup_add(actor=mediator, dispute=dispute, visited_on=d["followup"], performance="done",
                         note="双方已按协议履行完毕。")  # fmt: skip
    if "close" in d:
        with clock.pinned(d["close"]):
            dispute_transition(actor=mediator, obj=dispute, verb="close")


def load_disputes_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    if Dispute.objects.filter(org_unit__code__startswith=town_code).exists():
        return []
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=[c for c, _, _ in UNITS])}
    stories = plan(today)
    for s in stories:
        _run(s, units)
    return [f"矛盾纠纷 {len(stories)} 件(含调解协议、司法确认、当前未届满的司法确认申请期限)"]


def load_app_demo() -> list[str]:
    """The demo's disputes of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_disputes_demo(ISLAND_TOWN_CODE)
