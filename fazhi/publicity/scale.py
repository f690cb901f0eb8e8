"""普法宣传 at county scale (`fazhi scale-data`): for every town, its "八进" targets and
formats, five years of themed calendars, about 25 events a year (a third held by the
villages), and 以案释法 cases pushed to the town's cadres with their read receipts.

Rows keep the services' rules: an event never precedes its campaign's first day nor
today, its audience is not negative, its targets and format are its town's; a push's
recipients are cadres of its town and its counts equal its receipts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fazhi.core.models import User

from .models import RECIPIENT_ROLES, Campaign, Case, CasePush, CaseReceipt, Event, Option
from .services.campaign import DEFAULT_FORMATS, DEFAULT_TARGETS, THEMED_DATES

EVENTS_PER_TOWN_YEAR = 25
PUSHES_PER_TOWN_YEAR = 6
_TITLES = ["法治讲座", "普法宣传", "法律咨询", "以案释法", "法治文艺汇演", "普法知识竞答"]


def _options(ctx, town) -> tuple[list[Option], list[Option]]:
    have = list(Option.objects.filter(org_unit=town.unit))
    if not have:
        rows = [
            Option(org_unit=town.unit, kind=Option.Kind.TARGET, name=n, order=i)
            for i, n in enumerate(DEFAULT_TARGETS, 1)
        ]
        rows += [
            Option(org_unit=town.unit, kind=Option.Kind.FORMAT, name=n, order=i)
            for i, n in enumerate(DEFAULT_FORMATS, 1)
        ]
        have = ctx.bulk(Option, rows, "普法配置项")
    return [o for o in have if o.kind == Option.Kind.TARGET], [
        o for o in have if o.kind == Option.Kind.FORMAT
    ]


def _campaigns(ctx, town) -> list[Campaign]:
    have = {(c.name, c.starts_on): c for c in Campaign.objects.filter(org_unit=town.unit)}
    rows = []
    for year in range(ctx.first_day.year, ctx.today.year + 1):
        for s, e, name, basis in THEMED_DATES:
            if (name, date(year, *s)) not in have:
                rows.append(Campaign(org_unit=town.unit, name=name, starts_on=date(year, *s), ends_on=date(year, *e),
                                     basis=basis, created_by=town.officer))  # fmt: skip
    return list(have.values()) + (ctx.bulk(Campaign, rows, "主题宣传活动") if rows else [])


def _aware(day: date, rng) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60))))


def _events(ctx, rng, towns_data):
    rows, target_sets = [], []
    for town, targets, formats, campaigns in towns_data:
        units = [town.unit, *town.villages]
        for _ in range(ctx.n(EVENTS_PER_TOWN_YEAR * 5)):
            held_on = ctx.day(rng)
            started = [
                c for c in campaigns if c.starts_on <= held_on and c.starts_on.year == held_on.year
            ]
            campaign = rng.choice(started) if started and rng.random() < 0.6 else None
            unit = (
                town.unit if rng.random() < 0.67 or not town.villages else rng.choice(town.villages)
            )
            fmt = rng.choice(formats)
            event = Event(
                org_unit=unit, campaign=campaign, theme=campaign.name if campaign else rng.choice(["扫黑除恶", "反诈宣传", "安全生产", "禁毒"]),
                format=fmt, title=f"{unit.name}{rng.choice(_TITLES)}({held_on:%Y-%m-%d})", held_on=held_on,
                place=f"{unit.name}文化礼堂", organiser=units[0].name, audience=rng.randint(15, 400),
                created_by=town.officer, created_at=_aware(held_on, rng),
            )  # fmt: skip
            event.fill_search()
            rows.append(event)
            target_sets.append(rng.sample(targets, k=rng.randint(1, min(3, len(targets)))))
    saved = ctx.bulk(Event, rows, "普法活动")
    through = Event.targets.through
    ctx.bulk(through, (through(event_id=e.pk, option_id=t.pk) for e, ts in zip(saved, target_sets, strict=True) for t in ts), "普法活动宣传对象")  # fmt: skip


def _recipients(town) -> list[int]:
    return list(
        User.objects.filter(
            is_active=True, memberships__is_active=True, memberships__role__in=RECIPIENT_ROLES,
            memberships__org_unit__code__startswith=town.unit.code,
        ).distinct().values_list("pk", flat=True)
    )  # fmt: skip


def _pushes(ctx, rng, towns):
    cases, plans = [], []
    for town in towns:
        people = _recipients(town)
        if not people:
            continue
        for i in range(ctx.n(PUSHES_PER_TOWN_YEAR * 5)):
            day = ctx.day(rng)
            case = Case(org_unit=town.unit, title=f"{town.unit.name}以案释法案例{i + 1}", facts="案情(生成数据)",
                        law_applied="民法典", lesson="以案释法要点(生成数据)", created_by=town.officer,
                        created_at=_aware(day, rng))  # fmt: skip
            case.fill_search()
            cases.append(case)
            chosen = rng.sample(people, k=max(1, round(len(people) * rng.uniform(0.5, 1))))
            reads = {
                p: rng.random() < (0.92 if (ctx.today - day).days > 30 else 0.5) for p in chosen
            }
            plans.append((town, day, reads))
    cases = ctx.bulk(Case, cases, "以案释法案例")
    pushes = ctx.bulk(CasePush, (
        CasePush(org_unit=town.unit, case=case, pushed_on=day, recipient_count=len(reads),
                 read_count=sum(reads.values()), pushed_by=town.officer)
        for case, (town, day, reads) in zip(cases, plans, strict=True)
    ), "案例推送")  # fmt: skip
    ctx.bulk(CaseReceipt, (
        CaseReceipt(org_unit=push.org_unit, push=push, recipient_id=pk,
                    read_at=_aware(min(day + timedelta(days=rng.randint(0, 5)), ctx.today - timedelta(days=1)), rng) if read else None)  # fmt: skip
        for push, (town, day, reads) in zip(pushes, plans, strict=True)
        for pk, read in reads.items()
    ), "案例阅读回执")  # fmt: skip


def generate(ctx) -> None:
    rng = ctx.rng("publicity")
    towns_data = []
    for town in ctx.towns:
        targets, formats = _options(ctx, town)
        towns_data.append((town, targets, formats, _campaigns(ctx, town)))
    _events(ctx, rng, towns_data)
    _pushes(ctx, rng, ctx.towns)
