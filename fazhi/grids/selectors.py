"""Reads of 网格走访, scoped (key persons and visits only to those who visit or supervise
the grid) and prefetched, so a page's query count does not grow with its rows; the
compliance rate (走访完成率) per grid and village from the indexed visit columns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from fazhi.core import clock, pii, snapshots
from fazhi.core.models import Membership, OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q
from fazhi.core.summary import percent

from .models import COMPLIANCE_ROLES, GridHelper, KeyGroupCategory, KeyPerson, RiskSignal, Visit
from .params import DUE_SOON_DAYS

WARNINGS = {"overdue": "走访逾期", "due_soon": "即将到期"}


def _in_unit(unit) -> Q:
    """Records of a grid, or of every grid of a village or town (the unit ids, not a join)."""
    if unit.kind == OrgUnit.Kind.GRID:
        return Q(org_unit=unit)
    return Q(org_unit_id__in=OrgUnit.objects.filter(code__startswith=unit.code).values("id"))


def due_windows(today: date, unit=None) -> tuple[Q, Q]:
    """(overdue, due soon) as ranges on the person's indexed next_visit_due column."""
    horizon = today + timedelta(days=int(DUE_SOON_DAYS.value(unit)))
    return (
        Q(next_visit_due__lt=today),
        Q(next_visit_due__gte=today, next_visit_due__lte=horizon),
    )


def person_list(
    actor,
    *,
    org_unit=None,
    group: str = "",
    category=None,
    warning: str = "",
    q: str = "",
    removed: bool = False,
    today: date | None = None,
):
    """The key persons the actor may see, the next due visit first."""
    today = today or clock.today()
    qs = (
        KeyPerson.objects.visible_to(actor)
        .filter(is_active=not removed)
        .select_related("org_unit", "org_unit__parent")
        .prefetch_related("categories")
        .order_by("next_visit_due", "id")
    )
    if org_unit is not None:
        qs = qs.filter(_in_unit(org_unit))
    if group:
        qs = qs.filter(main_group=group)
    if category is not None:
        qs = qs.filter(categories=category)
    overdue, due_soon = due_windows(today)
    if warning == "overdue":
        qs = qs.filter(overdue)
    elif warning == "due_soon":
        qs = qs.filter(due_soon)
    if q:
        qs = qs.filter(search_q(KeyPerson, q))
    return qs


def person_get(actor, pk: int) -> KeyPerson:
    """One person with their categories and visits (newest first); else 404."""
    visits = Visit.objects.select_related("recorded_by").order_by("-visited_on", "-id")
    return get_visible_or_404(
        KeyPerson.objects.select_related(
            "org_unit", "org_unit__parent", "created_by"
        ).prefetch_related("categories", Prefetch("visits", queryset=visits, to_attr="visit_rows")),
        actor,
        None,
        pk=pk,
    )


def visit_list(
    actor,
    *,
    org_unit=None,
    person=None,
    group: str = "",
    signals: bool = False,
    start: date | None = None,
    end: date | None = None,
    q: str = "",
):
    """The visits the actor may see, newest first."""
    qs = (
        Visit.objects.visible_to(actor)
        .select_related("person", "org_unit", "recorded_by")
        # A list shows the person's masked name and the visitor's name, never their
        # encrypted fields.
        .defer(*pii.unread(Visit, "person", "recorded_by"), "person__search")
        .order_by("-visited_on", "-id")
    )
    if org_unit is not None:
        qs = qs.filter(_in_unit(org_unit))
    if person is not None:
        qs = qs.filter(person=person)
    if group:
        qs = qs.filter(group=group)
    if signals:
        qs = qs.filter(has_signals=True)
    if start:
        qs = qs.filter(visited_on__gte=start)
    if end:
        qs = qs.filter(visited_on__lte=end)
    if q:
        qs = qs.filter(person__in=KeyPerson.objects.filter(search_q(KeyPerson, q)).values("pk"))
    return qs


def visit_get(actor, pk: int) -> Visit:
    return get_visible_or_404(
        Visit.objects.select_related(
            "person", "person__org_unit", "org_unit", "org_unit__parent", "recorded_by"
        ),
        actor,
        None,
        pk=pk,
    )


