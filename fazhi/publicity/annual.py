"""普法宣传's part of the annual summary (core.annual), chapter "publicity": the themed
campaigns and named events of the year ("紧扣'全民国家安全教育日'、'民法典宣传月'…主题,
组织开展…"), the online study ("利用学习强国等线上学习平台组织机关工作人员开展线上学法"),
and 以案释法 ("利用好镇工作群推送经典案例"); problems from the data (villages without an
event, a low reading rate, "八进" targets not reached); next year's items."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Sum

from fazhi.core.annual import Contribution, Fact, Point
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import percent

from .models import Campaign, CasePush, Event, Option, StudyHours

CHAPTER = "publicity"
# Below this share of pushed cadres reading a case, the summary names it as a problem.
READING_TARGET = 90.0


def _url(name: str, **params) -> str:
    return reverse(name) + ("?" + urlencode(params) if params else "")


def contribute(unit: OrgUnit, year: int) -> Contribution:
    first, last = date(year, 1, 1), date(year, 12, 31)
    out = Contribution()
    events = Event.objects.filter(in_subtree(unit), held_on__range=(first, last))
    agg = events.aggregate(n=Count("id"), audience=Sum("audience"))
    events_url = _url("publicity:event_list", year=year)
    if agg["n"]:
        themed = list(
            Campaign.objects.filter(events__in=events.values("pk"))
            .values("pk", "name")
            .annotate(n=Count("events"))
            .order_by("starts_on")
        )
        named = list(
            events.select_related("format")
            .order_by("held_on", "id")
            .values_list("format__name", flat=True)
        )
        formats = list(dict.fromkeys(named))[:5]
        facts = [
            Fact(
                f"“{c['name']}”",
                _url("publicity:event_list", year=year, campaign=c["pk"]),
                f"{c['name']}活动{c['n']}场",
            )
            for c in themed[:4]
        ]
        text = ""
        if facts:
            text = "紧扣" + "、".join(f"{{{i}}}" for i in range(len(facts))) + "等主题宣传,"
        k = len(facts)
        text += "组织开展" + "、".join(f"{{{k + i}}}" for i in range(len(formats))) + "等普法活动"
        facts += [Fact(f, events_url, "活动形式") for f in formats]
        k = len(facts)
        text += f"{{{k}}}场,受众{{{k + 1}}}人次"
        facts += [
            Fact(agg["n"], events_url, "普法活动"),
            Fact(agg["audience"] or 0, events_url, "受众人次"),
        ]
        village_n = events.exclude(org_unit__kind=OrgUnit.Kind.TOWN).count()
        if village_n:
            text += f",其中村(社区)举办{{{k + 2}}}场"
            facts.append(Fact(village_n, events_url, "村(社区)举办"))
        out.points.append(Point("publicity.events", text, tuple(facts), CHAPTER, 10))
    hours = StudyHours.objects.filter(in_subtree(unit), period_end__range=(first, last)).aggregate(
        h=Sum("hours"), people=Count("person", distinct=True)
    )
    if hours["people"]:
        url = _url("publicity:study_list", year=year)
        out.points.append(Point(
            "publicity.study",
            "利用学习强国等线上学习平台组织{0}名干部开展线上学法,累计{1}学时",
            (Fact(hours["people"], url, "参加线上学法人数"), Fact(f"{float(hours['h']):g}", url, "线上学法学时")),
            CHAPTER, 30,
        ))  # fmt: skip
    pushes = CasePush.objects.filter(in_subtree(unit), pushed_on__range=(first, last)).aggregate(
        n=Count("id"), sent=Sum("recipient_count"), read=Sum("read_count")
    )
    if pushes["n"]:
        url = _url("publicity:casepush_list")
        rate = percent(pushes["read"] or 0, pushes["sent"] or 0)
        out.points.append(Point(
            "publicity.cases",
            "利用好镇工作群推送经典案例{0}次,通过以案释法提升干部法治素养,干部阅读率{1}",
            (Fact(pushes["n"], url, "推送案例"), Fact(f"{rate:g}%", url, "阅读率")),
            CHAPTER, 40,
        ))  # fmt: skip
        if rate < READING_TARGET:
            out.problems.append(Point(
                "publicity.reading_low", "推送案例干部阅读率{0},部分干部以案学法不够主动",
                (Fact(f"{rate:g}%", url, "阅读率"),), CHAPTER,
            ))  # fmt: skip
    villages = OrgUnit.objects.filter(
        code__startswith=unit.code,
        kind__in=[OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY],
        is_active=True,
    )
    idle = villages.exclude(pk__in=events.values("org_unit_id")).count()
    if idle and agg["n"]:
        out.problems.append(Point(
            "publicity.villages_idle", "{0}个村(社区)全年未自行组织普法活动,基层普法力量不均衡",
            (Fact(idle, events_url, "未组织普法活动的村(社区)"),), CHAPTER,
        ))  # fmt: skip
    towns = OrgUnit.objects.filter(code__startswith=unit.code, kind=OrgUnit.Kind.TOWN)
    unreached = list(
        Option.objects.filter(org_unit__in=towns, kind=Option.Kind.TARGET, is_active=True)
        .exclude(
            pk__in=Event.targets.through.objects.filter(event__in=events.values("pk")).values(
                "option_id"
            )
        )
        .values_list("name", flat=True)
        .distinct()
    )
    if unreached and agg["n"]:
        out.problems.append(Point(
            "publicity.targets_unreached", "普法“八进”中{0}尚未覆盖",
            (Fact("、".join(unreached), _url("publicity:reach", year=year), "未覆盖的宣传对象"),), CHAPTER,
        ))  # fmt: skip
    out.next_year.append(Point(
        "publicity.next",
        "紧扣全民国家安全教育日、民法典宣传月、宪法宣传周等主题节点,持续推进普法“八进”,做实线上学法和以案释法",
        (), CHAPTER,
    ))  # fmt: skip
    return out
