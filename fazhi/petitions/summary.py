"""信访's figures for reports: for a town (or a county: its towns) and a period, the
petitions registered and accepted, the share told of the acceptance decision in time
(信访工作条例 22–23) and handled in time (34), and the 复查 and 复核 requested (35–36) —
each a number and a ready sentence, e.g.
"受理信访事项12件,按期受理率100.0%,按期办结率91.7%,复查1件、复核0件". One query."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, monthly_counts, percent

from .models import Petition

SECTION = "基层治理"
S = Petition.Status


def counts(unit: OrgUnit, start: date, end: date) -> dict:
    period = (start, end)
    return Petition.objects.filter(in_subtree(unit)).aggregate(
        received=Count("id", filter=Q(received_on__range=period)),
        groups=Count("id", filter=Q(received_on__range=period, is_group=True)),
        decided=Count(
            "id",
            filter=Q(decided_on__range=period, notified_on__isnull=False) & ~Q(status=S.OBJECTED),
        ),
        decided_on_time=Count(
            "id",
            filter=Q(decided_on__range=period, notified_on__lte=F("accept_due"))
            & ~Q(status=S.OBJECTED),
        ),
        accepted=Count("id", filter=Q(decided_on__range=period, handling_due__isnull=False)),
        answered=Count("id", filter=Q(answered_on__range=period)),
        answered_on_time=Count(
            "id", filter=Q(answered_on__range=period, answered_on__lte=F("handling_due"))
        ),
        extended=Count("id", filter=Q(extended_on__range=period)),
        reviews=Count("id", filter=Q(review_requested_on__range=period)),
        rereviews=Count("id", filter=Q(rereview_requested_on__range=period)),
    )


def sentence(c: dict) -> str:
    if not (c["received"] or c["accepted"] or c["answered"]):
        return ""
    on_time = percent(c["decided_on_time"], c["decided"])
    handled = percent(c["answered_on_time"], c["answered"])
    return (
        f"受理信访事项{c['accepted']}件,按期受理率{on_time}%,按期办结率{handled}%,"
        f"复查{c['reviews']}件、复核{c['rereviews']}件"
    )


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    c = counts(unit, start, end)
    accept_rate = percent(c["decided_on_time"], c["decided"])
    handle_rate = percent(c["answered_on_time"], c["answered"])
    return [
        Figure(
            key="petitions.received",
            label="登记信访事项",
            value=c["received"],
            sentence=(
                f"登记信访事项{c['received']}件"
                + (f",其中集体访{c['groups']}批" if c["groups"] else "")
            )
            if c["received"]
            else "",
            section=SECTION,
            breakdown={"集体访": c["groups"]},
        ),
        Figure(
            key="petitions.accepted",
            label="受理信访事项",
            value=c["accepted"],
            sentence=sentence(c),
            section=SECTION,
            breakdown={
                "按期告知": c["decided_on_time"],
                "作出受理决定": c["decided"],
                "办结": c["answered"],
                "按期办结": c["answered_on_time"],
                "延期": c["extended"],
                "复查": c["reviews"],
                "复核": c["rereviews"],
            },
        ),
        Figure(
            key="petitions.accept_on_time_rate",
            label="信访事项按期受理率",
            value=accept_rate,
            unit="%",
            sentence=f"信访事项按期受理率{accept_rate}%" if c["decided"] else "",
            section=SECTION,
        ),
        Figure(
            key="petitions.handled_on_time_rate",
            label="信访事项按期办结率",
            value=handle_rate,
            unit="%",
            sentence=f"信访事项按期办结率{handle_rate}%" if c["answered"] else "",
            section=SECTION,
        ),
        Figure(
            key="petitions.reviews",
            label="复查、复核",
            value=c["reviews"] + c["rereviews"],
            sentence=f"复查{c['reviews']}件、复核{c['rereviews']}件"
            if c["reviews"] or c["rereviews"]
            else "",
            section=SECTION,
            breakdown={"复查": c["reviews"], "复核": c["rereviews"]},
        ),
    ]


def monthly(unit: OrgUnit, year: int) -> dict[str, list[int]]:
    """petitions.received per month of `year` (the dashboard's trend)."""
    return {
        "petitions.received": monthly_counts(
            Petition.objects.filter(in_subtree(unit)), "received_on", year
        )
    }
