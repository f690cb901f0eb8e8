"""Demo 规范性文件 of 海屿镇, made through the services by the demo accounts (officer
drafts and moves, adviser reviews, leader records deliberations, supervisor reviews
filings). Every date is planned from the rules (fazhi.core.demo_plan), never offset
from today, so the demo loads on any day:

- last year, two documents reviewed, published and filed (the seed's
  "审核行政规范性文件2件"): one returned for completion, completed and accepted; one
  accepted at once — so last year's figures are complete from 1 January on;
- an older document in force whose validity ends in about four months (the workbench
  reminds the officer to evaluate it), filed and accepted years ago;
- an older 暂行 document whose two-year validity has ended (expired by `tick`);
- a recent document touching business (fair-competition review, 30-day comment), filed
  and awaiting the county;
- one draft in public comment and one fresh draft.

Each step runs inside `clock.pinned(its day)`, so the timeline, the review request and
its conclusion carry the day they happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace

from django.db import transaction

from fazhi.core import clock
from fazhi.core.dates import add_years
from fazhi.core.deadlines import deadline
from fazhi.core.demo_plan import (
    after,
    fit_before,
    require,
    step_problems,
    workday_from,
    workday_until,
)
from fazhi.core.models import OrgUnit, User

from . import params, services
from .models import Document

T = services.document_transition


@dataclass
class Story:
    """One demo document: the day of each step it reaches (None: not reached)."""

    key: str
    title: str
    business: bool = False
    draft: date | None = None
    fair_record: date | None = None
    comment_open: date | None = None
    comment_close: date | None = None
    concluded: date | None = None
    submitted: date | None = None
    meeting: date | None = None
    registered: date | None = None
    published: date | None = None
    effective: date | None = None
    valid_until: date | None = None
    filed: date | None = None
    county: list[tuple[str, date]] = field(default_factory=list)

    @property
    def provisional(self) -> bool:
        return "暂行" in self.title or "试行" in self.title

    def steps(self) -> list[tuple[str, date | None]]:
        return [
            ("起草", self.draft), ("公平竞争审查", self.fair_record),
            ("公开征求意见", self.comment_open), ("征求意见结束", self.comment_close),
            ("合法性审核", self.concluded), ("提请审议", self.submitted),
            ("集体审议", self.meeting), ("统一登记", self.registered),
            ("公布", self.published), ("报送备案", self.filed), *self.county,
        ]  # fmt: skip

    def stub(self) -> SimpleNamespace:
        """What the services' guards read of a document, without a database."""
        return SimpleNamespace(
            title=self.title, touches_business=self.business, org_unit=None,
            comment_start=self.comment_open, is_provisional=self.provisional,
        )  # fmt: skip


def _story(key, title, start, *, business=False, until="filed", county=()) -> Story:
    """A document's steps from drafting on `start`, each scheduled from the one before."""
    s = Story(key, title, business, draft=workday_from(start))
    ready = s.draft
    if business:
        s.fair_record = ready = after(s.draft, 2)
    if until == "draft":
        return s
    s.comment_open = after(ready, 1)
    if until == "comment":
        return s
    # The comment period closes on the first day its own rule allows.
    s.comment_close = services.comment_minimum(s.stub(), s.comment_open)[0]
    s.concluded = after(s.comment_close, 3)
    s.submitted = after(s.concluded, 2)
    s.meeting = after(s.submitted, 3)
    s.registered = after(s.meeting, 2)
    s.published = after(s.registered, 2)
    s.effective = s.published + timedelta(days=30)
    years = params.PROVISIONAL_VALIDITY_YEARS if s.provisional else params.VALIDITY_YEARS
    s.valid_until = add_years(s.effective, int(years.default)) - timedelta(days=1)
    s.filed = after(s.published, 3)
    day = s.filed
    for verb, gap in county:
        day = after(day, gap)
        s.county.append((verb, day))
    return s


