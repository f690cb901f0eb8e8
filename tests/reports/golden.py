"""The seed's town-year built through the services (issue 12 item 6): 海屿镇's 2023 ledgers
hold the facts of ../shared/reference/seed-town-summary-2023.txt — (一) the town's leading
group, 4 theory study sessions (2 of the central group on named books) and a seminar,
3 deployment meetings, every leader's 述法, the 36 旬报 on time, the villages' leading
groups; (二) 2 normative documents and 105 administrative agreements reviewed, the
county's special inspection with no rectification needed, the legal adviser assessed
under the town's own 考核办法, the public-participation platform with a hearing; (三) the
themed campaigns with the named events, the exam at 100% completion and pass, online
study and a pushed case, the two villages on the provincial 拟命名 list with the 市级
creation rate 100%, the island's 法治微单元; (四) the scenario trainings on "基层信访纠纷"
and "遗留拆迁问题" and the grid visits to the three key groups.

`SEED_FACTS` are those facts in the seed's order, each with the app whose annual.py
states it and the words the summary must contain. The seed states facts inside one
paragraph that the apps state in paragraphs of their own; such a fact is listed where its
paragraph stands (see the 旬报); the seed's (三)一是 "学习宪法民法典…专题学法2次" is
leadership's meetings (the 专题学法 of build_leadership), stated in 宣传贯彻."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

YEAR = 2023

# (app, words the paragraph of that app states), in the seed's order.
SEED_FACTS = [
    ("leadership", ("法治理论专题学习4次",)),
    ("leadership", ("专题部署3次",)),
    ("leadership", ("述法全覆盖",)),
    # The seed says this inside its 一是, before the study counts; tenday.py states it in a
    # paragraph of its own, after leadership's (order 15).
    ("tenday", ("按要求定期报送法治建设旬报", "全年报送36期", "按时报送率100%")),
    ("leadership", ("均建立了相应的工作领导小组",)),
    ("leadership", ("《习近平法治思想学习纲要》", "专题学习2次", "研讨活动1次")),
    ("documents", ("审核行政规范性文件2件",)),
    ("contracts", ("行政协议105件",)),
    ("inspections", ("专项督查", "未发现需整改问题")),
    ("advisers", ("法律顾问制度", "《海屿镇法律顾问考核办法》")),
    ("participation", ("民生政策公众参与平台", "强化政策听证")),
    ("publicity", ("“全民国家安全教育日”", "“民法典宣传月”", "送法进渔村", "普法上船头")),
    ("leadership", ("学习宪法、民法典", "法治理论专题学习4次", "两级干部专题学法2次")),
    ("exams", ("年度法律知识考试", "完成率合格率均达到100%")),
    ("publicity", ("学习强国", "线上学法")),
    ("publicity", ("推送经典案例", "以案释法")),
    ("lawunits", ("渔港社区、东岙村", "省级民主法治村拟命名名单", "全镇市级民主法治村创建率100%")),
    (
        "lawunits",
        ("以海岛特色法治微单元开展法治宣传", "法律明白人", "法治带头人", "学法守法示范户"),
    ),
    ("training", ("基层信访纠纷", "遗留拆迁问题")),
    ("grids", ("以网格化管理为基础", "困难群体", "敏感群体", "特殊群体", "社会矛盾预警机制")),
]


def build_leadership(people, tree, on_day):
    from fazhi.leadership import services

    sessions = [
        ("central_group", "党委理论学习中心组专题学习《习近平法治思想学习纲要》", date(2023, 3, 14)),
        ("law_study", "专题学法:宪法", date(2023, 4, 11)),
        ("central_group", "党委理论学习中心组专题学习《习近平关于依规治党论述摘编》", date(2023, 6, 13)),
        ("law_study", "专题学法:民法典", date(2023, 9, 12)),
        ("seminar", "习近平法治思想学习研讨", date(2023, 10, 17)),
        ("deployment", "法治政府建设工作推进部署会", date(2023, 2, 21)),
        ("deployment", "法治政府建设示范创建部署会", date(2023, 5, 16)),
        ("deployment", "法治建设年终推进部署会", date(2023, 11, 14)),
    ]  # fmt: skip
    for kind, title, day in sessions:
        on_day(day)
        meeting = services.meeting_create(
            actor=people.officer, org_unit=tree.town_a, kind=kind, title=title, held_on=day,
            place="镇政府三楼会议室", host=people.leader, agenda="专题学习和部署",
            attendees=[people.leader, people.officer],
        )  # fmt: skip
        services.meeting_hold(actor=people.officer, obj=meeting, minutes="会议按议程进行。")
    # The seed's 一是 "成立镇法治政府领导小组" (the leader chairs it), and its 二是: every
    # village and community has its own leading group.
    on_day(date(2023, 1, 16))
    group = services.group_create(
        actor=people.officer, org_unit=tree.town_a, name="海屿镇法治政府建设领导小组",
        established_on=date(2023, 1, 16),
    )  # fmt: skip
    services.member_add(
        actor=people.officer, group=group, user=people.leader, role="leader",
        started_on=date(2023, 1, 16), duties="主持领导小组全面工作",
    )  # fmt: skip
    on_day(date(2023, 3, 1))
    for village in (tree.village_a1, tree.village_a2):
        services.group_create(
            actor=people.officer, org_unit=village, established_on=date(2023, 3, 1)
        )
    on_day(date(2023, 12, 5))
    services.lawreport_roster(actor=people.officer, town=tree.town_a, year=YEAR)
    services.lawreport_submit(
        actor=people.leader,
        town=tree.town_a,
        year=YEAR,
        report_text="本人2023年履行推进法治建设职责情况。",
    )


def build_documents(people, tree, on_day):
    from tests.documents.helpers import make_document

    on_day(date(2023, 7, 3))
    for title in ("海屿镇渔港环境卫生管理办法", "海屿镇海岛民宿管理办法"):
        make_document(people, until="reviewed", title=title, start=date(2023, 3, 1))


def _agreement_row(n: int) -> list:
    from fazhi.contracts import ledger
    from fazhi.contracts.demo import credit_code

    data = dict(zip(ledger.HEADERS, [
        f"房屋征收补偿协议{n}", "土地、房屋等征收征用补偿协议", f"征收户{n}", "否", credit_code(n), "是",
        50000, "2023-03-01", "2023-12-31", 30, "否", "否", "诉讼", "", "", "", "", "已归档",
        "2023-02-20", "2023-02-28", f"线下审核 海司审〔2023〕{n}号", f"XY-2023-{n:03d}", "2023-03-03",
    ], strict=True))  # fmt: skip
    return [data[h] for h in ledger.HEADERS]


def build_contracts(people, tree, on_day):
    """105 administrative agreements reviewed offline in 2023, imported in one ledger (the
    import service checks every row by the registration rules and bulk-creates)."""
    from openpyxl import Workbook

    from fazhi.contracts import ledger, services

    wb = Workbook()
    ws = wb.active
    ws.append(ledger.HEADERS)
    for n in range(1, 106):
        ws.append(_agreement_row(n))
    out = BytesIO()
    wb.save(out)
    on_day(date(2023, 12, 20))
    services.contracts_import(
        actor=people.officer, uploaded_file=SimpleUploadedFile("台账.xlsx", out.getvalue())
    )


def build_inspections(people, tree, on_day):
    from fazhi.inspections import services

    on_day(date(2023, 8, 7))
    inspection = services.inspection_create(
        actor=people.supervisor, org_unit=tree.town_a, kind="county_special",
        title="行政规范性文件管理情况专项督查", topic="documents", started_on=date(2023, 8, 7),
        basis="县委全面依法治县办《关于开展行政规范性文件管理情况专项督查的通知》",
    )  # fmt: skip
    on_day(date(2023, 8, 18))
    services.inspection_transition(
        actor=people.supervisor, obj=inspection, verb="complete", conclusion="no_issues",
        on=date(2023, 8, 18),
    )  # fmt: skip


def build_training(people, tree, on_day):
    from fazhi.training import services

    for title, kind, day in (
        ("基层信访纠纷", "信访纠纷", date(2023, 6, 16)),
        ("遗留拆迁问题", "遗留拆迁", date(2023, 9, 15)),
    ):
        on_day(date(2023, 5, 8))
        case = services.case_create(
            actor=people.officer, org_unit=tree.town_a, title=title, case_type=kind,
            facts="村民集体走访,要求解决历史遗留问题。", roles=["信访人", "接访干部"],
            legal_points="《信访工作条例》第二十条。", model_handling="1.登记;2.告知;3.依法答复。",
        )  # fmt: skip
        session = services.session_create(
            actor=people.officer,
            case=case,
            held_on=day,
            place="镇信访接待中心",
            host=people.officer,
        )
        participant = services.participant_add(
            actor=people.officer, session=session, user=people.village_cadre, role="信访人"
        )
        on_day(day)
        services.session_transition(actor=people.officer, obj=session, verb="hold")
        # Evaluated within the rule's days (so the summary names no overdue evaluation).
        services.participant_evaluate(actor=people.officer, participant=participant, rating="good")
        services.session_transition(
            actor=people.officer, obj=session, verb="evaluate", lessons="依法告知、及时答复。"
        )


def _xlsx(name: str, rows: list[list]) -> SimpleUploadedFile:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def build_publicity(people, tree, on_day):
    """The seed's (三)一是 and 二是: the themed campaigns with the named events, every "八进"
    target reached and both villages holding an event; the cadres' online study on
    学习强国 and a classic case pushed to the work group, read by everyone."""
    from fazhi.publicity import services
    from fazhi.publicity.models import Option

    on_day(date(2023, 1, 9))
    town = tree.town_a
    services.options_seed(actor=people.officer, town=town)
    seeded = {
        c.name: c for c in services.campaigns_seed(actor=people.officer, year=YEAR, town=town)
    }
    # The seed's “宪法与X”主题宣传月 is the town's own month (X is anonymised in the seed).
    constitution = services.campaign_create(
        actor=people.officer, name="宪法主题宣传月", starts_on=date(2023, 12, 1),
        ends_on=date(2023, 12, 31), basis="县委全面依法治县办宪法宣传月工作安排", town=town,
    )  # fmt: skip
    option = {o.name: o for o in Option.objects.filter(org_unit=town)}
    events = [
        (seeded["全民国家安全教育日"], "法治讲座进文化礼堂", town, date(2023, 4, 15), ["进机关", "进单位"]),
        (seeded["民法典宣传月"], "送法进渔村", tree.village_a1, date(2023, 5, 12), ["进乡村", "进渔船"]),
        (seeded["民法典宣传月"], "普法上船头", tree.village_a2, date(2023, 5, 26), ["进社区", "进渔船"]),
        (None, "道地说法", tree.village_a1, date(2023, 8, 18), ["进乡村", "进网络"]),
        (constitution, "法治游园会", town, date(2023, 12, 4), ["进学校", "进企业"]),
    ]  # fmt: skip
    for campaign, fmt, unit, day, targets in events:
        on_day(day)
        services.event_create(
            actor=people.officer, org_unit=unit, campaign=campaign, format=option[fmt],
            targets=[option[t] for t in targets], title=f"{unit.name}{fmt}", held_on=day,
            place=f"{unit.name}文化礼堂", organiser="镇法治办", audience=120,
            theme="" if campaign else "以案释法进村社",
        )  # fmt: skip
    on_day(date(2024, 1, 5))
    study = [["姓名", "账号", "学习时长(小时)", "统计周期"]]
    study += [["", u.username, 24, "2023"] for u in (people.leader, people.officer, people.cadre)]
    services.study_import(
        actor=people.officer, uploaded_file=_xlsx("学习强国.xlsx", study), platform="学习强国",
        mapping=dict(services.DEFAULT_MAPPING), town=town,
    )  # fmt: skip
    on_day(date(2023, 7, 10))
    case = services.case_create(
        actor=people.officer, title="渔船买卖合同纠纷案", facts="渔民口头买卖渔船,未办理过户。",
        law_applied="《民法典》第二百二十五条。", lesson="船舶物权变动未经登记不得对抗善意第三人。",
        town=town,
    )  # fmt: skip
    readers = [people.cadre, people.village_cadre]
    push = services.casepush_create(actor=people.officer, case=case, recipients=readers)
    for reader in readers:
        services.casepush_read(actor=reader, push=push)


def build_exams(people, tree, on_day):
    """The seed's (三)二是: the year's law exam, every candidate sat it and passed."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from fazhi.core.roles import Role
    from fazhi.exams import services
    from tests.exams.conftest import RULE, answer_all, bank_rows, xlsx

    tz = ZoneInfo("Asia/Shanghai")
    on_day(date(2023, 10, 16))
    services.questions_import(actor=people.officer, uploaded_file=xlsx(bank_rows()))
    exam = services.exam_create(
        actor=people.officer, title="2023年度领导干部和机关干部学法考试",
        opens_at=datetime(2023, 11, 6, 8, tzinfo=tz), closes_at=datetime(2023, 11, 10, 17, tzinfo=tz),
        rule=RULE, duration_minutes=60, candidate_roles=(Role.TOWN_LEADER, Role.LAW_OFFICER),
    )  # fmt: skip
    on_day(datetime(2023, 11, 7, 9, tzinfo=tz))
    for person in (people.cadre, people.leader, people.officer):
        attempt = services.attempt_start(actor=person, exam=exam)
        answer_all(person, attempt, correct=len(attempt.paper))
        services.attempt_submit(actor=person, attempt=attempt)


