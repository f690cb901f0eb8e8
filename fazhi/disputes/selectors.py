"""Reads of 矛盾纠纷, scoped (readers see their scope; a grid worker what they registered;
a resident only their own online reports) and prefetched, so a page's query count does
not grow with its rows."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import get_visible_or_404, in_subtree
from fazhi.core.search import search_q

from .models import Agreement, Dispute, FollowUp, Party, Routing, Session
from .params import JUDICIAL_WARN_DAYS

S = Dispute.Status

# The list's warning filter: columns the services keep, compared with today.
WARNINGS = {
    "judicial_due": "司法确认申请期限临近",
    "judicial_overdue": "司法确认申请期限已过未记录",
    "overdue": "受理或调解逾期",
}


def _visible(actor):
    return Dispute.objects.visible_to(actor).select_related("org_unit")


def dispute_list(
    actor,
    *,
    status: str = "",
    category: str = "",
    source: str = "",
    unit: OrgUnit | None = None,
    warning: str = "",
    q: str = "",
    today: dt.date | None = None,
):
    """The disputes the actor sees under the list's filters, newest first."""
    today = today or clock.today()
    qs = _visible(actor)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    if source:
        qs = qs.filter(source=source)
    if unit is not None:
        qs = qs.filter(in_subtree(unit))
    if warning == "judicial_due":
        horizon = today + dt.timedelta(days=JUDICIAL_WARN_DAYS.default)
        qs = qs.filter(judicial_due__gte=today, judicial_due__lte=horizon)
    elif warning == "judicial_overdue":
        qs = qs.filter(judicial_due__lt=today)
    elif warning == "overdue":
        qs = qs.filter(next_due__lt=today, status__in=Dispute.OPEN)
    if q:
        qs = qs.filter(search_q(Dispute, q))
    return qs.order_by("-registered_on", "-id")


def dispute_get(actor, pk: int) -> Dispute:
    """One dispute the actor may see with everything its page shows; else 404."""
    return get_visible_or_404(
        Dispute.objects.select_related(
            "org_unit", "reported_unit", "mediator", "created_by"
        ).prefetch_related(
            Prefetch("parties", queryset=Party.objects.order_by("id")),
            Prefetch("routings", queryset=Routing.objects.select_related("routed_by")),
            Prefetch("sessions", queryset=Session.objects.select_related("recorded_by")),
            Prefetch("followups", queryset=FollowUp.objects.select_related("visited_by")),
        ),
        actor,
        None,
        pk=pk,
    )


def agreement_of(dispute: Dispute) -> Agreement | None:
    return Agreement.objects.filter(dispute=dispute).first()


def earlier_disputes(actor, dispute: Dispute, parties=None):
    """Disputes of the same parties (by their ID numbers' keyed hashes) registered before
    this one: (how many in all, the ones the actor may open)."""
    hashes = [p.id_hash for p in (parties or dispute.parties.all()) if p.id_hash]
    if not hashes:
        return 0, []
    earlier = (
        Party.objects.filter(id_hash__in=hashes, registered_on__lte=dispute.registered_on)
        .exclude(dispute_id=dispute.pk)
        .filter(Q(registered_on__lt=dispute.registered_on) | Q(dispute_id__lt=dispute.pk))
        .values("dispute_id")
        .distinct()
    )
    ids = [row["dispute_id"] for row in earlier[:200]]
    shown = list(
        Dispute.objects.visible_to(actor)
        .filter(pk__in=ids)
        .select_related("org_unit")
        .order_by("-registered_on", "-id")[:20]
    )
    return len(ids), shown


def my_submissions(user):
    """A resident's own online reports, newest first (nothing of anyone else)."""
    return (
        Dispute.objects.filter(created_by=user, source=Dispute.Source.ONLINE)
        .select_related("org_unit")
        .order_by("-registered_on", "-id")
    )


def judicial_open(actor, roles):
    """Open judicial-confirmation windows the actor mediates, nearest first."""
    return (
        Dispute.objects.visible_to(actor, roles)
        .filter(judicial_due__isnull=False)
        .select_related("org_unit")
        .order_by("judicial_due", "id")
    )
