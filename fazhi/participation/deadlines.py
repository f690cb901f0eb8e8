"""Pending items of 公众参与 for the workbench of those who organise (law officer, town
leader): consultations with comments still unanswered (due on the period's end: after it
every comment must be answered before the draft goes on), and hearings whose participant
list is still to be published (due on the hearing day). Bounded, nearest first."""

from __future__ import annotations

from datetime import date

from django.db.models import F

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, level, read

from .models import Consultation, Hearing
from .services import ORGANISER_ROLES


def pending_items(user, today: date) -> list[PendingItem]:
    if not user.has_role(*ORGANISER_ROLES):
        return []
    items = []
    consultations, capped = read(
        Consultation.objects.visible_to(user, ORGANISER_ROLES)
        .filter(answered_count__lt=F("comment_count"))
        .select_related("org_unit")
        .order_by("ends_on", "id")
    )
    for c in consultations:
        items.append(PendingItem(
            title=f"答复公众意见:{c.title}(未答复{c.unanswered_count}条)", category="征求意见",
            due=c.ends_on, url=reverse("participation:consultation_detail", args=[c.pk]),
            list_url=reverse("participation:consultation_list") + "?status=unanswered",
            unit=c.org_unit.name, level=level(c.ends_on, today, warn_days=3), capped=capped,
        ))  # fmt: skip
    hearings, capped = read(
        Hearing.objects.visible_to(user, ORGANISER_ROLES)
        .filter(status__in=[Hearing.Status.NOTICED, Hearing.Status.LISTED], held_on__gte=today)
        .select_related("org_unit")
        .order_by("held_on", "id")
    )
    for h in hearings:
        todo = (
            "选定并公布听证参加人" if h.status == Hearing.Status.NOTICED else "举行听证并上传笔录"
        )
        items.append(PendingItem(
            title=f"{todo}:{h.title}", category="听证", due=h.held_on,
            url=reverse("participation:hearing_detail", args=[h.pk]),
            list_url=reverse("participation:hearing_list"), unit=h.org_unit.name,
            level=level(h.held_on, today, warn_days=3), capped=capped,
        ))  # fmt: skip
    return items
