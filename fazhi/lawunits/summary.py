"""法治单元's figures for reports: for a town (or a county: its towns) and a period —
the creation rate of 民主法治村(社区) per tier as it stands at the period's end
("全镇市级民主法治村创建率100%"), the villages listed for naming in the period, the
villages at each stage, the registries by type, the villages short of 法律明白人 and the
村规民约 filed and corrected. Each a number and a ready sentence."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent

from .models import VILLAGE_KINDS, RegistryEntry, Tier, UnitType, VillageRecord, VillageRules
from .params import MIN_LEGAL_UNDERSTANDERS

SECTION = "普法教育"
# How a count of each default type is said ("法律明白人12名", "法治民宿3家").
MEASURE = {"model_household": "户", "homestay": "家"}


def _scope_word(unit: OrgUnit) -> str:
    return "全县" if unit.kind == OrgUnit.Kind.COUNTY else "全镇"


def villages_of(unit: OrgUnit):
    return OrgUnit.objects.filter(
        code__startswith=unit.code, kind__in=VILLAGE_KINDS, is_active=True
    )


def named_at(unit: OrgUnit, end: date):
    """Records holding the title at `end` (named on or before it, not since sent back)."""
    return VillageRecord.objects.filter(
        in_subtree(unit), status__in=VillageRecord.HOLDS_TITLE, named_on__lte=end
    )


def tier_rates(unit: OrgUnit, end: date) -> dict[str, tuple[int, int, float]]:
    total = villages_of(unit).count()
    held = dict(named_at(unit, end).values("tier").annotate(n=Count("id")).values_list("tier", "n"))
    return {
        t.value: (held.get(t.value, 0), total, percent(held.get(t.value, 0), total)) for t in Tier
    }


def proposed_in(unit: OrgUnit, start: date, end: date, tier: str):
    """Records listed for naming (拟命名) at `tier` in the period (and not sent back)."""
    return (
        VillageRecord.objects.filter(
            in_subtree(unit),
            tier=tier,
            proposed_on__range=(start, end),
            status__in=[VillageRecord.Stage.PROPOSED, *VillageRecord.HOLDS_TITLE],
        )
        .select_related("org_unit")
        .order_by("org_unit__code")
    )


def registry_counts(unit: OrgUnit, end: date) -> list[tuple[str, str, int]]:
    """(type code, type name, active entries registered by `end`), by type position."""
    rows = (
        RegistryEntry.objects.filter(in_subtree(unit), is_active=True, since__lte=end)
        .values("unit_type__code", "unit_type__name", "unit_type__position")
        .annotate(n=Count("id"))
        .order_by("unit_type__position", "unit_type__code")
    )
    merged: dict[str, list] = {}
    for r in rows:
        merged.setdefault(r["unit_type__code"], [r["unit_type__name"], 0])[1] += r["n"]
    return [(code, name, n) for code, (name, n) in merged.items()]


def short_villages(unit: OrgUnit, end: date) -> list[tuple[OrgUnit, int, int]]:
    """Administrative villages with fewer active 法律明白人 than the minimum in force."""
    villages = list(villages_of(unit).filter(kind="village").select_related("parent"))
    counts = dict(
        RegistryEntry.objects.filter(
            in_subtree(unit),
            is_active=True,
            since__lte=end,
            unit_type__code=UnitType.LEGAL_UNDERSTANDER,
        )
        .values("org_unit_id")
        .annotate(n=Count("id"))
        .values_list("org_unit_id", "n")
    )
    minimum: dict[int, int] = {}
    out = []
    for v in villages:
        if v.parent_id not in minimum:
            minimum[v.parent_id] = int(MIN_LEGAL_UNDERSTANDERS.value(v.parent))
        if counts.get(v.pk, 0) < minimum[v.parent_id]:
            out.append((v, counts.get(v.pk, 0), minimum[v.parent_id]))
    return out


def rules_counts(unit: OrgUnit, start: date, end: date) -> dict:
    in_period = VillageRules.objects.filter(in_subtree(unit))
    return {
        **in_period.filter(filed_on__range=(start, end)).aggregate(
            filed=Count("id"), villages=Count("org_unit", distinct=True)
        ),
        **in_period.aggregate(
            corrected=Count(
                "id",
                filter=Q(
                    status=VillageRules.Status.ACCEPTED,
                    returned_count__gt=0,
                    accepted_on__range=(start, end),
                ),
            ),
            uncorrected=Count("id", filter=Q(status=VillageRules.Status.RETURNED)),
        ),
    }


def _measure(code: str) -> str:
    return MEASURE.get(code, "名")


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    scope = _scope_word(unit)
    rates = tier_rates(unit, end)
    out = []
    for t in Tier:
        named, total, rate = rates[t.value]
        out.append(
            Figure(
                key=f"lawunits.rate_{t.value}",
                label=f"{t.label}民主法治村(社区)创建率",
                value=rate,
                unit="%",
                sentence=f"{scope}{t.label}民主法治村创建率{rate:g}%" if named else "",
                section=SECTION,
            standing=True,
                breakdown={"已命名": named, "村(社区)总数": total},
            )
        )
    proposed = list(proposed_in(unit, start, end, Tier.PROVINCE))
    names = "、".join(r.org_unit.name for r in proposed)
    out.append(
        Figure(
            key="lawunits.proposed_province",
            label="列入省级民主法治村拟命名名单",
            value=len(proposed),
            unit="个",
            sentence=f"{names}被列入省级民主法治村拟命名名单" if proposed else "",
            section=SECTION,
            breakdown={r.org_unit.name: 1 for r in proposed},
        )
    )
    stages = dict(
        VillageRecord.objects.filter(in_subtree(unit))
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    in_progress = sum(stages.get(s, 0) for s in ("creating", "declared", "proposed"))
    out.append(
        Figure(
            key="lawunits.stages",
            label="民主法治村(社区)创建在办",
            value=in_progress,
            unit="个",
            sentence=f"{in_progress}个村(社区)正在创建更高级别民主法治村" if in_progress else "",
            section=SECTION,
            standing=True,
            breakdown={str(VillageRecord.Stage(s).label): n for s, n in stages.items()},
        )
    )
    registry = registry_counts(unit, end)
    parts = "、".join(f"{name}{n}{_measure(code)}" for code, name, n in registry if n)
    out.append(
        Figure(
            key="lawunits.registry",
            label="法治微单元",
            value=sum(n for _, _, n in registry),
            unit="个",
            sentence=f"培育{parts}" if parts else "",
            section=SECTION,
            standing=True,
            breakdown={name: n for _, name, n in registry},
        )
    )
    short = short_villages(unit, end)
    minimum = short[0][2] if short else int(MIN_LEGAL_UNDERSTANDERS.default)
    out.append(
        Figure(
            key="lawunits.short_understanders",
            label=f"法律明白人不足{minimum}名的行政村",
            value=len(short),
            unit="个",
            sentence=(
                f"{len(short)}个行政村法律明白人不足{minimum}名({'、'.join(v.name for v, _, _ in short)})"
                if short
                else ""
            ),
            section=SECTION,
            standing=True,
            breakdown={v.name: n for v, n, _ in short},
        )
    )
    rules = rules_counts(unit, start, end)
    sentence = ""
    if rules["filed"]:
        sentence = f"{rules['villages']}个村(社区)村规民约报镇备案{rules['filed']}件"
        if rules["corrected"]:
            sentence += f",督促改正违法条款{rules['corrected']}件"
    out.append(
        Figure(
            key="lawunits.rules",
            label="村规民约备案",
            value=rules["filed"],
            unit="件",
            sentence=sentence,
            section=SECTION,
            breakdown={"督促改正": rules["corrected"], "退回改正中": rules["uncorrected"]},
        )
    )
    return out