def build_lawunits(people, tree, on_day):
    """The seed's (三)三是: both villages named 县级 (2020) and 市级 (2022) 民主法治村, so the
    town's 市级 creation rate is 100%, and in 2023 both listed for naming at 省级."""
    from fazhi.lawunits import services
    from tests.lawunits.conftest import evidence_all

    steps = [
        ("county", date(2020, 3, 2), date(2020, 11, 16), "县委全面依法治县办〔2020〕5号"),
        ("city", date(2021, 3, 1), date(2022, 6, 20), "市委全面依法治市办〔2022〕3号"),
        ("province", date(2023, 3, 6), None, ""),
    ]
    for tier, started, named, document in steps:
        for village in (tree.village_a2, tree.village_a1):
            on_day(started)
            rec = services.record_create(
                actor=people.officer, org_unit=village, tier=tier, started_on=started
            )
            evidence_all(people.officer, rec)
            rec = services.record_transition(actor=people.officer, obj=rec, verb="declare")
            on_day(date(started.year, 9, 25))
            rec = services.record_transition(actor=people.officer, obj=rec, verb="propose")
            if named:
                on_day(named)
                services.record_transition(
                    actor=people.officer, obj=rec, verb="name", document=document
                )
    # The seed's "海岛法治民宿打造、海岛法治明白人、法治带头人、学法守法示范户培育": each
    # administrative village keeps at least the minimum of 法律明白人 (3).
    from fazhi.lawunits.models import UnitType
    from tests.lawunits.conftest import id_number

    on_day(date(2023, 6, 5))
    services.types_seed(actor=people.officer, town=tree.town_a)
    kinds = {t.code: t for t in UnitType.objects.filter(org_unit=tree.town_a)}
    entries = [
        (tree.village_a1, "legal_understander", "陈海明"), (tree.village_a1, "legal_understander", "林秀英"),
        (tree.village_a1, "legal_understander", "王大海"), (tree.village_a2, "legal_understander", "张丽华"),
        (tree.village_a1, "rule_of_law_leader", "李国平"), (tree.village_a2, "model_household", "周建军"),
        (tree.village_a2, "homestay", "渔港人家民宿"),
    ]  # fmt: skip
    for seq, (village, code, name) in enumerate(entries, start=1):
        personal = kinds[code].personal
        services.entry_create(
            actor=people.officer, org_unit=village, unit_type=kinds[code], name=name,
            id_number=id_number(seq) if personal else "", phone="13800138000" if personal else "",
            since=date(2023, 6, 5),
        )  # fmt: skip


