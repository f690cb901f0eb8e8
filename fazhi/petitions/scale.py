"""Petitions at county scale (`fazhi scale-data`): about 60,000 petitions over five years at
factor 1.0 with their petitioners, in the course the services would have taken by now.

Each row keeps the services' rules: deadlines from the rule set in force for its town
(core.deadlines underneath); a notice after the acceptance period carries its reason; an
objection only to a transferred matter and within 5 working days; at most one extension
of at most 30 days, before the handling deadline; 复查 requested within 30 days of
service, 复核 within 30 days of the review; group visits with at most five
representatives; `next_due` as the services keep it; ID numbers encrypted, hashed, and
drawn from a pool so the same people petition again (repeat_count counts their earlier
ones)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fazhi.core import pii
from fazhi.core.deadlines import overrides_read_once

from .models import Petition, Petitioner
from .params import Period, ruleset
from .services.common import due

PETITIONS = 60_000
PEOPLE = 35_000  # petitioners of the county: many come back
P = Petition.Status
_CATEGORIES = [("land", 18), ("labour", 14), ("construction", 14), ("fishery", 10),
               ("environment", 9), ("neighbour", 10), ("welfare", 9), ("conduct", 4),
               ("legal", 6), ("other", 6)]  # fmt: skip
_CHANNELS = [("letter", 30), ("online", 35), ("visit", 28), ("phone", 7)]
_TOPICS = {
    "land": "征地补偿", "labour": "拖欠工资", "construction": "道路修缮", "fishery": "渔船补贴",
    "environment": "噪声扰民", "neighbour": "相邻通行", "welfare": "低保审核",
    "conduct": "干部作风", "legal": "判决执行", "other": "其他诉求",
}  # fmt: skip
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"


def _id_number(seq: int) -> str:
    """A fictional ID number of the demo county (339901) with a valid check digit."""
    born = date(1940, 1, 1) + timedelta(days=seq * 7 % 25_000)
    body = f"339901{born:%Y%m%d}{seq % 1000:03d}"
    return body + _CHECK[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def _course(p: Petition, rng, rules, today: date) -> None:
    """Move `p` along its course as far as today allows (the services' rules)."""
    age = (today - p.received_on).days
    if age < 4 or (age < 12 and rng.random() < 0.5):
        return  # registered, not yet decided
    if p.source == Petition.Source.TRANSFERRED and rng.random() < 0.5:
        on = p.received_on + timedelta(days=rng.randint(1, 6))
        if on <= p.objection_due and on < today:
            p.status, p.decided_on = P.OBJECTED, on
            p.decision_reason = "事项不属本镇职权范围"
            return
    notified = min(p.received_on + timedelta(days=rng.randint(1, 14)), today - timedelta(days=1))
    late = rng.random() < 0.03
    if late:
        notified = min(p.accept_due + timedelta(days=rng.randint(1, 5)), today - timedelta(days=1))
    notified = max(notified, p.received_on)
    p.notified_on = p.decided_on = notified
    if notified > p.accept_due:
        p.late_reason = "信访人住址不清,经查找后告知"
    roll = rng.random()
    if roll < 0.08:
        p.status, p.decision_reason = P.NOT_ACCEPTED, "属于诉讼程序处理的事项"
        return
    if roll < 0.14:
        p.status, p.transferred_to = P.TRANSFERRED_OUT, "县有关部门"
        p.decision_reason = "属县级部门职权范围"
        return
    p.status = P.ACCEPTED
    p.handling_due = due(notified, rules.handle)
    length = (p.handling_due - notified).days
    if rng.random() < 0.08:
        extended = notified + timedelta(days=rng.randint(10, length))
        if extended < today:
            days = rng.randint(10, rules.extension_max)
            p.extended_on, p.extension_days = extended, days
            p.extension_reason = "情况复杂,经本机关负责人批准延期"
            p.handling_due = due(notified, Period(rules.handle.n + days, rules.handle.unit, ""))
            length = (p.handling_due - notified).days
    answered = notified + timedelta(
        days=rng.randint(7, length + (10 if rng.random() < 0.05 else 0))
    )
    if p.extended_on:
        answered = max(answered, p.extended_on)
    if answered >= today:
        return
    p.status, p.answered_on, p.result = P.ANSWERED, answered, rng.choice(list(Petition.Result))
    p.facts, p.opinion = "经调查核实,情况如下。", "处理意见如下。"
    p.legal_basis, p.review_organ = "《信访工作条例》第三十二条", "示范县人民政府"
    served = answered + timedelta(days=rng.randint(1, 5))
    if served >= today:
        return
    p.status, p.served_on = P.SERVED, served
    if rng.random() > 0.07:
        return
    requested = served + timedelta(days=rng.randint(3, 25))
    if requested >= today or requested > due(served, rules.review_request):
        return
    p.status, p.review_requested_on = P.REVIEWING, requested
    p.review_due = due(requested, rules.review_decide)
    decided = requested + timedelta(days=rng.randint(7, 28))
    if decided >= today:
        return
    p.status, p.review_served_on, p.review_opinion = P.REVIEWED, decided, "维持原处理意见"
    if rng.random() > 0.3:
        return
    again = decided + timedelta(days=rng.randint(3, 25))
    if again >= today or again > due(decided, rules.rereview_request):
        return
    p.status, p.rereview_requested_on = P.REREVIEWING, again
    p.rereview_due = due(again, rules.rereview_decide)
    final = again + timedelta(days=rng.randint(7, 28))
    if final < today:
        p.status, p.rereview_served_on, p.rereview_opinion = P.CLOSED, final, "维持复查意见"


def generate(ctx) -> None:
    rng = ctx.rng("petitions")
    people = ctx.n(PEOPLE)
    rules_of = {t.unit.pk: ruleset(t.unit) for t in ctx.towns}
    hashes: dict[int, str] = {}
    names: dict[int, str] = {}
    plans = []
    for _ in range(ctx.n(PETITIONS)):
        town = rng.choice(ctx.towns)
        received = ctx.day(rng)
        group = rng.random() < 0.04
        who = [rng.randrange(people) for _ in range(rng.randint(2, 5) if group else 1)]
        plans.append((received, town, group, who))
    plans.sort(key=lambda row: row[0])  # earlier petitions first: repeat counts add up
    seen: dict[int, int] = {}
    petitions, rows = [], []
    with overrides_read_once():
        for received, town, group, who in plans:
            rules = rules_of[town.unit.pk]
            category = rng.choices([c for c, _ in _CATEGORIES], [w for _, w in _CATEGORIES])[0]
            channel = "visit" if group else rng.choices(
                [c for c, _ in _CHANNELS], [w for _, w in _CHANNELS])[0]  # fmt: skip
            transferred = rng.random() < 0.06
            village = rng.choice(town.villages).name if town.villages else town.unit.name
            p = Petition(
                org_unit=town.unit,
                title=f"{village}{_TOPICS[category]}问题",
                channel=channel,
                source="transferred" if transferred else "direct",
                transferred_by="示范县信访局" if transferred else "",
                category=category,
                content=f"反映{village}{_TOPICS[category]}问题,请求依法处理。",
                is_group=group,
                people_count=rng.randint(8, 60) if group else 1,
                is_accusation=category == "conduct",
                accused_name="某村干部" if category == "conduct" else "",
                received_on=received,
                rules=rules.code,
                repeat_count=max((seen.get(w, 0) for w in who), default=0),
                accept_due=due(received, rules.accept),
                objection_due=due(received, rules.objection) if transferred else None,
                created_by=town.officer,
                created_at=timezone.make_aware(datetime.combine(received, time(9, 0))),
            )
            _course(p, rng, rules, ctx.today)
            p.next_due = p.compute_next_due()
            p.fill_search()
            petitions.append(p)
            for w in who:
                seen[w] = seen.get(w, 0) + 1
                if w not in hashes:
                    hashes[w] = pii.keyed_hash(_id_number(w))
                    names[w] = ctx.person_name(rng)
            rows.append(who)
    saved = ctx.bulk(Petition, petitions, "信访事项")
    ctx.bulk(
        Petitioner,
        (Petitioner(petition=p, name=names[w], id_number=_id_number(w),
                    id_hash=hashes[w], phone=f"139{w:08d}", address=f"{p.org_unit.name}{w % 97 + 1}号",
                    is_representative=p.is_group)
         for p, who in zip(saved, rows, strict=True) for w in who),
        "信访人",
    )  # fmt: skip
