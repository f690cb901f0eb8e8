"""What every page shares, made cheaper without changing what anyone sees (issue 15): the
person's memberships read with one prepared statement per request (User.active_memberships)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.core.models import Membership, User
from fazhi.core.roles import Role


def _membership_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if 'FROM "core_membership"' in q["sql"]]


def test_prepared_memberships_are_what_the_related_manager_reads(
    db, people, django_assert_num_queries
):
    for person in (people.officer, people.supervisor, people.resident, people.sys_admin):
        expected = list(
            Membership.objects.filter(user=person, is_active=True)
            .select_related("org_unit")
            .order_by("id")
        )
        user = User.objects.get(pk=person.pk)
        with django_assert_num_queries(1):
            got = user.active_memberships()
            assert user.roles() == {m.role for m in expected}
            # as the related manager leaves it: each row's user is this user, no query
            assert all(m.user is user for m in got)
            assert [m.org_unit.name for m in got] == [m.org_unit.name for m in expected]
        assert [(m.pk, m.role, m.org_unit_id) for m in got] == [
            (m.pk, m.role, m.org_unit_id) for m in expected
        ]
    with django_assert_num_queries(0):  # read already: kept for the request
        user.active_memberships()


def test_a_page_reads_the_memberships_once(db, people, login):
    client = login(people.officer)
    for name in ("workbench", "contracts:contract_list", "core:token_list"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name)).status_code == 200
        assert len(_membership_queries(queries.captured_queries)) == 1, name


def test_a_role_granted_or_revoked_counts_on_the_next_request(db, people, login, tree):
    """Read on every request, not kept between them: another worker's change shows too."""
    client = login(people.officer)
    url = reverse("core:locked_accounts")  # the security administrator's page
    assert client.get(url).status_code == 403
    granted = Membership.objects.create(
        user=people.officer, org_unit=tree.county, role=Role.SECURITY_ADMIN
    )
    assert client.get(url).status_code == 200
    Membership.objects.filter(pk=granted.pk).update(is_active=False)
    assert client.get(url).status_code == 403


def test_an_anonymous_request_reads_no_memberships(db, client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("workbench"))
    assert response.status_code == 302
    assert _membership_queries(queries.captured_queries) == []
