"""Reads of 督查整改, scoped (readers see their scope; an owner sees what they own) and
prefetched, so a page's query count does not grow with its rows."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q

from fazhi.core.scoping import get_visible_or_404

from .models import Finding, Inspection

Status = Finding.Status
OPEN = [Status.PENDING, Status.SUBMITTED, Status.RETURNED]


def inspection_list(actor, *, kind="", status="", year=None):
    """Inspections the user may see, newest first, with their finding counts."""
    qs = (
        Inspection.objects.visible_to(actor)
        .select_related("org_unit", "conducted_by", "created_by")
        .annotate(
            finding_count=Count("findings", distinct=True),
            open_count=Count("findings", filter=Q(findings__status__in=OPEN), distinct=True),
            closed_count=Count("findings", filter=Q(findings__status=Status.CLOSED), distinct=True),
        )
        .order_by("-started_on", "-id")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(started_on__gte=f"{year}-01-01", started_on__lte=f"{year}-12-31")
    return qs


def inspection_get(actor, pk: int) -> Inspection:
    """One inspection with the findings this user may see; else 404."""
    findings = Finding.objects.visible_to(actor).select_related("owner", "closed_by").order_by("id")
    return get_visible_or_404(
        Inspection.objects.select_related(
            "org_unit", "conducted_by", "created_by"
        ).prefetch_related(Prefetch("findings", queryset=findings, to_attr="visible_findings")),
        actor,
        None,
        pk=pk,
    )


def finding_get(actor, pk: int) -> Finding:
    """One finding with its inspection and the people it names; else 404."""
    return get_visible_or_404(
        Finding.objects.select_related(
            "org_unit",
            "inspection__org_unit",
            "inspection__conducted_by",
            "owner",
            "closed_by",
            "created_by",
        ),
        actor,
        None,
        pk=pk,
    )


def findings_owned_open(user):
    """The user's own open findings (for the list page and the workbench)."""
    return (
        Finding.objects.visible_to(user)
        .filter(owner=user, status__in=[Status.PENDING, Status.RETURNED])
        .select_related("inspection", "org_unit")
        .order_by("deadline", "id")
    )


def findings_for_export(user, *, kind="", status="", year=None):
    """Every finding of the visible inspections, for the ledger (one query)."""
    inspections = inspection_list(user, kind=kind, status=status, year=year)
    return inspections, (
        Finding.objects.visible_to(user)
        .filter(inspection__in=inspections.values("pk"))
        .select_related("owner", "closed_by")
        .order_by("inspection_id", "id")
    )
