"""重大行政决策 at county scale: `fazhi scale-data` adds five years of catalogues and
decisions, each in the status the workflow would have reached by now, with the evidence,
consultations and legality reviews its gates read; the pages read them and a generated
decision goes on through the services."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.urls import reverse

from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import User
from fazhi.decisions import scale as app_scale
from fazhi.decisions import services
from fazhi.decisions.models import Catalogue, Decision

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)
S = Decision.Status


@pytest.fixture
def grown(demo_county, on_day):
    last = Decision.objects.order_by("-id").values_list("id", flat=True).first()
    scale.grow(
        county_code=COUNTY_CODE,
        factor=0.1,
        seed=7,
        progress=scale.Progress(stream=StringIO()),
        generators=[scale.generate, app_scale.generate],  # core's and this app's only
    )
    return last


def test_generated_decisions_keep_the_rules(grown, login):
    generated = Decision.objects.filter(id__gt=grown).select_related("catalogue", "org_unit")
    assert 20 <= generated.count() <= 80
    statuses = set(generated.values_list("status", flat=True))
    assert {S.ARCHIVED, S.PUBLISHED} & statuses and len(statuses) >= 3
    for d in generated:
        report = {g["key"]: g["missing"] for g in services.gate_report(d)}
        done = [k for k, missing in report.items() if missing is None]
        # Every procedure counted as done has its evidence (gate_report reads the same
        # rows the services' guards read); nothing is counted that is not there.
        assert d.procedures_done <= len(done) or d.status == S.LEGALITY_REVIEW, (d.status, report)
        if d.status in (S.DECIDED, S.PUBLISHED, S.ARCHIVED):
            assert all(m is None for m in report.values()), report
            assert d.catalogue.published_on < d.consult_starts_on < d.decided_on < DAY
        if d.consult_starts_on:
            assert d.catalogue.status == Catalogue.Status.PUBLISHED
    officer = User.objects.get(username="officer")
    client = login(officer)
    assert client.get(reverse("decisions:decision_list")).status_code == 200
    mine = generated.filter(org_unit__code="339901101").exclude(status=S.DRAFT).first()
    assert client.get(reverse("decisions:decision_detail", args=[mine.pk])).status_code == 200
    # The services carry on with a generated decision in force: a change is a new version.
    in_force = generated.filter(
        org_unit__code="339901101", status__in=[S.PUBLISHED, S.ARCHIVED]
    ).first()
    if in_force is not None:
        new = services.decision_revise(
            actor=officer, decision=in_force, reason="客观情况发生重大变化"
        )
        assert new.version == 2
