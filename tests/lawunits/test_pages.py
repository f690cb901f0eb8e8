"""法治单元's pages: what a village cadre and the law office see and do, refusals shown on
the form with nothing written, and lists whose query count does not grow with rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core import pii
from fazhi.core.models import AuditEvent, OrgUnit
from fazhi.lawunits import services
from fazhi.lawunits.models import RegistryEntry, UnitType, VillageRecord, VillageRules

from .conftest import DAY, LAWFUL_RULES, UNLAWFUL_RULES, file_rules, photo, record, understander

pytestmark = pytest.mark.django_db


def test_the_village_cadre_files_rules_and_sees_the_findings(people, tree, login):
    client = login(people.village_cadre)
    response = client.post(
        reverse("lawunits:rules_create"),
        {"org_unit": tree.village_a1.pk, "title": "村规民约", "adopted_on": "2025-03-03",
         "text": UNLAWFUL_RULES},
    )  # fmt: skip
    rules = VillageRules.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "lawunits:rules_detail", args=[rules.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "村规民约设定罚款、处罚" in page and "歧视妇女、侵害外嫁女权益" in page
    assert "《中华人民共和国村民委员会组织法》第二十七条" in page


def test_rules_without_a_village_are_refused_on_the_form(people, tree, login):
    client = login(people.officer)
    before = (VillageRules.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("lawunits:rules_create"),
        {"title": "村规民约", "adopted_on": "2025-03-03", "text": LAWFUL_RULES},
    )
    assert response.status_code == 400
    assert "请选择村(社区):村规民约由村民会议制定" in response.content.decode()
    assert (VillageRules.objects.count(), AuditEvent.objects.count()) == before


def test_the_cadre_uploads_evidence_and_declares_on_the_page(people, tree, login):
    rec = record(people, tree)
    client = login(people.village_cadre)
    page = client.get(reverse("lawunits:record_detail", args=[rec.pk])).content.decode()
    assert page.count('data-testid="evidence-form"') == len(services.DEFAULT_CRITERIA)
    url = reverse("lawunits:record_transition", args=[rec.pk, "declare"])
    response = client.post(url, follow=True)
    assert "项创建标准未上传佐证材料" in response.content.decode()
    rec.refresh_from_db()
    assert rec.status == "creating"
    for c in services.criteria_of(tree.town_a):
        client.post(
            reverse("lawunits:evidence_upload", args=[rec.pk]),
            {"criterion": c.pk, "note": "照片", "file": photo()},
        )
    client.post(url)
    rec.refresh_from_db()
    assert rec.status == "declared"


def test_a_registry_entry_in_another_village_is_refused_on_the_form(people, tree, login):
    services.types_seed(actor=people.officer, town=tree.town_a)
    t = UnitType.objects.get(org_unit=tree.town_a, code="model_household")
    client = login(people.village_cadre)
    before = (RegistryEntry.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("lawunits:entry_create"),
        {"org_unit": tree.village_a2.pk, "unit_type": t.pk, "name": "王海"},
    )
    assert response.status_code == 400  # 渔港社区 is not offered to 东岙村's cadre
    assert (RegistryEntry.objects.count(), AuditEvent.objects.count()) == before


def test_personal_data_is_masked_on_the_pages(people, tree, login):
    entry = understander(people.village_cadre, tree.village_a1, seq=9)
    page = (
        login(people.officer)
        .get(reverse("lawunits:entry_detail", args=[entry.pk]))
        .content.decode()
    )
    assert pii.mask_id_number(entry.id_number) in page and entry.id_number not in page
    assert "138****8000" in page and "13800138000" not in page
    listing = login(people.officer).get(reverse("lawunits:registry_list")).content.decode()
    assert "陈**" in listing and "陈海明" not in listing
    assert "1 名(少于3名)" in listing


def test_the_lists_show_rates_and_counts(people, tree, login):
    record(people, tree)
    file_rules(people.village_cadre, tree.village_a1)
    client = login(people.leader)
    assert "县级" in client.get(reverse("lawunits:village_list")).content.decode()
    assert "已报备 1 件" in client.get(reverse("lawunits:villagerules_list")).content.decode()
    assert client.get(reverse("lawunits:village_list"), {"tier": "bogus"}).status_code == 400


def test_the_office_adds_a_local_type_and_criterion(people, tree, login):
    client = login(people.officer)
    client.post(reverse("lawunits:config"), {"form": "type", "name": "海岛法治驿站"})
    client.post(reverse("lawunits:config"), {"form": "criterion", "name": "法治文化阵地"})
    page = client.get(reverse("lawunits:config")).content.decode()
    assert "海岛法治驿站" in page and "法治文化阵地" in page
    assert UnitType.objects.filter(org_unit=tree.town_a).count() == 5


def _bulk(tree, people, n):
    """n villages' worth of rows in town A (bulk: the query count is what is measured)."""
    villages = [
        OrgUnit.objects.create(
            kind="village", code=f"339901101{300 + i:03d}", name=f"测试{i}村", parent=tree.town_a
        )  # fmt: skip
        for i in range(n)
    ]
    services.types_seed(actor=people.officer, town=tree.town_a)
    t = UnitType.objects.get(org_unit=tree.town_a, code="homestay")
    VillageRecord.objects.bulk_create(
        VillageRecord(org_unit=v, tier="county", started_on=DAY, created_by=people.officer)
        for v in villages
    )
    entries = [RegistryEntry(org_unit=v, unit_type=t, name=f"民宿{v.pk}", since=DAY,
                             created_by=people.officer) for v in villages]  # fmt: skip
    for e in entries:
        e.fill_search()
    RegistryEntry.objects.bulk_create(entries)
    rules = [VillageRules(org_unit=v, title="村规民约", text="x", adopted_on=DAY, filed_on=DAY,
                          created_by=people.officer) for v in villages]  # fmt: skip
    for r in rules:
        r.fill_search()
    VillageRules.objects.bulk_create(rules)


