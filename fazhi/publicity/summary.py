"""普法宣传's figures for reports: for a town (or a county: its towns) and a period,
the 普法 events and their audience (by theme and by target), themed campaigns covered,
online-study hours, and the 以案释法 pushes with their reading rate — each a number and
a ready sentence."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Sum

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent

from .models import CasePush, Event, Option, StudyHours

SECTION = "普法教育"


def _events(unit, start, end):
    return Event.objects.filter(in_subtree(unit), held_on__range=(start, end))


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    events = _events(unit, start, end)
    agg = events.aggregate(n=Count("id"), audience=Sum("audience"))
    n, audience = agg["n"], agg["audience"] or 0
    by_theme = dict(
        events.values_list("theme")
        .annotate(c=Count("id"))
        .order_by("-c", "theme")
        .values_list("theme", "c")
    )
    by_target = dict(
        Option.objects.filter(events__in=events.values("pk"))
        .values("name")
        .annotate(c=Count("events", distinct=True))
        .order_by("-c", "name")
        .values_list("name", "c")
    )
    campaign_names = list(
        events.filter(campaign__isnull=False)
        .values_list("campaign__name", flat=True)
        .distinct()
        .order_by("campaign__name")
    )
    hours = StudyHours.objects.filter(in_subtree(unit), period_end__range=(start, end)).aggregate(
        h=Sum("hours"), people=Count("person", distinct=True)
    )
    total_hours = float(hours["h"] or 0)
    pushes = CasePush.objects.filter(in_subtree(unit), pushed_on__range=(start, end)).aggregate(
        n=Count("id"), sent=Sum("recipient_count"), read=Sum("read_count")
    )
    sent, read = pushes["sent"] or 0, pushes["read"] or 0
    rate = percent(read, sent)
    themes_text = "、".join(f"“{t}”" for t in campaign_names[:4])
    return [
        Figure(
            key="publicity.events",
            label="普法活动",
            value=n,
            unit="场",
            sentence=(f"紧扣{themes_text}等主题," if themes_text else "")
            + f"开展普法活动{n}场,受众{audience}人次"
            if n
            else "",
            section=SECTION,
            breakdown=by_theme,
        ),
        Figure(
            key="publicity.audience",
            label="普法受众",
            value=audience,
            unit="人次",
            sentence=f"普法活动受众{audience}人次" if n else "",
            section=SECTION,
        ),
        Figure(
            key="publicity.targets",
            label="“八进”覆盖对象",
            value=len(by_target),
            unit="类",
            sentence=("普法“八进”覆盖" + "、".join(by_target)) if by_target else "",
            section=SECTION,
            breakdown=by_target,
        ),
        Figure(
            key="publicity.study_hours",
            label="线上学法学时",
            value=round(total_hours, 1),
            unit="学时",
            sentence=f"利用线上学习平台组织{hours['people']}名干部线上学法,累计{total_hours:g}学时"
            if hours["people"]
            else "",
            section=SECTION,
        ),
        Figure(
            key="publicity.case_pushes",
            label="以案释法案例推送",
            value=pushes["n"],
            unit="次",
            sentence=f"推送以案释法经典案例{pushes['n']}次,干部阅读率{rate}%"
            if pushes["n"]
            else "",
            section=SECTION,
            breakdown={"推送人次": sent, "已读人次": read},
        ),
        Figure(
            key="publicity.reading_rate",
            label="推送案例阅读率",
            value=rate,
            unit="%",
            sentence=f"推送案例阅读率{rate}%" if pushes["n"] else "",
            section=SECTION,
        ),
    ]
