"""What every request pays (issue 15): the menu built once per set of roles, the session
read with one fixed statement, querysets compiled once — each without changing what a
person sees or how long a session lives."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.template import engines
from django.test import RequestFactory
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from fazhi.core import navigation
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.prepared import prepared
from fazhi.core.roles import Role
from fazhi.core.sessions import SessionStore

# The menu as base.html rendered it before it was cached (core.navigation.nav_menu).
MENU_AS_BEFORE = """
{% for group in nav_groups %}
<li class="nav-item fz-chapter"><div class="d-flex flex-wrap align-items-center" role="group" aria-label="{{ group.chapter }}">
{% if group.chapter != "工作台" %}<span class="fz-chapter-label small text-body-secondary text-nowrap">{{ group.chapter }}</span>{% endif %}
{% for item in group.items %}<a class="nav-link text-body text-nowrap{% if request.resolver_match.view_name == item.url_name %} active fw-semibold{% endif %}" href="{{ item.url }}">{{ item.label }}</a>{% endfor %}
</div></li>
{% endfor %}"""


def _squeeze(html: str) -> str:
    return "".join(html.split())


def test_the_cached_menu_is_the_menu_the_template_rendered(db, people):
    for user, path in (
        (people.officer, "/contracts/"),
        (people.supervisor, "/"),
        (people.sys_admin, "/no-such-page/"),
    ):
        request = RequestFactory().get(path)
        request.user = user
        try:
            request.resolver_match = resolve(path)
        except Resolver404:
            request.resolver_match = None
        context = navigation.navigation(request)
        before = (
            engines["django"]
            .from_string(MENU_AS_BEFORE)
            .render({"nav_groups": context["nav_groups"]}, request)
        )
        assert _squeeze(before) in _squeeze(context["nav_menu"])
        assert context["is_sys_admin"] == (user == people.sys_admin)


def test_the_menu_follows_a_role_granted_or_revoked_on_the_next_request(db, people, login, tree):
    import re

    def labels(client):
        menu = client.get(reverse("workbench")).content.decode().split('data-testid="nav"')[1]
        return set(re.findall(r">([^<>]+)</a>", menu.split("</ul>")[0]))

    officer_only = {i["label"] for i in navigation._build_items(frozenset({Role.LAW_OFFICER}))}
    both = {
        i["label"]
        for i in navigation._build_items(frozenset({Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR}))
    }
    assert both > officer_only  # the supervisor's role adds entries
    client = login(people.officer)
    assert labels(client) == officer_only
    granted = Membership.objects.create(
        user=people.officer, org_unit=tree.county, role=Role.COUNTY_SUPERVISOR
    )
    assert labels(client) == both
    granted.is_active = False
    granted.save()
    assert labels(client) == officer_only


def test_the_current_page_is_marked_in_the_menu(db, people, login):
    client = login(people.officer)
    html = client.get(reverse("contracts:contract_list")).content.decode()
    active = [a for a in html.split("<a ") if "active fw-semibold" in a]
    assert len(active) == 1 and reverse("contracts:contract_list") in active[0]


def test_the_session_store_reads_a_live_session_and_drops_an_expired_one(db, people):
    store = SessionStore()
    store["fazhi"] = "海屿镇"
    store.set_expiry(600)
    store.save()
    key = store.session_key
    assert SessionStore(key).load() == {"fazhi": "海屿镇", "_session_expiry": 600}
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    expired = SessionStore(key)
    assert expired.load() == {} and expired.session_key is None
    assert SessionStore("no-such-session-key").load() == {}


def test_an_idle_session_still_ends_at_the_page(client, people):
    client.force_login(people.officer)
    session = client.session
    session.set_expiry(-1)
    session.save()
    response = client.get(reverse("workbench"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_prepared_queryset_gives_what_the_queryset_gives(db, people, django_assert_num_queries):
    memberships = prepared(
        lambda user_id: (
            Membership.objects.filter(user_id=user_id, is_active=True)
            .select_related("org_unit")
            .order_by("id")
        ),
        -7_000_001,
    )
    for user in (people.officer, people.supervisor, people.resident):
        expected = list(
            Membership.objects.filter(user=user, is_active=True)
            .select_related("org_unit")
            .order_by("id")
        )
        with django_assert_num_queries(1):
            got = memberships(user.pk)
            assert [m.org_unit.code for m in got] == [m.org_unit.code for m in expected]
        for a, b in zip(got, expected, strict=True):
            for model, x, y in ((Membership, a, b), (OrgUnit, a.org_unit, b.org_unit)):
                for field in model._meta.concrete_fields:
                    assert getattr(x, field.attname) == getattr(y, field.attname)
    assert memberships(User.objects.order_by("-pk").first().pk + 1) == []


def test_a_prepared_queryset_refuses_a_sample_it_cannot_place(db):
    query = prepared(lambda code: OrgUnit.objects.filter(code=code, name=code), "339901")
    with pytest.raises(ValueError):
        query("339901")


def test_a_prepared_values_list_gives_tuples_converted(db, tree):
    query = prepared(
        lambda code: (
            OrgUnit.objects.filter(parent__code=code)
            .order_by("code")
            .values_list("code", "is_active")
        ),
        "sample-code",
    )
    expected = list(
        OrgUnit.objects.filter(parent__code="339901101")
        .order_by("code")
        .values_list("code", "is_active")
    )
    assert query("339901101") == expected and len(expected) == 2
    assert all(isinstance(active, bool) for _, active in query("339901101"))
