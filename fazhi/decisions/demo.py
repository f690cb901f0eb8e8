"""重大行政决策 in the demo town 海屿镇, made through the services as the demo accounts:

- last year's catalogue, published in February, with 渔港综合整治提升工程 taken through
  every gate — a 30-day online consultation with comments from residents and a deputy,
  all answered; a hearing noticed 7 days ahead with its signed record and report; two
  experts with signed opinions; a risk assessment report; the legality review by the
  town's legal adviser; the collective discussion with the chief speaking last and a
  dissent recorded — then decided, published, archived, with an implementation report;
- this year's catalogue, published, with 海岛民宿发展扶持办法 waiting at the legality-review
  gate (its review due in a few working days: on the officer's and the adviser's
  workbench) and a matter not yet started.

Every step on its planned working day (fazhi.core.demo_plan), inside `clock.pinned`.
Idempotent: a town with last year's catalogue is left alone."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.attachments import attachment_add
from fazhi.core.deadlines import deadline
from fazhi.core.demo_plan import after, require, step_problems, workday_from, workday_until
from fazhi.core.models import OrgUnit, User

from . import services
from .models import Catalogue

A_TITLE = "渔港综合整治提升工程"
A_BODY = (
    "第一条 为改善渔港通航和停泊条件,保障渔民生产安全,实施渔港综合整治提升工程。\n"
    "第二条 工程包括港池清淤、防波堤加固、码头岸线改造和渔具堆放区建设。\n"
    "第三条 施工期间分段作业,设置临时泊位,保障渔船正常进出港。\n"
    "第四条 涉及渔民临时搬迁的,按照县有关标准予以补偿。"
)
B_TITLE = "海岛民宿发展扶持办法"
B_BODY = (
    "第一条 为规范和扶持海岛民宿健康发展,结合本镇实际,制定本办法。\n"
    "第二条 本办法适用于本镇行政区域内依法登记经营的民宿。\n"
    "第三条 民宿经营者应当遵守消防、食品安全和生态环境保护规定。\n"
    "第四条 对符合条件的民宿给予改造提升补助,具体标准由镇政府另行公布。"
)
C_TITLE = "镇域垃圾分类收运体系建设方案"
ATTENDEES = ["林海峰", "副镇长 吴建华", "副镇长 孙丽", "党政办主任 赵磊"]
ORDER = ["党政办主任 赵磊", "副镇长 孙丽", "副镇长 吴建华", "林海峰"]


def _png(seed: int) -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes([0, seed % 256]))) + chunk(b"IEND", b""))  # fmt: skip


def _file(name: str, seed: int):
    return SimpleUploadedFile(name, _png(seed), content_type="image/png")


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _story_a(year: int) -> dict[str, date]:
    cat = workday_from(date(year, 2, 20))
    start = after(cat, 3)
    end = deadline(start, 30, "days")
    notice = after(start, 2)
    held = workday_from(deadline(notice, 8, "days"))
    listed = workday_from(deadline(notice, 4, "days"))
    finish = after(end, 2)
    expert = after(finish, 3)
    review = after(expert, 5)
    concluded = after(review, 7)
    discussion = after(concluded, 1)
    decided = after(discussion, 3)
    published = after(decided, 2)
    return {
        "a_catalogue": cat, "a_start": start, "a_comment": after(start, 1), "a_notice": notice,
        "a_listed": listed, "a_held": held, "a_end": end, "a_answer": after(end, 1),
        "a_finish": finish, "a_expert": expert, "a_review": review, "a_concluded": concluded,
        "a_discussion": discussion, "a_decided": decided, "a_published": published,
        "a_archived": after(published, 5), "a_report": after(published, 60),
    }  # fmt: skip


def _story_b(today: date) -> dict[str, date]:
    """Planned back from today: the review was requested on the last working day, so it
    is still within its 7 working days (on the workbench)."""
    review = workday_until(today - timedelta(days=1))
    expert = workday_until(review - timedelta(days=3))
    finish = workday_until(expert - timedelta(days=1))
    end = finish - timedelta(days=1)
    start = workday_until(end - timedelta(days=31))
    while deadline(start, 30, "days") > end:  # a holiday inside the period: start earlier
        start = workday_until(start - timedelta(days=1))
    return {
        "b_catalogue": workday_until(start - timedelta(days=3)), "b_start": start,
        "b_comment": after(start, 2), "b_end": end, "b_answer": finish, "b_finish": finish,
        "b_expert": expert, "b_review": review,
    }  # fmt: skip


def plan(today: date) -> dict[str, date]:
    """The stories' days as they stand on `today` (pure: no database)."""
    return {**_story_a(today.year - 1), **_story_b(today)}


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    a = [
        (k, p[k])
        for k in (
            "a_catalogue",
            "a_start",
            "a_comment",
            "a_notice",
            "a_listed",
            "a_held",
            "a_end",
            "a_answer",
            "a_finish",
            "a_expert",
            "a_review",
            "a_concluded",
            "a_discussion",
            "a_decided",
            "a_published",
            "a_archived",
            "a_report",
        )
    ]
    b = [
        (k, p[k])
        for k in (
            "b_catalogue",
            "b_start",
            "b_comment",
            "b_answer",
            "b_finish",
            "b_expert",
            "b_review",
        )
    ]
    problems = step_problems(a, today) + step_problems(b, today)
    if p["a_held"] >= p["a_end"] or p["a_listed"] >= p["a_held"]:
        problems.append("听证会须在征求意见期内举行,名单须在听证前公布")
    if deadline(p["b_review"], 7, "workdays") <= today:
        problems.append("进行中的决策的合法性审查期限应在今天之后")
    return problems