def build_advisers(people, tree, on_day):
    """The seed's (二)二是: a government legal adviser appointed under the town's own
    《海屿镇法律顾问考核办法》 and assessed for 2023 by it."""
    from fazhi.advisers import services
    from fazhi.advisers.services.assessment import DEFAULT_SCHEME
    from tests.advisers.helpers import lawyer

    on_day(date(2023, 1, 3))
    services.scheme_save(
        actor=people.officer, unit=tree.town_a, name="海屿镇法律顾问考核办法",
        criteria=DEFAULT_SCHEME["criteria"], grades=DEFAULT_SCHEME["grades"],
        renew_grades=DEFAULT_SCHEME["renew_grades"],
    )  # fmt: skip
    adviser = lawyer(people.officer)
    services.appointment_create(
        actor=people.officer, adviser=adviser, start=date(2023, 1, 1), end=date(2025, 12, 31)
    )
    on_day(date(2024, 1, 15))
    # A town's own scheme keys its criteria c1, c2 … (the default's weights 30/20/30/20).
    scores = {"c1": 28, "c2": 18, "c3": 27, "c4": 19}
    services.assessment_create(actor=people.leader, adviser=adviser, year=YEAR, scores=scores)


def build_participation(people, tree, on_day):
    """The seed's (二)三是 "强化政策听证": a hearing noticed, held and reported in 2023 (the
    consultations on the two normative documents come with build_documents)."""
    from fazhi.participation import services
    from tests.permission_lib import _png

    on_day(date(2023, 6, 1))
    hearing = services.hearing_create(
        actor=people.officer, subject=None, org_unit=tree.town_a, title="渔港停泊费标准调整听证会",
        matter="调整渔港停泊费标准", place="镇政府三楼会议室", held_on=date(2023, 6, 20),
        notice_published_on=date(2023, 6, 1),
    )  # fmt: skip
    a = services.hearing_register(
        actor=people.resident, hearing=hearing, name="王大海", phone="13905801401", tag="public"
    )
    b = services.hearing_register(
        actor=people.officer, hearing=hearing, name="渔船主代表", phone="13905801402",
        tag="interested",
    )  # fmt: skip
    on_day(date(2023, 6, 12))
    services.hearing_select(actor=people.officer, hearing=hearing, registrations=[a, b])
    on_day(date(2023, 6, 20))
    services.hearing_record(
        actor=people.officer, hearing=hearing, uploaded_file=SimpleUploadedFile("笔录.png", _png())
    )
    services.hearing_report(
        actor=people.officer, hearing=hearing, summary="多数意见赞成调整方案",
        uploaded_file=SimpleUploadedFile("报告.png", _png()),
    )  # fmt: skip


