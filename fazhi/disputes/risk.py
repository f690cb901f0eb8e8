"""What early warning (社会矛盾预警) reads about open disputes (core.risk.RiskFacts).

Only open disputes (not 结案), read through indexed columns: the dispute's
(org_unit, status) index, the parties' (id_hash, registered_on) index for earlier
disputes of the same people within the window (parameter, default 180 days), and each
dispute's sessions by (dispute, held_on). A few queries per thousand open disputes, so
`fazhi tick` can run it for a whole county."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from fazhi.core.links import reverse
from fazhi.core.risk import RiskFacts

from .models import Dispute, Party, Session
from .params import REPEAT_WINDOW_DAYS

CHUNK = 500
NOT_CLOSED = [s for s in Dispute.Status.values if s != Dispute.Status.CLOSED]


def risk_facts(unit_ids, day: date, window_days: int | None = None) -> Iterator[RiskFacts]:
    """One RiskFacts per open dispute of the units `unit_ids` (a queryset of ids)."""
    window = int(window_days or REPEAT_WINDOW_DAYS.default)
    since = day - timedelta(days=window)
    batch: list[Dispute] = []
    disputes = (
        Dispute.objects.filter(org_unit_id__in=unit_ids, status__in=NOT_CLOSED)
        .select_related("org_unit")
        .order_by("id")
    )
    for dispute in disputes.iterator(chunk_size=CHUNK):
        batch.append(dispute)
        if len(batch) >= CHUNK:
            yield from _facts(batch, since)
            batch = []
    if batch:
        yield from _facts(batch, since)


def _facts(batch: list[Dispute], since: date) -> Iterable[RiskFacts]:
    ids = [d.pk for d in batch]
    hashes_of: dict[int, set[str]] = defaultdict(set)
    size_of: dict[int, int] = defaultdict(int)
    names_of: dict[int, list[str]] = defaultdict(list)
    for p in Party.objects.filter(dispute_id__in=ids).only("dispute_id", "id_hash", "name"):
        size_of[p.dispute_id] += 1
        names_of[p.dispute_id].append(p.masked_name)
        if p.id_hash:
            hashes_of[p.dispute_id].add(p.id_hash)
    # Earlier disputes of the same people within the window: (hash, day, dispute, open?).
    all_hashes = sorted(set().union(*hashes_of.values())) if hashes_of else []
    earlier: dict[str, list[tuple[date, int, bool]]] = defaultdict(list)
    for start in range(0, len(all_hashes), CHUNK):
        rows = Party.objects.filter(
            id_hash__in=all_hashes[start : start + CHUNK], registered_on__gte=since
        ).values_list("id_hash", "registered_on", "dispute_id", "dispute__status")
        for h, registered, dispute_id, status in rows:
            earlier[h].append((registered, dispute_id, status != Dispute.Status.CLOSED))
    notes: dict[int, str] = {}
    for s in (
        Session.objects.filter(dispute_id__in=ids)
        .order_by("dispute_id", "-held_on", "-id")
        .values_list("dispute_id", "record")
    ):
        notes.setdefault(s[0], s[1])
    for d in batch:
        previous = {}
        for h in hashes_of.get(d.pk, ()):
            for registered, other, is_open in earlier.get(h, ()):
                if other != d.pk and (registered, other) < (d.registered_on, d.pk):
                    previous[other] = is_open
        deadlines = [x for x in (d.next_due, d.judicial_due) if x is not None]
        yield RiskFacts(
            kind="dispute",
            pk=d.pk,
            org_unit_id=d.org_unit_id,
            title=f"{d}({d.org_unit.name}:{'与'.join(names_of.get(d.pk, [])[:3])})",
            url=reverse("disputes:dispute_detail", args=[d.pk]),
            category=d.category,
            group_size=max(d.involved_count or 0, size_of.get(d.pk, 0), 1),
            repeat_count=len(previous),
            unresolved_earlier=sum(previous.values()),
            deadline=min(deadlines) if deadlines else None,
            text="\n".join(x for x in (d.summary, notes.get(d.pk, "")) if x),
        )
