"""公众参与 in the demo town, through the services as the demo accounts:

- last year, the 渔港环境整治三年行动计划 (a plan) put to the public for 30 days: 20
  comments from the demo resident, 人大代表, 政协委员, 人民团体, 社会组织 and 利害关系人
  (online and by letter, 座谈会, hotline), every one answered (grouped answers too), one
  advertisement hidden with its reason; a hearing on its berth fees noticed 7+ days
  ahead, participants selected with the fishing-boat owners represented, the signed
  record and the hearing report uploaded;
- now, the normative document in public comment (documents' demo opens it): ~20
  comments, all answered — `comment_on_document` is called by fazhi/documents/demo.py,
  since documents loads after participation.

Every step on its planned working day (fazhi.core.demo_plan) inside `clock.pinned`.
Idempotent: a consultation that exists (same town and title) is left alone."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.demo_plan import after, require, step_problems, workday_until
from fazhi.core.models import OrgUnit, User

from . import services
from .models import Consultation

PLAN_TITLE = "海屿镇渔港环境整治三年行动计划(征求意见稿)"
PLAN_TEXT = """海屿镇渔港环境整治三年行动计划(征求意见稿)
第一条 为改善渔港环境,保障渔业生产安全,根据有关法律法规,结合本镇实际,制定本计划。
第二条 本计划适用于本镇渔港社区、东岙村及其所属港湾的环境整治。
第三条 渔船停泊区每日清扫一次,生产生活垃圾分类投放,由渔港社区组织保洁。
第四条 渔港停泊收费标准按镇人民政府依法公布的标准执行,调整前应当举行听证。
第五条 镇人民政府每年向镇人民代表大会报告本计划实施情况。
第六条 本计划自公布之日起施行。"""

# (who, tag, channel, paragraph, body, answer group)
PLAN_COMMENTS = [
    ("resident", "public", "online", 4, "建议渔船停泊区每日清扫两次,早晚各一次。", "a"),
    ("resident", "public", "online", None, "希望计划实施后每季度公布一次整治进展。", "b"),
    (
        "陈海生(镇人大代表)",
        "deputy",
        "symposium",
        5,
        "建议明确实施情况报告的时间,每年第一季度报告上年情况。",
        "b",
    ),
    ("林秀英(镇人大代表)", "deputy", "symposium", 3, "建议增加渔港周边绿化内容。", "c"),
    ("张国平(镇人大代表)", "deputy", "letter", 4, "调整停泊费前的听证应邀请渔船主代表参加。", "d"),
    ("王建国(县政协委员)", "cppcc", "letter", None, "建议参照邻镇做法,引入第三方评估。", "e"),
    ("镇妇联", "people_org", "letter", 4, "建议在停泊区设置母婴休息点。", "f"),
    ("镇总工会", "people_org", "symposium", 4, "保洁人员工资应纳入镇财政预算保障。", "g"),
    ("渔港社区居委会", "grassroots", "symposium", 4, "保洁由社区组织需配套经费。", "g"),
    ("东岙村村民委员会", "grassroots", "symposium", 3, "东岙村港湾也应纳入每日清扫范围。", "a"),
    ("海屿镇渔业协会", "social_org", "letter", 5, "停泊收费标准应提前一个月公示。", "d"),
    ("海屿镇志愿者协会", "social_org", "hotline", None, "愿意组织志愿者参与港湾清理。", "h"),
    ("李大海(渔船主)", "interested", "visit", 5, "停泊费上调幅度不宜超过10%。", "d"),
    ("陈阿福(渔船主)", "interested", "hotline", 5, "希望对老旧渔船给予停泊费减免。", "i"),
    ("吴小妹(渔港商户)", "interested", "letter", 4, "垃圾分类投放点应设在码头入口处。", "a"),
    ("周明(群众)", "public", "hotline", 7, "建议设置试行期。", "j"),
    ("郑丽(群众)", "public", "letter", 2, "建议将渔港周边道路一并纳入整治范围。", "c"),
    ("黄伟(群众)", "public", "visit", None, "整治期间应保障渔民正常生产。", "b"),
    ("刘芳(群众)", "public", "hotline", 4, "请公开保洁服务的采购方式。", "j"),
]
PLAN_AD = ("匿名来电", "public", "hotline", None, "低价出售二手渔网,联系电话13900000000。")
PLAN_ANSWERS = {
    "a": (
        "adopted",
        "已采纳:第三条修改为停泊区及各港湾每日早晚各清扫一次,分类投放点设在码头入口。",
    ),
    "b": ("adopted", "已采纳:增加“每季度公布整治进展,每年第一季度向镇人大报告上年实施情况”。"),
    "c": ("partly", "部分采纳:周边道路和绿化纳入第二年计划,本计划先行整治港区。"),
    "d": ("adopted", "已采纳:停泊费调整前举行听证,邀请渔船主代表参加,标准提前30日公示。"),
    "e": ("partly", "部分采纳:第三年由镇政府委托第三方评估,前两年由镇人大组织视察。"),
    "f": ("rejected", "不采纳:母婴休息点不属于本计划范围,已转镇妇联与社区研究。"),
    "g": ("adopted", "已采纳:保洁经费列入镇财政年度预算,由社区组织实施。"),
    "h": ("adopted", "已采纳:增加“鼓励志愿服务组织参与港湾清理”。"),
    "i": ("rejected", "不采纳:停泊费减免须依照收费管理规定统一确定,不在本计划中作个别规定。"),
    "j": ("partly", "部分采纳:计划设一年试行期;保洁服务采购依法公开,不在计划中规定。"),
}

DOC_COMMENTS = [
    ("resident", "public", "online", 3, "第三条规定的申请材料较多,建议精简。", "a"),
    ("resident", "public", "online", None, "建议附上办事流程图。", "b"),
    ("陈海生(镇人大代表)", "deputy", "symposium", 3, "建议明确村民委员会审查的期限。", "a"),
    ("林秀英(镇人大代表)", "deputy", "symposium", 4, "建议增加对困难户建房的帮扶条款。", "c"),
    ("张国平(镇人大代表)", "deputy", "letter", 2, "宅基地面积标准应与县里规定一致。", "d"),
    ("王建国(县政协委员)", "cppcc", "letter", None, "建议开展一次入户宣传。", "b"),
    ("镇妇联", "people_org", "letter", 3, "申请人应包括户内女性成员,保障妇女宅基地权益。", "e"),
    ("东岙村村民委员会", "grassroots", "symposium", 3, "村民会议讨论环节需要更多时间。", "a"),
    ("渔港社区居委会", "grassroots", "symposium", 2, "社区内无宅基地,建议明确适用范围。", "d"),
    ("海屿镇建筑工匠协会", "social_org", "letter", 4, "建议明确农房建设质量监管责任。", "f"),
    ("李大海(申请户)", "interested", "visit", 3, "已申请两年未批,希望明确办理时限。", "a"),
    ("陈阿福(申请户)", "interested", "hotline", 4, "翻建旧房是否需要重新申请?", "f"),
    ("周明(群众)", "public", "hotline", 2, "建议公布全镇宅基地年度计划。", "d"),
    ("郑丽(群众)", "public", "letter", None, "文件用语较专业,建议配发解读。", "b"),
    ("黄伟(群众)", "public", "visit", 4, "希望取消重复的现场踏勘。", "g"),
    ("刘芳(群众)", "public", "hotline", 3, "外出务工人员能否委托办理?", "c"),
    ("吴小妹(群众)", "public", "letter", 2, "建议增加“一户一宅”的认定标准。", "d"),
    ("林海(群众)", "public", "visit", None, "建议设立咨询电话。", "b"),
]
DOC_ANSWERS = {
    "a": (
        "adopted",
        "已采纳:第三条增加“村民委员会自受理之日起10个工作日内提出审查意见”,并精简申请材料为四项。",
    ),
    "b": ("adopted", "已采纳:文件公布时一并发布政策解读和办事流程图,公布咨询电话,并开展入户宣传。"),
    "c": ("partly", "部分采纳:明确可委托办理;困难户帮扶按县里现有政策执行,不另作规定。"),
    "d": (
        "adopted",
        "已采纳:第二条面积标准改为引用县人民政府规定,并明确“一户一宅”认定标准和适用范围。",
    ),
    "e": ("adopted", "已采纳:增加“户内妇女依法平等享有宅基地权益”。"),
    "f": ("partly", "部分采纳:翻建须申请;质量监管按农村住房建设管理规定执行,文件中作衔接性规定。"),
    "g": ("rejected", "不采纳:现场踏勘是批准前的法定环节,改为乡镇与村联合一次踏勘,不再重复。"),
}


def _png(seed: int) -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes([0, seed % 256]))) + chunk(b"IEND", b""))  # fmt: skip


def plan(today: date) -> dict[str, date]:
    """Last year's plan consultation and hearing (pure: no database)."""
    starts = workday_until(date(today.year - 1, 5, 8))
    ends = starts + timedelta(days=30)
    noticed = after(starts, 2)
    held = after(noticed, 8)
    return {
        "starts": starts, "comments": after(starts, 3), "ends": ends,
        "answered": after(ends, 3), "noticed": noticed, "registration": after(noticed, 2),
        "selected": after(noticed, 5), "held": held, "reported": after(held, 3),
    }  # fmt: skip


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    problems = step_problems(
        [("征求意见", p["starts"]), ("收到意见", p["comments"]), ("答复", p["answered"])], today
    ) + step_problems(
        [("听证公告", p["noticed"]), ("报名", p["registration"]), ("选定参加人", p["selected"]),
         ("举行听证", p["held"]), ("听证报告", p["reported"])], today,
    )  # fmt: skip
    if p["held"] < p["noticed"] + timedelta(days=7):
        problems.append("听证公告不足7日")
    return problems


