"""Reads of 社会矛盾预警, scoped (a town's leaders and law office see their town; the county
supervisor every town of the county) and ordered red first, then by score, on one index."""

from __future__ import annotations

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import READER_ROLES, Colour, EarlyWarning

S = EarlyWarning.Status
# The list's state filter: "active" (待应对 and 已应对) is what a town works on.
STATE_CHOICES = [("active", "未解除(待应对、已应对)"), *S.choices, ("all", "全部")]


def _visible(actor):
    return EarlyWarning.objects.visible_to(actor, READER_ROLES)


def unit_choices(actor):
    """The towns and villages the actor may filter by (one query)."""
    return (
        OrgUnit.objects.visible_to(actor, READER_ROLES)
        .filter(kind__in=[OrgUnit.Kind.TOWN, "village", "community"], is_active=True)
        .order_by("code")
    )


def warning_list(actor, *, colour="", state="active", kind="", unit: OrgUnit | None = None, q=""):
    """The warnings the actor sees under the list's filters: red first, then by score."""
    qs = _visible(actor).select_related("org_unit")
    if colour:
        qs = qs.filter(colour=colour)
    if state == "active":
        qs = qs.filter(status__in=EarlyWarning.ACTIVE)
    elif state and state != "all":
        qs = qs.filter(status=state)
    if kind:
        qs = qs.filter(subject_kind=kind)
    if unit is not None:
        qs = qs.filter(
            org_unit_id__in=OrgUnit.objects.filter(code__startswith=unit.code).values("id")
        )
    if q:
        qs = qs.filter(search_q(EarlyWarning, q))
    return qs.order_by("-colour_rank", "-score", "-id")


def colour_counts(actor, unit: OrgUnit | None = None) -> dict[str, int]:
    """Active warnings by colour in the actor's scope (or `unit`'s subtree): the panel."""
    qs = _visible(actor).filter(status__in=EarlyWarning.ACTIVE)
    if unit is not None:
        qs = qs.filter(
            org_unit_id__in=OrgUnit.objects.filter(code__startswith=unit.code).values("id")
        )
    agg = qs.aggregate(**{c: Count("id", filter=Q(colour=c)) for c in Colour.values},
                       open_red=Count("id", filter=Q(colour=Colour.RED, status=S.OPEN)))  # fmt: skip
    return agg


def warning_get(actor, pk: int) -> EarlyWarning:
    """One warning the actor may see, with who acted on it; else 404."""
    return get_visible_or_404(
        EarlyWarning.objects.select_related("org_unit", "responded_by", "dismissed_by"),
        actor,
        READER_ROLES,
        pk=pk,
    )
