"""案例实景式教学's figures for reports: for a town (or a county: its towns) and a period,
the sessions held, the participants (person-times and distinct people) and the cases in
the library by type — each a number and a ready sentence, e.g.
"围绕“信访纠纷”、“遗留拆迁”等案例开展案例实景式教学仿真训练2场,参训30人次"."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Min, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure

from .models import Case, Participant, Session

SECTION = "基层治理"
HELD = (Session.Status.HELD, Session.Status.EVALUATED)


def _quoted(names: list[str]) -> str:
    return "、".join(f"“{n}”" for n in names)


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    held = Session.objects.filter(in_subtree(unit), status__in=HELD, held_on__range=(start, end))
    # Most trained types first; among equals, the one trained first (the seed's order).
    by_type = dict(
        held.values("case__case_type")
        .annotate(n=Count("id"), first=Min("held_on"))
        .order_by("-n", "first", "case__case_type")
        .values_list("case__case_type", "n")
    )
    sessions = sum(by_type.values())
    people = Participant.objects.filter(session__in=held.values("pk")).aggregate(
        times=Count("id"),
        distinct=Count("user", distinct=True),
        excellent=Count("id", filter=Q(rating=Participant.Rating.EXCELLENT)),
        good=Count("id", filter=Q(rating=Participant.Rating.GOOD)),
        passed=Count("id", filter=Q(rating=Participant.Rating.PASS)),
        improve=Count("id", filter=Q(rating=Participant.Rating.IMPROVE)),
    )
    library = dict(
        Case.objects.filter(in_subtree(unit), is_active=True, created_on__lte=end)
        .values("case_type")
        .annotate(n=Count("id"))
        .order_by("-n", "case_type")
        .values_list("case_type", "n")
    )
    cases = sum(library.values())
    sentence = ""
    if sessions:
        names = list(by_type)
        around = f"围绕{_quoted(names[:2])}{'等' if len(names) > 1 else ''}案例"
        sentence = f"{around}开展案例实景式教学仿真训练{sessions}场,参训{people['times']}人次"
    return [
        Figure(
            key="training.sessions",
            label="案例实景式教学仿真训练",
            value=sessions,
            unit="场",
            sentence=sentence,
            section=SECTION,
            breakdown=by_type,
        ),
        Figure(
            key="training.participants",
            label="参训人次",
            value=people["times"],
            unit="人次",
            sentence=(
                f"参训{people['times']}人次({people['distinct']}人)" if people["times"] else ""
            ),
            section=SECTION,
            breakdown={
                "参训人数": people["distinct"],
                "优秀": people["excellent"],
                "良好": people["good"],
                "合格": people["passed"],
                "需改进": people["improve"],
            },
        ),
        Figure(
            key="training.cases",
            label="典型案例库案例",
            value=cases,
            unit="个",
            sentence=(
                f"典型案例库收录案例{cases}个("
                + "、".join(f"{t}{n}个" for t, n in library.items())
                + ")"
                if cases
                else ""
            ),
            section=SECTION,
            breakdown=library,
        ),
    ]
