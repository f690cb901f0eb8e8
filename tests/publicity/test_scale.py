"""普法宣传 at county scale: the generator's rows keep the services' rules, are scoped as
the towns expect, and the services carry on with them (a generated push is read)."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest

from fazhi.core import scale
from fazhi.publicity import scale as publicity_scale
from fazhi.publicity import services
from fazhi.publicity.models import CasePush, CaseReceipt, Event

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


@pytest.fixture
def grown(people, tree, on_day):
    on_day(DAY)
    towns = [
        scale.Town(
            tree.town_a,
            [tree.village_a1, tree.village_a2],
            [tree.grid_a1],
            people.officer,
            people.leader,
        ),
        scale.Town(tree.town_b, [tree.village_b1], [], people.officer_b, people.officer_b),
    ]
    ctx = scale.ScaleContext(seed=3, factor=0.1, today=DAY, county=tree.county, towns=towns,
                             progress=scale.Progress(stream=StringIO()))  # fmt: skip
    publicity_scale.generate(ctx)
    return ctx


def test_generated_events_and_pushes_keep_the_rules(grown, people, tree):
    events = list(
        Event.objects.select_related("campaign", "format", "org_unit").prefetch_related("targets")
    )
    assert len(events) == 2 * round(125 * 0.1)
    for e in events:
        town = services.town_of(e.org_unit)
        assert e.held_on < DAY and e.audience >= 0
        assert e.format.org_unit_id == town.pk and all(
            t.org_unit_id == town.pk for t in e.targets.all()
        )
        assert e.targets.all() and (e.campaign is None or e.campaign.starts_on <= e.held_on)
    assert Event.objects.visible_to(people.officer).count() < len(events)
    for push in CasePush.objects.all():
        receipts = CaseReceipt.objects.filter(push=push)
        assert push.recipient_count == receipts.count()
        assert push.read_count == receipts.filter(read_at__isnull=False).count()
    assert not CasePush.objects.visible_to(people.officer_b).filter(org_unit=tree.town_a).exists()


def test_the_services_carry_on_with_generated_pushes(grown, people):
    receipt = (
        CaseReceipt.objects.filter(recipient=people.cadre, read_at__isnull=True)
        .select_related("push")
        .first()
    )
    if receipt is None:  # every copy happened to be read: push one more through the service
        push = CasePush.objects.filter(org_unit__code="339901101").first()
        push = services.casepush_create(
            actor=people.officer, case=push.case, recipients=[people.cadre]
        )
    else:
        push = receipt.push
    before = push.read_count
    services.casepush_read(actor=people.cadre, push=push)
    push.refresh_from_db()
    assert push.read_count == before + 1
