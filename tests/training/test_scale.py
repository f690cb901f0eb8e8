"""案例实景式教学 at county scale: `fazhi scale-data` adds cases, sessions and rosters that
keep the services' rules, scoped as the demo accounts expect, and the services carry on
with them afterwards."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.core import demo as core_demo
from fazhi.core import scale
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import User
from fazhi.training import demo, services
from fazhi.training.models import Case, Participant, Session
from fazhi.training.params import EVALUATION_WORKDAYS, case_types
from fazhi.training.scale import generate
from fazhi.training.services.common import in_town

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)
S = Session.Status


@pytest.fixture
def grown(on_day, monkeypatch):
    """The demo county with this app's demo, grown at factor 0.1 by core and this app only
    (the other apps' records are theirs to test)."""
    on_day(DAY)
    monkeypatch.setattr(core_demo, "app_hooks", lambda module, attr: iter([demo.load_app_demo]))
    call_command("demo", stdout=StringIO())
    last = Session.objects.order_by("-id").values_list("id", flat=True).first()
    scale.grow(county_code=COUNTY_CODE, factor=0.1, seed=7, generators=[scale.generate, generate],
               progress=scale.Progress(stream=StringIO()))  # fmt: skip
    return last


def test_generated_records_keep_the_rules_and_the_services_carry_on(grown, login):
    sessions = Session.objects.filter(id__gt=grown).select_related("org_unit", "case", "host")
    assert sessions.count() == 120 and Case.objects.count() >= 60
    roster: dict[int, list[Participant]] = {}
    for p in Participant.objects.filter(session__in=sessions).select_related("user"):
        roster.setdefault(p.session_id, []).append(p)
    people: dict[int, User] = {}
    with overrides_read_once():
        for s in sessions:
            rows = roster.get(s.pk, [])
            assert s.case.org_unit_id == s.org_unit_id and s.case.created_on <= s.held_on
            assert s.case.case_type in case_types(s.org_unit)
            assert in_town(s.host, s.org_unit) and rows
            assert len({p.user_id for p in rows}) == len(rows)
            for p in rows:
                assert p.role in s.case.role_list and p.org_unit_id == s.org_unit_id
                user = people.setdefault(p.user_id, p.user)
                assert in_town(user, s.org_unit)
            if s.status in (S.HELD, S.EVALUATED):
                assert s.held_on < DAY
                due = deadline(s.held_on, EVALUATION_WORKDAYS.value(s.org_unit), "workdays")
                assert s.evaluation_due == due
            if s.status == S.EVALUATED:
                assert (
                    all(p.rating for p in rows) and s.lessons and s.held_on < s.evaluated_on < DAY
                )
                assert all(p.comment for p in rows if p.rating == "improve")
            if s.status == S.PLANNED and s.held_on < DAY:
                assert s.held_on.year == DAY.year  # only this year's are left unmarked
    assert {S.PLANNED, S.HELD, S.EVALUATED} <= {s.status for s in sessions}
    officer, supervisor = (
        User.objects.get(username="officer"),
        User.objects.get(username="supervisor"),
    )
    mine = Session.objects.visible_to(officer).count()
    assert 0 < mine < Session.objects.visible_to(supervisor).count() == Session.objects.count()
    for user in (officer, supervisor):
        assert login(user).get(reverse("training:session_list")).status_code == 200
        assert login(user).get(reverse("training:case_list")).status_code == 200
        assert login(user).get(reverse("workbench")).status_code == 200
    # A generated held session goes on through the services.
    held = sessions.filter(status=S.HELD).first()
    for p in roster[held.pk]:
        services.participant_evaluate(actor=held.host, participant=p, rating="good")
    done = services.session_transition(actor=held.host, obj=held, verb="evaluate", lessons="总结")
    assert done.status == S.EVALUATED
