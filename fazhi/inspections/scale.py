"""督查整改 at county scale (`fazhi scale-data`): at factor 1.0 about 2,700 inspections
over five years (per town and year some 6 county special inspections and a monthly
self-inspection), each with 0–5 findings (about 6,500), with the rectification evidence
the submitted ones carry.

Each inspection is played forward on its own plan (started on a working day, findings
recorded in its first days, the notice issued, each finding rectified, reviewed and
closed, the inspection completed) and cut at today, so every status is the one the
workflow would have reached by now and keeps the services' rules:
- the inspecting side opens, records, issues and closes: the county's supervisor for a
  county (or other, county-led) inspection, the town's law officer for its self-inspection
  (who then never owns a finding of it: nobody closes their own);
- an owner is staff of the inspected town (law officer, leader, cadre of its offices,
  village cadre of its villages), read once with one query;
- a finding's deadline is the RECTIFY_DAYS period (read once per town) from the day it
  was recorded, on the official calendar (core.deadlines, overrides read once);
- submitted, returned and closed findings were submitted after the notice, with their
  rectification and at least one piece of evidence (an Attachment); closed ones name their
  closer and the day; a completed inspection has every finding closed, or none and the
  conclusion "未发现需整改问题"; an issued one the conclusion "发现问题";
- past years are complete (a few rectified after the deadline); this year has open,
  submitted, returned and overdue findings for the workbench and the warnings.
Every step lies before today. StatusChange timelines and the services' audit events are
not written (far too many rows for what a list or a report reads); the records' own
dates say when each step happened.

Evidence files: a closed finding's evidence can never be removed (Finding
.attachments_locked), so a town's closed findings share one stored photo; each open
finding that has been submitted gets a file of its own, since returning it unlocks its
evidence and removing an attachment deletes its file.
"""

from __future__ import annotations

import itertools
import struct
import zlib
from datetime import date, datetime, time, timedelta
from hashlib import sha256

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from fazhi.core.deadlines import deadline, is_workday, overrides_read_once
from fazhi.core.models import Attachment, Membership
from fazhi.core.roles import Role

from .models import Finding, Inspection
from .params import RECTIFY_DAYS

INSPECTIONS = 2_700
K = Inspection.Kind
T = Inspection.Topic
S = Finding.Status
# County special inspections, the towns' self-inspections, and a few others (county-led).
_KINDS = [(K.COUNTY, 33), (K.SELF, 62), (K.OTHER, 5)]
_TOPICS = [(T.DOCUMENTS, 25), (T.CONTRACTS, 25), (T.DECISIONS, 15), (T.ENFORCEMENT, 20),
           (T.GENERAL, 15)]  # fmt: skip
