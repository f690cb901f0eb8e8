"""What every page shares, made cheaper without changing what anyone sees (issue 15): the
person's memberships read with one prepared statement per request (User.active_memberships)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.core.models import Membership, OrgUnit, User
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


# --- A detail page's record by id (core.scoping.get_visible_or_404's compiled-once read) ---


def _orm_answer(queryset, user, roles, pk):
    """What get_visible_or_404 answered before it had a compiled read: the ORM's."""
    try:
        return queryset.visible_to(user, roles).get(pk=pk)
    except queryset.model.DoesNotExist:
        return None


def test_a_record_by_id_is_what_the_scoped_queryset_gives(db, demo_county):
    """Every document and contract of the demo, read by every kind of reader (a town's
    officer, the other town's, a village cadre, the county), answers as the ORM's scoped
    `get` does: the same record with its related rows loaded, or 404 for the same ids."""
    from django.http import Http404

    from fazhi.contracts.models import Contract
    from fazhi.core.scoping import get_visible_or_404
    from fazhi.documents.models import READER_ROLES, Document

    readers = [User.objects.get(username=name) for name in ("officer", "supervisor", "leader")] + [
        m.user
        for m in Membership.objects.filter(role__in=(Role.VILLAGE_CADRE, Role.LAW_OFFICER))
        .exclude(org_unit=demo_county.town)
        .select_related("user")[:3]
    ]
    cases = [
        (Document.objects.select_related("org_unit", "created_by"), READER_ROLES),
        (Contract.objects.select_related("org_unit"), None),
        (Contract.objects.all(), None),
    ]
    seen = {True: 0, False: 0}
    for queryset, roles in cases:
        ids = list(queryset.model.objects.values_list("pk", flat=True)) + [10**9]
        for reader in readers:
            user = User.objects.get(pk=reader.pk)  # a request's fresh user
            for pk in ids:
                expected = _orm_answer(queryset, user, roles, pk)
                try:
                    got = get_visible_or_404(queryset, user, roles, pk=pk)
                except Http404:
                    got = None
                assert (got and got.pk) == (expected and expected.pk), (reader, pk)
                seen[got is not None] += 1
                if got is not None:
                    assert got._state.fields_cache.keys() == expected._state.fields_cache.keys()
                    assert got.title == expected.title
    assert seen[True] > 20 and seen[False] > 20  # both answers were exercised


def test_a_record_by_id_compiles_nothing_after_the_first_page(db, demo_county):
    from django.db.models.sql.compiler import SQLCompiler

    from fazhi.core.scoping import get_visible_or_404
    from fazhi.documents.models import READER_ROLES, Document

    doc = Document.objects.filter(org_unit=demo_county.town).first()
    user = User.objects.get(username="officer")
    queryset = Document.objects.select_related("org_unit", "created_by")
    get_visible_or_404(queryset, user, READER_ROLES, pk=doc.pk)  # compiled here, once
    compiled = []
    original = SQLCompiler.as_sql
    SQLCompiler.as_sql = lambda self, *a, **k: compiled.append(1) or original(self, *a, **k)
    try:
        fresh = User.objects.get(pk=user.pk)
        compiled.clear()
        assert get_visible_or_404(queryset, fresh, READER_ROLES, pk=doc.pk).pk == doc.pk
    finally:
        SQLCompiler.as_sql = original
    assert compiled == []


def test_a_subtree_prefix_is_matched_literally(db, tree):
    """The compiled subtree read escapes its prefix as Django's startswith does: "_" and
    "%" are characters of a code, not LIKE wildcards."""
    from fazhi.core.scoping import _subtree_ids

    assert set(_subtree_ids(["339901101"])) == {
        u.pk for u in OrgUnit.objects.filter(code__startswith="339901101")
    }
    assert _subtree_ids(["3399011_1"]) == []
    assert _subtree_ids(["339901%"]) == []
