"""What early warning (社会矛盾预警) reads about key persons (core.risk): a person whose
visits in the last N days (parameter "走访风险信号统计期", default 30) recorded risk
signals — the signals seen, how many such visits, those visits' situation text, the
person's most severe group. Two queries over indexed columns (the partial index of
visits with signals), however many persons a county holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.risk import RiskFacts

from .models import KeyPerson, Visit
from .params import RISK_WINDOW_DAYS


def risk_facts(unit_ids, day: dt.date) -> Iterable[RiskFacts]:
    # The window is a parameter a county may set: the longest in force bounds the query,
    # each person's own town's applies below.
    windows: dict[str, int] = {}
    longest = int(RISK_WINDOW_DAYS.default)
    for town in OrgUnit.objects.filter(pk__in=unit_ids, kind=OrgUnit.Kind.TOWN):
        windows[town.code] = int(RISK_WINDOW_DAYS.value(town))
    longest = max([longest, *windows.values()])
    rows = list(
        Visit.objects.filter(
            org_unit_id__in=unit_ids,
            has_signals=True,
            visited_on__gt=day - dt.timedelta(days=longest),
            visited_on__lte=day,
        )
        .values_list("person_id", "visited_on", "signals", "signal_note", "situation")
        .order_by("person_id", "visited_on")
    )
    if not rows:
        return []
    persons = {
        p.pk: p
        for p in KeyPerson.objects.filter(pk__in={r[0] for r in rows}, is_active=True)
        .select_related("org_unit")
        .only("id", "name", "main_group", "org_unit__code", "org_unit_id")
    }
    seen: dict[int, list] = {}
    for person_id, visited_on, signals, note, situation in rows:
        person = persons.get(person_id)
        if person is None:
            continue
        window = windows.get(person.org_unit.code[:9], int(RISK_WINDOW_DAYS.default))
        if visited_on <= day - dt.timedelta(days=window):
            continue
        seen.setdefault(person_id, []).append((signals or [], note, situation))
    facts = []
    for person_id, visits in seen.items():
        person = persons[person_id]
        signals = list(dict.fromkeys(s for v in visits for s in v[0]))
        signals += [v[1] for v in visits if v[1]]
        facts.append(
            RiskFacts(
                kind="key_person",
                pk=person.pk,
                org_unit_id=person.org_unit_id,
                title=f"重点人员{person.masked_name}走访发现风险信号",
                url=reverse("grids:person_detail", args=[person.pk]),
                category=person.main_group,
                repeat_count=len(visits),
                text="\n".join(v[2] for v in visits),
                signals=tuple(signals),
            )
        )
    return facts