def _add_comments(consultation, rows, answers, *, officer, resident, on, answered_on):
    groups: dict[str, list] = {}
    with clock.pinned(on):
        for who, tag, channel, paragraph, body, group in rows:
            if who == "resident":
                c = services.comment_submit(actor=resident, consultation=consultation, body=body,
                                            paragraph=paragraph, tag=tag)  # fmt: skip
            else:
                c = services.comment_enter_offline(
                    actor=officer, consultation=consultation, body=body, author_name=who,
                    channel=channel, tag=tag, paragraph=paragraph, received_on=on,
                )  # fmt: skip
            groups.setdefault(group, []).append(c)
    with clock.pinned(answered_on):
        for group, comments in groups.items():
            outcome, reason = answers[group]
            services.answer_comments(actor=officer, consultation=consultation,
                                     comments=comments, outcome=outcome, reason=reason)  # fmt: skip


def comment_on_document(consultation: Consultation, *, on: date, answered_on: date) -> None:
    """The demo's comments on the normative document in public comment (documents' demo)."""
    if consultation.comment_count:
        return
    users = {u.username: u for u in User.objects.filter(username__in=["officer", "resident"])}
    _add_comments(consultation, DOC_COMMENTS, DOC_ANSWERS, officer=users["officer"],
                  resident=users["resident"], on=on, answered_on=answered_on)  # fmt: skip


