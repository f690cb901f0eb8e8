"""普法宣传 in the demo town (海屿镇), made through the services as the demo accounts: the
default "八进" targets and formats; the themed-date calendars of last year and this
year; a year of events around the themed dates (4·15, 民法典宣传月, 6·26, 宪法宣传周 and
12·4), some held by the villages; this year's events for the dates already past; last
year's online-study hours imported from a 学习强国 export; three 以案释法 cases pushed to
the town's cadres, most read, the latest still unread by `cadre` (on its workbench).
Every step on its planned working day (core.demo_plan), inside `clock.pinned`.
Idempotent: a town that has events is left alone."""

from __future__ import annotations

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.demo_plan import require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User

from . import services
from .models import Campaign, CasePush, Event, Option

# (campaign, month, day, title, format, targets, place, organiser, audience, village code or "")
EVENTS = [
    ("全民国家安全教育日", 4, 15, "国家安全教育进渔村", "送法进渔村", ["进乡村", "进渔船"], "东岙村渔港码头",
     "镇司法所、东岙村", 160, "339901101201"),
    ("全民国家安全教育日", 4, 16, "国家安全法治讲座", "法治讲座进文化礼堂", ["进机关", "进单位"], "镇政府三楼会议室",
     "镇党政办", 85, ""),
    ("民法典宣传月", 5, 12, "民法典进文化礼堂", "法治讲座进文化礼堂", ["进乡村", "进社区"], "西岙村文化礼堂",
     "镇司法所、法律顾问", 120, "339901101202"),
    ("民法典宣传月", 5, 20, "普法上船头·民法典", "普法上船头", ["进渔船"], "中心渔港", "镇司法所、海事站", 210, ""),
    ("民法典宣传月", 5, 27, "民法典法治游园会", "法治游园会", ["进社区", "进学校"], "渔港社区广场",
     "渔港社区、镇中心小学", 330, "339901101001"),
    ("国际禁毒日", 6, 26, "禁毒法治宣传进校园", "以案释法宣讲", ["进学校"], "海屿镇中心小学", "镇综治办、派出所",
     260, ""),
    ("宪法宣传周", 12, 2, "宪法宣传周·道地说法", "道地说法", ["进乡村", "进网络"], "南岙村村委会", "南岙村",
     95, "339901101203"),
    ("国家宪法日", 12, 4, "国家宪法日宪法宣誓和法律咨询", "法律咨询摊位", ["进机关", "进企业", "进社区"],
     "镇政府广场", "镇司法所", 180, ""),
]  # fmt: skip
CASES = [
    ("渔船雇工工资纠纷案", "某渔船船主以休渔期收入减少为由,拖欠三名雇工工资共计4.2万元,雇工多次讨要未果。",
     "民法典第五百七十七条、第五百七十九条;保障农民工工资支付条例第三条",
     "用工须签订书面合同、按时足额支付报酬;村社干部调处此类纠纷,应先引导双方固定工资约定和出勤证据,必要时引导申请支付令。"),
    ("宅基地边界占用纠纷案", "村民甲翻建房屋时越界占用邻居乙宅基地0.6米,双方多次争吵,险些发生肢体冲突。",
     "民法典第二百八十八条、第二百九十三条;土地管理法第六十二条",
     "翻建房屋须依法审批、按批准范围施工;相邻关系纠纷以调解为先,调解不成的引导诉讼,切忌以拆代调。"),
    ("网络谣言扰乱公共秩序案", "某村民在微信群编造“海岛封岛”谣言,引发部分群众抢购物资,被公安机关依法处罚。",
     "治安管理处罚法第二十五条", "网络不是法外之地;干部发现群内谣言应及时提醒、报告,并以权威信息释疑。"),
]  # fmt: skip
READERS = ["cadre", "liuyang", "sunli", "vcadre", "lihaiyan", "huangzhiming", "wuhaibo"]
STUDY = [("cadre", 42.5), ("liuyang", 36), ("sunli", 51), ("yangfan", 48.5), ("xuzhihua", 30), ("vcadre", 22.5),
         ("lihaiyan", 27)]  # fmt: skip


def _event_day(year: int, month: int, day: int) -> date:
    return workday_from(date(year, month, day))