_SUBJECT = {
    T.DOCUMENTS: "行政规范性文件管理",
    T.CONTRACTS: "行政协议和合同管理",
    T.DECISIONS: "重大行政决策程序执行",
    T.ENFORCEMENT: "行政执法规范化",
    T.GENERAL: "法治政府建设",
}
_COUNTY_BASIS = "县委全面依法治县办《关于开展{subject}情况专项督查的通知》"
_OTHER_TITLES = ["法治政府建设年度考核实地检查", "依法行政工作交叉检查", "法治建设第三方评估复核"]
# (description, basis) per topic.
_FINDINGS = {
    T.DOCUMENTS: [
        ("{n}件行政规范性文件公布后未在规定期限内报送县司法局备案。",
         "本县行政规范性文件备案审查规定(公布后15日内报送备案)"),
        ("{n}件行政规范性文件起草时未公开征求意见,或征求意见时间少于规定期限。",
         "本县行政规范性文件管理办法(征求意见不少于7日)"),
        ("{n}件行政规范性文件未经合法性审核即提交集体审议。", "本县行政规范性文件合法性审核规定"),
        ("行政规范性文件目录和文本未及时在政府网站公布,{n}件文件缺失。",
         "本县行政规范性文件管理办法(统一公布)"),
    ],
    T.CONTRACTS: [
        ("{n}份行政协议签订前合法性审查意见未随卷归档。",
         "本县行政协议管理规定(签订前须经合法性审查,审查意见随卷归档)"),
        ("{n}份已签订合同未在签订后5个工作日内归档,合同台账未及时更新。",
         "本县行政协议管理规定(签订后5个工作日内归档)"),
        ("{n}份采购合同未按规定期限向中小企业支付款项。", "保障中小企业款项支付条例(30日内支付)"),
        ("{n}份合同争议解决条款约定不明确。", "本县合同管理办法(争议解决条款须明确)"),
    ],
    T.DECISIONS: [
        ("{n}项重大行政决策未按规定开展风险评估。", "重大行政决策程序暂行条例第二十二条"),
        ("{n}项重大行政决策事项未列入年度决策事项目录并公布。", "本县重大行政决策事项目录管理办法"),
        ("{n}项决策集体讨论记录不完整,未载明不同意见。", "重大行政决策程序暂行条例第三十条"),
    ],
    T.ENFORCEMENT: [
        ("{n}份行政执法案卷未附法制审核意见。", "本县重大执法决定法制审核办法"),
        ("{n}件行政处罚决定未在法定期限内公示。", "行政执法公示制度(作出决定之日起7个工作日内公示)"),
        ("执法全过程记录不完整,{n}起现场检查缺少音像记录。", "行政执法全过程记录制度"),
        ("{n}名执法人员未按期参加年度执法资格培训。", "本省行政执法证件管理办法"),
    ],
    T.GENERAL: [
        ("法治建设年度工作报告未按期报送并公开。", "法治政府建设与责任落实督察工作规定第二十六条"),
        ("领导干部学法制度落实不到位,本年度集中学法{n}次,少于规定次数。",
         "本县领导干部学法用法制度"),
        ("村(社区)法律顾问服务台账不完整,{n}个村缺少服务记录。", "本县一村一法律顾问工作规定"),
        ("法治宣传阵地更新不及时,{n}处宣传栏内容过期。", "本县“八五”普法规划"),
    ],
}  # fmt: skip
_RECTIFICATIONS = [
    "已逐项整改到位,补齐相关材料并归档;建立工作台账,明确专人负责,纳入法治办周例会检查。",
    "已完成整改:补办相关手续,并对同类事项开展自查,未发现新的问题。",
    "已按要求整改,相关材料已补充完善;修订内部工作流程,增加办理前核对环节。",
    "已组织相关人员专题学习有关规定,问题事项已全部整改,整改材料见附件。",
    "已整改完毕,整改前后对照照片及书面说明已上传,请审核。",
]


