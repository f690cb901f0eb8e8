"""The JSON API at /api/v1/: authentication, one error body, scoping, validation."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from fazhi.core import services
from fazhi.core.models import AuditEvent, HolidayOverride, Membership, OrgUnit
from fazhi.core.roles import Role
from tests.factories import UserFactory

API = "/api/v1"


def _post(client, url, body, **extra):
    return client.post(url, data=json.dumps(body), content_type="application/json", **extra)


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _assert_error_body(resp, status):
    assert resp.status_code == status, resp.content
    body = resp.json()
    assert set(body) == {"code", "message", "errors"}
    assert re.search(r"[\u4e00-\u9fff]", body["message"]), body  # a Chinese message
    return body


def _ids(resp):
    assert resp.status_code == 200, resp.content
    return {item["id"] for item in resp.json()["items"]}


# --- authentication ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_given_no_credentials_when_reading_then_401_with_the_error_body(client):
    body = _assert_error_body(client.get(f"{API}/me"), 401)
    assert body["code"] == "unauthenticated"
    assert body["message"] == "请先登录或提供有效的API令牌"


def test_given_a_token_when_calling_with_bearer_then_user_is_known_and_use_recorded(people):
    token, raw = services.api_token_create(actor=people.officer, name="脚本")
    client = Client()
    resp = client.get(f"{API}/me", **_bearer(raw))
    assert resp.status_code == 200
    me = resp.json()
    assert me["username"] == "officer"
    assert me["memberships"][0]["role"] == Role.LAW_OFFICER
    assert me["memberships"][0]["role_label"] == "法治办工作人员"
    assert me["memberships"][0]["org_unit"]["code"] == "339901101"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_given_a_token_used_twice_within_a_minute_then_last_used_is_written_once(people):
    token, raw = services.api_token_create(actor=people.officer, name="脚本")
    client = Client()

    def token_updates():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"{API}/me", **_bearer(raw)).status_code == 200
        return [
            q
            for q in ctx.captured_queries
            if q["sql"].startswith("UPDATE") and "apitoken" in q["sql"]
        ]

    assert len(token_updates()) == 1
    assert token_updates() == []  # within the minute: no write


def test_given_a_revoked_token_when_calling_then_401(people):
    token, raw = services.api_token_create(actor=people.officer, name="脚本")
    services.api_token_revoke(actor=people.officer, token=token)
    body = _assert_error_body(Client().get(f"{API}/me", **_bearer(raw)), 401)
    assert body["message"] == "API令牌无效或已撤销"


def test_given_a_wrong_token_when_posting_then_401_not_a_csrf_error(people):
    resp = _post(
        Client(enforce_csrf_checks=True),
        f"{API}/tokens",
        {"name": "x"},
        **_bearer("fz_not-a-real-token"),
    )
    _assert_error_body(resp, 401)


def test_given_a_new_token_then_only_its_hash_is_stored(people):
    token, raw = services.api_token_create(actor=people.officer, name="脚本")
    token.refresh_from_db()
    assert raw.startswith("fz_")
    assert token.token_hash == services.token_hash(raw)
    stored = [
        str(v)
        for v in token.__class__.objects.values_list("name", "prefix", "token_hash").get(
            pk=token.pk
        )
    ]
    assert all(raw not in value for value in stored)
    assert raw not in json.dumps(
        list(AuditEvent.objects.values("changes", "object_repr")), ensure_ascii=False
    )


def test_given_a_session_without_csrf_token_when_posting_then_refused_and_nothing_written(
    people,
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.officer)
    before = OrgUnit.objects.count()
    resp = _post(
        client,
        f"{API}/org-units",
        {
            "parent_id": people.officer.units_for({Role.LAW_OFFICER})[0].pk,
            "kind": "village",
            "code": "339901101202",
            "name": "西岙村",
        },
    )
    body = _assert_error_body(resp, 403)
    assert body["code"] == "csrf_failed"
    assert OrgUnit.objects.count() == before


def test_given_a_session_with_csrf_token_when_posting_then_accepted(people, tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.officer)
    client.get("/core/tokens/")  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    resp = _post(
        client,
        f"{API}/org-units",
        {
            "parent_id": tree.town_a.pk,
            "kind": "village",
            "code": "339901101202",
            "name": "西岙村",
        },
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert resp.status_code == 201, resp.content
    assert OrgUnit.objects.filter(code="339901101202", parent=tree.town_a).exists()


def test_given_a_token_client_when_posting_without_csrf_then_accepted(people, tree):
    _, raw = services.api_token_create(actor=people.officer, name="脚本")
    resp = _post(
        Client(enforce_csrf_checks=True),
        f"{API}/org-units",
        {
            "parent_id": tree.town_a.pk,
            "kind": "village",
            "code": "339901101203",
            "name": "北岙村",
        },
        **_bearer(raw),
    )
    assert resp.status_code == 201, resp.content
    assert resp.json()["kind_label"] == "村"


# --- scoping -------------------------------------------------------------------------------------


def test_given_town_a_officer_when_reading_town_b_then_404(login, people, tree):
    client = login(people.officer)
    body = _assert_error_body(client.get(f"{API}/org-units/{tree.town_b.pk}"), 404)
    assert body["message"] == "记录不存在或无权查看"
    assert client.get(f"{API}/org-units/{tree.town_a.pk}").status_code == 200


def test_given_town_a_officer_when_listing_then_only_town_a_units_and_members(login, people, tree):
    client = login(people.officer)
    units = _ids(client.get(f"{API}/org-units?limit=200"))
    assert units == {tree.town_a.pk, tree.village_a1.pk, tree.village_a2.pk, tree.grid_a1.pk}
    members = client.get(f"{API}/memberships?limit=200").json()["items"]
    usernames = {m["username"] for m in members}
    assert "officer" in usernames and "vcadre" in usernames
    assert "officer_b" not in usernames
    assert all(m["org_unit"]["code"].startswith("339901101") for m in members)


def test_given_town_a_officer_when_ending_town_b_membership_then_404_and_unchanged(login, people):
    membership = Membership.objects.get(user=people.officer_b)
    resp = _post(login(people.officer), f"{API}/memberships/{membership.pk}/end", {})
    _assert_error_body(resp, 404)
    membership.refresh_from_db()
    assert membership.is_active


def test_given_village_cadre_when_listing_units_then_only_their_village_subtree(
    login, people, tree
):
    units = _ids(login(people.village_cadre).get(f"{API}/org-units"))
    assert units == {tree.village_a1.pk, tree.grid_a1.pk}


def test_given_county_supervisor_when_listing_then_both_towns_but_not_other_county(
    login, people, tree
):
    client = login(people.supervisor)
    units = _ids(client.get(f"{API}/org-units?kind=town"))
    assert units == {tree.town_a.pk, tree.town_b.pk}
    _assert_error_body(client.get(f"{API}/org-units/{tree.other_town.pk}"), 404)


def test_given_filters_when_listing_units_then_kind_parent_and_code_prefix_apply(
    login, people, tree
):
    client = login(people.supervisor)
    assert _ids(client.get(f"{API}/org-units?parent_id={tree.town_a.pk}")) == {
        tree.village_a1.pk,
        tree.village_a2.pk,
    }
    assert _ids(client.get(f"{API}/org-units?q=339901102")) == {tree.town_b.pk, tree.village_b1.pk}
    page = client.get(f"{API}/org-units?limit=2&offset=1").json()
    assert page["count"] == 7 and len(page["items"]) == 2


def test_given_a_limit_over_200_when_listing_then_422_in_chinese(login, people):
    body = _assert_error_body(login(people.supervisor).get(f"{API}/org-units?limit=500"), 422)
    assert body["errors"] == {"limit": ["不能大于200"]}


def test_given_an_unknown_kind_filter_when_listing_then_422_in_chinese(login, people):
    body = _assert_error_body(login(people.supervisor).get(f"{API}/org-units?kind=city"), 422)
    assert body["errors"]["kind"][0].startswith("取值无效")


def test_given_more_units_when_listing_then_query_count_stays_flat(
    login, people, tree, count_queries
):
    client = login(people.supervisor)

    def add_villages(n, start):
        for i in range(start, start + n):
            OrgUnit.objects.create(
                kind="village", code=f"339901102{300 + i:03d}", name=f"村{i}", parent=tree.town_b
            )

    add_villages(3, 0)  # the tree's 7 units + 3 = 10
    few = count_queries(lambda: client.get(f"{API}/org-units?limit=200"))
    add_villages(40, 3)  # 50 units
    many = count_queries(lambda: client.get(f"{API}/org-units?limit=200"))
    assert client.get(f"{API}/org-units?limit=200").json()["count"] == 50
    assert few == many


def test_given_more_memberships_when_listing_then_query_count_stays_flat(
    login, people, tree, count_queries
):
    client = login(people.security_admin)
    few = count_queries(lambda: client.get(f"{API}/memberships?limit=200"))
    for _ in range(20):
        Membership.objects.create(user=UserFactory(), org_unit=tree.town_b, role=Role.CADRE)
    many = count_queries(lambda: client.get(f"{API}/memberships?limit=200"))
    assert few == many


# --- writes and bad input -------------------------------------------------------------------------


def test_given_officer_when_renaming_own_village_then_saved_and_audited(login, people, tree):
    resp = client_patch(
        login(people.officer), f"{API}/org-units/{tree.village_a1.pk}", {"name": "东岙新村"}
    )
    assert resp.status_code == 200, resp.content
    tree.village_a1.refresh_from_db()
    assert tree.village_a1.name == "东岙新村" and tree.village_a1.is_active
    assert AuditEvent.objects.filter(verb="org_unit.update", actor=people.officer).exists()


def client_patch(client, url, body):
    return client.patch(url, data=json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"kind": "village", "code": "339901101202"}, "name", "字段必填"),
        ({"kind": "village", "code": "339901101202", "name": 5}, "name", "应为文本"),
        ({"kind": "village", "code": 339901101202, "name": "西岙村"}, "code", "应为文本"),
        (
            {"kind": "village", "code": "339901101202", "name": "x", "color": "红"},
            "color",
            "不允许的字段",
        ),
        ({"kind": "city", "code": "339901101202", "name": "西岙村"}, "kind", "取值无效"),
        ({"kind": "village", "code": "339901101202", "name": ""}, "name", "不能为空"),
    ],
)
def test_given_a_wrong_body_shape_when_creating_unit_then_422_per_field_and_nothing_written(
    login, people, tree, body, field, message
):
    client = login(people.officer)
    before = (OrgUnit.objects.count(), AuditEvent.objects.count())
    resp = _post(client, f"{API}/org-units", {"parent_id": tree.town_a.pk, **body})
    result = _assert_error_body(resp, 422)
    assert result["code"] == "validation_error"
    assert result["errors"][field][0].startswith(message), result
    assert (OrgUnit.objects.count(), AuditEvent.objects.count()) == before


def test_given_malformed_json_when_posting_then_400_and_nothing_written(login, people, tree):
    before = OrgUnit.objects.count()
    resp = login(people.officer).post(
        f"{API}/org-units", data='{"kind": "village",', content_type="application/json"
    )
    body = _assert_error_body(resp, 400)
    assert body["code"] == "malformed_body"
    assert OrgUnit.objects.count() == before


def test_given_a_code_outside_the_parent_when_creating_unit_then_400_on_code(login, people, tree):
    before = OrgUnit.objects.count()
    resp = _post(
        login(people.officer),
        f"{API}/org-units",
        {
            "parent_id": tree.town_a.pk,
            "kind": "village",
            "code": "339901102299",
            "name": "错村",
        },
    )
    body = _assert_error_body(resp, 400)
    assert body["errors"]["code"]
    assert OrgUnit.objects.count() == before


def test_given_a_parent_in_another_town_when_creating_unit_then_refused_without_revealing_it(
    login, people, tree
):
    resp = _post(
        login(people.officer),
        f"{API}/org-units",
        {
            "parent_id": tree.town_b.pk,
            "kind": "village",
            "code": "339901102299",
            "name": "错村",
        },
    )
    body = _assert_error_body(resp, 400)
    assert body["errors"] == {"parent_id": ["单位不存在或无权查看"]}
    assert not OrgUnit.objects.filter(code="339901102299").exists()


def test_given_a_leader_when_creating_unit_then_403_from_the_service(login, people, tree):
    resp = _post(
        login(people.leader),
        f"{API}/org-units",
        {
            "parent_id": tree.town_a.pk,
            "kind": "village",
            "code": "339901101209",
            "name": "新村",
        },
    )
    body = _assert_error_body(resp, 403)
    assert body["code"] == "forbidden"
    assert not OrgUnit.objects.filter(code="339901101209").exists()


def test_given_an_unknown_role_when_granting_then_422_and_nothing_written(login, people, tree):
    newcomer = UserFactory()
    resp = _post(
        login(people.officer),
        f"{API}/memberships",
        {
            "user_id": newcomer.pk,
            "org_unit_id": tree.town_a.pk,
            "role": "king",
        },
    )
    body = _assert_error_body(resp, 422)
    assert body["errors"]["role"][0].startswith("取值无效")
    assert not newcomer.memberships.exists()


def test_given_officer_when_granting_and_ending_in_own_town_then_done_and_audited(
    login, people, tree
):
    client = login(people.officer)
    newcomer = UserFactory()
    resp = _post(
        client,
        f"{API}/memberships",
        {
            "user_id": newcomer.pk,
            "org_unit_id": tree.town_a.pk,
            "role": "cadre",
            "title": "科员",
        },
    )
    assert resp.status_code == 201, resp.content
    created = resp.json()
    assert created["role_label"] == "机关干部" and created["username"] == newcomer.username
    resp = _post(client, f"{API}/memberships/{created['id']}/end", {})
    assert resp.status_code == 200 and resp.json()["is_active"] is False
    verbs = set(AuditEvent.objects.filter(actor=people.officer).values_list("verb", flat=True))
    assert {"membership.grant", "membership.end"} <= verbs


def test_given_officer_when_granting_in_town_b_then_refused_and_nothing_written(
    login, people, tree
):
    newcomer = UserFactory()
    resp = _post(
        login(people.officer),
        f"{API}/memberships",
        {
            "user_id": newcomer.pk,
            "org_unit_id": tree.town_b.pk,
            "role": "cadre",
        },
    )
    body = _assert_error_body(resp, 400)
    assert body["errors"] == {"org_unit_id": ["单位不存在或无权查看"]}
    assert not newcomer.memberships.exists()


def test_given_a_missing_user_when_granting_then_400_on_user_id(login, people, tree):
    resp = _post(
        login(people.officer),
        f"{API}/memberships",
        {
            "user_id": 999999,
            "org_unit_id": tree.town_a.pk,
            "role": "cadre",
        },
    )
    assert _assert_error_body(resp, 400)["errors"] == {"user_id": ["用户不存在或已停用"]}


# --- holidays ------------------------------------------------------------------------------------------


def test_given_sys_admin_when_setting_an_override_then_listed_for_the_year(login, people):
    client = login(people.sys_admin)
    resp = _post(
        client,
        f"{API}/holidays/overrides",
        {"date": "2030-10-08", "is_workday": False, "name": "国庆节"},
    )
    assert resp.status_code == 200, resp.content
    year = client.get(f"{API}/holidays?year=2030").json()
    assert year["schedule_known"] is False
    assert year["overrides"] == [{"date": "2030-10-08", "is_workday": False, "name": "国庆节"}]
    assert client.get(f"{API}/holidays?year=2024").json()["schedule_known"] is True


def test_given_an_officer_when_setting_an_override_then_403_and_nothing_written(login, people):
    resp = _post(
        login(people.officer),
        f"{API}/holidays/overrides",
        {"date": "2030-10-08", "is_workday": False},
    )
    _assert_error_body(resp, 403)
    assert not HolidayOverride.objects.exists()


def test_given_a_bad_date_when_setting_an_override_then_422_on_date(login, people):
    resp = _post(
        login(people.sys_admin),
        f"{API}/holidays/overrides",
        {"date": "2030-13-45", "is_workday": "maybe"},
    )
    body = _assert_error_body(resp, 422)
    assert body["errors"]["date"] == ["应为日期(YYYY-MM-DD)"]
    assert body["errors"]["is_workday"] == ["应为 true 或 false"]
    assert not HolidayOverride.objects.exists()


# --- audit trail -----------------------------------------------------------------------------------------


def test_given_audit_admin_when_reading_events_then_200_and_keyset_pages(login, people):
    for i in range(5):
        services.api_token_create(actor=people.officer, name=f"令牌{i}")
    client = login(people.audit_admin)
    first = client.get(f"{API}/audit-events?verb=api_token&limit=3").json()
    assert len(first["items"]) == 3
    rest = client.get(
        f"{API}/audit-events?verb=api_token&limit=3&before_id={first['next_before_id']}"
    ).json()
    assert len(rest["items"]) == 2 and rest["next_before_id"] is None
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 5
    one = client.get(f"{API}/audit-events/{ids[0]}").json()
    assert one["verb"] == "api_token.create" and one["actor_name"] == "officer"


def test_given_sys_admin_when_reading_audit_events_then_403(login, people):
    token, _ = services.api_token_create(actor=people.sys_admin, name="脚本")
    event = AuditEvent.objects.get(verb="api_token.create", object_id=str(token.pk))
    client = login(people.sys_admin)
    body = _assert_error_body(client.get(f"{API}/audit-events"), 403)
    assert body["message"] == "只有审计管理员可以查看审计日志"
    _assert_error_body(client.get(f"{API}/audit-events/{event.pk}"), 403)


# --- tokens through the API ---------------------------------------------------------------------------


def test_given_session_when_creating_token_then_raw_returned_once_and_create_audited(login, people):
    client = login(people.officer)
    resp = _post(client, f"{API}/tokens", {"name": "台账同步"})
    assert resp.status_code == 201, resp.content
    created = resp.json()
    assert created["token"].startswith("fz_") and created["prefix"] == created["token"][:10]
    listed = client.get(f"{API}/tokens").json()
    assert [t["name"] for t in listed] == ["台账同步"] and "token" not in listed[0]
    assert AuditEvent.objects.filter(verb="api_token.create", actor=people.officer).count() == 1
    resp = _post(client, f"{API}/tokens/{created['id']}/revoke", {})
    assert resp.status_code == 200 and resp.json()["revoked_at"]
    assert AuditEvent.objects.filter(verb="api_token.revoke", actor=people.officer).count() == 1
    assert Client().get(f"{API}/me", **_bearer(created["token"])).status_code == 401


def test_given_a_token_when_creating_another_token_with_it_then_403(people):
    _, raw = services.api_token_create(actor=people.officer, name="脚本")
    resp = _post(Client(), f"{API}/tokens", {"name": "再生"}, **_bearer(raw))
    _assert_error_body(resp, 403)
    assert people.officer.api_tokens.count() == 1


def test_given_another_users_token_when_revoking_then_404(login, people):
    token, _ = services.api_token_create(actor=people.officer_b, name="脚本")
    _assert_error_body(_post(login(people.officer), f"{API}/tokens/{token.pk}/revoke", {}), 404)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_given_a_resident_when_creating_token_then_403(login, people):
    _assert_error_body(_post(login(people.resident), f"{API}/tokens", {"name": "x"}), 403)


# --- the OpenAPI description and its docs page ----------------------------------------------------------


@pytest.mark.django_db
def test_openapi_json_lists_the_core_routes(client):
    spec = client.get(f"{API}/openapi.json").json()
    assert spec["info"]["title"] == "法治平台 API"
    for route in [
        "/me",
        "/org-units",
        "/org-units/{unit_id}",
        "/memberships",
        "/memberships/{membership_id}/end",
        "/holidays",
        "/holidays/overrides",
        "/audit-events",
        "/audit-events/{event_id}",
        "/tokens",
        "/tokens/{token_id}/revoke",
    ]:
        assert f"{API}{route}" in spec["paths"], route
    assert "patch" in spec["paths"][f"{API}/org-units/{{unit_id}}"]
    assert set(spec["components"]["securitySchemes"]) >= {"TokenAuth", "SessionAuth"}


@pytest.mark.django_db
def test_docs_page_loads_only_local_files_and_has_no_inline_script(client):
    resp = client.get(f"{API}/docs")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    srcs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert srcs and all(s.startswith("/static/") for s in srcs), srcs
    # Every <script> either loads a file or is inert JSON data: the CSP forbids inline JS.
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attrs or 'type="application/json"' in attrs, attrs
    assert "script-src 'self'" in resp["Content-Security-Policy"]
    assert '"validatorUrl": null' in html  # no badge fetched from swagger.io


def test_given_an_empty_or_non_object_body_when_posting_then_422_on_the_whole_body(login, people):
    client = login(people.officer)
    empty = _assert_error_body(
        client.post(f"{API}/org-units", data="", content_type="application/json"), 422
    )
    assert empty["errors"] == {"__all__": ["请提交JSON格式的请求内容"]}
    listed = _assert_error_body(
        client.post(f"{API}/org-units", data="[1, 2]", content_type="application/json"), 422
    )
    assert listed["errors"] == {"__all__": ["应为JSON对象"]}


def test_given_an_unknown_api_path_then_404_with_the_error_body(login, people):
    resp = login(people.officer).get(f"{API}/no-such-thing")
    body = _assert_error_body(resp, 404)
    assert body["message"] == "接口不存在"
    assert "接口不存在" in resp.content.decode()  # Chinese as is, not \\u escapes


@pytest.mark.django_db
def test_given_the_api_root_then_404_with_the_error_body(client):
    _assert_error_body(client.get(f"{API}/"), 404)


def test_wrong_method_gets_the_json_error_body(client, people):
    client.force_login(people.officer)
    response = client.delete("/api/v1/org-units")
    assert response.status_code == 405
    body = response.json()
    assert body["code"] == "method_not_allowed" and "DELETE" in body["message"]
    assert "GET" in response["Allow"]
