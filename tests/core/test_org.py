"""The org tree: scoping by subtree, pages to browse and edit, membership rules."""

import pytest

from fazhi.core import services
from fazhi.core.models import AuditEvent, Membership, OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.selectors import unit_list


def _codes(user):
    return set(OrgUnit.objects.visible_to(user).values_list("code", flat=True))


def test_town_officer_sees_own_town_subtree_only(people, tree):
    codes = _codes(people.officer)
    assert {tree.town_a.code, tree.village_a1.code, tree.grid_a1.code} <= codes
    assert tree.town_b.code not in codes and tree.county.code not in codes


def test_village_cadre_sees_only_their_village(people, tree):
    assert _codes(people.village_cadre) == {tree.village_a1.code, tree.grid_a1.code}


def test_county_supervisor_sees_all_towns_of_own_county_only(people, tree):
    codes = _codes(people.supervisor)
    assert {tree.town_a.code, tree.town_b.code, tree.village_b1.code} <= codes
    assert tree.other_town.code not in codes and tree.other_county.code not in codes


def test_resident_and_audit_admin_see_no_business_records(people):
    assert _codes(people.resident) == set()
    assert _codes(people.audit_admin) == set()


def test_unit_detail_of_another_town_is_404(login, people, tree):
    client = login(people.officer)
    assert client.get(f"/core/units/{tree.town_a.pk}/").status_code == 200
    assert client.get(f"/core/units/{tree.town_b.pk}/").status_code == 404
    assert client.get(f"/core/units/{tree.town_b.pk}/edit/").status_code == 404
    assert client.post(f"/core/units/{tree.town_b.pk}/add/", {}).status_code == 404


def test_unit_detail_lists_children_and_members(login, people, tree):
    body = login(people.officer).get(f"/core/units/{tree.town_a.pk}/").content.decode()
    assert "东岙村" in body and "渔港社区" in body and "officer" in body
    assert "青山镇" not in body


