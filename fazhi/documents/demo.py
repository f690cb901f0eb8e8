"""Demo 规范性文件 of 海屿镇, made through the services by the demo accounts (officer
drafts and moves, adviser reviews, leader records deliberations, supervisor reviews
filings), with dates relative to today:

- two documents reviewed and published this year (the seed's "审核行政规范性文件2件"):
  one filed, returned for completion, completed and accepted; one (touching business,
  with its fair-competition review and 30-day comment) filed and awaiting the county;
- an older document in force whose validity ends in about four months (the workbench
  reminds the officer to evaluate it), filed and accepted years ago;
- an older 暂行 document whose two-year validity has ended (expired by `tick`);
- one draft in public comment and one fresh draft.

The legality reviews and timelines of past steps are dated when they happened: the
services stamp "now", so the demo moves those timestamps back afterwards."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit, StatusChange, User

from . import services
from .models import Document

T = services.document_transition


def _moment(day: date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _stamp(obj, day: date) -> None:
    """Date the record's latest timeline row `day` (the step happened then)."""
    ct = ContentType.objects.get_for_model(type(obj))
    last = StatusChange.objects.filter(content_type=ct, object_id=obj.pk).order_by("-id").first()
    if last is not None:
        StatusChange.objects.filter(pk=last.pk).update(at=_moment(day))


class _Demo:
    def __init__(self, today: date):
        users = {u.username: u for u in User.objects.filter(
            username__in=["officer", "adviser", "leader", "supervisor"])}  # fmt: skip
        self.officer, self.adviser = users["officer"], users["adviser"]
        self.leader, self.supervisor = users["leader"], users["supervisor"]
        self.today = today

    def step(self, doc, verb, day, actor=None, **fields):
        doc = T(actor=actor or self.officer, obj=doc, verb=verb, on=day, **fields)
        _stamp(doc, day)
        return doc

    def draft(self, title, body, day, *, business=False):
        doc = services.document_create(
            actor=self.officer, title=title, body=body, touches_business=business
        )
        Document.objects.filter(pk=doc.pk).update(created_at=_moment(day))
        _stamp(doc, day)
        if business:
            doc = self.step(doc, "fair_competition_start", day)
            doc = self.step(doc, "fair_competition_record", day + timedelta(days=2),
                            conclusion="compliant", note="经逐项对照审查标准,未发现排除、限制竞争的内容")  # fmt: skip
        return doc

    def comment(self, doc, start):
        return self.step(doc, "open_comment", start, comment_start=start,
                         comment_channel="海屿镇人民政府门户网站、公告栏")  # fmt: skip

    def review(self, doc, close, count, adoption, concluded):
        from fazhi.reviews.checklists import items_for
        from fazhi.reviews.models import ReviewRequest
        from fazhi.reviews.selectors import active_review
        from fazhi.reviews.services import review_conclude

        doc = self.step(doc, "close_comment", close, comment_end=close, comment_count=count,
                        comment_adoption=adoption, reviewer=self.adviser)  # fmt: skip
        review = active_review(doc)
        review_conclude(
            actor=self.adviser,
            review=review,
            opinion="经审核,该文件制定主体适格,未设定行政许可、行政处罚、行政强制等事项,"
            "未增加公民、法人和其他组织的义务,内容与上位法不抵触,起草程序符合规定。"
            "建议对第五条表述作文字修改后提请集体审议。",
            conclusion="passed_with_changes",
            checklist={i.key: {"ok": True, "note": ""} for i in items_for("normative")},
        )
        # The review happened on those days, not today (demo data only).
        ReviewRequest.objects.filter(pk=review.pk).update(
            requested_at=_moment(close),
            due_date=deadline(close, 5, "workdays"),
            concluded_at=_moment(concluded),
        )
        return doc

    def adopt(self, doc, meeting_day, number_day, published, effective, valid_until):
        doc = self.step(doc, "submit_deliberation", meeting_day - timedelta(days=3))
        doc = self.step(doc, "record_deliberation", meeting_day, actor=self.leader,
                        meeting="镇政府常务会议", meeting_date=meeting_day, decision="passed")  # fmt: skip
        doc = self.step(doc, "register", number_day)
        return self.step(doc, "publish", published, published_on=published,
                         publish_channel="海屿镇人民政府门户网站", effective_from=effective,
                         valid_until=valid_until)  # fmt: skip

    def file(self, doc, day):
        filing = services.filing_submit(
            actor=self.officer, document=doc, on=day,
            materials="备案报告、文件正式文本及电子文本、制定说明、合法性审核意见书",
        )  # fmt: skip
        _stamp(filing, day)
        return filing

    def county(self, filing, verb, day, actor=None, **fields):
        filing = services.filing_transition(
            actor=actor or self.supervisor, obj=filing, verb=verb, on=day, **fields
        )
        _stamp(filing, day)
        return filing


