"""矛盾纠纷 at county scale: `fazhi scale-data` adds disputes with parties, sessions,
agreements, signed copies and follow-ups, each as the services would have left it, and
the services carry on with them afterwards."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest

from fazhi.core import pii, scale
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import Attachment, User
from fazhi.core.validators import validate_id_number
from fazhi.disputes import scale as dispute_scale
from fazhi.disputes import services
from fazhi.disputes.models import Agreement, Dispute, FollowUp, Party

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)
S = Dispute.Status


@pytest.fixture
def grown(demo_county, on_day, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    last = Dispute.objects.order_by("-id").values_list("id", flat=True).first()
    scale.grow(county_code=COUNTY_CODE, factor=0.01, seed=5,
               generators=[scale.generate, dispute_scale.generate],
               progress=scale.Progress(stream=StringIO()))  # fmt: skip
    return last


def test_generated_disputes_keep_the_rules_and_carry_on(grown, login):
    generated = Dispute.objects.filter(id__gt=grown)
    assert generated.count() == 3000
    officer, supervisor = (
        User.objects.get(username="officer"),
        User.objects.get(username="supervisor"),
    )
    mine = Dispute.objects.visible_to(officer).count()
    assert 0 < mine < Dispute.objects.visible_to(supervisor).count() == Dispute.objects.count()
    parties = Party.objects.filter(dispute__in=generated.values("pk"))
    counts = {}
    for p in parties.only("dispute_id", "id_number", "id_hash", "role")[:400]:
        assert validate_id_number(p.id_number) and p.id_hash == pii.keyed_hash(p.id_number)
    for dispute_id in parties.values_list("dispute_id", flat=True):
        counts[dispute_id] = counts.get(dispute_id, 0) + 1
    assert min(counts.values()) >= 2 and len(counts) == 3000
    # Repeat parties exist (the same people come back).
    hashes = list(parties.values_list("id_hash", flat=True))
    assert len(set(hashes)) < len(hashes)
    with overrides_read_once():
        for a in Agreement.objects.filter(dispute__in=generated.values("pk")).select_related(
            "dispute"
        ):
            d = a.dispute
            assert d.outcome == S.MEDIATED and a.agreed_on == d.outcome_on >= d.accepted_on
            if a.form == "written" and a.signed_on:
                assert a.judicial_due == deadline(a.signed_on, 30, "days")
                assert not a.applied_on or a.signed_on <= a.applied_on <= a.judicial_due
                assert (d.judicial_due is not None) == (a.judicial_state == "open")
            if d.status == S.CLOSED:
                assert FollowUp.objects.filter(dispute=d).exists()
    signed = Agreement.objects.filter(dispute__in=generated.values("pk"), signed_on__isnull=False)
    copies = Attachment.objects.filter(
        content_type__model="agreement", object_id__in=signed.values("pk")
    )
    assert copies.count() == signed.count() > 0
    assert not generated.filter(status__in=Dispute.OPEN, next_due__isnull=True).exists()
    assert generated.filter(judicial_due__gte=DAY).exists()
    assert login(supervisor).get("/disputes/?warning=judicial_due").status_code == 200
    # A generated open dispute goes on through the services.
    d = generated.filter(status=S.REGISTERED, org_unit__code__startswith="339901101").first() or (
        generated.filter(status=S.REGISTERED).first()
    )
    mediator = d.org_unit and User.objects.get(pk=d.created_by_id)
    done = services.dispute_transition(actor=mediator, obj=d, verb="accept")
    assert done.status == S.ACCEPTED
