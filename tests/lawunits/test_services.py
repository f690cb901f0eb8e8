"""法治单元's services: the stages of 民主法治村(社区) creation and their guards, evidence
photos without metadata, the registries with encrypted personal data and the 法律明白人
minimum, and the refusals of bad input with nothing written."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Attachment, AuditEvent, ParameterValue
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.lawunits import selectors, services
from fazhi.lawunits.models import Evidence, RegistryEntry, Training, UnitType, VillageRecord
from fazhi.lawunits.params import MIN_LEGAL_UNDERSTANDERS

from .conftest import DAY, evidence_all, id_number, photo, record, understander

pytestmark = pytest.mark.django_db


def _counts():
    return (
        VillageRecord.objects.count(),
        RegistryEntry.objects.count(),
        Evidence.objects.count(),
        Attachment.objects.count(),
        AuditEvent.objects.count(),
    )


# --- 民主法治村(社区) -----------------------------------------------------------------------------


def test_a_record_moves_to_proposed_with_every_criterion_evidenced(people, tree):
    """Given a 县级 record of 东岙村 with every criterion evidenced by the village cadre,
    when the cadre declares and the office lists it for naming and names it, then each
    stage is stamped and the record holds the title."""
    rec = record(people, tree)
    assert rec.status == "creating"
    evidence_all(people.village_cadre, rec)
    rec = services.record_transition(actor=people.village_cadre, obj=rec, verb="declare", on=DAY)
    assert (rec.status, rec.declared_on) == ("declared", DAY)
    rec = services.record_transition(actor=people.officer, obj=rec, verb="propose", on=DAY)
    assert (rec.status, rec.proposed_on) == ("proposed", DAY)
    rec = services.record_transition(
        actor=people.officer, obj=rec, verb="name", document="海县法治办〔2025〕3号", on=DAY
    )
    assert (rec.status, rec.named_on, rec.document) == ("named", DAY, "海县法治办〔2025〕3号")
    # Now the 市级 creation may start (逐级创建).
    assert services.record_create(actor=people.officer, org_unit=tree.village_a1, tier="city")


def test_declaring_without_evidence_is_refused_and_nothing_changes(people, tree):
    """Given a record with one criterion evidenced, when the cadre declares, then the
    refusal names how many criteria lack evidence, and nothing is written."""
    rec = record(people, tree)
    first = services.criteria_of(tree.town_a).first()
    services.evidence_upload(
        actor=people.village_cadre, record=rec, criterion=first, uploaded_file=photo()
    )
    before = _counts()
    with pytest.raises(ServiceError) as exc:
        services.record_transition(actor=people.village_cadre, obj=rec, verb="declare")
    n = len(services.DEFAULT_CRITERIA) - 1
    assert f"尚有{n}项创建标准未上传佐证材料" in exc.value.message
    assert "申报须每项标准均有佐证" in exc.value.message
    rec.refresh_from_db()
    assert rec.status == "creating" and rec.declared_on is None
    assert _counts() == before


def test_a_higher_tier_needs_the_lower_one_named(people, tree):
    before = _counts()
    with pytest.raises(ServiceError) as exc:
        services.record_create(actor=people.officer, org_unit=tree.village_a1, tier="city")
    assert "尚未被命名为县级民主法治村(社区),不能创建市级(逐级创建)" in exc.value.message
    assert _counts() == before


def test_the_village_cadre_cannot_list_for_naming(people, tree):
    rec = record(people, tree)
    evidence_all(people.village_cadre, rec)
    services.record_transition(actor=people.village_cadre, obj=rec, verb="declare")
    with pytest.raises(Forbidden):
        services.record_transition(actor=people.village_cadre, obj=rec, verb="propose")


def test_an_evidence_photo_is_stored_without_exif_or_gps(people, tree):
    """Given a JPEG carrying a GPS position and a phone model, when it is uploaded as
    evidence, then the stored file is a JPEG with no EXIF at all."""
    from PIL import Image

    rec = record(people, tree)
    criterion = services.criteria_of(tree.town_a).first()
    with Image.open(io.BytesIO(photo().read())) as original:
        assert original.getexif().get(0x0110) == "Phone X1"  # the test photo does carry it
    attachment = services.evidence_upload(
        actor=people.village_cadre, record=rec, criterion=criterion, uploaded_file=photo()
    )
    with attachment.file.open("rb") as f, Image.open(f) as stored:
        assert stored.format == "JPEG"
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info
    assert attachment.file_type == "jpg"


def test_a_file_that_is_not_an_image_is_refused_and_nothing_written(people, tree):
    rec = record(people, tree)
    criterion = services.criteria_of(tree.town_a).first()
    before = _counts()
    fake = SimpleUploadedFile("现场.jpg", b"not a picture at all", content_type="image/jpeg")
    with pytest.raises(ServiceError):
        services.evidence_upload(
            actor=people.village_cadre, record=rec, criterion=criterion, uploaded_file=fake
        )
    assert _counts() == before


def test_creation_rates_per_tier(people, tree):
    rec = record(people, tree)
    evidence_all(people.village_cadre, rec)
    for verb in ("declare", "propose", "name"):
        services.record_transition(actor=people.officer, obj=rec, verb=verb)
    rates = {r["tier"]: r for r in selectors.tier_rates(people.officer)}
    # Town A has two villages/communities in the test tree: one named at county level.
    assert (rates["county"]["named"], rates["county"]["total"], rates["county"]["rate"]) == (
        1,
        2,
        50.0,
    )
    assert rates["city"]["rate"] == 0.0


# --- registries ----------------------------------------------------------------------------------


def test_a_person_is_registered_with_encrypted_id_and_phone(people, tree):
    from django.db import connection

    entry = understander(people.village_cadre, tree.village_a1, seq=3)
    with connection.cursor() as c:
        c.execute("SELECT id_number, phone FROM lawunits_registryentry WHERE id = %s", [entry.pk])
        raw_id, raw_phone = c.fetchone()
    assert id_number(3) not in raw_id and "13800138000" not in raw_phone
    assert entry.id_number_hash and len(entry.id_number_hash) == 64
    assert entry.display_name == "陈**"
    event = AuditEvent.objects.filter(verb="lawunits_entry.create").latest("id")
    assert id_number(3) not in str(event.changes) and "13800138000" not in str(event.changes)


def test_a_registry_entry_outside_the_actors_village_is_refused(people, tree):
    """Given the village cadre of 东岙村, when they register someone in 渔港社区 (another
    village of the same town), then the refusal says it is outside their scope and
    nothing is written (not even the default types)."""
    services.types_seed(actor=people.officer, town=tree.town_a)
    t = UnitType.objects.get(org_unit=tree.town_a, code="rule_of_law_leader")
    before = _counts()
    with pytest.raises(Forbidden) as exc:
        services.entry_create(
            actor=people.village_cadre,
            org_unit=tree.village_a2,
            unit_type=t,
            name="王海",
            id_number=id_number(5),
        )
    assert exc.value.message == "所选村(社区)不在您的管辖范围内,不能为其登记或报备"
    assert _counts() == before


def test_town_b_officer_cannot_register_in_town_a(people, tree):
    before = _counts()
    with pytest.raises(Forbidden):
        services.entry_create(
            actor=people.officer_b, org_unit=tree.village_a1, unit_type="homestay", name="海风民宿"
        )
    assert _counts() == before
    assert not UnitType.objects.exists()


def test_a_person_needs_a_valid_id_number_once_per_type(people, tree):
    understander(people.officer, tree.village_a1, seq=1)
    before = _counts()
    with pytest.raises(ServiceError) as exc:
        understander(people.officer, tree.village_a1, seq=1, name="陈海明")
    assert exc.value.message == "该公民身份号码已登记为本村法律明白人"
    t = UnitType.objects.get(org_unit=tree.town_a, code=UnitType.LEGAL_UNDERSTANDER)
    with pytest.raises(ServiceError) as exc:
        services.entry_create(
            actor=people.officer, org_unit=tree.village_a1, unit_type=t, name="林"
        )
    assert exc.value.message == "登记法律明白人须填写公民身份号码"
    with pytest.raises(ServiceError) as exc:
        services.entry_create(
            actor=people.officer, org_unit=tree.village_a1, unit_type=t, name="林",
            id_number="339901197505010000",
        )  # fmt: skip
    assert "公民身份号码" in exc.value.message
    assert _counts() == before


def test_a_homestay_is_registered_by_type_code_without_personal_data(people, tree):
    entry = services.entry_create(
        actor=people.village_cadre,
        org_unit=tree.village_a1,
        unit_type="homestay",
        name="海风法治民宿",
    )
    assert entry.unit_type.name == "法治民宿" and entry.display_name == "海风法治民宿"


def test_training_records_count_on_the_person(people, tree):
    entry = understander(people.village_cadre, tree.village_a1)
    services.training_add(
        actor=people.village_cadre, entry=entry, held_on=DAY, topic="民法典婚姻家庭编", hours="2"
    )
    entry.refresh_from_db()
    assert entry.training_count == 1 and Training.objects.get().hours == 2
    with pytest.raises(ServiceError, match="学时应在0.5至100之间"):
        services.training_add(
            actor=people.village_cadre, entry=entry, held_on=DAY, topic="x", hours=0
        )


def test_villages_short_of_legal_understanders_follow_the_parameter(people, tree):
    for seq in (1, 2):
        understander(people.officer, tree.village_a1, seq=seq, name=f"陈{seq}")
    rows = {r["village"].pk: r for r in selectors.understanders_by_village(people.officer)}
    assert rows[tree.village_a1.pk]["count"] == 2 and rows[tree.village_a1.pk]["short"]
    assert tree.village_a2.pk not in rows  # a community is no administrative village
    ParameterValue.objects.create(
        org_unit=tree.town_a, key=MIN_LEGAL_UNDERSTANDERS.key, value=2, set_by=people.supervisor
    )
    rows = {r["village"].pk: r for r in selectors.understanders_by_village(people.officer)}
    assert not rows[tree.village_a1.pk]["short"]


def test_a_removed_entry_no_longer_counts(people, tree):
    entry = understander(people.officer, tree.village_a1)
    services.entry_remove(actor=people.village_cadre, entry=entry, reason="迁出本村")
    assert not selectors.entry_list(people.officer).exists()
    assert selectors.entry_list(people.officer, active=False).count() == 1