BODY = {
    "fishing": "第一条 为加强本镇渔港环境卫生管理,根据有关法律法规,结合本镇实际,制定本办法。\n"
    "第二条 本办法适用于本镇辖区内渔港及其附属设施的环境卫生管理。\n"
    "第三条 镇人民政府负责组织实施本办法,各村(社区)协助做好相关工作。",
    "homestay": "第一条 为引导本镇民宿规范经营,制定本办法。\n"
    "第二条 镇人民政府会同有关部门做好民宿消防、卫生安全的宣传指导。",
    "berth": "第一条 为保障渔船停泊秩序和防台安全,制定本规定。\n"
    "第二条 镇人民政府在台风季节前组织渔船避风锚地的安排和检查。\n"
    "第三条 各村(社区)应当做好渔船避风的宣传和组织工作。",
    "support": "第一条 为促进本镇民宿业健康发展,制定本措施。\n"
    "第二条 对符合条件的各类民宿经营者一视同仁给予培训和宣传推介支持。\n"
    "第三条 本措施自施行之日起试行二年。",
    "homestead": "第一条 为规范农村宅基地使用管理,制定本办法。\n"
    "第二条 宅基地申请、审查按照法律法规和县人民政府的规定办理。",
    "culture": "第一条 为加强公共文化设施管理,制定本办法。",
}


def load_app_demo(today: date | None = None) -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    town = OrgUnit.objects.filter(code=ISLAND_TOWN_CODE).first()
    if town is None or Document.objects.filter(org_unit=town).exists():
        return []
    today = today or timezone.localdate()
    with transaction.atomic():
        d = _Demo(today)
        # An older document in force, ending in about four months.
        valid1 = today + timedelta(days=120)
        eff1 = services.add_years(valid1, -5) + timedelta(days=1)
        pub1 = eff1 - timedelta(days=30)
        doc = d.draft("海屿镇渔港环境卫生管理办法", BODY["fishing"], pub1 - timedelta(days=90))
        doc = d.comment(doc, pub1 - timedelta(days=80))
        doc = d.review(doc, pub1 - timedelta(days=60), 6, "采纳4条,未采纳2条并说明理由",
                       pub1 - timedelta(days=55))  # fmt: skip
        doc = d.adopt(doc, pub1 - timedelta(days=20), pub1 - timedelta(days=15), pub1, eff1, valid1)
        f = d.file(doc, pub1 + timedelta(days=8))
        d.county(f, "accept", pub1 + timedelta(days=20), note="准予备案")

        # An older 暂行 document whose two-year validity has ended.
        pub2 = services.add_years(today, -3)
        eff2 = pub2 + timedelta(days=30)
        doc = d.draft("海屿镇民宿管理暂行办法", BODY["homestay"], pub2 - timedelta(days=80))
        doc = d.comment(doc, pub2 - timedelta(days=70))
        doc = d.review(doc, pub2 - timedelta(days=55), 3, "全部采纳", pub2 - timedelta(days=50))
        doc = d.adopt(doc, pub2 - timedelta(days=20), pub2 - timedelta(days=15), pub2, eff2,
                      services.add_years(eff2, 2) - timedelta(days=1))  # fmt: skip
        f = d.file(doc, pub2 + timedelta(days=5))
        d.county(f, "accept", pub2 + timedelta(days=18), note="准予备案")

        # This year: reviewed, published, filed, returned for completion, accepted.
        pub3 = today - timedelta(days=75)
        doc = d.draft("海屿镇渔船避风停泊管理规定", BODY["berth"], today - timedelta(days=120))
        doc = d.comment(doc, today - timedelta(days=110))
        doc = d.review(doc, today - timedelta(days=95), 5, "采纳3条,未采纳2条并说明理由",
                       today - timedelta(days=90))  # fmt: skip
        doc = d.adopt(doc, today - timedelta(days=82), today - timedelta(days=78), pub3,
                      pub3 + timedelta(days=30), services.add_years(pub3 + timedelta(days=30), 5)
                      - timedelta(days=1))  # fmt: skip
        f = d.file(doc, pub3 + timedelta(days=6))
        f = d.county(
            f, "return", pub3 + timedelta(days=12), note="请补充起草说明和征求意见采纳情况"
        )
        f = d.county(f, "resubmit", pub3 + timedelta(days=15), actor=d.officer,
                     note="已补充起草说明和意见采纳情况")  # fmt: skip
        d.county(f, "accept", pub3 + timedelta(days=22), note="准予备案")

        # This year: touches business (fair-competition review, 30-day comment); filed,
        # awaiting the county's review.
        pub4 = today - timedelta(days=12)
        eff4 = pub4 + timedelta(days=30)
        doc = d.draft("海屿镇促进民宿业健康发展若干措施(试行)", BODY["support"],
                      today - timedelta(days=90), business=True)  # fmt: skip
        doc = d.comment(doc, today - timedelta(days=80))
        doc = d.review(doc, today - timedelta(days=45), 11, "采纳7条,部分采纳2条,未采纳2条",
                       today - timedelta(days=40))  # fmt: skip
        doc = d.adopt(doc, today - timedelta(days=25), today - timedelta(days=20), pub4, eff4,
                      services.add_years(eff4, 2) - timedelta(days=1))  # fmt: skip
        d.file(doc, today - timedelta(days=5))

        # In public comment, and a fresh draft.
        doc = d.draft("海屿镇农村宅基地使用管理办法", BODY["homestead"], today - timedelta(days=10))
        d.comment(doc, today - timedelta(days=3))
        d.draft("海屿镇公共文化设施管理办法", BODY["culture"], today - timedelta(days=1))

        done = services.run_due(today)
    return ["规范性文件 6件(海屿镇)", *done]