def categories_of(town) -> list[KeyGroupCategory]:
    return list(KeyGroupCategory.objects.filter(org_unit=town).order_by("group", "id"))


def signals_of(town, *, active_only=True) -> list[RiskSignal]:
    qs = RiskSignal.objects.filter(org_unit=town)
    if active_only:
        qs = qs.filter(is_active=True)
    return list(qs.order_by("id"))


def grid_list(actor):
    """The grids the actor sees (as a key-group reader), with how many active persons."""
    return (
        OrgUnit.objects.visible_to(actor, {Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.LAW_OFFICER})
        .filter(kind=OrgUnit.Kind.GRID)
        .select_related("parent")
        .order_by("code")
    )


def grid_people(grid):
    """The grid's workers (memberships) and its helpers."""
    workers = list(
        Membership.objects.filter(org_unit=grid, role=Role.GRID_WORKER, is_active=True)
        .select_related("user")
        .order_by("id")
    )
    helpers = list(GridHelper.objects.filter(org_unit=grid, is_active=True).order_by("id"))
    return workers, helpers


# --- compliance (走访完成率) ---------------------------------------------------------------


@dataclass
class Rate:
    unit: OrgUnit
    due: int = 0
    on_time: int = 0
    visits: int = 0

    @property
    def rate(self) -> float | None:
        return percent(self.on_time, self.due, empty=None)


def compliance_units(actor):
    """The grids whose rates the actor reads (key-group readers and, as aggregates only,
    the town's leaders and the county)."""
    return (
        OrgUnit.objects.visible_to(actor, COMPLIANCE_ROLES)
        .filter(kind=OrgUnit.Kind.GRID)
        .select_related("parent")
        .order_by("code")
    )


def compliance(grids, start: date, end: date, today: date | None = None) -> dict[int, Rate]:
    """Per grid, for the period: persons with a visit due in it, of them those never
    late, and visits made.

    A person is due in the period when a due date of theirs falls in it — the due date a
    recorded visit answered (`Visit.due_on`), or their current `next_visit_due` that has
    passed unvisited. They were visited on time when none of those was missed."""
    today = today or clock.today()
    last = min(end, today - timedelta(days=1))
    grid_ids = [g.pk for g in grids]
    rates = {g.pk: Rate(g) for g in grids}
    if not grid_ids:
        return rates
    due: dict[int, set] = {}
    late: dict[int, set] = {}
    for unit_id, person_id, on_time in (
        Visit.objects.filter(org_unit_id__in=grid_ids, due_on__range=(start, end))
        .values_list("org_unit_id", "person_id", "on_time")
        .iterator(chunk_size=5000)
    ):
        due.setdefault(unit_id, set()).add(person_id)
        if not on_time:
            late.setdefault(unit_id, set()).add(person_id)
    if last >= start:
        for unit_id, person_id in KeyPerson.objects.filter(
            org_unit_id__in=grid_ids, is_active=True, next_visit_due__range=(start, last)
        ).values_list("org_unit_id", "id"):
            due.setdefault(unit_id, set()).add(person_id)
            late.setdefault(unit_id, set()).add(person_id)
    visits = dict(
        Visit.objects.filter(org_unit_id__in=grid_ids, visited_on__range=(start, end))
        .values("org_unit_id")
        .annotate(n=Count("id"))
        .values_list("org_unit_id", "n")
    )
    for pk, rate in rates.items():
        rate.due = len(due.get(pk, ()))
        rate.on_time = rate.due - len(late.get(pk, ()))
        rate.visits = visits.get(pk, 0)
    return rates


def compliance_totals(unit: OrgUnit, start: date, end: date, today: date | None = None):
    """(due, on_time) summed over the grids of `unit`'s subtree, as the sum of `compliance`
    over those grids, counted by the database: a person counts once per grid, due when a
    due date of theirs fell in the period, late when one was missed. The figures of a
    county read 120,000 visits a year into Python sets otherwise (0.7 s at factor 1.0)."""
    today = today or clock.today()
    last = min(end, today - timedelta(days=1))
    grids = OrgUnit.objects.filter(code__startswith=unit.code, kind=OrgUnit.Kind.GRID).values("id")
    visits = Visit.objects.filter(org_unit_id__in=grids, due_on__range=(start, end))
    missed = KeyPerson.objects.filter(
        org_unit_id__in=grids, is_active=True, next_visit_due__range=(start, last)
    ).values_list("org_unit_id", "id")
    if last < start:
        missed = missed.none()
    pairs = visits.values_list("org_unit_id", "person_id")
    due = pairs.union(missed).count()
    late = pairs.filter(on_time=False).union(missed).count()
    return due, due - late


