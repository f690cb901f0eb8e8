"""法治单元 at county scale (`fazhi scale-data`): per village, its 民主法治村(社区) records
(县级 named; 市级 named in most villages, under way in the rest; a few listed for 省级
naming), its registries (three or four 法律明白人 in most administrative villages, two in
about one in ten — the shortfall figure — a 法治带头人, two 学法守法示范户, now and then a
法治民宿) with a training each, and its 村规民约 (accepted; a few returned with the
correction deadline the service computes).

The services' rules hold: a higher tier only after the lower one is named, stamps in
stage order, one record per tier, ID numbers valid and stored encrypted with their hash,
the correction deadline from the parameter on the official calendar. Evidence rows are
written for the records that passed 申报 but without files (files are not generated)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from fazhi.core import pii
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo import demo_id_number

from .models import (
    Criterion,
    Evidence,
    RegistryEntry,
    Training,
    UnitType,
    VillageRecord,
    VillageRules,
)
from .params import RULES_CORRECTION_DAYS
from .services.registry import DEFAULT_TYPES
from .services.village import DEFAULT_CRITERIA

S = VillageRecord.Stage
RULES_TEXT = "第一条 村民应当遵守宪法、法律、法规和国家政策。\n第二条 提倡婚事新办、简办。"


def _config(ctx, town):
    """The town's criteria and types (the defaults the services would seed)."""
    if not Criterion.objects.filter(org_unit=town).exists():
        ctx.bulk(Criterion, [Criterion(org_unit=town, name=n, description=d, position=i)
                             for i, (n, d) in enumerate(DEFAULT_CRITERIA, 1)], "创建标准")  # fmt: skip
    if not UnitType.objects.filter(org_unit=town).exists():
        ctx.bulk(UnitType, [UnitType(org_unit=town, code=c, name=n, personal=p, position=i)
                            for i, (c, n, p) in enumerate(DEFAULT_TYPES, 1)], "法治微单元类型")  # fmt: skip
    return (
        list(Criterion.objects.filter(org_unit=town, is_active=True)),
        {t.code: t for t in UnitType.objects.filter(org_unit=town)},
    )


def _records(ctx, rng, village, officer):
    start = ctx.day(rng, ctx.first_day, ctx.first_day + timedelta(days=300))
    rows = []
    for tier, chance in (("county", 1.0), ("city", 0.85), ("province", 0.1)):
        if rows and rows[-1].status != S.NAMED or rng.random() > chance:
            break
        declared = start + timedelta(days=rng.randint(30, 90))
        proposed = declared + timedelta(days=rng.randint(20, 60))
        named = proposed + timedelta(days=rng.randint(20, 60))
        status = S.NAMED
        if named >= ctx.today:
            status, named = S.PROPOSED, None
        if proposed >= ctx.today:
            status, proposed = S.DECLARED, None
        if declared >= ctx.today:
            status, declared = S.CREATING, None
        if tier == "province" and status == S.NAMED:
            status, named = S.PROPOSED, None
        rows.append(VillageRecord(
            org_unit=village, tier=tier, status=status, started_on=start, declared_on=declared,
            proposed_on=proposed, named_on=named, created_by=officer,
        ))  # fmt: skip
        start = (named or ctx.today) + timedelta(days=rng.randint(10, 200))
        if start >= ctx.today:
            break
    return rows


def _birthday(day, year):
    """`day` moved to `year` (29 February becomes the 28th in a common year)."""
    return (
        day.replace(year=year, day=min(day.day, 28)) if day.month == 2 else day.replace(year=year)
    )


def generate(ctx) -> None:
    rng = ctx.rng("lawunits")
    records, entries, rules = [], [], []
    seq = 500_000
    taken = set(VillageRecord.objects.values_list("org_unit_id", flat=True))
    correction_cache = {}
    with overrides_read_once():
        for town in ctx.towns:
            criteria, types = _config(ctx, town.unit)
            for village in town.villages:
                if village.pk in taken:
                    continue  # the demo's villages keep their own story
                records += [(r, criteria) for r in _records(ctx, rng, village, town.officer)]
                counts = [("rule_of_law_leader", 1), ("model_household", 2)]
                if village.kind == "village":
                    counts.append(
                        ("legal_understander", 2 if rng.random() < 0.1 else rng.choice((3, 4)))
                    )
                if rng.random() < 0.2:
                    counts.append(("homestay", 1))
                for code, n in counts:
                    for _ in range(n):
                        seq += 1
                        personal = types[code].personal
                        id_number = demo_id_number(_birthday(ctx.day(rng), 1950 + seq % 50), seq,
                                                   female=seq % 2 == 0) if personal else ""  # fmt: skip
                        entry = RegistryEntry(
                            org_unit=village, unit_type=types[code],
                            name=ctx.person_name(rng) if personal else f"{village.name}法治民宿",
                            id_number=id_number, id_number_hash=pii.keyed_hash(id_number),
                            since=ctx.day(rng), created_by=town.officer,
                            training_count=1 if code == "legal_understander" else 0,
                        )  # fmt: skip
                        entry.fill_search()
                        entries.append(entry)
                filed = ctx.day(rng)
                returned = rng.random() < 0.05
                if returned:
                    key = (town.unit.pk, filed)
                    if key not in correction_cache:
                        correction_cache[key] = deadline(
                            filed, int(RULES_CORRECTION_DAYS.value(town.unit)), "days"
                        )
                r = VillageRules(
                    org_unit=village, title="村规民约", text=RULES_TEXT,
                    adopted_on=filed - timedelta(days=14), filed_on=filed,
                    status=VillageRules.Status.RETURNED if returned else VillageRules.Status.ACCEPTED,
                    returned_count=1 if returned else 0,
                    correction_due=correction_cache.get((town.unit.pk, filed)) if returned else None,
                    accepted_on=None if returned else filed + timedelta(days=3),
                    created_by=town.officer,
                )  # fmt: skip
                r.fill_search()
                rules.append(r)
    saved = ctx.bulk(VillageRecord, [r for r, _ in records], "民主法治村(社区)创建")
    evidence = [
        Evidence(org_unit=r.org_unit, record=r, criterion=c, file_count=1)
        for r, (_, criteria) in zip(saved, records, strict=True)
        if r.status != S.CREATING
        for c in criteria
    ]
    ctx.bulk(Evidence, evidence, "创建佐证")
    saved_entries = ctx.bulk(RegistryEntry, entries, "法治微单元")
    ctx.bulk(
        Training,
        [Training(org_unit=e.org_unit, entry=e, held_on=e.since, topic="法律明白人培训",
                  hours=Decimal("4.0"), created_by=e.created_by)
         for e in saved_entries if e.training_count],
        "培训记录",
    )  # fmt: skip
    ctx.bulk(VillageRules, rules, "村规民约")