def _through_participation(d, p, k, officer, resident, *, hearing=False, comments=2):
    from fazhi.participation import selectors as ps
    from fazhi.participation import services as pv

    with clock.pinned(p[f"{k}_start"]):
        d = services.decision_transition(
            actor=officer,
            obj=d,
            verb="start_participation",
            starts_on=p[f"{k}_start"],
            ends_on=p[f"{k}_end"],
        )
    c = ps.consultation_for(d)
    made = []
    with clock.pinned(p[f"{k}_comment"]):
        texts = ["建议施工避开休渔期结束后的出海高峰", "希望公开补偿标准和临时泊位位置"][:comments]
        for n, body in enumerate(texts):
            made.append(
                pv.comment_submit(
                    actor=resident, consultation=c, body=body, paragraph=n + 2 if n else None
                )
            )
        made.append(
            pv.comment_enter_offline(
                actor=officer,
                consultation=c,
                body="建议同步建设渔具堆放区,减少占道",
                author_name="镇人大代表 陈海生",
                channel="symposium",
                tag="deputy",
            )
        )
    if hearing:
        with clock.pinned(p["a_notice"]):
            h = pv.hearing_create(
                actor=officer,
                subject=d,
                title=f"{d.title}听证会",
                matter="整治方案、施工安排及临时搬迁补偿标准",
                place="海屿镇政府三楼会议室",
                held_on=p["a_held"],
                notice_published_on=p["a_notice"],
            )
            reg = pv.hearing_register(
                actor=resident,
                hearing=h,
                name="黄秀珍",
                phone="13905800101",
                tag="interested",
                statement="渔船停泊受影响,希望设临时泊位",
            )
            reg2 = pv.hearing_register(
                actor=officer, hearing=h, name="陈海生", phone="13905800102", tag="deputy"
            )
        with clock.pinned(p["a_listed"]):
            pv.hearing_select(actor=officer, hearing=h, registrations=[reg, reg2])
        with clock.pinned(p["a_held"]):
            pv.hearing_record(
                actor=officer, hearing=h, uploaded_file=_file("听证笔录(参加人签字).png", 11)
            )
            pv.hearing_report(
                actor=officer,
                hearing=h,
                uploaded_file=_file("听证报告.png", 12),
                summary="参加人普遍赞成整治,建议增设临时泊位、公开补偿标准,已吸收进草案",
            )
    with clock.pinned(p[f"{k}_answer"]):
        pv.answer_comments(
            actor=officer,
            consultation=c,
            comments=made[:1],
            outcome="adopted",
            reason="已调整施工时序,避开出海高峰",
        )
        if len(made) > 2:
            pv.answer_comments(
                actor=officer,
                consultation=c,
                comments=made[1:2],
                outcome="partly",
                reason="补偿标准按县统一标准公开,临时泊位位置将在施工公告中公布",
            )
        pv.answer_comments(
            actor=officer,
            consultation=c,
            comments=made[-1:],
            outcome="adopted",
            reason="已将渔具堆放区建设纳入工程内容",
        )
    with clock.pinned(p[f"{k}_finish"]):
        return services.decision_transition(actor=officer, obj=d, verb="finish_participation")


def _experts_and_risk(d, p, k, officer, cadre):
    with clock.pinned(p[f"{k}_expert"]):
        for n, (name, field, org) in enumerate(
            [("王海", "港口航道工程", "省海洋大学"), ("刘静", "渔业经济", "市农业科学研究院")]
        ):
            e = services.expert_add(
                actor=officer,
                decision=d,
                name=name,
                field=field,
                affiliation=org,
                no_conflict=True,
                opinion="方案必要、可行,建议分期实施并加强施工期安全管理。",
            )
            attachment_add(
                actor=officer, record=e, uploaded_file=_file(f"{name}论证意见(署名).png", 20 + n)
            )
        d = services.decision_transition(actor=officer, obj=d, verb="finish_expert")
    with clock.pinned(p[f"{k}_review"]):
        risk = services.risk_record(
            actor=officer,
            decision=d,
            risks="施工期渔船停泊受限;临时搬迁引发补偿争议;施工安全",
            measures="分段施工、提前公告;补偿标准公开;专人巡查",
            response_plan="设临时泊位;矛盾纠纷快速调处;安全事故应急预案",
            level="medium",
            controllable=True,
            assessor=cadre,
            assessor_org="镇综治中心",
            assessed_on=p[f"{k}_review"],
        )
        attachment_add(
            actor=officer, record=risk, uploaded_file=_file("社会稳定风险评估报告.png", 30)
        )
        return services.decision_transition(
            actor=officer, obj=d, verb="submit_review", reviewer=_user("adviser")
        )