def plan(today: date) -> dict:
    """Every step's day as it stands on `today` (pure: no database)."""
    last = today.year - 1
    setup = workday_from(date(last, 1, 10))
    days = {
        "setup": setup,
        "calendar_next": workday_until(date(last, 12, 20)),
        "events_last": [_event_day(last, m, d) for _, m, d, *_ in EVENTS],
        "events_this": [
            day for day in (_event_day(today.year, m, d) for _, m, d, *_ in EVENTS) if day < today
        ],
        "study": workday_until(date(last, 12, 28)),
        "pushes": [workday_from(date(last, 3, 12)), workday_from(date(last, 9, 8))],
    }
    latest = workday_until(today - timedelta(days=3))
    days["push_latest"] = latest if latest > days["study"] else None
    return days


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    problems = step_problems(
        [("配置", p["setup"])] + [(f"去年活动{i}", d) for i, d in enumerate(p["events_last"])],
        today,
    )
    problems += step_problems([(f"今年活动{i}", d) for i, d in enumerate(p["events_this"])], today)
    problems += step_problems(
        [("载入今年日历", p["calendar_next"]), ("导入学时", p["study"])], today
    )
    problems += step_problems([(f"推送{i}", d) for i, d in enumerate(p["pushes"])], today)
    if p["push_latest"]:
        problems += step_problems([("最近推送", p["push_latest"])], today)
    # every event falls on or after its campaign's first day (the service's guard)
    for year, days in ((today.year - 1, p["events_last"]), (today.year, p["events_this"])):
        for (name, m, d, *_), day in zip(EVENTS, days, strict=False):
            starts = {"民法典宣传月": date(year, 5, 1), "宪法宣传周": date(year, 12, 1)}.get(
                name, date(year, m, d)
            )
            if day < starts:
                problems.append(f"{name} 活动 {day} 早于主题开始 {starts}")
    return problems


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _photo(seed: int) -> SimpleUploadedFile:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (96, 64), (30 + seed * 20 % 200, 90, 160)).save(out, format="JPEG")
    return SimpleUploadedFile(f"活动照片{seed}.jpg", out.getvalue(), content_type="image/jpeg")


def _events(town, days, year, officer, first_seed=0) -> int:
    options = {o.name: o for o in Option.objects.filter(org_unit=town)}
    units = {u.code: u for u in OrgUnit.objects.filter(code__startswith=town.code)}
    made = 0
    for n, (day, row) in enumerate(zip(days, EVENTS, strict=False)):
        name, _, _, title, fmt, targets, place, organiser, audience, village = row
        camp = Campaign.objects.filter(org_unit=town, name=name, starts_on__year=year).first()
        actor = _user("vcadre") if village == "339901101201" else officer
        with clock.pinned(day):
            event = services.event_create(
                actor=actor, org_unit=units[village] if village else town, campaign=camp,
                title=title, format=options[fmt], targets=[options[t] for t in targets], held_on=day,
                place=place, organiser=organiser, audience=audience,
                summary=f"{organiser}组织开展“{title}”活动,发放宣传资料、现场解答群众法律咨询。",
            )  # fmt: skip
            if n % 2 == 0:
                services.event_photo_add(
                    actor=actor, event=event, uploaded_file=_photo(first_seed + n)
                )
        made += 1
    return made


def _study_file(year: int) -> SimpleUploadedFile:
    from openpyxl import Workbook

    names = dict(
        User.objects.filter(username__in=[u for u, _ in STUDY]).values_list("username", "full_name")
    )
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "账号", "学习时长(小时)", "统计周期"])
    for i, (username, hours) in enumerate(STUDY, 1):
        ws.append([i, names.get(username, ""), username, hours, f"{year}年"])
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile(f"学习强国学习时长_{year}.xlsx", out.getvalue())


def _push(case, day, readers, officer):
    recipients = list(User.objects.filter(username__in=READERS))
    with clock.pinned(day):
        push = services.casepush_create(
            actor=officer, case=case, recipients=recipients, note="请认真学习"
        )
        for username in readers:
            services.casepush_read(actor=_user(username), push=push)
    return push


def load_publicity_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    if Event.objects.filter(org_unit__code__startswith=town.code).exists():
        return []
    officer = _user("officer")
    last = today.year - 1
    with clock.pinned(p["setup"]):
        if services.option_seed_needed(town):
            services.options_seed(actor=officer, town=town)
        services.campaigns_seed(actor=officer, year=last, town=town)
        cases = [
            services.case_create(
                actor=officer, title=t, facts=f, law_applied=law, lesson=lesson, town=town
            )
            for t, f, law, lesson in CASES
        ]
    with clock.pinned(p["calendar_next"]):
        services.campaigns_seed(actor=officer, year=today.year, town=town)
    made = _events(town, p["events_last"], last, officer)
    made += _events(town, p["events_this"], today.year, officer, first_seed=10)
    with clock.pinned(p["study"]):
        services.study_import(
            actor=officer, uploaded_file=_study_file(last), platform="学习强国",
            mapping=dict(services.DEFAULT_MAPPING), town=town,
        )  # fmt: skip
    _push(cases[0], p["pushes"][0], READERS, officer)
    _push(cases[1], p["pushes"][1], READERS[:-2], officer)
    if p["push_latest"]:
        _push(cases[2], p["push_latest"], ["liuyang", "vcadre"], officer)
    pushes = CasePush.objects.filter(org_unit=town).count()
    return [f"普法宣传:活动{made}场、线上学法导入1批、以案释法推送{pushes}次"]


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_publicity_demo(ISLAND_TOWN_CODE)
