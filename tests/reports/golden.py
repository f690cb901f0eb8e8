"""The seed's town-year built through the services (issue 12 item 6): 海屿镇's 2023 ledgers
hold the facts of ../shared/reference/seed-town-summary-2023.txt for every module that
exists — 4 theory study sessions (2 of the central group on named books) and a seminar,
3 deployment meetings, every leader's 述法, 2 normative documents and 105 administrative
agreements reviewed, the county's special inspection with no rectification needed, and
the scenario trainings on "基层信访纠纷" and "遗留拆迁问题".

`SEED_FACTS` are those facts in the seed's order, each with the app whose annual.py
states it and the words the summary must contain. The seed's facts of the modules
built in parallel with this one (exams: completion and pass 100%; lawunits: 市级民主法治村
creation rate 100% and two villages on the provincial 拟命名 list; publicity: the themed
campaigns, the central group's 宪法/民法典 study 4 times, cadres' 专题学法 2 times) join
SEED_FACTS and BUILDERS once their services are settled."""

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
    ("leadership", ("《习近平法治思想学习纲要》", "专题学习2次", "研讨活动1次")),
    ("documents", ("审核行政规范性文件2件",)),
    ("contracts", ("行政协议105件",)),
    ("inspections", ("专项督查", "未发现需整改问题")),
    ("training", ("基层信访纠纷", "遗留拆迁问题")),
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
        services.participant_add(
            actor=people.officer, session=session, user=people.village_cadre, role="信访人"
        )
        on_day(day)
        services.session_transition(actor=people.officer, obj=session, verb="hold")


BUILDERS = {
    "leadership": build_leadership,
    "documents": build_documents,
    "contracts": build_contracts,
    "inspections": build_inspections,
    "training": build_training,
}
