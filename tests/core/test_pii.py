"""Personal data (rule 7): encrypted at rest, found by keyed hash, masked on display,
unmasked only with the permission, inside the scope, and audited without the value."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from fazhi.core import pii, services
from fazhi.core.models import AuditEvent, Membership, User
from fazhi.core.templatetags.fazhi_pii import mask_id_number, mask_phone

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


@pytest.fixture
def resident(people, tree):
    """A villager of 东岙村 (海屿镇) with an ID number and a phone, created by the service."""
    user = services.user_create(
        actor=people.officer,
        username="zhangsan",
        full_name="张三",
        password="Fazhi-Test-2024",
        id_number=ID_NUMBER.lower(),
        phone=PHONE,
    )
    Membership.objects.create(user=user, org_unit=tree.village_a1, role="resident")
    return user


def _unmask_url(user, field):
    return reverse("core:user_pii_unmask", args=[user.pk, field])


# --- at rest -------------------------------------------------------------------------


def test_given_a_saved_person_when_reading_the_raw_columns_then_no_plaintext(resident):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id_number, phone, id_number_hash, phone_hash FROM core_user WHERE id = %s",
            [resident.pk],
        )
        raw_id, raw_phone, id_hash, phone_hash = cur.fetchone()
    assert raw_id and raw_phone
    assert ID_NUMBER not in raw_id and "1949" not in raw_id
    assert PHONE not in raw_phone and "5678" not in raw_phone
    assert ID_NUMBER not in id_hash and PHONE not in phone_hash
    assert pii.decrypt(raw_id) == ID_NUMBER


def test_given_a_saved_person_when_loaded_then_the_model_reads_the_plain_value(resident):
    fresh = User.objects.get(pk=resident.pk)
    assert fresh.id_number == ID_NUMBER  # normalised to upper-case X
    assert fresh.phone == PHONE


def test_given_an_id_number_in_any_case_when_looked_up_by_keyed_hash_then_found(resident):
    assert User.objects.get(id_number_hash=pii.keyed_hash(ID_NUMBER.lower())) == resident
    assert User.objects.get(phone_hash=pii.keyed_hash(f" {PHONE} ")) == resident
    assert not User.objects.filter(id_number_hash=pii.keyed_hash("110105194912310011")).exists()


def test_given_the_same_value_when_encrypted_twice_then_ciphertexts_differ():
    assert pii.encrypt(PHONE) != pii.encrypt(PHONE)
    assert pii.decrypt(pii.encrypt(PHONE)) == PHONE


def test_given_another_field_key_when_decrypting_then_a_chinese_error_not_garbage(settings):
    token = pii.encrypt(PHONE)
    settings.FIELD_KEY = "another-key"
    with pytest.raises(ValueError, match="FAZHI_FIELD_KEY"):
        pii.decrypt(token)


def test_given_another_field_key_when_hashing_then_hashes_differ(settings):
    first = pii.keyed_hash(PHONE)
    settings.FIELD_KEY = "another-key"
    assert pii.keyed_hash(PHONE) != first


def test_given_an_invalid_id_number_when_creating_a_person_then_field_error_and_nothing_saved(
    people,
):
    from fazhi.core.permissions import ServiceError

    with pytest.raises(ServiceError) as exc:
        services.user_create(
            actor=people.officer,
            username="lisi",
            full_name="李四",
            password="Fazhi-Test-2024",
            id_number="110105194912310021",
        )
    assert exc.value.errors["id_number"] == ["公民身份号码校验位错误,请核对"]
    assert not User.objects.filter(username="lisi").exists()


# --- masks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        (ID_NUMBER, "110***********002X"),
        ("330106199003071236", "330***********1236"),
        ("", ""),
        ("1234", "****"),
    ],
)
def test_given_an_id_number_when_masked_then_prefix_and_last_four_only(value, masked):
    assert pii.mask_id_number(value) == masked
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"), [(PHONE, "138****5678"), ("", ""), ("12345", "*****")]
)
def test_given_a_phone_when_masked_then_middle_four_hidden(value, masked):
    assert pii.mask_phone(value) == masked
    assert mask_phone(value) == masked


def _render_value(viewer, target, field, can_unmask=True):
    request = RequestFactory().get("/")
    request.user = viewer
    return render_to_string(
        "core/_pii_value.html",
        {"target": target, "field": field, "can_unmask": can_unmask, "user": viewer},
        request=request,
    )


def test_given_a_law_officer_when_the_value_renders_then_masked_with_a_show_button(
    people, resident
):
    body = _render_value(people.officer, resident, "id_number")
    assert "110***********002X" in body and ID_NUMBER not in body
    assert "显示" in body and _unmask_url(resident, "id_number") in body


def test_given_a_cadre_when_the_value_renders_then_masked_without_button(people, resident):
    body = _render_value(people.cadre, resident, "phone")
    assert "138****5678" in body and PHONE not in body
    assert "显示" not in body


def test_given_the_page_says_no_when_the_value_renders_then_no_button(people, resident):
    assert "显示" not in _render_value(people.officer, resident, "phone", can_unmask=False)


def test_given_an_empty_value_when_rendered_then_a_dash_and_no_button(people):
    body = _render_value(people.officer, people.cadre, "id_number")
    assert "—" in body and "显示" not in body


# --- unmask --------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value"), [("id_number", ID_NUMBER), ("phone", PHONE)])
def test_given_a_law_officer_of_the_town_when_unmasking_then_the_value_and_an_audit_event(
    people, tree, resident, login, field, value
):
    response = login(people.officer).post(
        _unmask_url(resident, field), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert value in response.content.decode()
    event = AuditEvent.objects.get(verb="pii.unmask")
    assert event.actor == people.officer
    assert event.object_type == "core.user" and event.object_id == str(resident.pk)
    assert event.changes == {"field": field}
    assert event.org_unit_id == tree.village_a1.pk
    # The value itself never reaches the audit trail.
    row = AuditEvent.objects.filter(pk=event.pk).values().get()
    assert all(value not in str(v) for v in row.values())


def test_given_a_county_supervisor_when_unmasking_a_villager_then_allowed(people, resident, login):
    response = login(people.supervisor).post(_unmask_url(resident, "phone"))
    assert response.status_code == 200 and PHONE in response.content.decode()


@pytest.mark.parametrize("who", ["officer_b", "other_supervisor"])
def test_given_a_permitted_role_outside_the_scope_when_unmasking_then_404_not_audited(
    people, resident, login, who
):
    response = login(getattr(people, who)).post(_unmask_url(resident, "id_number"))
    assert response.status_code == 404
    assert ID_NUMBER not in response.content.decode()
    assert not AuditEvent.objects.filter(verb="pii.unmask").exists()


@pytest.mark.parametrize(
    "who",
    ["leader", "cadre", "village_cadre", "resident", "sys_admin", "security_admin", "audit_admin"],
)
def test_given_a_role_without_the_permission_when_unmasking_then_403_not_audited(
    people, resident, login, who
):
    response = login(getattr(people, who)).post(_unmask_url(resident, "phone"))
    assert response.status_code == 403
    assert PHONE not in response.content.decode()
    assert not AuditEvent.objects.filter(verb="pii.unmask").exists()


def test_given_a_person_whose_only_membership_ended_when_unmasking_then_404(
    people, resident, login
):
    resident.memberships.update(is_active=False)
    response = login(people.officer).post(_unmask_url(resident, "phone"))
    assert response.status_code == 404


def test_given_a_person_without_any_membership_when_unmasking_then_404(people, login):
    loner = User.objects.create(username="loner", phone=PHONE)
    assert login(people.officer).post(_unmask_url(loner, "phone")).status_code == 404


@pytest.mark.parametrize("field", ["password", "username", "full_name"])
def test_given_a_field_that_is_not_personal_data_when_unmasking_then_404(
    people, resident, login, field
):
    assert login(people.officer).post(_unmask_url(resident, field)).status_code == 404


def test_given_an_unknown_user_when_unmasking_then_404(people, login):
    assert (
        login(people.officer)
        .post(reverse("core:user_pii_unmask", args=[999_999, "phone"]))
        .status_code
        == 404
    )


def test_given_a_get_when_unmasking_then_405(people, resident, login):
    assert login(people.officer).get(_unmask_url(resident, "phone")).status_code == 405


def test_given_an_anonymous_visitor_when_unmasking_then_sent_to_login(resident, client):
    response = client.post(_unmask_url(resident, "phone"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_names_are_masked_to_the_surname_everywhere():
    from fazhi.core import pii

    assert [pii.mask_name(n) for n in ("张三", "欧阳明月", " 李 ", "")] == [
        "张*",
        "欧***",
        "李*",
        "",
    ]


def test_a_list_leaves_the_encrypted_fields_it_never_shows_unread():
    """`pii.unread` names every encrypted field of the related records, so the visit list
    selects (and decrypts) none of them: not the person's ID number or phone, nor the
    visitor's."""
    from fazhi.core.pii import unread
    from fazhi.grids.models import Visit

    assert unread(Visit, "person", "recorded_by") == [
        "person__id_number",
        "person__phone",
        "recorded_by__id_number",
        "recorded_by__phone",
    ]
    assert unread(Visit, "") == []


