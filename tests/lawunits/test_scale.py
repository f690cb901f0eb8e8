"""法治单元 at county scale: `fazhi scale-data` adds per village its creation records,
registries and 村规民约 keeping the services' rules, and the pages and services carry on."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.urls import reverse

from fazhi.core import demo as core_demo
from fazhi.core import scale
from fazhi.core.deadlines import deadline
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import Membership, User
from fazhi.lawunits import scale as lawunits_scale
from fazhi.lawunits import services
from fazhi.lawunits.models import RegistryEntry, VillageRecord, VillageRules

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


@pytest.fixture
def grown(on_day, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    on_day(DAY)
    monkeypatch.setattr(core_demo, "app_hooks", lambda module, attr: [])
    core_demo.load_demo()
    scale.grow(county_code=COUNTY_CODE, factor=0.05, seed=7, progress=scale.Progress(stream=StringIO()),
               generators=[scale.generate, lawunits_scale.generate])  # fmt: skip


def test_records_keep_the_rules_and_the_services_carry_on(grown, login):
    records = VillageRecord.objects.all()
    assert records.count() > 10
    for r in records.filter(tier__in=["city", "province"]).select_related("org_unit"):
        lower = {"city": "county", "province": "city"}[r.tier]
        below = VillageRecord.objects.get(org_unit=r.org_unit, tier=lower)
        assert below.status == "named" and below.named_on < r.started_on
    for r in records:
        stamps = [d for d in (r.started_on, r.declared_on, r.proposed_on, r.named_on) if d]
        assert stamps == sorted(stamps) and stamps[-1] < DAY
    person = RegistryEntry.objects.filter(unit_type__personal=True).first()
    assert len(person.id_number) == 18 and person.id_number_hash
    returned = VillageRules.objects.filter(status="returned").select_related("org_unit")
    for r in returned:
        assert r.correction_due == deadline(r.filed_on, 30, "days")
    supervisor = User.objects.get(username="supervisor")
    for name in ("lawunits:village_list", "lawunits:registry_list", "lawunits:villagerules_list"):
        assert login(supervisor).get(reverse(name)).status_code == 200
    # A generated village's rules go on through the services: its town's law officer files
    # a revision, which the pre-review reads.
    rules = VillageRules.objects.exclude(org_unit__code__startswith="339901101").first()
    town_officer = Membership.objects.get(
        org_unit=rules.org_unit.parent, role="law_officer", is_active=True
    ).user
    revision = services.rules_file(
        actor=town_officer, org_unit=rules.org_unit, title="修订", adopted_on=DAY,
        text="第一条 乱倒垃圾的，每次罚款100元。",
    )  # fmt: skip
    assert revision.finding_count == 1
