"""Key persons and visits at county scale (`fazhi scale-data`): about 40,000 key persons
in the county's grids at factor 1.0 and some 600,000 visits over five years.

Every row keeps the rules the services enforce: a person's categories belong to their
town and give the shortest interval and the most severe group; a visit is never before
the registration nor after yesterday, it is recorded by the grid's worker, its due date
is the interval after the previous visit (or the registration) through the deadline
service, and `on_time` says whether it came by then; the person's last visit and next
due date are those the visit service would have left. Visits are written in batches and
not kept in memory (600,000 model instances would not fit a small machine).
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta
from datetime import time as dtime
from functools import lru_cache

from django.utils import timezone

from fazhi.core import pii
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.models import Membership
from fazhi.core.roles import Role
from fazhi.core.validators import _ID_CHECK, _ID_WEIGHTS

from .models import Group, KeyGroupCategory, KeyPerson, RiskSignal, Visit, most_severe
from .services.config import DEFAULT_CATEGORIES, DEFAULT_SIGNALS, default_interval

PERSONS = 40_000
BATCH = 2_000
_MODES = [
    (Visit.Mode.HOME, 60),
    (Visit.Mode.PHONE, 25),
    (Visit.Mode.TALK, 10),
    (Visit.Mode.VIDEO, 5),
]
# Shares of persons by their first category's group (most are 困难群体).
_GROUP_WEIGHTS = {Group.HARDSHIP: 82, Group.SPECIAL: 15, Group.SENSITIVE: 3}
_TEXT = {
    Group.HARDSHIP: "入户了解生活和救助落实情况,基本生活有保障。",
    Group.SPECIAL: "了解思想、就业和家庭情况,表现稳定。",
    Group.SENSITIVE: "了解诉求办理进展,解释政策,情绪总体平稳。",
}


def _id_number(rng, seq: int) -> str:
    born = datetime(1935, 1, 1) + timedelta(days=rng.randrange(70 * 365))
    body = f"339901{born:%Y%m%d}{seq % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + _ID_CHECK[total % 11]


def _categories(ctx) -> dict[int, list[KeyGroupCategory]]:
    """Each town's active categories (the demo town keeps its own; others get defaults)."""
    have: dict[int, list] = {}
    for c in KeyGroupCategory.objects.filter(is_active=True):
        have.setdefault(c.org_unit_id, []).append(c)
    new, signals = [], []
    for town in ctx.towns:
        if town.unit.pk in have:
            continue
        new += [KeyGroupCategory(org_unit=town.unit, group=g, name=n,
                                 interval_days=default_interval(g, town.unit))
                for g, n in DEFAULT_CATEGORIES]  # fmt: skip
        signals += [RiskSignal(org_unit=town.unit, name=n) for n in DEFAULT_SIGNALS]
    for c in ctx.bulk(KeyGroupCategory, new, "重点人群类别"):
        have.setdefault(c.org_unit_id, []).append(c)
    ctx.bulk(RiskSignal, signals, "风险信号选项")
    return have


def _workers(ctx) -> dict[int, int]:
    grid_ids = [g.pk for t in ctx.towns for g in t.grids]
    workers: dict[int, int] = {}
    for unit_id, user_id in (
        Membership.objects.filter(role=Role.GRID_WORKER, is_active=True, org_unit_id__in=grid_ids)
        .order_by("id")
        .values_list("org_unit_id", "user_id")
    ):
        workers.setdefault(unit_id, user_id)
    return workers


