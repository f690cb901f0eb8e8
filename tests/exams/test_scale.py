"""年度学法考试 at county scale, at a tiny factor: the rows keep the services' rules and
the rates read them."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.db.models import Count, Max, Q

from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE
from fazhi.exams import scale as exams_scale
from fazhi.exams import selectors
from fazhi.exams.models import Attempt, Candidate, Exam, MakeUp, Question

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


def test_scale_rows_keep_the_rules(people, tree, on_day):
    on_day(DAY)
    totals = scale.grow(county_code=COUNTY_CODE, factor=0.02, seed=3,
                        progress=scale.Progress(stream=StringIO()),
                        generators=[scale.generate, exams_scale.generate])  # fmt: skip
    assert totals["学法考试答卷"] == Attempt.objects.count() > 0
    assert Question.objects.filter(org_unit=tree.town_a).count() == 120
    # Five years, each November over: 2022–2026 for each town with cadres.
    assert set(Exam.objects.filter(org_unit=tree.town_a).values_list("year", flat=True)) == set(
        range(2022, 2027)
    )
    # One sitting in the window; a second only inside a make-up of someone absent or failed.
    per = Attempt.objects.values("candidate").annotate(
        main=Count("id", filter=Q(makeup__isnull=True)),
        extra=Count("id", filter=Q(makeup__isnull=False)),
    )
    assert max(r["main"] for r in per) == 1 and max(r["extra"] for r in per) == 1
    for m in MakeUp.objects.select_related("exam")[:200]:
        assert m.opens_at >= m.exam.closes_at
    first_failed = set(
        Attempt.objects.filter(number=1, makeup__isnull=True, passed=False).values_list(
            "candidate", flat=True
        )
    )
    absent_first = set(
        Candidate.objects.filter(attempts__isnull=False).values_list("pk", flat=True)
    )
    for a in Attempt.objects.filter(makeup__isnull=False).values("candidate", "number"):
        assert (
            a["candidate"] in first_failed or a["number"] == 1 or a["candidate"] not in absent_first
        )
    # Standing = the best sitting.
    best = dict(
        Attempt.objects.values("candidate").annotate(b=Max("score")).values_list("candidate", "b")
    )
    for c in Candidate.objects.all()[:500]:
        assert c.best_score == best.get(c.pk)
        assert c.passed == (c.best_score is not None and c.best_score >= 80)
    assert all(a.deadline <= a.window_closes_at for a in Attempt.objects.all()[:500])
    ranking = selectors.town_ranking(people.supervisor, 2025)
    assert {r.unit.code for r in ranking} >= {"339901101", "339901102"}
    assert all(0 < r.pass_rate <= 100 for r in ranking)