@pytest.mark.parametrize(
    "name", ["lawunits:village_list", "lawunits:registry_list", "lawunits:villagerules_list"]
)
def test_a_list_runs_the_same_queries_for_10_and_100_rows(name, people, tree, login, count_queries):
    client = login(people.officer)
    _bulk(tree, people, 10)
    small = count_queries(lambda: client.get(reverse(name)))
    RegistryEntry.objects.all().delete()
    VillageRules.objects.all().delete()
    VillageRecord.objects.all().delete()
    OrgUnit.objects.filter(name__startswith="测试").delete()
    _bulk(tree, people, 100)
    large = count_queries(lambda: client.get(reverse(name)))
    assert small == large


@pytest.mark.parametrize(
    "name,params",
    [
        ("lawunits:village_list", "?tier=zzz&status=%00&page=abc"),
        ("lawunits:registry_list", "?unit_type=zzz&village=99999999999999999999999&q=%00"),
        ("lawunits:registry_list", "?q=" + "x" * 500 + "&page=99999999999999999999999"),
        ("lawunits:villagerules_list", "?status=zzz&q=%F0%9F%98%80&page=-1"),
    ],
)
def test_list_pages_shrug_off_junk(people, login, name, params):
    response = login(people.officer).get(reverse(name) + params)
    assert response.status_code in (200, 400)


def test_forms_shrug_off_junk(people, tree, login):
    client = login(people.officer)
    rec = record(people, tree)
    for data in ({"criterion": "99999999999999999999999"}, {"criterion": "abc", "file": "x"}):
        assert (
            client.post(reverse("lawunits:evidence_upload", args=[rec.pk]), data).status_code == 302
        )
    assert client.post(reverse("lawunits:entry_create"),
                       {"org_unit": "abc", "unit_type": "99999999999999999999999", "name": "\x00"}
                       ).status_code == 400  # fmt: skip
    assert (
        client.post(reverse("lawunits:config"), {"form": "retire", "criterion": "abc"}).status_code
        == 404
    )
    assert client.post(reverse("lawunits:rules_create"),
                       {"org_unit": "999999999999999999999", "text": "\x00", "adopted_on": "2025-02-30"}
                       ).status_code == 400  # fmt: skip
    huge = 10**30
    for n in ("lawunits:record_detail", "lawunits:entry_detail", "lawunits:rules_detail"):
        assert client.get(reverse(n, args=[huge])).status_code == 404, n
