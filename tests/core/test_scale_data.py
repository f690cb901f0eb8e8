"""`fazhi scale-data`: the demo county grown to county scale, deterministic for a seed,
rule-abiding, scoped as the demo accounts expect, refused cleanly when it cannot run."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from fazhi.contracts import scale as contracts_scale
from fazhi.contracts.models import AGREEMENT_CATEGORIES, Contract, ContractPayment
from fazhi.contracts.params import TENDER_THRESHOLDS
from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import AuditEvent, OrgUnit, User

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)


@pytest.fixture
def demo(demo_county, on_day, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # inspections' generated evidence photos go here


def _grow(factor=0.1, seed=7, generators=None):
    return scale.grow(county_code=COUNTY_CODE, factor=factor, seed=seed, generators=generators,
                      progress=scale.Progress(stream=StringIO()))  # fmt: skip


# The tests of one generator's rules run core's and that generator only (each app's own
# tests/<app>/test_scale.py does the same); the first test grows with every generator.
CONTRACTS_ONLY = (scale.generate, contracts_scale.generate)


def test_the_county_grows_and_the_demo_accounts_see_their_share(demo):
    before = Contract.objects.count()
    totals = _grow()
    assert Contract.objects.count() - before == 9_000
    assert OrgUnit.objects.filter(kind="town", code__startswith=COUNTY_CODE).count() == 3
    assert totals["用户"] >= 2_000
    officer, supervisor = (
        User.objects.get(username="officer"),
        User.objects.get(username="supervisor"),
    )
    mine = Contract.objects.visible_to(officer).count()
    county = Contract.objects.visible_to(supervisor).count()
    assert 0 < mine < county == Contract.objects.count()
    assert AuditEvent.objects.filter(verb="system.scale_data").count() == 1


def test_generated_contracts_keep_the_rules_the_services_enforce(demo):
    last_demo_id = Contract.objects.order_by("-id").values_list("id", flat=True).first()
    _grow(generators=CONTRACTS_ONLY)
    generated = Contract.objects.filter(id__gt=last_demo_id)
    assert not generated.filter(
        category__in=AGREEMENT_CATEGORIES, has_arbitration_clause=True
    ).exists()
    for c in generated.exclude(procurement_kind="").only("amount", "procurement_kind", "org_unit",
                                                         "tender_method", "tender_date", "created_on"):  # fmt: skip
        if c.amount >= TENDER_THRESHOLDS[c.procurement_kind].value(c.org_unit):
            assert c.tender_method in ("open", "invited") and c.tender_date < c.created_on
    signed = generated.filter(signed_on__isnull=False)
    assert signed.exists()
    for c in signed.only(
        "reviewed_on", "signed_on", "archive_due", "created_on", "review_reference"
    ):
        assert c.created_on <= c.reviewed_on <= c.signed_on < DAY <= date(2027, 1, 1)
        assert c.archive_due > c.signed_on and c.review_reference
    assert not ContractPayment.objects.filter(paid_on__gt=DAY).exists()


def test_a_seed_gives_the_same_rows_every_time(demo):
    def sample():
        with transaction.atomic():
            _grow(factor=0.05, seed=3, generators=CONTRACTS_ONLY)
            rows = list(Contract.objects.filter(is_imported=True, created_on__year__gte=2022)
                        .order_by("id").values_list("title", "amount", "status")[:500])  # fmt: skip
            transaction.set_rollback(True)
        return rows

    first, second = sample(), sample()
    assert first and first == second


def test_a_second_run_and_a_bad_factor_are_refused_in_chinese_and_change_nothing(demo):
    _grow(factor=0.05, generators=CONTRACTS_ONLY)
    count = Contract.objects.count()
    with pytest.raises(CommandError, match="已有生成的规模数据"):
        call_command("scale-data", factor=0.1, stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="规模系数"):
        call_command("scale-data", factor=0, stdout=StringIO(), stderr=StringIO())
    assert Contract.objects.count() == count


def test_without_the_demo_it_says_to_load_it_first():
    with pytest.raises(CommandError, match="请先运行 fazhi demo"):
        call_command("scale-data", factor=0.1, stdout=StringIO(), stderr=StringIO())