def generate(ctx) -> None:
    rng = ctx.rng("grids")
    categories = _categories(ctx)
    workers = _workers(ctx)
    due = lru_cache(maxsize=None)(lambda base, n: deadline(base, n, "days"))
    grids = [(t, g) for t in ctx.towns for g in t.grids]
    groups = list(_GROUP_WEIGHTS)
    weights = list(_GROUP_WEIGHTS.values())
    yesterday = ctx.today - timedelta(days=1)
    persons, cats_of, visit_plans = [], [], []
    with overrides_read_once():
        for seq in range(1, ctx.n(PERSONS) + 1):
            town, grid = rng.choice(grids)
            by_group: dict[str, list] = {}
            for c in categories[town.unit.pk]:
                by_group.setdefault(c.group, []).append(c)
            group = rng.choices(groups, weights)[0]
            cats = [rng.choice(by_group[group])]
            if rng.random() < 0.15:  # some belong to two categories (独居老人 and 残疾人 …)
                extra = rng.choice(categories[town.unit.pk])
                if extra not in cats:
                    cats.append(extra)
            interval = min(c.interval_days for c in cats)
            registered = ctx.day(rng, end=ctx.today - timedelta(days=20))
            visits, day, last = [], registered, None
            while True:
                # Most visits come before the due date; one in eight a few days late.
                late = rng.random() < 0.12
                step = (
                    interval + rng.randint(1, 10)
                    if late
                    else rng.randint(interval * 9 // 10, interval)
                )
                nxt = day + timedelta(days=max(1, step))
                if nxt > yesterday:
                    break
                answered = due(day, interval)
                visits.append((nxt, answered))
                day = last = nxt
            if visits and rng.random() < 0.06:  # a missed visit: overdue now
                visits.pop()
                last = visits[-1][0] if visits else None
            phone = f"13{rng.randint(3, 9)}{rng.randrange(10**8):08d}"
            id_number = _id_number(rng, seq)
            p = KeyPerson(
                org_unit_id=grid.pk, name=ctx.person_name(rng), id_number=id_number,
                id_number_hash=pii.keyed_hash(id_number), phone=phone,
                address=f"{grid.name}{rng.randint(1, 300)}号", registered_on=registered,
                main_group=most_severe(c.group for c in cats), interval_days=interval,
                last_visited_on=last, next_visit_due=due(last or registered, interval),
                created_by_id=workers.get(grid.pk, town.officer.pk),
                created_at=timezone.make_aware(datetime.combine(registered, dtime(9, 0))),
            )  # fmt: skip
            p.fill_search()
            persons.append(p)
            cats_of.append(cats)
            visit_plans.append(visits)
    saved = ctx.bulk(KeyPerson, persons, "重点人员")
    through = KeyPerson.categories.through
    ctx.bulk(
        through,
        (through(keyperson_id=p.pk, keygroupcategory_id=c.pk)
         for p, cats in zip(saved, cats_of, strict=True) for c in cats),
        "重点人员类别",
    )  # fmt: skip
    _visits(ctx, rng, saved, visit_plans, workers)


def _visits(ctx, rng, persons, plans, workers) -> None:
    """Write the visits in batches, none kept after its batch is written."""
    modes = [m for m, _ in _MODES]
    mode_weights = [w for _, w in _MODES]
    label = "走访"
    batch: list[Visit] = []

    def flush():
        started = time.perf_counter()
        Visit.objects.bulk_create(batch, batch_size=BATCH)
        ctx.progress.add(label, len(batch), started)
        batch.clear()

    for person, visits in zip(persons, plans, strict=True):
        recorder = workers.get(person.org_unit_id, person.created_by_id)
        for day, answered in visits:
            signalled = rng.random() < 0.01
            batch.append(
                Visit(
                    person_id=person.pk,
                    org_unit_id=person.org_unit_id,
                    group=person.main_group,
                    visited_on=day,
                    mode=rng.choices(modes, mode_weights)[0],
                    situation=_TEXT[Group(person.main_group)],
                    signals=["情绪激动"] if signalled else [],
                    has_signals=signalled,
                    follow_up="继续跟踪" if signalled else "",
                    due_on=answered,
                    on_time=day <= answered,
                    client_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                    recorded_by_id=recorder,
                    recorded_at=timezone.make_aware(datetime.combine(day, dtime(15, 0))),
                )  # fmt: skip
            )
            if len(batch) >= BATCH:
                flush()
    if batch:
        flush()
    ctx.progress.done(label)
