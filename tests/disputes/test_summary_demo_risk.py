"""矛盾纠纷's figures (with their sentences, also in GET /api/v1/figures), the demo of
海屿镇 (a year of disputes and the open judicial window on the law officer's workbench),
and the facts early warning reads (risk.py)."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.core import clock
from fazhi.core.hooks import app_hooks
from fazhi.core.models import OrgUnit, User
from fazhi.disputes import risk, services, summary
from fazhi.disputes.models import Agreement, Dispute

from .conftest import DAY, ID_C, mediate, parties, register, signed_copy

pytestmark = pytest.mark.django_db


def test_figures_and_their_sentence(people, tree, today, client):
    ok = register(people.village_cadre, tree.village_a1)
    mediate(people.officer, ok)
    services.agreement_sign(actor=people.officer, dispute=ok, uploaded_file=signed_copy(),
                            signed_on=DAY)  # fmt: skip
    services.judicial_apply(actor=people.officer, dispute=ok, applied_on=DAY, court="县法院")
    failed = register(people.village_cadre, tree.village_a1)
    services.dispute_transition(actor=people.village_cadre, obj=failed, verb="accept")
    services.dispute_transition(actor=people.village_cadre, obj=failed, verb="fail",
                                remedies="告知起诉")  # fmt: skip
    register(people.officer, tree.town_a)  # still open
    register(people.officer_b, tree.town_b)  # another town
    figures = {f.key: f for f in summary.figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    sentence = ",".join(figures[k].sentence for k in (
        "disputes.received", "disputes.mediated", "disputes.success_rate", "disputes.agreements",
        "disputes.judicial"))  # fmt: skip
    assert sentence == "排查化解矛盾纠纷3件,调解成功1件,成功率50.0%,达成调解协议1份,申请司法确认1件"
    county = {
        f.key: f.value for f in summary.figures(tree.county, date(2025, 1, 1), date(2025, 12, 31))
    }
    assert county["disputes.received"] == 4
    client.force_login(people.officer)
    api = client.get(f"/api/v1/figures?unit_id={tree.town_a.pk}&year=2025").json()
    keys = {f["key"]: f for f in api["figures"]}
    assert keys["disputes.received"]["sentence"] == "排查化解矛盾纠纷3件"


def test_risk_facts_of_open_disputes(people, tree, today):
    first = register(people.village_cadre, tree.village_a1, summary="邻居扬言要集体上访")
    services.dispute_transition(actor=people.village_cadre, obj=first, verb="accept")
    services.session_add(actor=people.village_cadre, dispute=first, held_on=DAY, place="村委会",
                         mediators="王", attendees="双方", record="一方情绪激动,扬言极端行为",
                         result="continue")  # fmt: skip
    closed = register(people.officer, tree.town_a)
    services.dispute_transition(actor=people.officer, obj=closed, verb="accept")
    services.dispute_transition(actor=people.officer, obj=closed, verb="fail", remedies="告知")
    services.dispute_transition(actor=people.officer, obj=closed, verb="close")
    second = register(people.officer, tree.town_a, parties=parties(b=ID_C), involved_count=30,
                      category="labour")  # fmt: skip
    units = OrgUnit.objects.filter(code__startswith=tree.town_a.code).values("id")
    facts = {f.pk: f for f in risk.risk_facts(units, DAY)}
    assert set(facts) == {first.pk, second.pk}  # the closed one is no risk
    f = facts[second.pk]
    assert (f.kind, f.category, f.group_size) == ("dispute", "labour", 30)
    # Both earlier disputes share the applicant; one of them (the first) is still open.
    assert (f.repeat_count, f.unresolved_earlier) == (2, 1)
    assert f.url == reverse("disputes:dispute_detail", args=[second.pk])
    assert "张*" in f.title and "张三" not in f.title
    g = facts[first.pk]
    assert g.repeat_count == 0 and g.group_size == 2 and "极端" in g.text and "集体上访" in g.text
    first.refresh_from_db()
    assert g.deadline == first.next_due == date(2025, 4, 2)  # 30 days from acceptance
    assert risk.risk_facts in list(app_hooks("risk", "risk_facts"))
    assert list(risk.risk_facts(OrgUnit.objects.filter(pk=tree.town_b.pk).values("id"), DAY)) == []


def test_the_demo_has_a_year_of_disputes_and_an_open_window(on_day, login):
    on_day(date(2026, 3, 16))
    call_command("demo", stdout=StringIO())
    town = OrgUnit.objects.get(code="339901101")
    disputes = Dispute.objects.filter(org_unit__code__startswith=town.code)
    assert 50 <= disputes.count() <= 70
    assert disputes.filter(registered_on__year=2025).count() >= 20
    assert (
        disputes.filter(outcome="refused").exists() and disputes.filter(outcome="failed").exists()
    )
    assert disputes.filter(source="grid_visit").exists()
    assert Agreement.objects.filter(judicial_state="confirmed").exists()
    assert {d.org_unit.code[:12] for d in disputes.select_related("org_unit")} >= {
        "339901101201", "339901101202", "339901101001"}  # fmt: skip
    officer = User.objects.get(username="officer")
    body = login(officer).get(reverse("workbench")).content.decode()
    assert "司法确认申请期限" in body
    figures = {f.key: f for f in summary.figures(town, date(2025, 1, 1), date(2025, 12, 31))}
    assert figures["disputes.received"].value >= 20 and figures["disputes.judicial"].value >= 1
    assert clock.today() == date(2026, 3, 16)
    call_command("demo", stdout=StringIO())  # idempotent
    assert Dispute.objects.filter(org_unit__code__startswith=town.code).count() == disputes.count()
