"""规范性文件 at county scale (`fazhi scale-data`): about 40 normative documents per town
per year at factor 1.0 (6,000 over 30 towns and five years), each taken through the steps
the services enforce, with its legality review, its filing with the county, and one
clean-up per town and year.

Each document is planned step by step from the rules, on working days, as the demo does
(fazhi.core.demo_plan): a business-related draft records its fair-competition conclusion
first; the comment period closes no earlier than its rule allows (7 working days, 30 days
for business); the legality review (a `reviews.ReviewRequest`, requested at the close of
comment, due after the review period, concluded 通过/修改后通过) comes before the
deliberation; the number is given at registration only, per town, prefix and year without
gaps, continuing the town's NumberCounter (which is updated to the last serial); the
publication carries its channel, an effective date at least the local gap after it (or an
urgent reason) and a validity within 5 years (2 for 暂行/试行); the filing deadline is
counted from publication. The plan is cut at yesterday: a document stands at the last
step reached, so this year's show every stage and past years are complete. Published
documents take effect and expire as `fazhi tick` would have made them; some were revised,
and the yearly clean-ups repeal or invalidate some (this year's is still open in the
towns where it has not been published yet).

Not generated (too many rows, and nothing reads them for a rule): the StatusChange
timeline rows and audit events of each step, and the automated pre-review (PrecheckRun)
of a draft — the documents carry no body text, so a request made through the service
would have run none either.

A town with no legal adviser or law officer other than its drafter (the demo's 青山镇) has
no one who may conclude a legality review (审核与起草相分离), so it gets no documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from fazhi.core.dates import add_years
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo_plan import after, workday_from, workday_until
from fazhi.core.models import Membership
from fazhi.reviews import checklists
from fazhi.reviews.models import ReviewRequest
from fazhi.reviews.params import REVIEW_WORKDAYS
from fazhi.reviews.services import REVIEWER_ROLES

from . import params
from .models import CleanupBatch, CleanupItem, Document, Filing, NumberCounter
from .services import format_number, number_prefix

DOCUMENTS = 6_000  # 30 towns × 5 years × about 40
S = Document.Status
FS = Filing.Status
FC = Document.FairCompetition
OUTCOME = CleanupItem.Outcome

_SUBJECTS = [
    "农村人居环境整治", "村庄规划建设", "河道保洁", "生活垃圾分类", "渔业安全生产",
    "农村宅基地使用", "村集体资产", "公共文化设施", "殡葬", "防汛防台", "森林防火",
    "农村危房改造", "农村供水", "停车秩序", "文明养犬", "移风易俗", "困难群众临时救助",
    "村级工程项目", "村级小微权力", "老旧小区物业", "居家养老服务", "农村公路养护",
    "海岸带保护", "渔港环境卫生", "非物质文化遗产保护", "征兵工作", "网格化服务",
]  # fmt: skip
_KINDS = ["管理办法", "实施办法", "实施细则", "管理规定", "工作规定"]
_BUSINESS = [
    "促进民宿业健康发展", "扶持农业产业化经营", "支持小微企业发展", "乡村旅游发展奖补",
    "农贸市场摊位", "招商引资项目", "特色农产品品牌培育", "夜间经济发展",
]  # fmt: skip
_BUSINESS_KINDS = ["若干措施", "实施办法", "管理办法", "奖补办法"]
_CHANNELS = ["镇人民政府门户网站", "镇人民政府门户网站、公告栏", "政务新媒体、村务公开栏"]
_MEETINGS = ["镇政府常务会议", "镇人民政府常务会议", "镇长办公会议"]
_ADOPTION = ["全部采纳", "采纳{a}条,未采纳{b}条并说明理由", "采纳{a}条,部分采纳{b}条"]
_OPINION = (
    "经审核,该文件制定主体适格,未设定行政许可、行政处罚、行政强制等事项,"
    "未增加公民、法人和其他组织的义务,内容与上位法不抵触,起草程序符合规定。"
)
_OPINION_CHANGES = "建议对个别条款表述作文字修改后提请集体审议。"
_MATERIALS = "备案报告、文件正式文本及电子文本、制定说明、合法性审核意见书"
_RETURN_NOTE = "请补充起草说明和征求意见采纳情况"
_ORDER_NOTE = "第五条增设的证明材料缺乏依据,请予以纠正"
_URGENT = "为应对防汛防台工作需要,须于公布之日起施行"
_EXCEPTION = "为促进科学技术进步、推动社会公共利益实现所必需,且不会严重排除、限制竞争"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@dataclass
class _Town:
    town: object  # core.scale.Town
    reviewer: object
    prefix: str


@dataclass
class _Plan:
    """One document as planned: its row, its legality review and filing (None until
    reached), and the day it leaves force with the status and reason it gets then."""

    seq: int
    t: _Town
    doc: Document
    review: ReviewRequest | None = None
    filing: Filing | None = None
    end_day: date | None = None  # the day it left force (natural, revised or cleaned up)
    end_status: str = ""
    end_reason: str = ""


def _towns(ctx) -> list[_Town]:
    """The towns that can make documents, with the reviewer of each (their adviser, else a
    legal adviser or law officer of the town or county who is not the drafter)."""
    codes = {ctx.county.code} | {t.unit.code for t in ctx.towns}
    others = (
        Membership.objects.filter(
            is_active=True, user__is_active=True, role__in=list(REVIEWER_ROLES),
            org_unit__code__in=codes,
        )
        .select_related("user", "org_unit")
        .order_by("role", "org_unit__code", "user_id")
    )  # fmt: skip
    candidates = list(others) if any(t.adviser is None for t in ctx.towns) else []
    out = []
    for t in ctx.towns:
        reviewer = t.adviser if t.adviser is not None and t.adviser.pk != t.officer.pk else None
        if reviewer is None:
            reviewer = next(
                (m.user for m in candidates
                 if m.user_id != t.officer.pk and t.unit.code.startswith(m.org_unit.code)),
                None,
            )  # fmt: skip
        if reviewer is not None:
            out.append(_Town(t, reviewer, number_prefix(t.unit)))
    return out


def _title(rng, town, business: bool) -> tuple[str, bool]:
    """A title, and whether it is 暂行/试行 (the shorter validity applies)."""
    if business:
        title = f"{town.unit.name}{rng.choice(_BUSINESS)}{rng.choice(_BUSINESS_KINDS)}"
    else:
        title = f"{town.unit.name}{rng.choice(_SUBJECTS)}{rng.choice(_KINDS)}"
    provisional = rng.random() < 0.1
    if provisional:
        title = title[:-2] + "暂行办法" if title.endswith("办法") else f"{title}(试行)"
    return title, provisional


_CHECKLIST = checklists.items_for("normative")


def _plan(ctx, rng, t: _Town, seq: int, ct) -> _Plan:
    """One document planned from its drafting day, cut at yesterday."""
    unit, officer = t.town.unit, t.town.officer
    last = ctx.today - timedelta(days=1)
    business = rng.random() < 0.25
    title, provisional = _title(rng, t.town, business)
    draft = workday_from(ctx.day(rng))
    if draft > last:
        draft = workday_until(last)
    doc = Document(
        org_unit=unit,
        issuer=(
            Document.Issuer.GOVERNMENT_OFFICE if rng.random() < 0.15 else Document.Issuer.GOVERNMENT
        ),
        title=title,
        body="",
        touches_business=business,
        status=S.FAIR_COMPETITION if business else S.DRAFT,
        created_by=officer,
        created_at=_at(draft, 9, rng.randint(0, 59)),
    )
    p = _Plan(seq, t, doc)
    # Fair competition review: started on the drafting day, concluded a few days later.
    ready = draft
    if business:
        ready = after(draft, rng.randint(2, 6))
        if ready > last:
            return p
        doc.fair_competition = FC.EXCEPTION if rng.random() < 0.1 else FC.COMPLIANT
        if doc.fair_competition == FC.EXCEPTION:
            doc.fair_competition_reason = _EXCEPTION
            doc.fair_competition_until = add_years(ready, 3)
    opened = after(ready, rng.randint(3, 25))
    if opened > last:
        return p
    doc.status, doc.comment_start = S.PUBLIC_COMMENT, opened
    doc.comment_channel = rng.choice(_CHANNELS)
    if business:
        earliest = deadline(opened, int(params.COMMENT_DAYS_BUSINESS.value(unit)), "days")
    else:
        earliest = deadline(opened, int(params.COMMENT_WORKDAYS.value(unit)), "workdays")
    extra = rng.choice([0, 0, 0, 1, 2, 3, 5])
    closed = after(earliest, extra) if extra else earliest
    if closed > last:
        return p
    count = rng.randint(0, 12)
    a = rng.randint(0, count)
    doc.status, doc.comment_end, doc.comment_count = S.LEGALITY_REVIEW, closed, count
    doc.comment_adoption = (
        "未收到意见" if not count else rng.choice(_ADOPTION).format(a=a, b=count - a)
    )
    # The legality review requested on closing the comment period (close_comment).
    review_days = int(REVIEW_WORKDAYS.value(unit))
    due = deadline(closed, review_days, "workdays")
    late = rng.random() < 0.04
    if late:
        concluded = after(due, rng.randint(1, 3))
    else:
        concluded = after(closed, rng.randint(1, review_days))
    p.review = ReviewRequest(
        org_unit=unit, content_type=ct, kind=ReviewRequest.Kind.NORMATIVE, title=title,
        requested_by=officer, reviewer=t.reviewer, status=ReviewRequest.Status.PENDING,
        requested_at=_at(closed, 10, rng.randint(0, 59)), due_date=due,
    )  # fmt: skip
    if concluded > last:
        return p
    changes = rng.random() < 0.4
    p.review.status = ReviewRequest.Status.CONCLUDED
    p.review.concluded_at = _at(concluded, 16, rng.randint(0, 59))
    p.review.opinion = _OPINION + (_OPINION_CHANGES if changes else "")
    p.review.conclusion = (
        ReviewRequest.Conclusion.PASSED_WITH_CHANGES if changes else ReviewRequest.Conclusion.PASSED
    )
    p.review.checklist = {i.key: {"ok": True, "note": ""} for i in _CHECKLIST}
    submitted = after(concluded, rng.randint(1, 5))
    if submitted > last:
        return p
    doc.status = S.DELIBERATION
    meeting = after(submitted, rng.randint(2, 12))
    if meeting > last:
        return p
    doc.deliberation_meeting, doc.deliberation_date = rng.choice(_MEETINGS), meeting
    doc.deliberation_decision = (
        Document.Deliberation.PASSED_WITH_CHANGES if rng.random() < 0.2 else Document.Deliberation.PASSED
    )  # fmt: skip
    registered = after(meeting, rng.randint(1, 4))
    if registered > last:
        return p
    # The serial is given later, per town, prefix and year in order of registration.
    doc.status, doc.registered_on = S.REGISTERED, registered
    doc.number_prefix, doc.year = t.prefix, registered.year
    published = after(registered, rng.randint(1, 5))
    if published > last:
        return p
    _publish(ctx, rng, p, published, provisional)
    return p


def _publish(ctx, rng, p: _Plan, published: date, provisional: bool) -> None:
    doc, unit = p.doc, p.t.town.unit
    doc.status, doc.published_on = S.PUBLISHED, published
    doc.publish_channel = rng.choice(_CHANNELS)
    if rng.random() < 0.05:
        doc.effective_from, doc.urgent_reason = published, _URGENT
    else:
        gap = int(params.EFFECTIVE_GAP_DAYS.value(unit))
        doc.effective_from = published + timedelta(days=gap + rng.choice([0, 0, 0, 1, 2, 5, 10]))
    validity = params.PROVISIONAL_VALIDITY_YEARS if provisional else params.VALIDITY_YEARS
    limit = int(validity.value(unit))
    years = limit if rng.random() < 0.75 else rng.randint(1, limit)
    doc.valid_until = add_years(doc.effective_from, years) - timedelta(days=1)
    doc.filing_due = deadline(published, int(params.FILING_DAYS.value(unit)), "days")
    if doc.effective_from <= ctx.today:
        doc.status = S.IN_FORCE  # at once, or by `fazhi tick` on the effective day
    if doc.valid_until < ctx.today:  # expired by `fazhi tick` the day after
        p.end_day = doc.valid_until + timedelta(days=1)
        p.end_status, p.end_reason = S.EXPIRED, "有效期届满"
    _filing(ctx, rng, p)
    # Some are replaced by a new document (已修改) after at least half a year in force.
    start = doc.effective_from + timedelta(days=180)
    stop = min(p.end_day or ctx.today, ctx.today) - timedelta(days=1)
    if rng.random() < 0.04 and start < stop:
        day = workday_until(start + timedelta(days=rng.randrange((stop - start).days)))
        if day >= start:
            p.end_day, p.end_status, p.end_reason = day, S.REVISED, "已修改"


def _filing(ctx, rng, p: _Plan) -> None:
    """报送备案 within the period from publication (a few late), and the county's review:
    most accepted at once, some returned for completion (补正) or ordered to correct."""
    doc, town = p.doc, p.t.town
    last = ctx.today - timedelta(days=1)
    due = doc.filing_due
    if rng.random() < 0.06:
        filed = after(due, rng.randint(1, 6))
    else:
        # A working day within the period (its last day is a working day: 民法典 第203条).
        day = doc.published_on + timedelta(days=rng.randint(1, (due - doc.published_on).days))
        filed = min(workday_from(day), due)
    if filed > last:
        return  # not filed yet: on the officer's workbench
    f = Filing(
        org_unit=town.unit, county_id=town.unit.parent_id, status=FS.SUBMITTED,
        submitted_on=filed, due_date=due, on_time=filed <= due, materials=_MATERIALS,
        submitted_by=town.officer, created_at=_at(filed, 10, rng.randint(0, 59)),
    )  # fmt: skip
    p.filing = f
    review_days = int(params.FILING_REVIEW_DAYS.value(town.unit))
    path = rng.random()
    day = filed
    if path < 0.08:  # returned for completion, completed and refiled
        returned = after(filed, rng.randint(2, 8))
        if returned > last:
            return
        f.status, f.returned_count = FS.RETURNED, 1
        f.decided_on, f.county_opinion = returned, _RETURN_NOTE
        day = after(returned, rng.randint(2, 8))
        if day > last:
            return
        f.status = FS.SUBMITTED
    elif path < 0.1:  # ordered to correct, corrected and refiled
        ordered = after(filed, rng.randint(5, 12))
        if ordered > last:
            return
        f.status, f.order_kind = FS.CORRECTION_ORDERED, Filing.OrderKind.CORRECT
        f.correction_ordered = True
        f.decided_on, f.county_opinion = ordered, _ORDER_NOTE
        f.correction_due = deadline(ordered, int(params.CORRECTION_DAYS.value(town.unit)), "days")
        day = after(ordered, rng.randint(5, 15))
        if day > last:
            return
        f.status = FS.SUBMITTED
    accepted = workday_from(day + timedelta(days=rng.randint(2, max(2, review_days))))
    if accepted > last:
        return
    f.status, f.decided_on, f.county_opinion = FS.ACCEPTED, accepted, "准予备案"


def _cleanups(ctx, rng, t: _Town, plans: list[_Plan]) -> list[tuple[CleanupBatch, list]]:
    """One clean-up a year, late in the year: every document in force when it starts gets
    an item; once published, its 废止 and 宣布失效 end the documents that day."""
    last = ctx.today - timedelta(days=1)
    out = []
    for year in range(ctx.first_day.year, ctx.today.year + 1):
        started = workday_from(date(year, 11, 1) + timedelta(days=rng.randint(0, 30)))
        if started > last:
            continue
        published = after(started, rng.randint(10, 25))
        done = published <= last
        batch = CleanupBatch(
            org_unit=t.town.unit, title=f"{t.town.unit.name}{year}年度行政规范性文件清理",
            reason=rng.choice(["年度清理", "根据县政府统一部署开展清理", "上位法修改后开展专项清理"]),
            status=CleanupBatch.Status.PUBLISHED if done else CleanupBatch.Status.DRAFT,
            published_on=published if done else None, created_by=t.town.officer,
            created_at=_at(started, 9, 30),
        )  # fmt: skip
        items = []
        for p in plans:
            d = p.doc
            if not d.published_on or d.published_on >= started:
                continue
            if p.end_day is not None and p.end_day <= started:
                continue  # no longer in force when the clean-up began
            outcome, note = _outcome(rng, done)
            # Only a document in force (and filed) from the start to the publication of
            # the clean-up is repealed or invalidated by it.
            in_force_until_publish = (
                d.effective_from <= started
                and (p.end_day is None or p.end_day > published)
                and p.filing is not None
                and p.filing.submitted_on < started
            )
            if outcome in (OUTCOME.REPEAL, OUTCOME.INVALIDATE):
                if not in_force_until_publish:
                    outcome, note = OUTCOME.CONTINUE, ""
                else:
                    p.end_day = published
                    p.end_status, p.end_reason = (
                        (S.REPEALED, "废止") if outcome == OUTCOME.REPEAL else (S.EXPIRED, "宣布失效")
                    )  # fmt: skip
            items.append((p, CleanupItem(outcome=outcome, note=note)))
        out.append((batch, items))
    return out


def _outcome(rng, done: bool) -> tuple[str, str]:
    if not done and rng.random() < 0.5:
        return OUTCOME.PENDING, ""
    r = rng.random()
    if r < 0.05:
        return OUTCOME.REPEAL, "已不适应当前工作需要"
    if r < 0.08:
        return OUTCOME.INVALIDATE, "调整对象已消失"
    if r < 0.13:
        return OUTCOME.AMEND, "部分条款与新修订的上位法不一致,拟修改"
    return OUTCOME.CONTINUE, ""


def _number(ctx, plans: list[_Plan]) -> None:
    """Serials per town, prefix and year in order of registration, continuing each town's
    counter; the counters are then set to the last serial given."""
    groups: dict[tuple[int, str, int], list[_Plan]] = {}
    for p in plans:
        if p.doc.registered_on:
            key = (p.doc.org_unit_id, p.doc.number_prefix, p.doc.year)
            groups.setdefault(key, []).append(p)
    units = sorted({k[0] for k in groups})
    counters = {
        (c.org_unit_id, c.prefix, c.year): c
        for c in NumberCounter.objects.filter(org_unit_id__in=units).order_by("id")
    }
    new, changed = [], []
    for key in sorted(groups):
        counter = counters.get(key)
        if counter is None:
            counter = NumberCounter(org_unit_id=key[0], prefix=key[1], year=key[2], last=0)
            new.append(counter)
        else:
            changed.append(counter)
        for p in sorted(groups[key], key=lambda p: (p.doc.registered_on, p.seq)):
            counter.last += 1
            p.doc.serial = counter.last
            p.doc.number = format_number(key[1], key[2], counter.last)
    ctx.bulk(NumberCounter, new, "文号计数")
    if changed:
        NumberCounter.objects.bulk_update(changed, ["last"])


def generate(ctx) -> None:
    rng = ctx.rng("documents")
    towns = _towns(ctx)
    if not towns:
        return
    ct = ContentType.objects.get_for_model(Document)
    plans: list[_Plan] = []
    batches: list[tuple[CleanupBatch, list]] = []
    with overrides_read_once():
        for seq in range(ctx.n(DOCUMENTS)):
            plans.append(_plan(ctx, rng, towns[seq % len(towns)], seq, ct))
        for i, t in enumerate(towns):
            mine = [p for p in plans if p.seq % len(towns) == i]
            mine.sort(key=lambda p: (p.doc.published_on or date.max, p.seq))
            batches += _cleanups(ctx, rng, t, mine)
    for p in plans:
        if p.end_day is not None and p.end_day <= ctx.today:
            p.doc.status, p.doc.ended_on, p.doc.end_reason = p.end_status, p.end_day, p.end_reason
    _number(ctx, plans)
    saved = ctx.bulk(Document, (p.doc for p in plans), "行政规范性文件")
    for p, doc in zip(plans, saved, strict=True):
        p.doc = doc
        if p.review is not None:
            p.review.object_id = doc.pk
        if p.filing is not None:
            p.filing.document = doc
    reviews = (p.review for p in plans if p.review is not None)
    ctx.bulk(ReviewRequest, reviews, "合法性审核(规范性文件)")
    ctx.bulk(Filing, (p.filing for p in plans if p.filing is not None), "备案")
    saved_batches = ctx.bulk(CleanupBatch, (b for b, _ in batches), "清理")
    rows = []
    for batch, (_, items) in zip(saved_batches, batches, strict=True):
        for p, item in items:
            item.batch, item.document = batch, p.doc
            rows.append(item)
    ctx.bulk(CleanupItem, rows, "清理结论")