def plan(today: date) -> dict[str, Story]:
    """The demo's documents as they stand on `today` (pure: no database)."""
    y1 = today.year - 1
    # Older, in force, its five-year validity ending about four months from today.
    effective = add_years(today + timedelta(days=120), -5) + timedelta(days=1)
    fishing = fit_before(
        lambda start: _story("fishing", "海屿镇渔港环境卫生管理办法", start, county=[("accept", 8)]),
        effective - timedelta(days=100), lambda s: s.county[-1][1], effective - timedelta(days=1),
    )  # fmt: skip
    fishing.effective = effective
    fishing.valid_until = add_years(effective, 5) - timedelta(days=1)
    # Older 暂行: published three years ago, its two-year validity ended last year.
    published = add_years(today, -3)
    homestay = fit_before(
        lambda start: _story("homestay", "海屿镇民宿管理暂行办法", start, county=[("accept", 8)]),
        published - timedelta(days=60), lambda s: s.published, published,
    )  # fmt: skip
    stories = [
        fishing,
        homestay,
        # Last year's two, complete from 1 January on.
        _story("berth", "海屿镇渔船避风停泊管理规定", date(y1, 3, 2),
               county=[("return", 6), ("resubmit", 3), ("accept", 5)]),
        _story("coast", "海屿镇海岸带保护管理办法", date(y1, 8, 3), county=[("accept", 8)]),
        # Recent: touches business, filed a few days ago, awaiting the county.
        fit_before(
            lambda start: _story("support", "海屿镇促进民宿业健康发展若干措施(试行)", start,
                                 business=True),
            today - timedelta(days=110), lambda s: s.filed, today - timedelta(days=4),
        ),
        # In public comment, and a fresh draft.
        fit_before(
            lambda start: _story("homestead", "海屿镇农村宅基地使用管理办法", start,
                                 until="comment"),
            today - timedelta(days=8), lambda s: s.comment_open, today - timedelta(days=1),
        ),
        _story("culture", "海屿镇公共文化设施管理办法", workday_until(today - timedelta(days=1)),
               until="draft"),
    ]  # fmt: skip
    return {s.key: s for s in stories}


def plan_problems(today: date) -> list[str]:
    """Everything in the plan of `today` that a service guard would refuse, or that would
    leave the demo's stories untold. Empty when the demo will load."""
    stories = plan(today)
    problems = []
    for s in stories.values():
        problems += [f"{s.title}:{p}" for p in step_problems(s.steps(), today)]
        stub = s.stub()
        if s.comment_close:
            problems.append(services._comment_period(stub, None, comment_end=s.comment_close))
        if s.published:
            problems.append(
                services._validity(stub, None, published_on=s.published,
                                   effective_from=s.effective, valid_until=s.valid_until)
            )  # fmt: skip
            due = deadline(s.published, int(params.FILING_DAYS.default), "days")
            if s.filed and s.filed > due:
                problems.append(f"{s.title}:报送备案 {s.filed} 晚于备案期限 {due}")
    y1 = today.year - 1
    last_year = [s for s in stories.values() if s.concluded and s.concluded.year == y1]
    if len([s for s in last_year if s.published and s.published.year == y1]) < 2:
        problems.append("上一年度审核并公布的规范性文件不足2件")
    if not today < stories["fishing"].valid_until <= today + timedelta(days=183):
        problems.append("在施行文件的有效期不在6个月提醒期内")
    if not stories["homestay"].valid_until < today:
        problems.append("暂行办法的有效期尚未届满")
    return [p for p in problems if p]


BODY = {
    "fishing": "第一条 为加强本镇渔港环境卫生管理,根据有关法律法规,结合本镇实际,制定本办法。\n"
    "第二条 本办法适用于本镇辖区内渔港及其附属设施的环境卫生管理。\n"
    "第三条 镇人民政府负责组织实施本办法,各村(社区)协助做好相关工作。",
    "homestay": "第一条 为引导本镇民宿规范经营,制定本办法。\n"
    "第二条 镇人民政府会同有关部门做好民宿消防、卫生安全的宣传指导。",
    "berth": "第一条 为保障渔船停泊秩序和防台安全,制定本规定。\n"
    "第二条 镇人民政府在台风季节前组织渔船避风锚地的安排和检查。\n"
    "第三条 各村(社区)应当做好渔船避风的宣传和组织工作。",
    "coast": "第一条 为保护本镇海岸带生态环境,根据有关法律法规,制定本办法。\n"
    "第二条 镇人民政府组织开展海岸带巡查,发现违法占用岸线的,及时报告有关部门依法处理。",
    "support": "第一条 为促进本镇民宿业健康发展,制定本措施。\n"
    "第二条 对符合条件的各类民宿经营者一视同仁给予培训和宣传推介支持。\n"
    "第三条 本措施自施行之日起试行二年。",
    "homestead": "第一条 为规范农村宅基地使用管理,制定本办法。\n"
    "第二条 宅基地申请、审查按照法律法规和县人民政府的规定办理。\n"
    "第三条 村民申请宅基地,应当向村民委员会提出书面申请,经村民会议讨论通过后,"
    "报镇人民政府审批。\n"
    "第四条 农房建设应当符合村庄规划,按批准的面积和位置建设。\n"
    "第五条 本办法自公布之日起施行。",
    "culture": "第一条 为加强公共文化设施管理,制定本办法。",
}
# Comments received and how they were used, per document.
COMMENTS = {
    "fishing": (6, "采纳4条,未采纳2条并说明理由"),
    "homestay": (3, "全部采纳"),
    "berth": (5, "采纳3条,未采纳2条并说明理由"),
    "coast": (4, "采纳3条,部分采纳1条"),
    "support": (11, "采纳7条,部分采纳2条,未采纳2条"),
}
COUNTY_NOTES = {
    "accept": "准予备案",
    "return": "请补充起草说明和征求意见采纳情况",
    "resubmit": "已补充起草说明和意见采纳情况",
}
OPINION = (
    "经审核,该文件制定主体适格,未设定行政许可、行政处罚、行政强制等事项,"
    "未增加公民、法人和其他组织的义务,内容与上位法不抵触,起草程序符合规定。"
    "建议对第五条表述作文字修改后提请集体审议。"
)


