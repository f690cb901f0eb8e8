"""组织领导 at county scale (`fazhi scale-data`): for every town a leading group and
groups in about four villages in five, and per town-year about 12 meetings and study
sessions (town level, with attendance; the deployment meetings with decisions) plus a few
village ones, and the town leader's 述法 (reviewed at the year-end meeting for past years,
pending this year) — about 20,000 meetings over five years at factor 1.0.

The services' rules hold: members and attendees are people of the town (its officer and
leader), only meetings dated before today are held, a 述法 is one per leader and year and
its meeting is a held meeting of the town in that year."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from fazhi.core.deadlines import deadline

from .models import Attendance, Decision, GroupMember, LawReport, LeadingGroup, Meeting
from .params import LAWREPORT_DUE_DAYS

K = Meeting.Kind
# (kind, meetings per town-year at factor 1.0)
_TOWN_MIX = [
    (K.DEPLOYMENT, 3),
    (K.CENTRAL_GROUP, 2),
    (K.LAW_STUDY, 2),
    (K.SEMINAR, 1),
    (K.RELAY, 3),
]
_TITLES = {
    K.DEPLOYMENT: "法治建设工作推进部署会", K.CENTRAL_GROUP: "党委理论学习中心组学习",
    K.LAW_STUDY: "专题学法", K.SEMINAR: "法治思想学习研讨", K.RELAY: "传达学习上级文件",
    K.TOPICAL: "年度领导干部述法评议会",
}  # fmt: skip


def _groups(ctx, rng, town, first):
    taken = set(
        LeadingGroup.objects.filter(org_unit__code__startswith=town.unit.code).values_list(
            "org_unit_id", flat=True
        )
    )
    units = [town.unit] + [v for v in town.villages if rng.random() < 0.8]
    groups = [
        LeadingGroup(
            org_unit=u,
            name=f"{u.name}法治建设领导小组",
            established_on=first,
            created_by=town.officer,
        )
        for u in units
        if u.pk not in taken
    ]
    groups = ctx.bulk(LeadingGroup, groups)
    members = []
    for g in groups:
        members.append(
            GroupMember(
                group=g, org_unit=g.org_unit, user=town.leader, role="leader", started_on=first
            )
        )
        members.append(GroupMember(group=g, org_unit=g.org_unit, user=town.officer, role="office_director",
                                   started_on=first))  # fmt: skip
    ctx.bulk(GroupMember, members)


def _meetings(ctx, rng, town, year):
    """The town-year's meetings (unsaved) and which are held."""
    end = min(date(year, 12, 31), ctx.today)
    start = date(year, 1, 1)
    rows = []
    for kind, per_year in _TOWN_MIX:
        for _ in range(per_year):
            day = ctx.day(rng, start, date(year, 12, 31))
            held = day < ctx.today
            rows.append(Meeting(org_unit=town.unit, level="town", kind=kind, title=f"{_TITLES[kind]}({day:%m月%d日})",
                                held_on=day, place="镇政府会议室", host=town.leader, status="held" if held else "planned",
                                minutes="按议程召开。" if held else "", created_by=town.officer))  # fmt: skip
    for v in town.villages:
        if rng.random() < 0.5:
            day = ctx.day(rng, start, end)
            rows.append(Meeting(org_unit=v, level="village", kind=K.LAW_STUDY, title=f"{v.name}专题学法",
                                held_on=day, status="held" if day < ctx.today else "planned",
                                minutes="学习相关法律法规。" if day < ctx.today else "", created_by=town.officer))  # fmt: skip
    return rows


def generate(ctx) -> None:
    rng = ctx.rng("leadership")
    years = range(ctx.first_day.year, ctx.today.year + 1)
    for town in ctx.towns:
        _groups(ctx, rng, town, ctx.first_day)
    meetings, reviews = [], []
    for town in ctx.towns:
        for year in years:
            meetings += _meetings(ctx, rng, town, year)
            review_day = date(year, 12, 20)
            if review_day < ctx.today:
                reviews.append((town, year, len(meetings)))
                meetings.append(Meeting(org_unit=town.unit, level="town", kind=K.TOPICAL, title=_TITLES[K.TOPICAL],
                                        held_on=review_day, status="held", minutes="述法评议。",
                                        created_by=town.officer))  # fmt: skip
    for m in meetings:
        m.fill_search()  # as save() would
    meetings = ctx.bulk(Meeting, meetings)
    attendance, decisions = [], []
    for m in meetings:
        if m.level == "town":
            attendance.append(Attendance(meeting=m, user=m.host or m.created_by, present=True))
            if m.created_by_id != (m.host_id or m.created_by_id):
                attendance.append(Attendance(meeting=m, user=m.created_by, present=True))
        if m.kind == K.DEPLOYMENT and m.status == "held":
            decisions.append(Decision(meeting=m, seq=1, text="各村社抓好法治建设重点任务落实"))
    ctx.bulk(Attendance, attendance)
    ctx.bulk(Decision, decisions)
    reviewed = {(t.unit.pk, y): meetings[i] for t, y, i in reviews}
    existing = set(LawReport.objects.values_list("org_unit_id", "year", "reporter_id"))
    reports = []
    tz = timezone.get_current_timezone()
    for town in ctx.towns:
        days = LAWREPORT_DUE_DAYS.value(town.unit)
        for year in years:
            if (town.unit.pk, year, town.leader.pk) in existing:
                continue
            meeting = reviewed.get((town.unit.pk, year))
            reports.append(LawReport(
                org_unit=town.unit, year=year, reporter=town.leader, reporter_title="镇领导",
                due_on=deadline(date(year, 12, 31), days, "days"),
                status="reviewed" if meeting else "pending", meeting=meeting,
                rating=rng.choice(["excellent", "good"]) if meeting else "",
                report_text="年度履行推进法治建设职责情况。" if meeting else "",
                submitted_at=timezone.make_aware(datetime.combine(date(year, 12, 10), time(10)), tz) if meeting else None,
                added_by=town.officer,
            ))  # fmt: skip
    ctx.bulk(LawReport, reports)
