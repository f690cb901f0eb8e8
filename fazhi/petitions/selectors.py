"""Reads of 信访, scoped (the town's office and leaders, the county; never the person a
whistle-blowing accuses) and prefetched, so a page's query count does not grow with its
rows. Overdue and due soon are ranges on the indexed `next_due` column."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import READER_ROLES, Petition, Petitioner
from .params import DUE_SOON_DAYS

S = Petition.Status
WARNINGS = {"overdue": "已逾期", "due_soon": "即将到期"}
STATES = {"open": "办理中", "done": "已办结"}
# Age bands of the county page: (code, label, first day, last day) of days since receipt.
AGE_BANDS = [("0-15", "0–15日", 0, 15), ("16-30", "16–30日", 16, 30),
             ("31-60", "31–60日", 31, 60), ("61+", "60日以上", 61, None)]  # fmt: skip


def _horizon(actor, today: dt.date) -> dt.date:
    units = actor.units_for(READER_ROLES) if actor and actor.is_authenticated else []
    return today + dt.timedelta(days=DUE_SOON_DAYS.value(units[0] if units else None))


def _age_q(code: str, today: dt.date) -> Q:
    for band, _label, first, last in AGE_BANDS:
        if band == code:
            q = Q(received_on__lte=today - dt.timedelta(days=first))
            if last is not None:
                q &= Q(received_on__gte=today - dt.timedelta(days=last))
            return q
    return Q()


def petition_list(
    actor,
    *,
    status: str = "",
    state: str = "",
    channel: str = "",
    category: str = "",
    warning: str = "",
    town: int | None = None,
    age: str = "",
    q: str = "",
    year: int | None = None,
    today: dt.date | None = None,
):
    """The petitions the actor sees under the list's filters: newest first, or nearest
    deadline first under a warning filter. Pages, API and workbench read through it."""
    today = today or clock.today()
    qs = Petition.objects.visible_to(actor).select_related("org_unit")
    if status:
        qs = qs.filter(status=status)
    if state == "open" or age:
        qs = qs.filter(status__in=Petition.OPEN)
    elif state == "done":
        qs = qs.exclude(status__in=Petition.OPEN)
    if channel:
        qs = qs.filter(channel=channel)
    if category:
        qs = qs.filter(category=category)
    if town:
        qs = qs.filter(org_unit_id=town)
    if age:
        qs = qs.filter(_age_q(age, today))
    if year:
        qs = qs.filter(received_on__range=(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if q:
        qs = qs.filter(search_q(Petition, q))
    if warning == "overdue":
        return qs.filter(next_due__lt=today).order_by("next_due", "id")
    if warning == "due_soon":
        return qs.filter(next_due__gte=today, next_due__lte=_horizon(actor, today)).order_by(
            "next_due", "id"
        )
    return qs.order_by("-received_on", "-id")


def petition_get(actor, pk: int) -> Petition:
    """One petition the actor may see, with its petitioners; else 404."""
    return get_visible_or_404(
        Petition.objects.select_related("org_unit", "created_by", "accused_user").prefetch_related(
            Prefetch("petitioners", queryset=Petitioner.objects.order_by("id"))
        ),
        actor,
        None,
        pk=pk,
    )


def repeats_of(actor, petition: Petition):
    """The same people's other petitions that the actor may see, newest first."""
    hashes = [p.id_hash for p in petition.petitioners.all() if p.id_hash]
    if not hashes:
        return Petition.objects.none()
    return (
        Petition.objects.visible_to(actor)
        .filter(pk__in=Petitioner.objects.filter(id_hash__in=hashes).values("petition_id"))
        .exclude(pk=petition.pk)
        .select_related("org_unit")
        .order_by("-received_on", "-id")
    )


def petition_ages(actor, today: dt.date | None = None) -> list[dict]:
    """Open petitions by town and age band (days since receipt), for the county page:
    one grouped query over the indexed (org unit, received) columns."""
    today = today or clock.today()
    whens = [When(_age_q(code, today), then=Value(i)) for i, (code, *_rest) in enumerate(AGE_BANDS)]
    rows = (
        Petition.objects.visible_to(actor)
        # An open petition always has its next statutory step due (the services keep
        # next_due): the (next_due, id) index finds the county's few hundred open ones,
        # where the status alone let SQLite read all sixty thousand in unit order.
        .filter(status__in=Petition.OPEN, next_due__isnull=False)
        .annotate(band=Case(*whens, default=Value(0), output_field=IntegerField()))
        .values("org_unit_id", "band")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, list[int]] = {}
    for row in rows:
        counts.setdefault(row["org_unit_id"], [0] * len(AGE_BANDS))[row["band"]] += row["n"]
    towns = (
        OrgUnit.objects.visible_to(actor, READER_ROLES)
        .filter(kind=OrgUnit.Kind.TOWN)
        .order_by("code")
    )
    table = []
    for town in towns:
        bands = counts.get(town.pk, [0] * len(AGE_BANDS))
        table.append({"town": town, "bands": bands, "total": sum(bands)})
    return table
