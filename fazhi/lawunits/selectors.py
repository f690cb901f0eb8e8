"""Reads of 法治单元, scoped (readers see their scope; a village cadre their village) and
prefetched, so a page's query count does not grow with its rows."""

from __future__ import annotations

from django.db.models import Count, Q

from fazhi.core import params
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import (
    READER_ROLES,
    VILLAGE_KINDS,
    Criterion,
    Evidence,
    RegistryEntry,
    Tier,
    UnitType,
    VillageRecord,
    VillageRules,
)
from .params import MIN_LEGAL_UNDERSTANDERS


def villages_visible(actor):
    """The villages and communities the user reads (for filters, forms and counts)."""
    return (
        OrgUnit.objects.visible_to(actor, READER_ROLES)
        .filter(kind__in=VILLAGE_KINDS, is_active=True)
        .order_by("code")
    )


def record_list(actor, *, tier="", status="", village=None):
    """Creation records the user sees, newest first."""
    qs = VillageRecord.objects.visible_to(actor).select_related("org_unit").order_by("-id")
    if tier:
        qs = qs.filter(tier=tier)
    if status:
        qs = qs.filter(status=status)
    if village:
        qs = qs.filter(org_unit_id=village)
    return qs


def record_get(actor, pk: int) -> VillageRecord:
    return get_visible_or_404(
        VillageRecord.objects.select_related("org_unit", "org_unit__parent", "created_by"),
        actor,
        None,
        pk=pk,
    )


def checklist(record: VillageRecord) -> list[tuple[Criterion, Evidence | None]]:
    """The town's active criteria, each with this record's evidence (two queries)."""
    evidence = {e.criterion_id: e for e in Evidence.objects.filter(record=record)}
    criteria = Criterion.objects.filter(org_unit_id=record.org_unit.parent_id, is_active=True)
    return [(c, evidence.get(c.pk)) for c in criteria.order_by("position", "id")]


def tier_rates(actor) -> list[dict]:
    """Per tier: villages of the user's scope holding the title, and the rate (two
    queries)."""
    from fazhi.core.summary import percent

    villages = villages_visible(actor)
    total = villages.count()
    held = dict(
        VillageRecord.objects.visible_to(actor)
        .filter(status__in=VillageRecord.HOLDS_TITLE)
        .values("tier")
        .annotate(n=Count("id"))
        .values_list("tier", "n")
    )
    return [
        {"tier": t, "label": t.label, "named": held.get(t.value, 0), "total": total,
         "rate": percent(held.get(t.value, 0), total)}
        for t in Tier
    ]  # fmt: skip


def entry_list(actor, *, unit_type="", village=None, q="", active=True):
    """Registry entries the user sees, newest first."""
    qs = (
        RegistryEntry.objects.visible_to(actor)
        .select_related("org_unit", "unit_type")
        .order_by("-id")
    )
    if active is not None:
        qs = qs.filter(is_active=active)
    if unit_type:
        qs = qs.filter(unit_type__code=unit_type)
    if village:
        qs = qs.filter(org_unit_id=village)
    if q:
        qs = qs.filter(search_q(RegistryEntry, q))
    return qs


def entry_get(actor, pk: int) -> RegistryEntry:
    return get_visible_or_404(
        RegistryEntry.objects.select_related(
            "org_unit", "unit_type", "created_by"
        ).prefetch_related("trainings"),
        actor,
        None,
        pk=pk,
    )


def understanders_by_village(actor, visible=None) -> list[dict]:
    """Every administrative village of the user's scope with its active 法律明白人 and
    whether it is short of the minimum (a parameter) — three queries however many towns,
    two when the page already read `visible` (villages_visible, communities included)."""
    if visible is None:
        visible = villages_visible(actor)
    villages = [v for v in visible if v.kind == "village"]
    counts = dict(
        RegistryEntry.objects.visible_to(actor)
        .filter(is_active=True, unit_type__code=UnitType.LEGAL_UNDERSTANDER)
        .values("org_unit_id")
        .annotate(n=Count("id"))
        .values_list("org_unit_id", "n")
    )
    # A village's town is its parent, whose code is the village's own up to the town's
    # digits: the parameter is read for those codes without loading the towns.
    minimum = params.values_for(MIN_LEGAL_UNDERSTANDERS, villages)
    rows = []
    for v in villages:
        n = counts.get(v.pk, 0)
        rows.append({"village": v, "count": n, "minimum": minimum[v.pk],
                     "short": n < minimum[v.pk]})  # fmt: skip
    return rows


def type_counts(actor) -> list[tuple[str, int]]:
    """Active entries by type name, over the user's scope."""
    return list(
        RegistryEntry.objects.visible_to(actor)
        .filter(is_active=True)
        .values("unit_type__name")
        .annotate(n=Count("id"))
        .order_by("unit_type__name")
        .values_list("unit_type__name", "n")
    )


def types_visible(actor):
    return (
        UnitType.objects.visible_to(actor)
        .filter(is_active=True)
        .values("code", "name")
        .order_by("position", "code")
        .distinct()
    )


def rules_list(actor, *, status="", village=None, q="", warning=""):
    """村规民约 the user sees, latest filed first; `warning="overdue"`: returned ones past
    their correction deadline (indexed column)."""
    qs = (
        VillageRules.objects.visible_to(actor)
        .select_related("org_unit")
        .defer("text", "findings")
        .order_by("-filed_on", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    if village:
        qs = qs.filter(org_unit_id=village)
    if q:
        qs = qs.filter(search_q(VillageRules, q))
    if warning == "overdue":
        from fazhi.core import clock

        qs = qs.filter(status=VillageRules.Status.RETURNED, correction_due__lt=clock.today())
    return qs


def rules_get(actor, pk: int) -> VillageRules:
    return get_visible_or_404(
        VillageRules.objects.select_related("org_unit", "created_by"), actor, None, pk=pk
    )


def rules_counts(actor) -> dict:
    return VillageRules.objects.visible_to(actor).aggregate(
        filed=Count("id"),
        returned=Count("id", filter=Q(status=VillageRules.Status.RETURNED)),
        corrected=Count("id", filter=Q(status=VillageRules.Status.ACCEPTED, returned_count__gt=0)),
    )