class _Replay:
    """Replays a story through the services, each step on its planned day."""

    def __init__(self):
        users = {u.username: u for u in User.objects.filter(
            username__in=["officer", "adviser", "leader", "supervisor"])}  # fmt: skip
        self.officer, self.adviser = users["officer"], users["adviser"]
        self.leader, self.supervisor = users["leader"], users["supervisor"]

    def step(self, doc, verb, day, actor=None, **fields):
        with clock.pinned(day):
            return T(actor=actor or self.officer, obj=doc, verb=verb, on=day, **fields)

    def story(self, s: Story) -> None:
        with clock.pinned(s.draft):
            doc = services.document_create(
                actor=self.officer, title=s.title, body=BODY[s.key], touches_business=s.business
            )
            if s.business:
                doc = self.step(doc, "fair_competition_start", s.draft)
        if s.fair_record:
            doc = self.step(doc, "fair_competition_record", s.fair_record, conclusion="compliant",
                            note="经逐项对照审查标准,未发现排除、限制竞争的内容")  # fmt: skip
        if s.comment_open:
            doc = self.step(doc, "open_comment", s.comment_open, comment_start=s.comment_open,
                            comment_channel="海屿镇人民政府门户网站、公告栏")  # fmt: skip
            if s.comment_close is None:
                self.public_comments(doc, s.comment_open)
        if s.comment_close:
            count, adoption = COMMENTS[s.key]
            doc = self.step(doc, "close_comment", s.comment_close, comment_end=s.comment_close,
                            comment_count=count, comment_adoption=adoption,
                            reviewer=self.adviser)  # fmt: skip
        if s.concluded:
            self.review(doc, s.concluded)
        if s.meeting:
            doc = self.step(doc, "submit_deliberation", s.submitted)
            doc = self.step(doc, "record_deliberation", s.meeting, actor=self.leader,
                            meeting="镇政府常务会议", meeting_date=s.meeting, decision="passed")  # fmt: skip
            doc = self.step(doc, "register", s.registered)
            doc = self.step(doc, "publish", s.published, published_on=s.published,
                            publish_channel="海屿镇人民政府门户网站", effective_from=s.effective,
                            valid_until=s.valid_until)  # fmt: skip
        if s.filed:
            with clock.pinned(s.filed):
                filing = services.filing_submit(
                    actor=self.officer, document=doc, on=s.filed,
                    materials="备案报告、文件正式文本及电子文本、制定说明、合法性审核意见书",
                )  # fmt: skip
            for verb, day in s.county:
                actor = self.officer if verb == "resubmit" else self.supervisor
                with clock.pinned(day):
                    filing = services.filing_transition(
                        actor=actor, obj=filing, verb=verb, on=day, note=COUNTY_NOTES[verb]
                    )

    def public_comments(self, doc, opened: date) -> None:
        """The draft in public comment gets its comments on the public platform, all
        answered by yesterday (fazhi.participation's demo writes them)."""
        from fazhi.participation.demo import comment_on_document
        from fazhi.participation.selectors import consultation_for

        comment_on_document(consultation_for(doc), on=opened,
                            answered_on=max(opened, workday_until(clock.today() - timedelta(days=1))))  # fmt: skip

    def review(self, doc, day) -> None:
        from fazhi.reviews.checklists import items_for
        from fazhi.reviews.selectors import active_review
        from fazhi.reviews.services import review_conclude

        with clock.pinned(day):
            review_conclude(
                actor=self.adviser, review=active_review(doc), opinion=OPINION,
                conclusion="passed_with_changes",
                checklist={i.key: {"ok": True, "note": ""} for i in items_for("normative")},
            )  # fmt: skip


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE

    town = OrgUnit.objects.filter(code=ISLAND_TOWN_CODE).first()
    if town is None or Document.objects.filter(org_unit=town).exists():
        return []
    today = clock.today()
    require(plan_problems(today))
    stories = plan(today)
    with transaction.atomic():
        replay = _Replay()
        for story in stories.values():
            replay.story(story)
        done = services.run_due(today)
    return [f"规范性文件 {len(stories)}件(海屿镇)", *done]