def test_law_officer_adds_a_village_through_the_page(login, people, tree):
    client = login(people.officer)
    response = client.post(f"/core/units/{tree.town_a.pk}/add/",
                           {"kind": "village", "code": "339901101203", "name": "南岙村"})
    unit = OrgUnit.objects.get(code="339901101203")
    assert response.status_code == 302 and unit.parent == tree.town_a
    assert AuditEvent.objects.filter(verb="org_unit.create", object_id=str(unit.pk)).exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "village", "code": "339901102203", "name": "错村"}, "代码应以上级单位代码"),
        ({"kind": "village", "code": "33990110120", "name": "短码村"}, "应为12位数字"),
        ({"kind": "village", "code": "339901101201", "name": "重复村"}, "已被使用"),
        ({"kind": "village", "code": "339901101209", "name": ""}, "必填"),
        ({"kind": "county", "code": "339901101209", "name": "怪县"}, "选择一个有效的选项"),
    ],
)
def test_bad_unit_input_gets_a_chinese_message_and_writes_nothing(login, people, tree, data,
                                                                   message):
    client = login(people.officer)
    before = OrgUnit.objects.count(), AuditEvent.objects.count()
    response = client.post(f"/core/units/{tree.town_a.pk}/add/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (OrgUnit.objects.count(), AuditEvent.objects.count()) == before


def test_grid_worker_cannot_open_tree_pages(login, people, tree):
    client = login(people.grid_worker)
    assert client.get("/core/units/").status_code == 403


def test_law_officer_grants_a_new_account_a_role(login, people, tree):
    client = login(people.officer)
    response = client.post(f"/core/units/{tree.village_a2.pk}/members/add/", {
        "username": "liming", "role": Role.VILLAGE_CADRE, "title": "社区书记",
        "full_name": "李明", "password": "Yugang-2026", "phone": "13812345678",
    })
    assert response.status_code == 302
    m = Membership.objects.get(user__username="liming")
    assert m.org_unit == tree.village_a2 and m.role == Role.VILLAGE_CADRE


def test_bad_membership_input_changes_nothing(login, people, tree):
    client = login(people.officer)
    before = Membership.objects.count()
    response = client.post(f"/core/units/{tree.village_a2.pk}/members/add/", {
        "username": "lihua", "role": Role.VILLAGE_CADRE, "full_name": "李华",
        "password": "Yugang-2026", "phone": "1381234",
    })
    assert "手机号应为" in response.content.decode()
    response = client.post(f"/core/units/{tree.village_a2.pk}/members/add/", {
        "username": "officer", "role": "emperor"})
    assert "选择一个有效的选项" in response.content.decode()
    assert Membership.objects.count() == before
    from fazhi.core.models import User

    assert not User.objects.filter(username="lihua").exists()


def test_role_must_sit_on_the_right_kind_of_unit(people, tree):
    with pytest.raises(ServiceError, match="网格员只能设在网格"):
        services.membership_grant(actor=people.officer, user=people.cadre, org_unit=tree.town_a,
                                  role=Role.GRID_WORKER)


def test_law_officer_cannot_grant_administrator_roles(people, tree):
    with pytest.raises(Forbidden):
        services.membership_grant(actor=people.officer, user=people.cadre, org_unit=tree.town_a,
                                  role=Role.SYS_ADMIN)


def test_three_administrators_are_different_people(people, tree):
    """三权分立: the security administrator cannot make the audit administrator a sysadmin."""
    with pytest.raises(ServiceError, match="三权分立"):
        services.membership_grant(actor=people.security_admin, user=people.audit_admin,
                                  org_unit=tree.county, role=Role.SYS_ADMIN)
    with pytest.raises(Forbidden):
        services.membership_grant(actor=people.security_admin, user=people.security_admin,
                                  org_unit=tree.county, role=Role.SECURITY_ADMIN)


def test_administrators_cannot_do_each_others_work(login, people):
    assert login(people.sys_admin).get("/core/audit/").status_code == 403
    assert login(people.security_admin).get("/core/audit/").status_code == 403
    assert login(people.audit_admin).get("/admin/").status_code == 302  # admin login page
    assert login(people.sys_admin).get("/admin/").status_code == 200


def test_officer_of_town_b_cannot_grant_in_town_a(people, tree):
    with pytest.raises(Forbidden):
        services.membership_grant(actor=people.officer_b, user=people.cadre,
                                  org_unit=tree.village_a1, role=Role.VILLAGE_CADRE)
    assert not unit_in_scope(people.officer_b, tree.village_a1)


def test_end_membership_is_audited_and_removes_access(login, people, tree):
    m = Membership.objects.get(user=people.village_cadre)
    login(people.officer).post(f"/core/memberships/{m.pk}/end/")
    m.refresh_from_db()
    assert not m.is_active
    assert AuditEvent.objects.filter(verb="membership.end", object_id=str(m.pk)).exists()
    people.village_cadre._membership_cache = None
    assert not unit_list(people.village_cadre).exists()


def test_unit_detail_query_count_is_flat(login, people, tree, count_queries):
    client = login(people.officer)
    url = f"/core/units/{tree.town_a.pk}/"
    client.get(url)  # warm the per-process caches (content types) before counting
    few = count_queries(lambda: client.get(url))
    for i in range(30):
        unit = OrgUnit.objects.create(kind="village", code=f"3399011013{i:02d}", name=f"村{i}",
                                      parent=tree.town_a)
        Membership.objects.create(user=people.cadre, org_unit=unit, role=Role.VILLAGE_CADRE)
    many = count_queries(lambda: client.get(url))
    assert many == few


def test_tree_page_shows_the_top_of_the_subtree_and_query_count_is_flat(
    login, people, tree, count_queries
):
    """The county sees its towns (a village is on its town's page); a town its villages."""
    client = login(people.supervisor)
    body = client.get("/core/units/").content.decode()
    assert "海屿镇" in body and "青山镇" in body and "远山镇" not in body
    assert "东岙村" not in body
    assert "东岙村" in login(people.officer).get("/core/units/").content.decode()
    few = count_queries(lambda: client.get("/core/units/"))
    for i in range(40):
        OrgUnit.objects.create(kind="village", code=f"3399011024{i:02d}", name=f"新村{i}",
                               parent=tree.town_b)
    assert count_queries(lambda: client.get("/core/units/")) == few


def test_admin_is_for_the_system_administrator_via_the_one_login_page(client, login, people):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    body = login(people.sys_admin).get("/").content.decode()
    assert "后台管理" in body
    assert "后台管理" not in login(people.officer).get("/").content.decode()
    assert login(people.sys_admin).get("/admin/core/orgunit/").status_code == 200


def test_administrators_hold_no_business_role_and_vice_versa(people, tree):
    """Least privilege: the audit administrator cannot also be a county supervisor (which
    would let them read records and unmask personal data), nor a law officer an admin."""
    with pytest.raises(ServiceError, match="管理员不得兼任业务角色"):
        services.membership_grant(actor=people.security_admin, user=people.audit_admin,
                                  org_unit=tree.county, role=Role.COUNTY_SUPERVISOR)
    with pytest.raises(ServiceError, match="管理员不得兼任业务角色"):
        services.membership_grant(actor=people.security_admin, user=people.officer,
                                  org_unit=tree.county, role=Role.AUDIT_ADMIN)
    assert not Membership.objects.filter(user=people.audit_admin,
                                         role=Role.COUNTY_SUPERVISOR).exists()


def test_system_administrator_reads_no_business_records(people, tree):
    assert not OrgUnit.objects.visible_to(people.sys_admin).exists()
    assert unit_list(people.sys_admin).filter(pk=tree.town_a.pk).exists()


def test_system_administrator_cannot_switch_off_accounts_in_admin(login, people):
    client = login(people.sys_admin)
    url = f"/admin/core/user/{people.audit_admin.pk}/change/"
    response = client.post(url, {"full_name": "改名", "is_active": ""})
    assert response.status_code == 302
    people.audit_admin.refresh_from_db()
    assert people.audit_admin.full_name == "改名"  # the edit went through...
    assert people.audit_admin.is_active  # ...but the account stays on
