"""The demo's petitions (a year of 海屿镇 and this year's open matters) match the figures,
the workbench and early warning; `fazhi scale-data` adds the county's petitions, keeping
the services' rules, and the services carry on with them."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.core import demo as core_demo
from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import OrgUnit, User
from fazhi.core.scoping import in_subtree
from fazhi.petitions import demo, risk, services, summary
from fazhi.petitions import scale as petitions_scale
from fazhi.petitions.deadlines import pending_items
from fazhi.petitions.models import Petition, Petitioner
from fazhi.petitions.params import MAX_REPRESENTATIVES, ruleset
from fazhi.petitions.services.common import due

pytestmark = pytest.mark.django_db
DAY = date(2026, 6, 15)
S = Petition.Status


def _core_and_petitions_demo(monkeypatch):
    """The demo county with only this app's records (other apps' demos are theirs to test)."""
    monkeypatch.setattr(core_demo, "app_hooks", lambda module, attr: [demo.load_app_demo])
    call_command("demo", stdout=StringIO())


@pytest.fixture
def demo_loaded(on_day, monkeypatch):
    on_day(DAY)
    _core_and_petitions_demo(monkeypatch)
    return OrgUnit.objects.get(code="339901101")


def test_the_demo_year_matches_its_figures(demo_loaded):
    town = demo_loaded
    petitions = Petition.objects.filter(org_unit=town)
    assert petitions.count() == len(demo.STORIES) == 14
    assert petitions.filter(is_group=True).count() == 2
    assert petitions.filter(extended_on__isnull=False).count() == 2
    assert petitions.filter(review_opinion__gt="").count() == 2
    assert petitions.get(status=S.CLOSED).rereview_opinion
    assert petitions.get(status=S.OBJECTED).source == "transferred"
    last_year = summary.figures(town, date(2025, 1, 1), date(2025, 12, 31))
    by_key = {f.key: f for f in last_year}
    # p1, p2, p4, p6, p7, p8, p9 accepted; p3 not accepted; all told and handled in time.
    assert by_key["petitions.received"].value == 9
    assert by_key["petitions.accepted"].sentence == (
        "受理信访事项7件,按期受理率100.0%,按期办结率100.0%,复查2件、复核1件"
    )
    assert by_key["petitions.received"].sentence == "登记信访事项9件,其中集体访1批"
    # The same figures through the API and the figures page.
    from fazhi.core.summary import collect

    assert any(
        f.key == "petitions.accepted" for f in collect(town, date(2025, 1, 1), date(2025, 12, 31))
    )


def test_the_demo_puts_a_due_soon_petition_on_the_workbench(demo_loaded, login):
    officer, leader = User.objects.get(username="officer"), User.objects.get(username="leader")
    for user in (officer, leader):
        items = pending_items(user, DAY)
        assert items and items[0].due <= DAY + timedelta(days=7)
        assert login(user).get(reverse("workbench")).status_code == 200
    # Whistle-blowing accusing 郑国栋 (a town leader) never reaches him.
    accused = User.objects.get(username="zhengguodong")
    assert not Petition.objects.visible_to(accused).filter(is_accusation=True).exists()
    assert Petition.objects.visible_to(officer).filter(is_accusation=True).exists()


def test_risk_facts_for_open_petitions(demo_loaded):
    town = demo_loaded
    facts = {
        f.title: f for f in risk.risk_facts(OrgUnit.objects.filter(pk=town.pk).values("id"), DAY)
    }
    open_ = Petition.objects.filter(org_unit=town, status__in=Petition.OPEN)
    assert len(facts) == open_.count() == 5
    group = facts["信访事项:集体访:渔港清淤工程影响出海"]
    assert group.kind == "petition" and group.group_size == 22 and group.category == "fishery"
    assert group.deadline == open_.get(is_group=True).next_due and "出海" in group.text
    # 陈阿婆's review (c5) came 75 days ago; her c1 within the 90-day window too.
    review = facts["信访事项:渔业加工厂拖欠工资(复查)"]
    assert review.repeat_count == 1 and review.unresolved_earlier == 1
    assert review.url == reverse(
        "petitions:petition_detail", args=[open_.get(status=S.REVIEWING).pk]
    )


@pytest.mark.django_db(transaction=False)
def test_scale_data_keeps_the_rules_and_the_services_carry_on(on_day, login, monkeypatch):
    on_day(date(2026, 11, 30))
    _core_and_petitions_demo(monkeypatch)
    last = Petition.objects.order_by("-id").values_list("id", flat=True).first()
    scale.grow(county_code=COUNTY_CODE, factor=0.1, seed=3, generators=[scale.generate,
               petitions_scale.generate], progress=scale.Progress(stream=StringIO()))  # fmt: skip
    today = date(2026, 11, 30)
    generated = Petition.objects.filter(id__gt=last).select_related("org_unit")
    assert generated.count() == 6000
    assert Petitioner.objects.filter(petition__in=generated).count() >= 6000
    assert generated.filter(repeat_count__gt=0).exists()
    assert {"registered", "accepted", "served", "reviewed"} <= set(
        generated.values_list("status", flat=True)
    )
    rules_of = {}
    for p in generated:
        rules = rules_of.setdefault(p.org_unit_id, ruleset(p.org_unit))
        assert p.received_on < today and p.accept_due == due(p.received_on, rules.accept)
        assert p.next_due == p.compute_next_due()
        if p.notified_on and p.notified_on > p.accept_due:
            assert p.late_reason
        if p.status == S.OBJECTED:
            assert p.source == "transferred" and p.decided_on <= p.objection_due
        if p.extended_on:
            assert p.extension_days <= rules.extension_max and p.extended_on <= p.handling_due
        if p.review_requested_on:
            assert p.review_requested_on <= due(p.served_on, rules.review_request)
        if p.is_group:
            assert p.channel == "visit"
    reps = Petitioner.objects.filter(petition__in=generated, is_representative=True)
    counts = {}
    for pid in reps.values_list("petition_id", flat=True):
        counts[pid] = counts.get(pid, 0) + 1
    assert counts and max(counts.values()) <= MAX_REPRESENTATIVES
    # Every open petition has its next step due: the county's age table finds the open
    # ones through next_due (and would leave one without it uncounted).
    open_ones = Petition.objects.filter(status__in=Petition.OPEN)
    assert open_ones.exists() and not open_ones.filter(next_due__isnull=True).exists()
    # The county supervisor's list and age table, the officer's workbench.
    supervisor = User.objects.get(username="supervisor")
    assert login(supervisor).get(reverse("petitions:petition_ages")).status_code == 200
    assert (
        login(supervisor).get(reverse("petitions:petition_list") + "?warning=overdue").status_code
        == 200
    )
    # A generated open petition goes on through the services.
    p = generated.filter(status=S.REGISTERED, org_unit__code__startswith=COUNTY_CODE).first()
    town_officer = User.objects.get(pk=p.created_by_id)
    done = services.petition_transition(
        actor=town_officer, obj=p, verb="accept", decided_on=today, notified_on=today,
        late_reason="" if today <= p.accept_due else "信访人住址不清",
    )  # fmt: skip
    assert done.status == S.ACCEPTED and done.next_due == done.handling_due
    assert Petition.objects.filter(in_subtree(p.org_unit)).count() > 0