def test_the_visit_list_reads_no_id_number_or_phone(people, tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.grids.selectors import visit_list

    with CaptureQueriesContext(connection) as ctx:
        list(visit_list(people.grid_worker)[:10])
    page_sql = ctx.captured_queries[-1]["sql"]
    assert '"grids_keyperson"."name"' in page_sql
    assert '"id_number"' not in page_sql and '"phone"' not in page_sql


def test_within_a_request_a_ciphertext_is_decrypted_once(monkeypatch):
    """A list's rows carry the same few people: each stored value is decrypted once a
    request (core.pii.decrypt), each value to its own plain text, and nothing is kept
    once the request is over."""
    from fazhi.core.middleware import _ctx

    calls = []
    fernet = pii._keys(pii.settings.FIELD_KEY)[0]
    real = type(fernet).decrypt
    monkeypatch.setattr(type(fernet), "decrypt", lambda self, t: calls.append(t) or real(self, t))
    phone, id_number = pii.encrypt(PHONE), pii.encrypt(ID_NUMBER)
    token = _ctx.set({"ip": "", "request_id": "t", "method": "GET"})
    try:
        for _ in range(50):
            assert pii.decrypt(phone) == PHONE and pii.decrypt(id_number) == ID_NUMBER
    finally:
        _ctx.reset(token)
    assert len(calls) == 2
    assert pii.decrypt(phone) == PHONE and pii.decrypt(phone) == PHONE  # outside: each time
    assert len(calls) == 4
