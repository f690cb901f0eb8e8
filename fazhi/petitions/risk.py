"""What early warning (社会矛盾预警) reads about open petitions (core.risk): per open
petition its category, the people involved (集体访), how often the same petitioner (ID
hash) petitioned within the window, how many of those are still open, the next statutory
deadline, and the text. Four queries over indexed columns, however many petitions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.risk import RiskFacts

from .models import Petition, Petitioner
from .params import REPEAT_WINDOW_DAYS


def risk_facts(unit_ids, day: dt.date) -> Iterable[RiskFacts]:
    petitions = list(
        Petition.objects.filter(org_unit_id__in=unit_ids, status__in=Petition.OPEN)
        .only("id", "org_unit_id", "title", "category", "people_count", "next_due", "content",
              "received_on")
        .order_by("id")
    )  # fmt: skip
    if not petitions:
        return []
    by_id = {p.pk: p for p in petitions}
    # The window is the town's parameter (a county may set its own): one query for the units.
    since = {
        unit.pk: day - dt.timedelta(days=REPEAT_WINDOW_DAYS.value(unit))
        for unit in OrgUnit.objects.filter(pk__in={p.org_unit_id for p in petitions})
    }
    hashes_of: dict[int, set[str]] = {}
    for petition_id, id_hash in Petitioner.objects.filter(
        petition_id__in=list(by_id), id_hash__gt=""
    ).values_list("petition_id", "id_hash"):
        hashes_of.setdefault(petition_id, set()).add(id_hash)
    every_hash = {h for hs in hashes_of.values() for h in hs}
    # The same people's petitions received within the window before `day` (any town).
    history: dict[str, set[tuple[int, bool, dt.date]]] = {}
    for id_hash, petition_id, status, received in Petitioner.objects.filter(
        id_hash__in=every_hash, petition__received_on__gte=min(since.values())
    ).values_list("id_hash", "petition_id", "petition__status", "petition__received_on"):
        history.setdefault(id_hash, set()).add((petition_id, status in Petition.OPEN, received))
    facts = []
    for p in petitions:
        others = {
            (pid, is_open)
            for h in hashes_of.get(p.pk, ())
            for pid, is_open, received in history.get(h, ())
            if pid != p.pk and received >= since[p.org_unit_id]
        }
        facts.append(
            RiskFacts(
                kind="petition",
                pk=p.pk,
                org_unit_id=p.org_unit_id,
                title=f"信访事项:{p.title}",
                url=reverse("petitions:petition_detail", args=[p.pk]),
                category=p.category,
                group_size=p.people_count,
                repeat_count=len(others),
                unresolved_earlier=sum(1 for _pid, is_open in others if is_open),
                deadline=p.next_due,
                text=f"{p.title}\n{p.content}",
            )
        )
    return facts
