"""法治单元 in the demo town (海屿镇), made through the services as the demo accounts:

- every village and community named 县级 two years ago and 市级 last year (全镇市级民主
  法治村创建率100%), with evidence for every criterion; 渔港社区 and 东岙村 listed for
  naming at 省级 last autumn (the seed's "X社区、X村被列入省级民主法治村拟命名名单");
- registries: three or four 法律明白人 in every administrative village but 北礁村 (two —
  the figure "villages short of 3" shows it), a 法治带头人 and two 学法守法示范户 each,
  two 法治民宿; each 法律明白人 with last year's training;
- 村规民约 of every village filed last March; 南沙村's, with a fine and a clause against
  married-out women, returned and corrected; this year 东岙村's revision with a fine is
  returned and awaiting correction (its cadre's workbench), 西岙村's awaits review (the
  officer's).

Every step on its planned working day (core.demo_plan), inside `clock.pinned`.
Idempotent: a town whose villages already have creation records is left alone."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.demo import COUNTY_CODE, demo_id_number
from fazhi.core.demo_plan import after, require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User

from . import services
from .models import UnitType, VillageRecord

PROVINCE = ("339901101001", "339901101201")  # 渔港社区, 东岙村
SHORT = "339901101204"  # 北礁村: two 法律明白人
CORRECTED = "339901101203"  # 南沙村
RETURNED_NOW = "339901101201"  # 东岙村
FILED_NOW = "339901101202"  # 西岙村

RULES_TEXT = (
    "{name}村规民约\n"
    "第一条 为推进村民自治,建设法治乡村,经村民会议讨论通过,制定本村规民约。\n"
    "第二条 村民应当遵守宪法、法律、法规和国家政策,自觉维护社会秩序。\n"
    "第三条 提倡婚事新办、简办,反对大操大办,抵制高价彩礼。\n"
    "第四条 村民应当爱护公共设施,保持村庄和渔港环境整洁,垃圾分类投放。\n"
    "第五条 邻里之间互谅互让,发生纠纷先行协商,协商不成的可申请村人民调解委员会调解。\n"
    "第六条 男女平等,妇女在土地承包、集体收益分配等方面与男子享有同等权利。\n"
    "第七条 违反法律法规的,报请有关部门依法处理。"
)
UNLAWFUL_EXTRA = (
    "\n第八条 乱倒垃圾的,每次罚款100元。\n第九条 出嫁女户口未迁出的,不再享受村集体收益分配。"
)
NOW_EXTRA = "\n第八条 在渔港内乱扔废弃渔网的,罚款200元。"

SURNAMES = "陈王林张李黄吴徐蔡郑"
GIVEN = [
    "海明",
    "春燕",
    "建华",
    "丽萍",
    "国平",
    "秀英",
    "志强",
    "美玲",
    "永福",
    "雪梅",
    "小军",
    "慧芳",
]


def _png(seed: int) -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixel = zlib.compress(bytes([0, seed % 256]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")


def _stages(start: date, gaps=(20, 15, 20)) -> dict:
    declared = after(start, gaps[0])
    proposed = after(declared, gaps[1])
    days = {"start": start, "declared": declared, "proposed": proposed}
    if len(gaps) > 2:
        days["named"] = after(proposed, gaps[2])
    return days


def plan(today: date) -> dict:
    """The stories' days as they stand on `today` (pure: no database)."""
    y1, y2 = today.year - 1, today.year - 2
    county = _stages(workday_from(date(y2, 3, 1)))
    city = _stages(workday_from(date(y1, 2, 20)), (30, 30, 40))
    province = _stages(after(city["named"], 5), (20, 15))
    rules_filed = workday_from(date(y1, 3, 10))
    returned = after(rules_filed, 3)
    refiled = after(returned, 10)
    accepted = after(refiled, 3)
    now_filed = workday_until(today - timedelta(days=12))
    while after(now_filed, 2) >= today:
        now_filed = workday_until(now_filed - timedelta(days=7))
    return {
        "county": county,
        "city": city,
        "province": province,
        "registered": workday_from(date(y1, 4, 1)),
        "trained": workday_from(date(y1, 6, 10)),
        "rules": {
            "filed": rules_filed,
            "returned": returned,
            "refiled": refiled,
            "accepted": accepted,
        },  # fmt: skip
        "now": {
            "filed": now_filed,
            "returned": after(now_filed, 2),
            "pending": workday_until(today - timedelta(days=1)),
        },  # fmt: skip
    }


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    problems = []
    for tier in ("county", "city", "province"):
        problems += step_problems([(f"{tier} {k}", d) for k, d in p[tier].items()], today)
    problems += step_problems(
        [("市级命名", p["city"]["named"]), ("省级启动", p["province"]["start"])], today
    )
    if p["province"]["proposed"].year != today.year - 1:
        problems.append(f"省级拟命名 {p['province']['proposed']} 不在上一年")
    problems += step_problems([(k, d) for k, d in p["rules"].items()], today)
    problems += step_problems([("登记", p["registered"]), ("培训", p["trained"])], today)
    problems += step_problems([(f"本年 {k}", d) for k, d in p["now"].items()], today)
    return problems


def _name(n: int) -> str:
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)]


def _evidence(actor, rec, seed):
    for i, c in enumerate(services.criteria_of(rec.org_unit.parent)):
        services.evidence_upload(
            actor=actor, record=rec, criterion=c,
            uploaded_file=SimpleUploadedFile(f"{c.name}佐证.png", _png(seed + i), "image/png"),
        )  # fmt: skip


