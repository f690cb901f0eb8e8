"""The public, read-only decision catalogue (no login, phone-sized): the published
catalogue of a town's year with each matter's state and, once published, the decision."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch

from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit

from . import selectors
from .models import Decision

S = Decision.Status


def public_catalogue(request, code, year):
    """The published catalogue of a town's year, for anyone (no login)."""
    town = get_object_or_404(OrgUnit, code=code, kind=OrgUnit.Kind.TOWN, is_active=True)
    cat = selectors.public_catalogue(town, year)
    if cat is None:
        raise Http404("该年度决策事项目录尚未公布")
    items = []
    for item in selectors.public_items(cat).prefetch_related("revisions"):
        latest = item
        for rev in item.revisions.all():
            latest = rev
        items.append(latest)
    try:
        home = reverse("participation:public_home")
    except NoReverseMatch:
        home = ""
    context = {
        "cat": cat,
        "town": town,
        "items": items,
        "public_home": home,
        "published": (S.PUBLISHED, S.ARCHIVED),
    }
    return render(request, "decisions/public_catalogue.html", context)
