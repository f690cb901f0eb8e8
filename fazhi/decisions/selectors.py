"""Reads of 重大行政决策: scoped, paged lists and the detail page's record."""

from __future__ import annotations

from django.db.models import Count

from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import READER_ROLES, Catalogue, Decision


def decision_list(user, *, status="", year=None, due=False, q=""):
    """Decisions in the user's scope, newest first."""
    qs = Decision.objects.visible_to(user, READER_ROLES).select_related("org_unit", "catalogue")
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(catalogue__year=year)
    if due:
        qs = qs.filter(next_due__isnull=False)
    if q:
        qs = qs.filter(search_q(Decision, q))
    return qs.order_by("-created_at", "-id")


def decision_get(user, pk: int) -> Decision:
    return get_visible_or_404(
        Decision.objects.select_related("org_unit", "catalogue", "created_by", "previous"),
        user,
        READER_ROLES,
        pk=pk,
    )


def catalogue_list(user):
    return (
        Catalogue.objects.visible_to(user, READER_ROLES)
        .select_related("org_unit", "adopted_by")
        .annotate(item_count=Count("decisions"))
        .order_by("-year", "-id")
    )


def catalogue_get(user, pk: int) -> Catalogue:
    return get_visible_or_404(
        Catalogue.objects.select_related("org_unit", "adopted_by"), user, READER_ROLES, pk=pk
    )


def public_catalogue(town, year: int):
    """A published catalogue for the public site, or None (never a draft)."""
    return (
        Catalogue.objects.filter(org_unit=town, year=year, status=Catalogue.Status.PUBLISHED)
        .select_related("org_unit")
        .first()
    )


def public_items(catalogue):
    return catalogue.decisions.filter(previous__isnull=True).order_by("id")