def _creation(officer, villages, p) -> None:
    for tier in ("county", "city", "province"):
        steps = p[tier]
        chosen = [v for v in villages if tier != "province" or v.code in PROVINCE]
        with clock.pinned(steps["start"]):
            records = [
                services.record_create(
                    actor=officer, org_unit=v, tier=tier, started_on=steps["start"]
                )
                for v in chosen
            ]
            for n, rec in enumerate(records):
                _evidence(officer, rec, n * 10)
        for verb, key in (("declare", "declared"), ("propose", "proposed"), ("name", "named")):
            if key not in steps:
                continue
            with clock.pinned(steps[key]):
                for rec in records:
                    services.record_transition(
                        actor=officer, obj=rec, verb=verb, on=steps[key],
                        document=f"{'县' if tier == 'county' else '市'}委全面依法治{'县' if tier == 'county' else '市'}办命名文件"
                        if verb == "name" else "",
                    )  # fmt: skip


def _registries(officer, villages, p) -> int:
    town = villages[0].parent
    services.types_seed(actor=officer, town=town)
    types = {t.code: t for t in UnitType.objects.filter(org_unit=town)}
    n = 0
    seq = 100
    with clock.pinned(p["registered"]):
        entries = []
        for i, v in enumerate(villages):
            understanders = 2 if v.code == SHORT else (4 if i % 2 else 3)
            plan_ = [("legal_understander", understanders), ("rule_of_law_leader", 1),
                     ("model_household", 2)]  # fmt: skip
            for code, count in plan_:
                for _ in range(count):
                    seq += 1
                    entry = services.entry_create(
                        actor=officer, org_unit=v, unit_type=types[code], name=_name(seq),
                        id_number=demo_id_number(date(1970 + seq % 25, 1 + seq % 12, 1 + seq % 27),
                                                 seq, female=seq % 2 == 0),
                        phone=f"139058{seq:05d}", since=p["registered"],
                        description="渔民" if code != "legal_understander" else "村法律明白人",
                    )  # fmt: skip
                    entries.append(entry)
                    n += 1
        for v, name in ((villages[0], "渔港人家法治民宿"), (villages[2], "东岙海景法治民宿")):
            services.entry_create(actor=officer, org_unit=v, unit_type=types["homestay"],
                                  name=name, since=p["registered"], description="海岛法治民宿")  # fmt: skip
            n += 1
    with clock.pinned(p["trained"]):
        for entry in entries:
            if entry.unit_type.code == UnitType.LEGAL_UNDERSTANDER:
                services.training_add(actor=officer, entry=entry, held_on=p["trained"],
                                      topic="民法典与人民调解实务", hours="4")  # fmt: skip
    return n


def _rules(officer, villages, p) -> None:
    r = p["rules"]
    by_code = {v.code: v for v in villages}
    with clock.pinned(r["filed"]):
        filed = {}
        for v in villages:
            text = RULES_TEXT.format(name=v.name)
            if v.code == CORRECTED:
                text += UNLAWFUL_EXTRA
            filed[v.code] = services.rules_file(
                actor=officer, org_unit=v, title="村规民约", text=text,
                adopted_on=r["filed"] - timedelta(days=14), filed_on=r["filed"],
            )  # fmt: skip
    with clock.pinned(r["returned"]):
        services.rules_transition(
            actor=officer, obj=filed[CORRECTED], verb="return", on=r["returned"],
            note="第八条设定罚款、第九条取消出嫁女收益分配,违反《村民委员会组织法》第二十七条、"
            "《妇女权益保障法》第五十五条,请删除后重新报备",
        )  # fmt: skip
    with clock.pinned(r["refiled"]):
        services.rules_transition(
            actor=officer, obj=filed[CORRECTED], verb="refile", on=r["refiled"],
            text=RULES_TEXT.format(name=by_code[CORRECTED].name), note="已删除第八条、第九条",
        )  # fmt: skip
    with clock.pinned(r["accepted"]):
        for rules in filed.values():
            services.rules_transition(actor=officer, obj=rules, verb="accept", on=r["accepted"])
    now = p["now"]
    with clock.pinned(now["filed"]):
        vcadre = User.objects.get(username="vcadre")
        revision = services.rules_file(
            actor=vcadre, org_unit=by_code[RETURNED_NOW], title="村规民约(修订)",
            text=RULES_TEXT.format(name=by_code[RETURNED_NOW].name) + NOW_EXTRA,
            adopted_on=now["filed"] - timedelta(days=7), filed_on=now["filed"],
        )  # fmt: skip
    with clock.pinned(now["returned"]):
        services.rules_transition(
            actor=officer, obj=revision, verb="return", on=now["returned"],
            note="第八条设定罚款,村规民约不得设定罚款(《村民委员会组织法》第二十七条),请改为批评教育",
        )  # fmt: skip
    with clock.pinned(now["pending"]):
        services.rules_file(
            actor=officer, org_unit=by_code[FILED_NOW], title="村规民约(修订)",
            text=RULES_TEXT.format(name=by_code[FILED_NOW].name) + "\n第八条 倡导文明养犬,外出遛犬应当牵绳。",
            adopted_on=now["pending"] - timedelta(days=5), filed_on=now["pending"],
        )  # fmt: skip


def load_lawunits_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    villages = list(
        OrgUnit.objects.filter(parent=town, kind__in=("village", "community")).order_by("code")
    )
    if not villages or VillageRecord.objects.filter(org_unit__in=villages).exists():
        return []
    officer = User.objects.get(username="officer")
    _creation(officer, villages, p)
    n = _registries(officer, villages, p)
    _rules(officer, villages, p)
    return [
        f"民主法治村(社区):{len(villages)}个村社县级、市级已命名,2个列入省级拟命名名单",
        f"法治微单元名册 {n} 条,村规民约 {len(villages) + 2} 件",
    ]


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    assert COUNTY_CODE  # the demo county the ID numbers are made in
    return load_lawunits_demo(ISLAND_TOWN_CODE)