def load_participation_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    if Consultation.objects.filter(org_unit=town, title=PLAN_TITLE).exists():
        return []
    users = {u.username: u for u in User.objects.filter(username__in=["officer", "resident"])}
    officer, resident = users["officer"], users["resident"]
    with clock.pinned(p["starts"]):
        c = services.consultation_open(
            actor=officer, subject=None, org_unit=town, title=PLAN_TITLE, text=PLAN_TEXT,
            starts_on=p["starts"], ends_on=p["ends"],
        )  # fmt: skip
        for group, invitees, method in [
            ("deputy", "镇人大代表全体", "书面邀请函、代表联络站座谈会"),
            ("cppcc", "驻镇县政协委员", "书面邀请函"),
            ("people_org", "镇妇联、镇总工会、团镇委", "书面邀请函"),
            ("interested", "渔港停泊渔船船主", "渔港公告栏、上门告知"),
        ]:
            services.invitation_add(actor=officer, consultation=c, group=group,
                                    invitees=invitees, method=method)  # fmt: skip
    _add_comments(c, PLAN_COMMENTS, PLAN_ANSWERS, officer=officer, resident=resident,
                  on=p["comments"], answered_on=p["answered"])  # fmt: skip
    with clock.pinned(p["comments"]):
        who, tag, channel, paragraph, body = PLAN_AD
        ad = services.comment_enter_offline(actor=officer, consultation=c, body=body,
                                            author_name=who, channel=channel, tag=tag)  # fmt: skip
        services.comment_hide(actor=officer, comment=ad, reason="与征求意见无关的商业广告")
    with clock.pinned(p["ends"] + timedelta(days=1)):
        services.consultation_close(actor=officer, consultation=c, on=p["ends"] + timedelta(days=1))
    _hearing(c, p, officer, resident)
    return [f"公开征求意见 {PLAN_TITLE}(意见{len(PLAN_COMMENTS)}条全部答复,听证1场)"]


def _hearing(c, p, officer, resident) -> None:
    with clock.pinned(p["noticed"]):
        h = services.hearing_create(
            actor=officer, subject=None, org_unit=c.org_unit, title="渔港停泊收费标准调整听证会",
            matter="《海屿镇渔港环境整治三年行动计划》第四条:渔港停泊收费标准调整方案。"
            "听证材料(调整方案及成本测算说明)已在镇政府门户网站和渔港公告栏公布。",
            place="海屿镇人民政府三楼会议室", held_on=p["held"], notice_published_on=p["noticed"],
            registration_ends_on=p["selected"] - timedelta(days=1),
        )  # fmt: skip
    with clock.pinned(p["registration"]):
        regs = [services.hearing_register(actor=resident, hearing=h, name=resident.full_name,
                                          phone="13905801401", tag="public",
                                          statement="支持整治,收费应公开透明")]  # fmt: skip
        for name, tag, interested, phone in [
            ("李大海", "interested", True, "13905801501"),
            ("陈阿福", "interested", True, "13905801502"),
            ("陈海生", "deputy", False, "13905801503"),
            ("海屿镇渔业协会代表", "social_org", True, "13905801504"),
        ]:
            regs.append(services.hearing_register(actor=officer, hearing=h, name=name, phone=phone,
                                                  tag=tag, interested=interested))  # fmt: skip
    with clock.pinned(p["selected"]):
        services.hearing_select(actor=officer, hearing=h, registrations=regs)
    with clock.pinned(p["held"]):
        services.hearing_record(actor=officer, hearing=h, uploaded_file=SimpleUploadedFile(
            "听证笔录(参加人签字).png", _png(41), content_type="image/png"))  # fmt: skip
    with clock.pinned(p["reported"]):
        services.hearing_report(
            actor=officer, hearing=h, summary="参加人5名(利害关系人3名)。多数意见赞成调整方案,"
            "建议上调幅度不超过10%并对老旧渔船分类减免;镇政府采纳上调幅度意见。",
            uploaded_file=SimpleUploadedFile("听证报告.png", _png(42), content_type="image/png"),
        )  # fmt: skip


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_participation_demo(ISLAND_TOWN_CODE)