def _png(pixel: int) -> bytes:
    """A tiny valid PNG (a photo stand-in), one grey value per `pixel`."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0)
    data = zlib.compress(bytes([0, pixel % 256, pixel // 256 % 256]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _weighted(rng, pairs):
    return rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]


def _workday_from(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day


class _Evidence:
    """The stored photos: one per town for its closed findings, one per open finding."""

    def __init__(self, ctx, rng):
        self.ctx, self.rng = ctx, rng
        self.storage = Attachment._meta.get_field("file").storage
        self.town_files: dict[int, tuple[str, int, str]] = {}

    def _save(self, day: date) -> tuple[str, int, str]:
        content = _png(self.rng.randrange(65_536))
        name = f"attachments/{day:%Y/%m}/{self.rng.getrandbits(128):032x}.png"
        digest = sha256(content).hexdigest()
        if self.storage.exists(name):  # the same seed's file, grown before in another database
            with self.storage.open(name) as stored:
                if sha256(stored.read()).hexdigest() == digest:
                    return name, len(content), digest
        return self.storage.save(name, ContentFile(content)), len(content), digest

    def file_for(self, town_id: int, closed: bool, day: date) -> tuple[str, int, str]:
        if not closed:
            return self._save(day)
        if town_id not in self.town_files:
            self.town_files[town_id] = self._save(self.ctx.first_day)
        return self.town_files[town_id]


def _owners(ctx) -> dict[int, list[int]]:
    """Town id → the users who may own its findings besides its officer and leader: the
    cadres of its offices and the village cadres of its villages (one query)."""
    town_of = {t.unit.pk: t.unit.pk for t in ctx.towns}
    for t in ctx.towns:
        town_of.update((v.pk, t.unit.pk) for v in t.villages)
    pool: dict[int, list[int]] = {t.unit.pk: [] for t in ctx.towns}
    rows = (
        Membership.objects.filter(
            is_active=True,
            user__is_active=True,
            role__in=[Role.CADRE, Role.VILLAGE_CADRE],
            org_unit__code__startswith=ctx.county.code,
        )
        .order_by("org_unit__code", "user__username")
        .values_list("org_unit_id", "user_id", "role")
    )
    for unit_id, user_id, role in rows:
        town_id = town_of.get(unit_id)
        # A cadre on a town itself, a village cadre on one of its villages.
        if town_id is not None and (unit_id == town_id) == (role == Role.CADRE):
            pool[town_id].append(user_id)
    return pool


def _supervisor(ctx) -> int | None:
    return (
        Membership.objects.filter(
            is_active=True, user__is_active=True, role=Role.COUNTY_SUPERVISOR, org_unit=ctx.county
        )
        .order_by("user__username")
        .values_list("user_id", flat=True)
        .first()
    )


class _Plan:
    """One inspection played forward from its start, then cut at today."""

    def __init__(self, ctx, rng, town, kind, started, rectify_days, owners, inspector):
        self.town = town
        yesterday = ctx.today - timedelta(days=1)
        this_year = started.year == ctx.today.year
        topic = _weighted(rng, _TOPICS)
        subject = _SUBJECT[topic]
        county_led = kind != K.SELF
        if kind == K.COUNTY:
            title, basis = (
                f"{started.year}年{subject}情况专项督查",
                _COUNTY_BASIS.format(subject=subject),
            )
        elif kind == K.SELF:
            title, basis = f"{started.year}年{started.month}月{subject}自查", "镇法治建设工作要点"
        else:
            title, basis = f"{started.year}年{rng.choice(_OTHER_TITLES)}", "县法治政府建设考核方案"
        self.inspection = Inspection(
            org_unit=town.unit,
            conducted_by=ctx.county if county_led else town.unit,
            kind=kind,
            title=title,
            topic=topic,
            basis=basis,
            started_on=started,
            created_by_id=inspector,
            created_at=_at(started, 9, rng.randrange(60)),
        )
        self.findings: list[Finding] = []
        self.evidence: list[tuple[Finding, date]] = []  # each submitted one, uploaded on
        i = self.inspection
        planned = rng.choices(range(6), [12, 22, 22, 18, 14, 12])[0] if owners[0] else 0
        recorded = sorted(started + timedelta(days=rng.randint(0, 3)) for _ in range(planned))
        recorded = [d for d in recorded if d <= yesterday]
        if not planned:
            ended = started + timedelta(days=rng.randint(1, 10))
            if ended <= yesterday:
                i.status, i.conclusion, i.ended_on = (
                    Inspection.Status.COMPLETED,
                    Inspection.Conclusion.NO_ISSUES,
                    ended,
                )
            return
        issued = max(recorded or [started]) + timedelta(days=rng.randint(0, 2))
        is_issued = len(recorded) == planned and issued <= yesterday
        last_closed = None
        review_days = (1, 7) if kind == K.SELF else (2, 15)
        for n, day in enumerate(recorded):
            owner = rng.choices(owners[0], cum_weights=owners[1])[0]
            description, fbasis = rng.choice(_FINDINGS[topic])
            due = deadline(day, rectify_days, "days")
            f = Finding(
                org_unit=town.unit,
                description=description.format(n=rng.randint(1, 6)),
                basis=fbasis,
                owner_id=owner,
                deadline=due,
                status=S.PENDING,
                created_by_id=inspector,
                created_at=_at(day, 10, n * 5 + rng.randrange(5)),
            )
            self.findings.append(f)
            if not is_issued:
                continue
            # The owner's answer: most on time, a few late (more of them this year).
            if rng.random() < (0.2 if this_year else 0.06):
                submitted = due + timedelta(days=rng.randint(1, 60 if this_year else 20))
            else:
                submitted = issued + timedelta(days=rng.randint(1, max(1, (due - issued).days)))
            returned = None
            if rng.random() < 0.1:  # the first answer was returned, then completed
                returned = submitted + timedelta(days=rng.randint(1, 5))
                first = submitted
                submitted = returned + timedelta(days=rng.randint(3, 15))
                if first > yesterday:
                    continue
                if returned > yesterday:  # awaiting review of the first answer
                    self._submitted(f, rng, first, owner, S.SUBMITTED)
                    continue
                if submitted > yesterday:  # returned: the owner is at it again
                    self._submitted(f, rng, first, owner, S.RETURNED)
                    continue
            if submitted > yesterday:
                continue
            # The county reviews its towns' answers in batches, a town its own at once.
            closed = submitted + timedelta(days=rng.randint(*review_days))
            if closed > yesterday:
                self._submitted(f, rng, submitted, owner, S.SUBMITTED)
                continue
            self._submitted(f, rng, submitted, owner, S.CLOSED)
            f.closed_by_id, f.closed_on = inspector, closed
            last_closed = max(last_closed or closed, closed)
        if not is_issued:
            return  # still recording findings: in progress, no conclusion yet
        i.status, i.conclusion = Inspection.Status.RECTIFYING, Inspection.Conclusion.FOUND
        if all(f.status == S.CLOSED for f in self.findings):
            ended = last_closed + timedelta(days=rng.randint(0, 5))
            if ended <= yesterday:
                i.status, i.ended_on = Inspection.Status.COMPLETED, ended

    def _submitted(self, f, rng, day, owner, status) -> None:
        f.status = status
        f.rectification = rng.choice(_RECTIFICATIONS)
        f.submitted_at = _at(day, 15, rng.randrange(60))
        self.evidence.append((f, day))


def _candidates(town, inspector, pool) -> tuple[list[int], list[float]]:
    """Who may own a finding of this inspection, with how often each is named: the
    leader, the officer, the offices' and villages' cadres — never the inspector (nobody
    closes a finding they own)."""
    people, weights = [], []
    for user_id, weight in ((town.leader.pk, 10.0), (town.officer.pk, 12.0)):
        if user_id != inspector and user_id not in people:
            people.append(user_id)
            weights.append(weight)
    others = [u for u in pool if u != inspector and u not in people]
    people += others
    weights += [78.0 / max(1, len(others))] * len(others)
    return people, list(itertools.accumulate(weights))


def generate(ctx) -> None:
    rng = ctx.rng("inspections")
    supervisor = _supervisor(ctx)
    pools = _owners(ctx)
    owners = {}  # (town id, self-inspection?) → the candidates
    for t in ctx.towns:
        owners[t.unit.pk, True] = _candidates(t, t.officer.pk, pools[t.unit.pk])
        owners[t.unit.pk, False] = _candidates(t, supervisor, pools[t.unit.pk])
    plans: list[_Plan] = []
    with overrides_read_once():
        rectify_days = {t.unit.pk: int(RECTIFY_DAYS.value(t.unit)) for t in ctx.towns}
        for _ in range(ctx.n(INSPECTIONS)):
            town = rng.choice(ctx.towns)
            # Without a county supervisor only the towns inspect themselves.
            kind = _weighted(rng, _KINDS) if supervisor else K.SELF
            inspector = town.officer.pk if kind == K.SELF else supervisor
            started = min(_workday_from(ctx.day(rng)), ctx.today - timedelta(days=1))
            plans.append(_Plan(ctx, rng, town, kind, started, rectify_days[town.unit.pk],
                               owners[town.unit.pk, kind == K.SELF], inspector))  # fmt: skip
    inspections = ctx.bulk(Inspection, (p.inspection for p in plans), "督查")
    for p, i in zip(plans, inspections, strict=True):
        for f in p.findings:
            f.inspection = i
    ctx.bulk(Finding, (f for p in plans for f in p.findings), "督查问题")  # sets their ids
    content_type = ContentType.objects.get_for_model(Finding)
    evidence = _Evidence(ctx, rng)
    rows = []
    for p in plans:
        for f, day in p.evidence:
            name, size, digest = evidence.file_for(p.town.unit.pk, f.status == S.CLOSED, day)
            rows.append(
                Attachment(
                    org_unit_id=f.org_unit_id,
                    content_type=content_type,
                    object_id=f.pk,
                    file=name,
                    original_name=f"整改佐证{len(rows) % 9 + 1}.png",
                    file_type="png",
                    size=size,
                    sha256=digest,
                    uploaded_by_id=f.owner_id,
                    uploaded_at=f.submitted_at - timedelta(minutes=rng.randint(5, 90)),
                )
            )
    ctx.bulk(Attachment, rows, "附件(整改佐证)")
