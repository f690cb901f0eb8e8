"""The epoch (core.epoch): a page that only reads takes the person, their memberships, their
subtree and the parameters from the worker's memory, and any write to those tables, by any
path, shows on the very next request. These tests run outside a test transaction
(transactional_db), as requests do: inside one nothing is taken from memory."""

import re
from contextlib import contextmanager

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from fazhi.core import epoch, params
from fazhi.core.middleware import _ctx
from fazhi.core.models import Epoch, Membership, OrgUnit, ParameterValue, User

pytestmark = pytest.mark.django_db(transaction=True)

CORE_READS = re.compile(r'FROM "(core_user|core_membership|core_orgunit|core_parametervalue)"')


def epoch_value():
    return Epoch.objects.filter(pk=1).values_list("value", flat=True).first()


def core_reads(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    return response, [q["sql"] for q in ctx.captured_queries if CORE_READS.search(q["sql"])]


def test_a_page_that_only_reads_takes_the_person_and_their_scope_from_memory(people, login):
    client = login(people.officer)
    first, reads_first = core_reads(client, "/documents/")
    second, reads_second = core_reads(client, "/documents/")
    assert first.status_code == second.status_code == 200
    assert reads_first  # the first request reads the person, memberships and subtree
    assert reads_second == []
    assert first.content.count(b"<tr") == second.content.count(b"<tr")


def test_every_write_to_people_units_or_parameters_changes_the_epoch(people, tree):
    writes = [
        lambda: User.objects.filter(pk=people.cadre.pk).update(full_name="改名"),
        lambda: Membership.objects.filter(user=people.cadre).update(title="副主任"),
        lambda: OrgUnit.objects.filter(pk=tree.village_b1.pk).update(name="青山新村"),
        lambda: ParameterValue.objects.create(
            org_unit=tree.town_a, key="reports.workbench_seconds", value="30", set_by=people.cadre
        ),
        lambda: ParameterValue.objects.all().delete(),
        lambda: Membership.objects.create(user=people.cadre, org_unit=tree.town_b, role="cadre"),
        lambda: User.objects.create(username="newcomer"),
    ]
    for write in writes:
        before = epoch_value()
        write()
        assert epoch_value() not in (None, before)


def test_a_write_that_rolls_back_leaves_the_epoch_as_it_was(people):
    before = epoch_value()
    with pytest.raises(RuntimeError), transaction.atomic():
        User.objects.filter(pk=people.cadre.pk).update(full_name="改名")
        assert epoch_value() != before  # inside the transaction it has moved
        raise RuntimeError
    assert epoch_value() == before


def test_a_membership_revoked_by_a_bulk_update_closes_the_page_on_the_next_request(people, login):
    client = login(people.officer)
    assert client.get("/documents/").status_code == 200
    assert client.get("/documents/").status_code == 200  # now from memory
    Membership.objects.filter(user=people.officer).update(is_active=False)
    assert client.get("/documents/").status_code in (403, 404)


def test_a_password_changed_elsewhere_ends_the_session_on_the_next_request(people, login):
    client = login(people.officer)
    assert client.get("/documents/").status_code == 200
    assert client.get("/documents/").status_code == 200
    User.objects.filter(pk=people.officer.pk).update(password=make_password("另一个Pa55word!"))
    response = client.get("/documents/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_person_deactivated_elsewhere_is_logged_out_on_the_next_request(people, login):
    client = login(people.officer)
    client.get("/documents/")
    client.get("/documents/")
    User.objects.filter(pk=people.officer.pk).update(is_active=False)
    response = client.get("/documents/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@contextmanager
def request_with_epoch(method="GET"):
    """As inside a request whose session read gave the epoch now in the database."""
    token = _ctx.set({"ip": "", "request_id": "t", "method": method})
    try:
        epoch.note(epoch_value())
        yield
    finally:
        _ctx.reset(token)


def test_a_parameter_changed_by_hand_is_in_force_on_the_next_request(tree, people):
    key = "reports.workbench_seconds"
    with request_with_epoch():
        assert params.value(key, tree.town_a) == 60
    # A hand-run UPDATE (no signal, no service) after a value was created.
    ParameterValue.objects.create(org_unit=tree.county, key=key, value="60", set_by=people.cadre)
    ParameterValue.objects.filter(key=key).update(value="15")
    with request_with_epoch():
        assert params.value(key, tree.town_a) == 15


def test_a_request_that_may_write_or_runs_in_a_transaction_reads_afresh(tree):
    with request_with_epoch("POST"):
        assert epoch.current() is None
    with request_with_epoch():
        assert epoch.current() is not None
        with transaction.atomic():
            assert epoch.current() is None
    assert epoch.current() is None  # outside a request: nothing remembered


def test_without_the_epoch_row_nothing_is_taken_from_memory_until_the_next_write(people, login):
    client = login(people.officer)  # a login writes the person (last_login): before the delete
    Epoch.objects.all().delete()
    client.get("/documents/")
    _, reads = core_reads(client, "/documents/")
    assert reads  # read every time
    Membership.objects.filter(user=people.officer).update(title="主任")  # any write restores it
    assert epoch_value() is not None


def test_an_api_token_request_that_reads_takes_the_scope_from_memory(people, client):
    from fazhi.core.services import api_token_create

    raw = api_token_create(actor=people.officer, name="测试")[1]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    client.get("/api/v1/documents", **headers)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/v1/documents", **headers)
    assert response.status_code == 200
    assert [q["sql"] for q in ctx.captured_queries if CORE_READS.search(q["sql"])] == []
    Membership.objects.filter(user=people.officer).update(is_active=False)
    assert client.get("/api/v1/documents", **headers).status_code == 403  # no role any more
