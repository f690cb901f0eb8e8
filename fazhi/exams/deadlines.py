"""Pending items of 年度学法考试 for the workbench: a candidate's exam (or make-up) open
now and not yet sat, due on the window's last day; for the town's office, a closed exam
with absent or failed candidates and no make-up arranged. A few queries, bounded."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone

from fazhi.core import clock
from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read

from .models import Attempt, Candidate, Exam
from .services.common import OFFICE_ROLES, SITTER_ROLES


def _to_sit(user, today: date) -> list[PendingItem]:
    now = clock.now()
    items = []
    open_main = Q(exam__opens_at__lte=now, exam__closes_at__gt=now, took=False)
    open_makeup = Q(makeups__opens_at__lte=now, makeups__closes_at__gt=now, passed=False)
    rows, capped = read(
        Candidate.objects.filter(user=user)
        .filter(open_main | open_makeup)
        .select_related("exam", "org_unit")
        .prefetch_related("makeups")
        .distinct()
        .order_by("exam__closes_at")
    )
    in_progress = set(
        Attempt.objects.filter(user=user, status=Attempt.Status.IN_PROGRESS).values_list(
            "exam_id", flat=True
        )
    )
    for c in rows:
        makeup = c.exam.closes_at <= now
        closes = c.exam.closes_at
        if makeup:
            closes = max(m.closes_at for m in c.makeups.all())
        due = timezone.localtime(closes).date()
        items.append(PendingItem(
            title=("参加补考:" if makeup else "参加学法考试:") + c.exam.title
            + ("(答题中)" if c.exam_id in in_progress else ""),
            category="学法考试",
            list_url=reverse("exams:my_exams"),
            due=due,
            url=reverse("exams:my_exams"),
            unit=c.org_unit.name,
            level=level(due, today),
            capped=capped,
        ))  # fmt: skip
    return items


def _makeups_to_arrange(user, today: date) -> list[PendingItem]:
    now = clock.now()
    exams, capped = read(
        Exam.objects.visible_to(user, OFFICE_ROLES)
        .filter(closes_at__lte=now, closes_at__year__gte=today.year - 1)
        .filter(candidates__passed=False)
        .exclude(candidates__makeups__closes_at__gt=now)
        .select_related("org_unit")
        .distinct()
        .order_by("-closes_at")
    )
    return [
        PendingItem(
            title=f"安排补考:{e.title}(有缺考或不合格人员)",
            category="学法考试",
            list_url=reverse("exams:exam_list"),
            due=None,
            url=reverse("exams:exam_detail", args=[e.pk]),
            unit=e.org_unit.name,
            level="warning",
            capped=capped,
        )
        for e in exams
    ]


def pending_items(user, today: date) -> list[PendingItem]:
    if not (user and user.is_authenticated):
        return []
    items: list[PendingItem] = []
    if user.has_role(*SITTER_ROLES):
        items += _to_sit(user, today)
    if user.has_role(*OFFICE_ROLES):
        items += _makeups_to_arrange(user, today)
    return items