def by_village(rates: dict[int, Rate]) -> list[tuple[OrgUnit, Rate, list[Rate]]]:
    """The grid rates summed per village (or community), in code order."""
    villages: dict[int, tuple[OrgUnit, Rate, list[Rate]]] = {}
    for rate in sorted(rates.values(), key=lambda r: r.unit.code):
        village = rate.unit.parent
        entry = villages.setdefault(village.pk, (village, Rate(village), []))
        entry[1].due += rate.due
        entry[1].on_time += rate.on_time
        entry[1].visits += rate.visits
        entry[2].append(rate)
    return list(villages.values())


@dataclass
class ComplianceView:
    """What the compliance page and API show: per town (someone who sees several towns and
    picked none; remembered, `taken_at` when counted) or per grid (a town's, or one's own)."""

    towns: list[Rate]
    grids: dict[int, Rate]
    town: OrgUnit | None = None  # the town picked from several
    taken_at: datetime | None = None
    county: OrgUnit | None = None  # whose snapshot parameter applies to the town rows

    @property
    def total(self) -> Rate:
        total = Rate(OrgUnit(name="合计"))
        for part in self.towns or self.grids.values():
            total.due += part.due
            total.on_time += part.on_time
            total.visits += part.visits
        return total


def compliance_view(actor, start: date, end: date, *, town_id=None, fresh=False):
    """The compliance rates the actor reads for the period. `town_id` (one of the towns
    they see whole) narrows to that town's grids; one not among them is 404. A county's
    per-town rows count its ~1,500 grids (about half a second), so they are remembered
    (core.snapshots); no grid is read when they are."""
    towns = list(
        OrgUnit.objects.visible_to(actor, COMPLIANCE_ROLES)
        .filter(kind=OrgUnit.Kind.TOWN)
        .select_related("parent")
        .order_by("code")
    )
    town = None
    if town_id not in (None, ""):
        town = next((t for t in towns if str(t.pk) == str(town_id)), None)
        if town is None:
            raise Http404("记录不存在或无权查看")
    if town is None and len(towns) > 1:
        rows, taken_at = _town_rates(actor, towns, start, end, fresh)
        return ComplianceView(rows, {}, None, taken_at, towns[0].parent)
    grids = compliance_units(actor)
    if town is not None:
        grids = grids.filter(code__startswith=town.code)
    return ComplianceView([], compliance(list(grids), start, end), town if len(towns) > 1 else None)


def _town_rates(actor, towns, start, end, fresh):
    by_pk = {t.pk: t for t in towns}
    town_of = {t.code: t.pk for t in towns}

    def count():
        grids = [g for g in compliance_units(actor) if g.code[:9] in town_of]
        rows = {t.pk: Rate(t) for t in towns}
        for rate in compliance(grids, start, end).values():
            row = rows[town_of[rate.unit.code[:9]]]
            row.due += rate.due
            row.on_time += rate.on_time
            row.visits += rate.visits
        return list(rows.values())

    ids = ",".join(str(pk) for pk in sorted(by_pk))
    key = f"compliance:{hashlib.sha256(ids.encode()).hexdigest()[:16]}:{start}:{end}"
    return snapshots.remembered(
        key,
        count,
        dump=lambda rows: [[r.unit.pk, r.due, r.on_time, r.visits] for r in rows],
        load=lambda payload: [Rate(by_pk[pk], d, o, v) for pk, d, o, v in payload if pk in by_pk],
        fresh=fresh,
        unit=towns[0].parent,
    )


def person_counts(grid_ids) -> dict[int, int]:
    """Active key persons per grid (one grouped query)."""
    return dict(
        KeyPerson.objects.filter(org_unit_id__in=grid_ids, is_active=True)
        .values("org_unit_id")
        .annotate(n=Count("id"))
        .values_list("org_unit_id", "n")
    )
