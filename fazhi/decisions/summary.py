"""重大行政决策's figures for reports, honest for any period (a year, a 旬): the major
decisions under way or concluded in the period and how many of them have all five
statutory procedures complete (with the share), the decisions made and published, and
the catalogues published — each a number and a ready sentence."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent

from .models import Catalogue, Decision

SECTION = "依法行政"
FIVE = "公众参与、专家论证、风险评估、合法性审查、集体讨论决定五项法定程序"


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    # Under way or concluded in the period: its procedure had begun (the consultation
    # opened) by the period's end, and it was not decided before the period's start.
    handled = Decision.objects.filter(in_subtree(unit), consult_starts_on__lte=end).filter(
        Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )
    agg = handled.aggregate(
        total=Count("id"),
        complete=Count("id", filter=Q(procedures_completed_on__lte=end)),
    )
    made = Decision.objects.filter(in_subtree(unit)).aggregate(
        decided=Count("id", filter=Q(decided_on__range=(start, end))),
        published=Count("id", filter=Q(published_on__range=(start, end))),
    )
    cats = Catalogue.objects.filter(in_subtree(unit), published_on__range=(start, end)).aggregate(
        n=Count("id", distinct=True), items=Count("decisions")
    )
    total, complete = agg["total"], agg["complete"]
    share = percent(complete, total)
    return [
        Figure(
            key="decisions.five_procedures",
            label="五项法定程序全部履行的重大行政决策",
            value=complete,
            unit="项",
            sentence=(
                f"在办及办结重大行政决策{total}项,{FIVE}全部履行的{complete}项,占{share}%"
                if total
                else ""
            ),
            section=SECTION,
            breakdown={"在办及办结": total, "五项程序全部履行": complete, "占比(%)": share},
        ),
        Figure(
            key="decisions.decided",
            label="作出重大行政决策",
            value=made["decided"],
            unit="项",
            sentence=(
                f"经集体讨论作出重大行政决策{made['decided']}项,公布{made['published']}项"
                if made["decided"] or made["published"]
                else ""
            ),
            section=SECTION,
            breakdown={"作出": made["decided"], "公布": made["published"]},
        ),
        Figure(
            key="decisions.catalogues",
            label="公布重大行政决策事项目录",
            value=cats["n"],
            unit="份",
            sentence=(
                f"向社会公布年度重大行政决策事项目录{cats['n']}份,列入决策事项{cats['items']}项"
                if cats["n"]
                else ""
            ),
            section=SECTION,
            breakdown={"列入事项": cats["items"]},
        ),
    ]
