"""重大行政决策 at county scale (`fazhi scale-data`): for each town and each of the five
years a published catalogue (决策事项目录) of 2–5 matters (about 525 decisions at factor
1.0), each decision played forward on its own plan and cut at today, so its status is
the one the workflow would have reached by now and keeps the services' rules:
- the catalogue is adopted by the town leader and published before any of its matters
  starts; a matter starts its consultation on fazhi.participation (a Consultation row,
  at least 30 days on the official calendar, every comment answered before it goes on);
- two experts who declared no conflict, each with a signed opinion; a risk assessment
  report (risks, measures, response plan, who assessed); the legality review by the
  town's legal adviser through fazhi.reviews (a ReviewRequest, due 7 working days after
  the request, concluded 通过); the collective discussion with the chief speaking last
  and the minutes attached; then decided, published, archived, with an implementation
  report every 180 days;
- the evidence files: archived files cannot lose their evidence, so a town's records
  share one stored file.
A town without a legal adviser keeps its matters before the legality review. The
demo's own catalogues (same town and year) are left alone. StatusChange timelines and
audit events are not written; the records' own dates say when each step happened."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from hashlib import sha256

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from fazhi.core.deadlines import deadline, is_workday, overrides_read_once
from fazhi.core.models import Attachment

from .models import Catalogue, Decision, Discussion, Expert, ImplementationReport, RiskAssessment

S = Decision.Status
_MATTERS = [
    ("policy", "{town}农村人居环境整治提升实施办法", "镇农业农村办"),
    ("plan", "{town}{year}—{end}年国土空间规划实施方案", "镇规划建设办"),
    ("project", "{town}渔港码头改造工程", "镇建设办"),
    ("project", "{town}中心卫生院迁建项目", "镇社会事务办"),
    ("resources", "{town}海岸线和滩涂资源保护利用办法", "镇自然资源所"),
    ("policy", "{town}海岛民宿发展扶持办法", "镇文旅办"),
    ("other", "{town}老旧小区加装电梯补助办法", "镇城建办"),
    ("plan", "{town}垃圾分类收运体系建设方案", "镇城建办"),
]
_BODY = "第一条 为……,制定本方案。\n第二条 适用范围……\n第三条 主要措施……\n第四条 保障措施……"
_ATTENDEES = ["镇长", "副镇长甲", "副镇长乙", "党政办主任"]
_ORDER = ["党政办主任", "副镇长乙", "副镇长甲", "镇长"]
REPORT_DAYS = 180


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _workday_from(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def _png(seed: int) -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes([0, seed % 256]))) + chunk(b"IEND", b""))  # fmt: skip


class _Plan:
    """One decision played forward from its catalogue's publication, cut at today."""

    def __init__(self, ctx, rng, town, cat: Catalogue, n: int):
        yesterday = ctx.today - timedelta(days=1)
        category, title, undertaker = _MATTERS[(n + cat.year) % len(_MATTERS)]
        name = town.unit.short_name or town.unit.name
        self.town, self.cat = town, cat
        self.d = d = Decision(
            org_unit=town.unit, title=title.format(town=name, year=cat.year, end=cat.year + 2),
            category=category, undertaker=undertaker, body=_BODY, created_by=town.officer,
            created_at=_at(cat.created_at.date() if cat.created_at else ctx.today),
        )  # fmt: skip
        d.fill_search()
        self.consult = self.review = self.risk = self.discussion = None
        self.experts: list[Expert] = []
        self.reports: list[ImplementationReport] = []
        if cat.status != Catalogue.Status.PUBLISHED:
            return
        start = _workday_from(cat.published_on + timedelta(days=rng.randint(5, 330)))
        if start > yesterday:
            return
        end = deadline(start, 30, "days") + timedelta(days=rng.choice([0, 0, 3, 7]))
        d.status, d.consult_starts_on, d.consult_ends_on = S.PARTICIPATION, start, end
        d.next_due, d.next_due_label = end, "公开征求意见截止"
        comments = rng.randint(0, 12)
        finish = _workday_from(end + timedelta(days=rng.randint(1, 5)))
        done = finish <= yesterday
        self.consult = dict(start=start, end=end, comments=comments, answered=comments if done else
                            rng.randint(0, comments), adopted=comments // 3 if done else 0)  # fmt: skip
        if not done:
            return
        d.status, d.procedures_done, d.next_due, d.next_due_label = S.EXPERT, 1, None, ""
        expert = _workday_from(finish + timedelta(days=rng.randint(3, 10)))
        if expert > yesterday:
            return
        self.experts = [
            Expert(org_unit=town.unit, name=ctx.person_name(rng), field=f, affiliation=a, no_conflict=True,
                   opinion="方案必要、可行,建议分步实施。", recorded_by=town.officer, created_at=_at(expert))
            for f, a in (("公共管理", "市委党校"), ("工程技术", "省设计研究院"))
        ]  # fmt: skip
        d.status, d.procedures_done = S.RISK, 2
        requested = _workday_from(expert + timedelta(days=rng.randint(5, 15)))
        if requested > yesterday or town.adviser is None:
            return
        self.risk = RiskAssessment(
            org_unit=town.unit, risks="实施中可能引发群众不理解;资金保障风险", measures="加强宣传解释;分年度安排资金",
            response_plan="矛盾纠纷快速调处;资金缺口应急调度", level=rng.choice(["low", "low", "medium"]),
            controllable=True, assessor=town.officer, assessor_org="镇综治中心", assessed_on=requested,
            created_at=_at(requested),
        )  # fmt: skip
        due = deadline(requested, 7, "workdays")
        concluded = deadline(requested, rng.randint(3, 9), "workdays")
        self.review = dict(
            requested=requested, due=due, concluded=concluded if concluded <= yesterday else None
        )
        d.status, d.procedures_done, d.next_due, d.next_due_label = (
            S.LEGALITY_REVIEW,
            3,
            due,
            "合法性审查到期",
        )
        if concluded > yesterday:
            return
        d.next_due, d.next_due_label = None, ""
        discussion = _workday_from(concluded + timedelta(days=rng.randint(1, 5)))
        if discussion > yesterday:
            return
        d.status, d.procedures_done = S.DISCUSSION, 4
        decided = _workday_from(discussion + timedelta(days=rng.randint(3, 10)))
        if decided > yesterday:
            return
        self.discussion = Discussion(
            org_unit=town.unit, meeting_name="镇政府常务会议", meeting_date=decided, attendees=_ATTENDEES,
            speaking_order=_ORDER, chief="镇长", dissent="副镇长乙:建议分期实施" if rng.random() < 0.3 else "",
            recorded_by=town.officer, created_at=_at(decided),
        )  # fmt: skip
        d.status, d.procedures_done, d.procedures_completed_on = S.DECIDED, 5, decided
        d.decided_on, d.decision_text = decided, "同意实施。"
        published = _workday_from(decided + timedelta(days=rng.randint(1, 5)))
        if published > yesterday:
            return
        d.status, d.published_on, d.publish_channel = S.PUBLISHED, published, "镇人民政府网站"
        archived = _workday_from(published + timedelta(days=rng.randint(5, 20)))
        if archived <= yesterday:
            d.status, d.archived_on = S.ARCHIVED, archived
        reported = published
        while (nxt := deadline(reported, REPORT_DAYS, "days")) <= yesterday:
            reported = nxt
            self.reports.append(ImplementationReport(
                org_unit=town.unit, reported_on=reported, content="按计划推进,未发现重大问题。",
                recorded_by=town.officer, created_at=_at(reported)))  # fmt: skip
        d.next_due, d.next_due_label = deadline(reported, REPORT_DAYS, "days"), "决策执行情况报告"


def _catalogues(ctx, rng) -> list[tuple[object, Catalogue]]:
    taken = set(Catalogue.objects.values_list("org_unit_id", "year"))
    out = []
    for town in ctx.towns:
        for year in range(ctx.first_day.year, ctx.today.year + 1):
            if (town.unit.pk, year) in taken:
                continue
            pub = _workday_from(date(year, 1, 20) + timedelta(days=rng.randint(0, 30)))
            cat = Catalogue(org_unit=town.unit, year=year, created_by=town.officer,
                            created_at=_at(pub - timedelta(days=10)))  # fmt: skip
            if pub < ctx.today:
                cat.status, cat.adopted_on, cat.adopted_by = (
                    Catalogue.Status.PUBLISHED,
                    pub,
                    town.leader,
                )
                cat.published_on = pub
            out.append((town, cat))
    return out


def generate(ctx) -> None:
    from fazhi.participation.models import Consultation
    from fazhi.participation.services import split_text
    from fazhi.reviews import checklists
    from fazhi.reviews.models import ReviewRequest

    rng = ctx.rng("decisions")
    with overrides_read_once():
        pairs = _catalogues(ctx, rng)
        cats = ctx.bulk(Catalogue, (c for _t, c in pairs), "决策事项目录")
        plans = [_Plan(ctx, rng, town, cat, n) for (town, _c), cat in zip(pairs, cats, strict=True)
                 for n in range(rng.randint(2, 5))]  # fmt: skip
    for p in plans:
        p.d.catalogue = p.cat
    decisions = ctx.bulk(Decision, (p.d for p in plans), "重大行政决策")
    decision_ct = ContentType.objects.get_for_model(Decision)
    paragraphs = split_text(_BODY)
    consultations, reviews = [], []
    checklist = {i.key: {"ok": True, "note": ""} for i in checklists.items_for("decision")}
    for p, d in zip(plans, decisions, strict=True):
        for part in [*p.experts, p.risk, p.discussion, *p.reports]:
            if part is not None:
                part.decision = d
        if p.consult:
            c = p.consult
            row = Consultation(
                org_unit=d.org_unit, subject_type=decision_ct, subject_id=d.pk, kind="decision",
                title=f"关于《{d.title}》(征求意见稿)公开征求意见", paragraphs=paragraphs,
                starts_on=c["start"], ends_on=c["end"], comment_count=c["comments"],
                answered_count=c["answered"], adopted_count=c["adopted"], created_by_id=d.created_by_id,
                created_at=_at(c["start"], 9),
            )  # fmt: skip
            row.fill_search()
            consultations.append(row)
        if p.review:
            r = p.review
            done = r["concluded"] is not None
            reviews.append(ReviewRequest(
                org_unit=d.org_unit, content_type=decision_ct, object_id=d.pk, kind="decision", title=d.title,
                requested_by_id=d.created_by_id, reviewer=p.town.adviser, requested_at=_at(r["requested"], 11),
                due_date=r["due"], status="concluded" if done else "pending",
                concluded_at=_at(r["concluded"], 15) if done else None,
                opinion="决策事项属于法定权限,程序完备,内容合法。" if done else "",
                conclusion="passed" if done else "", checklist=checklist if done else {},
            ))  # fmt: skip
    ctx.bulk(Consultation, consultations, "征求意见(重大行政决策)")
    ctx.bulk(ReviewRequest, reviews, "合法性审查(重大行政决策)")
    experts = ctx.bulk(Expert, (e for p in plans for e in p.experts), "论证专家")
    risks = ctx.bulk(RiskAssessment, (p.risk for p in plans if p.risk), "风险评估")
    discussions = ctx.bulk(
        Discussion, (p.discussion for p in plans if p.discussion), "集体讨论记录"
    )
    ctx.bulk(ImplementationReport, (r for p in plans for r in p.reports), "决策执行情况报告")
    _evidence(ctx, rng, [*experts, *risks, *discussions])


def _evidence(ctx, rng, records) -> None:
    """One stored file per town, shared by its records' evidence rows."""
    storage = Attachment._meta.get_field("file").storage
    files: dict[int, tuple[str, int, str]] = {}
    rows = []
    for rec in records:
        unit = rec.org_unit_id
        if unit not in files:
            content = _png(rng.randrange(65_536))
            name = f"attachments/{ctx.first_day:%Y/%m}/{rng.getrandbits(128):032x}.png"
            digest = sha256(content).hexdigest()
            if not storage.exists(name):
                name = storage.save(name, ContentFile(content))
            files[unit] = (name, len(content), digest)
        name, size, digest = files[unit]
        rows.append(Attachment(
            org_unit_id=unit, content_type=ContentType.objects.get_for_model(type(rec)), object_id=rec.pk,
            file=name, original_name="签字件.png", file_type="png", size=size, sha256=digest,
            uploaded_by_id=rec.recorded_by_id if hasattr(rec, "recorded_by_id") else rec.assessor_id,
            uploaded_at=rec.created_at,
        ))  # fmt: skip
    ctx.bulk(Attachment, rows, "附件(决策材料)")
