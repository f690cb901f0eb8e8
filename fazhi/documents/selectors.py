"""Reads of 规范性文件 and 备案, scoped to what the user may see and prefetched (no N+1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.prepared import prepared
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.summary import percent

from .models import READER_ROLES, CleanupBatch, Document, Filing, filing_counts

S = Document.Status
# Documents that have been published (and so must be filed with the county).
PUBLISHED_STATES = (S.PUBLISHED, S.IN_FORCE, S.EXPIRED, S.REVISED, S.REPEALED)


def document_list(actor, *, status: str = "", year: int | None = None, q: str = ""):
    """Documents of the actor's scope, newest first, with their unit, drafter and filing."""
    qs = (
        Document.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit", "created_by", "filing")
        .order_by("-created_at", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(Q(year=year) | Q(year__isnull=True, created_at__year=year))
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(number__icontains=q))
    return qs


def document_get(actor, pk: int) -> Document:
    return get_visible_or_404(
        Document.objects.select_related("org_unit", "created_by"), actor, READER_ROLES, pk=pk
    )


def filing_of(document: Document) -> Filing | None:
    rows = _filing_of(document.pk)
    return rows[0] if rows else None


# Compiled once (core.prepared): the document's page asks on every view.
_filing_of = prepared(
    lambda document_id: Filing.objects.select_related("county", "submitted_by").filter(
        document_id=document_id
    ),
    2_100_000_211,
)


def filing_list(actor, *, status: str = "", year: int | None = None):
    qs = (
        Filing.objects.visible_to(actor, READER_ROLES)
        .select_related("document", "org_unit", "county", "submitted_by")
        .order_by("-submitted_on", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(document__published_on__year=year)
    return qs


def filing_get(actor, pk: int) -> Filing:
    return get_visible_or_404(
        Filing.objects.select_related("document", "org_unit", "county", "submitted_by"),
        actor,
        READER_ROLES,
        pk=pk,
    )


def cleanup_list(actor):
    return (
        CleanupBatch.objects.visible_to(actor, READER_ROLES)
        .select_related("org_unit", "created_by")
        .order_by("-created_at", "-id")
    )


def cleanup_get(actor, pk: int) -> CleanupBatch:
    return get_visible_or_404(
        CleanupBatch.objects.select_related("org_unit", "created_by"), actor, READER_ROLES, pk=pk
    )


# --- filing rates (有件必备、有备必审、有错必纠) -------------------------------------------


@dataclass
class FilingRates:
    """One town's filing figures for the documents it published in one year."""

    unit: OrgUnit
    year: int
    published: int = 0  # documents published that year (each must be filed)
    filed: int = 0
    on_time: int = 0
    reviewed: int = 0  # filings the county has decided on at least once
    conforming: int = 0  # accepted as filed: never returned, never ordered to correct
    returned: int = 0
    corrections_ordered: int = 0
    corrections_done: int = 0

    # Rates are per cent with one decimal; None (shown "—") when there is nothing to count.
    @property
    def filing_rate(self) -> float | None:
        return percent(self.filed, self.published, empty=None)

    @property
    def on_time_rate(self) -> float | None:
        return percent(self.on_time, self.filed, empty=None)

    @property
    def conformity_rate(self) -> float | None:
        return percent(self.conforming, self.reviewed, empty=None)


def _towns_for(units) -> list[OrgUnit]:
    """The towns under any of `units` (a county covers its towns)."""
    q = Q()
    for u in units:
        q |= Q(code__startswith=u.code)
    if not q:
        return []
    return list(OrgUnit.objects.filter(q, kind=OrgUnit.Kind.TOWN).order_by("code"))


def filing_rates_for_towns(towns: list[OrgUnit], year: int) -> list[FilingRates]:
    """Per-town rates for documents published in `year`: two grouped counts in the
    database (a county-year's filings read row by row took 20 ms)."""
    rows = {t.pk: FilingRates(unit=t, year=year) for t in towns}
    published = (
        Document.objects.filter(
            org_unit__in=rows, published_on__year=year, status__in=PUBLISHED_STATES
        )
        .values("org_unit_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in published:
        rows[row["org_unit_id"]].published = row["n"]
    counts = (
        Filing.objects.filter(org_unit__in=rows, document__published_on__year=year)
        .values("org_unit_id")
        .annotate(**filing_counts())
        .order_by()
    )
    for row in counts:
        r = rows[row.pop("org_unit_id")]
        for name, value in row.items():
            setattr(r, name, value)
    return list(rows.values())


def filing_rates(user, year: int) -> list[FilingRates]:
    """The rates of every town the user sees (a county supervisor: all of the county's)."""
    units = [m.org_unit for m in user.active_memberships() if m.role in READER_ROLES]
    return filing_rates_for_towns(_towns_for(units), year)


def expiring(user, today: date, until: date):
    """Documents in force whose validity ends between today and `until`."""
    return (
        Document.objects.visible_to(user, READER_ROLES)
        .filter(
            status__in=(S.IN_FORCE, S.PUBLISHED), valid_until__gte=today, valid_until__lte=until
        )
        .select_related("org_unit")
        .order_by("valid_until")
    )