def _story_a_load(town, p, year):
    from fazhi.reviews import checklists
    from fazhi.reviews.selectors import active_review
    from fazhi.reviews.services import review_conclude

    officer, leader, resident, cadre = (
        _user(u) for u in ("officer", "leader", "resident", "cadre")
    )
    with clock.pinned(p["a_catalogue"]):
        cat = services.catalogue_create(actor=officer, org_unit=town, year=year)
        d = services.decision_create(
            actor=officer,
            catalogue=cat,
            title=A_TITLE,
            category="project",
            undertaker="镇农业农村办",
            body=A_BODY,
        )
        services.catalogue_transition(actor=leader, obj=cat, verb="adopt")
        services.catalogue_transition(actor=officer, obj=cat, verb="publish")
    d = _through_participation(d, p, "a", officer, resident, hearing=True)
    d = _experts_and_risk(d, p, "a", officer, cadre)
    with clock.pinned(p["a_concluded"]):
        review_conclude(
            actor=_user("adviser"),
            review=active_review(d),
            opinion="决策事项属于镇政府法定权限,已履行公众参与、专家论证、风险评估程序,草案内容合法。",
            conclusion="passed",
            checklist={i.key: {"ok": True} for i in checklists.items_for("decision")},
        )
    with clock.pinned(p["a_discussion"]):
        d = services.decision_transition(actor=officer, obj=d, verb="submit_discussion")
    with clock.pinned(p["a_decided"]):
        disc = services.discussion_record(
            actor=officer,
            decision=d,
            meeting_name="镇政府第8次常务会议",
            meeting_date=p["a_decided"],
            attendees=ATTENDEES,
            speaking_order=ORDER,
            chief="林海峰",
            dissent="副镇长 孙丽:建议二期工程视财力情况延后实施",
        )
        attachment_add(actor=officer, record=disc, uploaded_file=_file("常务会议记录.png", 40))
        d = services.decision_transition(
            actor=leader,
            obj=d,
            verb="decide",
            decision_text="同意实施渔港综合整治提升工程,分两期实施,一期当年开工。",
        )
    with clock.pinned(p["a_published"]):
        d = services.decision_transition(
            actor=officer,
            obj=d,
            verb="publish",
            published_on=p["a_published"],
            publish_channel="海屿镇人民政府网站、镇政务公开栏",
        )
    with clock.pinned(p["a_archived"]):
        d = services.decision_transition(actor=officer, obj=d, verb="archive")
    with clock.pinned(p["a_report"]):
        services.implementation_report_add(
            actor=officer,
            decision=d,
            reported_on=p["a_report"],
            content="一期港池清淤完成60%,临时泊位已启用,未发生安全事故。",
        )


def _story_b_load(town, p, year):
    officer, leader, resident, cadre = (
        _user(u) for u in ("officer", "leader", "resident", "cadre")
    )
    with clock.pinned(p["b_catalogue"]):
        cat = services.catalogue_create(actor=officer, org_unit=town, year=year)
        d = services.decision_create(
            actor=officer,
            catalogue=cat,
            title=B_TITLE,
            category="policy",
            undertaker="镇文旅办",
            body=B_BODY,
        )
        services.decision_create(
            actor=officer,
            catalogue=cat,
            title=C_TITLE,
            category="plan",
            undertaker="镇城建办",
            body="第一条 ……",
        )
        services.catalogue_transition(actor=leader, obj=cat, verb="adopt")
        services.catalogue_transition(actor=officer, obj=cat, verb="publish")
    d = _through_participation(d, p, "b", officer, resident, comments=1)
    _experts_and_risk(d, p, "b", officer, cadre)


def load_decisions_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    if Catalogue.objects.filter(org_unit=town, year=today.year - 1).exists():
        return []
    _story_a_load(town, p, today.year - 1)
    _story_b_load(town, p, today.year)
    return [
        f"重大行政决策 {A_TITLE}(五项程序含听证,已公布、归档)",
        f"重大行政决策 {B_TITLE}(待合法性审查)",
    ]


def load_app_demo() -> list[str]:
    """The demo's major decisions of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_decisions_demo(ISLAND_TOWN_CODE)
