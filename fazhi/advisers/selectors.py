"""Reads of 法律顾问, scoped and prefetched (no N+1): the registry a person may see, one
adviser with terms, entries and assessments, and the work record of a whole page of
advisers for a year in two aggregate queries (legality reviews from fazhi.reviews, and
work entries by kind)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.http import Http404

from fazhi.core.summary import percent
from fazhi.reviews.models import ReviewRequest

from .models import MANAGER_READER_ROLES, Adviser, Appointment, Assessment, WorkEntry


def review_kind_labels() -> dict[str, str]:
    return {k: str(v) for k, v in ReviewRequest._meta.get_field("kind").flatchoices}


def _latest_term(field_name: str):
    return Subquery(
        Appointment.objects.filter(adviser=OuterRef("pk")).order_by("-start").values(field_name)[:1]
    )


def adviser_list(actor, *, status: str = "", kind: str = "", q: str = ""):
    """Advisers the actor may see: every adviser of their scope (county supervisor, town
    leader, law officer), or a legal adviser's own record. Each with its latest term."""
    qs = Adviser.objects.visible_to(actor, MANAGER_READER_ROLES)
    if actor is not None and actor.is_authenticated:
        qs = qs | Adviser.objects.filter(user=actor)
    qs = qs.select_related("org_unit", "user").annotate(
        term_start=_latest_term("start"), term_end=_latest_term("end")
    )
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(name__contains=q) | Q(institution__contains=q))
    return qs.order_by("org_unit__code", "name", "id")


def adviser_get(actor, pk: int) -> Adviser:
    """One adviser the actor may see, with terms, work entries and assessments; else 404."""
    qs = adviser_list(actor).prefetch_related(
        Prefetch("appointments", queryset=Appointment.objects.order_by("start")),
        Prefetch(
            "work_entries",
            queryset=WorkEntry.objects.select_related("created_by").order_by("-date", "-id"),
        ),
        Prefetch("assessments", queryset=Assessment.objects.select_related("assessor")),
    )
    try:
        return qs.get(pk=pk)
    except Adviser.DoesNotExist:
        raise Http404("记录不存在或无权查看") from None


@dataclass
class WorkRecord:
    """One adviser's work in one year."""

    year: int
    reviews: int = 0  # legality reviews concluded (fazhi.reviews)
    on_time: int = 0  # of which concluded by their due date
    reviews_by_kind: dict = field(default_factory=dict)  # kind label → count
    entries: dict = field(default_factory=dict)  # WorkEntry.Kind value → count

    @property
    def on_time_rate(self) -> float | None:
        """Per cent, one decimal; None without reviews."""
        return percent(self.on_time, self.reviews, empty=None)

    @property
    def on_time_percent(self) -> str:
        rate = self.on_time_rate
        return "—" if rate is None else f"{rate:.1f}%"

    @property
    def entries_total(self) -> int:
        return sum(self.entries.values())

    def count(self, kind: str) -> int:
        return self.entries.get(kind, 0)


def review_rows(user_ids, start: date, end: date, unit_codes=None):
    """Concluded reviews by these reviewers, concluded start..end, grouped by reviewer,
    town and kind, with how many were on time: ONE query."""
    if not user_ids:
        return []
    qs = ReviewRequest.objects.filter(
        reviewer_id__in=list(user_ids),
        status="concluded",
        concluded_at__date__gte=start,
        concluded_at__date__lte=end,
    )
    if unit_codes is not None:
        q = Q()
        for code in unit_codes:
            q |= Q(org_unit__code__startswith=code)
        qs = qs.filter(q)
    return list(
        qs.values("reviewer_id", "org_unit__code", "kind")
        .annotate(
            total=Count("id"),
            on_time=Count("id", filter=Q(concluded_at__date__lte=F("due_date"))),
        )
        .order_by()
    )


def work_records(advisers, year: int) -> dict[int, WorkRecord]:
    """adviser id → WorkRecord for `year`, for a list of advisers: two queries in all.
    An adviser's reviews are those their login concluded for their unit's subtree."""
    advisers = list(advisers)
    records = {a.pk: WorkRecord(year) for a in advisers}
    if not advisers:
        return records
    start, end = date(year, 1, 1), date(year, 12, 31)
    for row in (
        WorkEntry.objects.filter(adviser__in=advisers, date__range=(start, end))
        .values("adviser_id", "kind")
        .annotate(n=Count("id"))
        .order_by()
    ):
        records[row["adviser_id"]].entries[row["kind"]] = row["n"]
    linked = [a for a in advisers if a.user_id]
    labels = review_kind_labels()
    rows = review_rows({a.user_id for a in linked}, start, end)
    for a in linked:
        rec = records[a.pk]
        for row in rows:
            if row["reviewer_id"] == a.user_id and (row["org_unit__code"] or "").startswith(
                a.org_unit.code
            ):
                rec.reviews += row["total"]
                rec.on_time += row["on_time"]
                label = labels.get(row["kind"], row["kind"])
                rec.reviews_by_kind[label] = rec.reviews_by_kind.get(label, 0) + row["total"]
    return records


def attach_work_records(advisers, year: int) -> list:
    """The advisers with `.record` set (a WorkRecord for `year`)."""
    advisers = list(advisers)
    records = work_records(advisers, year)
    for a in advisers:
        a.record = records[a.pk]
    return advisers


def assessments_for_export(advisers):
    """Assessments of these advisers, newest year first (one query)."""
    grouped = defaultdict(list)
    for a in Assessment.objects.filter(adviser__in=list(advisers)).order_by("adviser_id", "-year"):
        grouped[a.adviser_id].append(a)
    return grouped


def recent_reviews(adviser: Adviser, limit: int = 20) -> list:
    """The latest legality reviews this adviser's login concluded for their unit."""
    if not adviser.user_id:
        return []
    return list(
        ReviewRequest.objects.filter(
            reviewer_id=adviser.user_id,
            status="concluded",
            org_unit__code__startswith=adviser.org_unit.code,
        ).order_by("-concluded_at")[:limit]
    )
