"""法律顾问 at county scale: every generated town gets its advisers (the demo's towns keep
the demo's), with terms over the five years, about 150 work entries per adviser-year and
one assessment per adviser and past year, keeping the services' rules; the demo accounts
see their share and the pages and services keep working afterwards."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from io import StringIO

import pytest
from django.urls import reverse

from fazhi.advisers import scale as advisers_scale
from fazhi.advisers import services
from fazhi.advisers.deadlines import pending_items
from fazhi.advisers.models import Adviser, Appointment, Assessment, WorkEntry
from fazhi.advisers.params import ASSESSMENT_DUE_DAYS, MAX_TERM_YEARS, MIN_PRACTICE_YEARS
from fazhi.core import scale
from fazhi.core.dates import add_years
from fazhi.core.deadlines import deadline
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.roles import Role

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)
FIRST = date(DAY.year - scale.YEARS + 1, 1, 1)


@pytest.fixture
def grown(demo_county, on_day):
    """The demo grown at factor 0.1 by core and this app only (the other apps' rows are
    theirs to test); returns the last demo ids of the app's tables."""
    last = {
        m: m.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for m in (Adviser, Appointment, Assessment, WorkEntry)
    }
    scale.grow(county_code=COUNTY_CODE, factor=0.1, seed=7,
               progress=scale.Progress(stream=StringIO()),
               generators=[scale.generate, advisers_scale.generate])  # fmt: skip
    return last


def _generated(model, last):
    return model.objects.filter(id__gt=last[model])


def test_every_generated_town_gets_its_advisers_and_the_demo_accounts_see_their_share(grown):
    demo_towns = set(
        Adviser.objects.filter(id__lte=grown[Adviser]).values_list("org_unit", flat=True)
    )
    towns = OrgUnit.objects.filter(kind="town", code__startswith=COUNTY_CODE).exclude(
        pk__in=demo_towns
    )
    assert towns.count() == 1  # 3 towns at factor 0.1, two of them the demo's
    advisers = list(_generated(Adviser, grown).select_related("org_unit"))
    assert {a.org_unit_id for a in advisers} == {t.pk for t in towns}
    for town in towns:
        login = Membership.objects.get(org_unit=town, role=Role.LEGAL_ADVISER).user
        linked = [a for a in advisers if a.org_unit_id == town.pk and a.user_id]
        assert [(a.user_id, a.name, a.status) for a in linked] == [
            (login.pk, login.full_name, "active")
        ]
        # Two places on the first town's roster, each with an adviser in term today
        # (a place changes hands when an assessment refuses renewal).
        in_term = Appointment.objects.filter(adviser__org_unit=town, adviser__status="active",
                                             start__lte=DAY, end__gte=DAY - timedelta(days=60))  # fmt: skip
        assert in_term.values("adviser").distinct().count() == 2

    # About 150 work entries per adviser-year in term; one assessment per adviser and
    # past year in term (last year's may still be missing: the workbench warns).
    terms = defaultdict(list)
    for t in _generated(Appointment, grown):
        terms[t.adviser_id].append(t)
    term_days = sum(
        max(0, (min(t.end, DAY - timedelta(days=1)) - max(t.start, FIRST)).days + 1)
        for ts in terms.values() for t in ts
    )  # fmt: skip
    entries = _generated(WorkEntry, grown).count()
    assert 0.8 < entries / (term_days / 365.25 * 150) < 1.2
    assessed = set(_generated(Assessment, grown).values_list("adviser_id", "year"))
    dismissed = set(
        _generated(Adviser, grown).filter(status="dismissed").values_list("id", flat=True)
    )
    for adviser_id, ts in terms.items():
        last = max([y for a, y in assessed if a == adviser_id], default=0)
        for year in range(FIRST.year, DAY.year - 1 if adviser_id not in dismissed else last + 1):
            in_term = any(t.start <= date(year, 12, 31) and t.end >= date(year, 1, 1) for t in ts)
            assert ((adviser_id, year) in assessed) == in_term, (adviser_id, year)

    officer, supervisor = (User.objects.get(username=u) for u in ("officer", "supervisor"))
    for model in (Adviser, WorkEntry, Assessment):
        mine = model.objects.visible_to(officer).count()
        county = model.objects.visible_to(supervisor).count()
        assert 0 < mine < county == model.objects.count()