def build_grids(people, tree, on_day):
    """The seed's (四)二是: the grid worker visits a person of each key group (困难群体、
    敏感群体、特殊群体), registered and visited in December (so none is overdue by the year's
    end)."""
    from fazhi.grids import services
    from fazhi.grids.models import KeyGroupCategory
    from tests.grids.conftest import id_number

    on_day(date(2023, 11, 1))
    services.defaults_load(actor=people.officer, town=tree.town_a)
    for seq, (category, name) in enumerate(
        (("低保户", "陈阿婆"), ("信访重点人员", "王大伯"), ("社区矫正对象", "李某")), start=1
    ):
        day = date(2023, 12, 18)
        on_day(day)
        person = services.person_create(
            actor=people.grid_worker, org_unit=tree.grid_a1, name=name, id_number=id_number(seq),
            phone="13905809999", address=f"东岙村{seq}号", registered_on=day,
            categories=[KeyGroupCategory.objects.get(org_unit=tree.town_a, name=category)],
        )  # fmt: skip
        services.visit_record(
            actor=people.grid_worker, person=person, visited_on=day, mode="home",
            situation="身体尚可,生活基本有保障。",
        )  # fmt: skip


def build_tenday(people, tree, on_day):
    """The seed's (一)一是 "按要求定期报送法治建设旬报": each of 2023's 36 旬报 drafted and
    submitted the day after its period ends."""
    from datetime import timedelta

    from fazhi.tenday import services

    for month in range(1, 13):
        for start in (1, 11, 21):
            period_start = date(YEAR, month, start)
            nxt = date(YEAR + month // 12, month % 12 + 1, 1) if start == 21 else None
            end = (nxt - timedelta(days=1)) if nxt else date(YEAR, month, start + 9)
            on_day(end + timedelta(days=1))
            report = services.report_create(
                actor=people.officer, org_unit=tree.town_a, period_start=period_start
            )
            services.report_transition(actor=people.officer, obj=report, verb="submit")


BUILDERS = {
    "leadership": build_leadership,
    "documents": build_documents,
    "contracts": build_contracts,
    "inspections": build_inspections,
    "advisers": build_advisers,
    "participation": build_participation,
    "publicity": build_publicity,
    "exams": build_exams,
    "lawunits": build_lawunits,
    "training": build_training,
    "grids": build_grids,
    "tenday": build_tenday,
}