def test_generated_advisers_keep_the_rules_the_services_enforce(grown):
    advisers = {a.pk: a for a in _generated(Adviser, grown).select_related("org_unit", "user")}
    terms, assessments = defaultdict(list), defaultdict(list)
    for t in _generated(Appointment, grown).order_by("start"):
        terms[t.adviser_id].append(t)
    for s in _generated(Assessment, grown):
        assessments[s.adviser_id].append(s)
    assert set(terms) == set(advisers)
    licences = [a.licence_no for a in advisers.values() if a.licence_no]
    assert len(licences) == len(set(licences))
    for a in advisers.values():
        unit = a.org_unit
        assert not (a.criminal_record or a.sanction_record)
        if a.kind in ("lawyer", "public_lawyer"):
            assert re.fullmatch(r"\d{17}", a.licence_no) and a.practice_since
        need = MIN_PRACTICE_YEARS.value(unit) if a.kind == "lawyer" else 0
        assert a.practice_years(a.created_at.date()) >= need
        max_years = MAX_TERM_YEARS.value(unit)
        ts = terms[a.pk]
        for i, t in enumerate(ts):
            assert t.start < t.end < add_years(t.start, max_years)
            assert a.practice_years(t.start) >= need
            assert a.created_at <= t.created_at and t.created_at.date() <= t.start
            assert t.is_renewal == (i > 0)
            if i:
                assert ts[i - 1].end < t.start  # terms never overlap
                made = [s for s in assessments[a.pk] if s.created_at <= t.created_at]
                if made:  # the latest assessment on that day allowed the renewal
                    assert max(made, key=lambda s: s.year).renew
        if a.status == "dismissed":
            assert ts[-1].end < DAY and not max(assessments[a.pk], key=lambda s: s.year).renew
        scheme = services.scheme_for(unit)
        due_days = ASSESSMENT_DUE_DAYS.value(unit)
        for s in assessments[a.pk]:
            assert any(t.start <= date(s.year, 12, 31) and t.end >= date(s.year, 1, 1) for t in ts)
            assert (
                date(s.year, 6, 1)
                <= s.created_at.date()
                <= deadline(date(s.year, 12, 31), due_days, "days")
            )
            assert s.created_at.date() < DAY and s.assessor_id != a.user_id
            assert sum(float(v) for v in s.scores.values()) == float(s.total)
            assert all(0 <= float(s.scores[c["key"]]) <= c["weight"] for c in s.criteria)
            assert s.grade == scheme.grade_of(s.total) and s.renew == (
                s.grade in scheme.renew_grades
            )
    for e in _generated(WorkEntry, grown).only(
        "adviser", "org_unit", "date", "hours", "created_at"
    ):
        assert e.org_unit_id == advisers[e.adviser_id].org_unit_id
        assert FIRST <= e.date < DAY and e.created_at.date() == e.date
        assert any(t.start <= e.date <= t.end for t in terms[e.adviser_id])
        assert e.hours is None or 0 < e.hours <= 999


def test_pages_workbench_and_services_work_after_scale(grown, login):
    officer, supervisor = (User.objects.get(username=u) for u in ("officer", "supervisor"))
    url = reverse("advisers:adviser_list")
    assert login(officer).get(url).status_code == 200
    assert login(supervisor).get(url).status_code == 200
    linked = (
        _generated(Adviser, grown).filter(user__isnull=False).select_related("org_unit").first()
    )
    assert (
        login(supervisor).get(reverse("advisers:adviser_detail", args=[linked.pk])).status_code
        == 200
    )

    town = linked.org_unit
    keeper = Membership.objects.get(org_unit=town, role=Role.LAW_OFFICER).user
    leader = Membership.objects.get(org_unit=town, role=Role.TOWN_LEADER).user
    pending_items(keeper, DAY)  # the workbench reads the generated terms
    term = linked.appointments.filter(start__lte=DAY - timedelta(days=1)).order_by("-start").first()
    day = min(term.end, DAY - timedelta(days=1))
    entry = services.work_entry_create(actor=keeper, adviser=linked, kind="consultation", date=day,
                                       description="就合同条款提供法律咨询", hours="1")  # fmt: skip
    assert entry.org_unit == town
    if not linked.assessments.filter(year=day.year).exists():
        scheme = services.scheme_for(town)
        done = services.assessment_create(actor=leader, adviser=linked, year=day.year,
                                          scores={c["key"]: c["weight"] for c in scheme.criteria})  # fmt: skip
        assert done.renew
