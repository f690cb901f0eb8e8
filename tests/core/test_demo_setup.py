"""`fazhi demo` (the demo county) and `fazhi setup` (the production install)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from fazhi.core.demo import (
    COUNTY_CODE,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_PEOPLE,
    ISLAND_TOWN_CODE,
    SECOND_TOWN_CODE,
)
from fazhi.core.models import AuditEvent, Membership, OrgUnit, User
from fazhi.core.roles import Role
from fazhi.core.validators import validate_id_number


def run(command: str, **options) -> str:
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def counts() -> dict:
    return {m.__name__: m.objects.count() for m in (OrgUnit, User, Membership, AuditEvent)}


@pytest.fixture
def demo(demo_county):
    """The demo as `fazhi demo` leaves it (the shared copy, tests/demo_snapshot.py; the
    hard days are loaded by tests/core/test_demo_days.py)."""
    return demo_county


# --- demo -------------------------------------------------------------------------------


def test_given_demo_then_island_town_has_villages_and_grids_with_nested_codes(demo):
    town = OrgUnit.objects.get(code=ISLAND_TOWN_CODE, kind="town")
    assert town.parent.code == COUNTY_CODE and town.parent.kind == "county"
    villages = OrgUnit.objects.filter(
        kind__in=["village", "community"], code__startswith=ISLAND_TOWN_CODE
    )
    grids = OrgUnit.objects.filter(kind="grid", code__startswith=ISLAND_TOWN_CODE)
    assert villages.count() >= 6
    assert grids.count() >= 12
    assert all(len(v.code) == 12 and v.parent_id == town.pk for v in villages)
    assert all(len(g.code) == 15 and g.parent.code == g.code[:12] for g in grids)
    second = OrgUnit.objects.get(code=SECOND_TOWN_CODE, kind="town")
    assert second.children.filter(kind__in=["village", "community"]).count() >= 2


def test_given_demo_then_island_town_is_staffed_like_a_real_town(demo):
    titles = set(
        Membership.objects.filter(
            org_unit__code=ISLAND_TOWN_CODE, role=Role.TOWN_LEADER
        ).values_list("title", flat=True)
    )
    assert {"党委书记", "党委副书记、镇长"} <= titles
    assert any("副镇长" in t for t in titles)
    staff = Membership.objects.filter(org_unit__code__startswith=ISLAND_TOWN_CODE)
    assert staff.filter(role=Role.LAW_OFFICER).count() >= 3
    assert staff.filter(role=Role.LEGAL_ADVISER).exists()
    # every village and every grid of the island town has its cadre / grid worker
    for unit in OrgUnit.objects.filter(
        code__startswith=ISLAND_TOWN_CODE, kind__in=["village", "community", "grid"]
    ):
        role = Role.GRID_WORKER if unit.kind == "grid" else Role.VILLAGE_CADRE
        assert staff.filter(org_unit=unit, role=role).exists(), unit


def test_given_demo_then_each_account_logs_in_and_holds_exactly_its_role(demo, client):
    assert {a["role"] for a in DEMO_ACCOUNTS} == set(Role)
    assert len(DEMO_ACCOUNTS) == len(Role)
    for account in DEMO_ACCOUNTS:
        response = client.post(
            "/login/", {"username": account["username"], "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, account["username"]
        assert "/login/" not in response["Location"]
        client.post("/logout/")
        user = User.objects.get(username=account["username"])
        assert user.full_name == account["full_name"]
        held = list(
            user.memberships.filter(is_active=True).values_list("role", "org_unit__code", "title")
        )
        assert held == [(account["role"], account["unit_code"], account["title"])]


def test_given_demo_then_administrators_are_three_different_people(demo):
    for role in (Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN):
        holders = User.objects.filter(memberships__role=role, memberships__is_active=True)
        assert holders.count() == 1
        assert holders.get().roles() == {role}


def test_given_demo_run_twice_then_second_run_creates_nothing(demo):
    before = counts()
    output = run("demo")
    assert counts() == before
    assert "未作改动" in output


def test_given_demo_then_every_org_unit_has_its_creation_in_the_audit_trail(demo):
    units = OrgUnit.objects.filter(code__startswith=COUNTY_CODE)
    created = {
        e.object_id: e
        for e in AuditEvent.objects.filter(
            object_type="core.orgunit", verb__in=["org_unit.create", "system.bootstrap"]
        )
    }
    for unit in units:
        event = created[str(unit.pk)]
        if unit.kind == "county":  # bootstrap: nobody exists yet to act
            assert (event.verb, event.actor_id) == ("system.bootstrap", None)
        else:  # everything else through the service, by the demo system administrator
            assert (event.verb, event.actor_name) == ("org_unit.create", "sysadmin")


def test_given_demo_then_every_account_and_membership_is_audited(demo):
    audited = set(
        AuditEvent.objects.filter(
            verb__in=["user.create", "membership.grant", "system.bootstrap"]
        ).values_list("object_type", "object_id")
    )
    for user in User.objects.all():
        assert ("core.user", str(user.pk)) in audited, user
    for membership in Membership.objects.all():
        assert ("core.membership", str(membership.pk)) in audited, membership
    call_command("audit", "verify", stdout=StringIO())  # the chain is intact


def test_given_demo_then_personal_data_is_valid_and_encrypted_at_rest(demo):
    with_id = [p for p in DEMO_PEOPLE if p["id_number"]]
    assert len(with_id) >= 5
    for person in with_id:
        user = User.objects.get(username=person["username"])
        assert validate_id_number(user.id_number) == person["id_number"]
        assert user.phone == person["phone"]
        with connection.cursor() as cur:
            cur.execute("SELECT id_number FROM core_user WHERE id = %s", [user.pk])
            stored = cur.fetchone()[0]
        assert stored and person["id_number"] not in stored


def test_given_host_and_port_when_demo_runs_then_it_prints_login_url_and_accounts(db, monkeypatch):
    monkeypatch.setenv("FAZHI_HOST", "10.0.0.5")
    monkeypatch.setenv("FAZHI_PORT", "8080")
    output = run("demo")
    assert "http://10.0.0.5:8080/login/" in output
    for account in DEMO_ACCOUNTS:
        assert account["username"] in output
    assert DEMO_PASSWORD in output and "法治办工作人员" in output and "海屿镇" in output


def test_given_production_when_demo_runs_then_it_refuses_and_creates_nothing(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="生产环境") as exc:
        run("demo")
    assert exc.value.returncode == 2
    assert not OrgUnit.objects.exists() and not User.objects.exists()


# --- setup ------------------------------------------------------------------------------

STRONG = "Root#2026install"


@pytest.fixture
def install(db, settings, tmp_path, monkeypatch):
    """setup(**options) with static files collected into a temporary directory."""
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("FAZHI_ADMIN_PASSWORD", STRONG)
    monkeypatch.setenv("FAZHI_SECURITY_ADMIN_PASSWORD", "Sec#2026install")
    monkeypatch.setenv("FAZHI_AUDIT_ADMIN_PASSWORD", "Aud#2026install")
    return lambda **options: run("setup", **options)


def test_given_setup_with_admin_then_county_and_admin_exist_and_no_demo_data(install):
    output = install(admin="root")
    county = OrgUnit.objects.get()
    assert (county.code, county.kind) == (COUNTY_CODE, "county")
    root = User.objects.get()
    assert root.username == "root" and root.check_password(STRONG)
    assert root.roles() == {Role.SYS_ADMIN}
    assert not User.objects.filter(username__in=[a["username"] for a in DEMO_ACCOUNTS]).exists()
    assert not Membership.objects.exclude(user=root).exists()
    assert "安全管理员" in output and "--security-admin" in output  # told what is missing
    verbs = set(AuditEvent.objects.values_list("verb", "actor_id"))
    assert verbs == {("system.bootstrap", None)}


def test_given_setup_then_static_files_are_collected(install, settings):
    install(admin="root")
    assert (settings.STATIC_ROOT / "fazhi").is_dir()


def test_given_three_admins_then_each_is_a_different_person_with_one_role(install):
    install(
        admin="root",
        security_admin="sec",
        audit_admin="aud",
        county_code="330999",
        county_name="海滨县",
    )
    county = OrgUnit.objects.get(code="330999")
    assert county.name == "海滨县"
    roles = {u.username: u.roles() for u in User.objects.all()}
    assert roles == {
        "root": {Role.SYS_ADMIN},
        "sec": {Role.SECURITY_ADMIN},
        "aud": {Role.AUDIT_ADMIN},
    }


def test_given_one_person_for_two_admin_roles_then_setup_refuses(install):
    with pytest.raises(CommandError, match="三权分立") as exc:
        install(admin="root", audit_admin="root")
    assert exc.value.returncode == 2
    assert not User.objects.exists()


def test_given_weak_password_then_setup_refuses_in_chinese_and_writes_nothing(install, monkeypatch):
    monkeypatch.setenv("FAZHI_ADMIN_PASSWORD", "abc123")
    with pytest.raises(CommandError) as exc:
        install(admin="root")
    assert exc.value.returncode == 2
    assert "密码不符合要求" in str(exc.value) and "至少需要8个字符" in str(exc.value)
    assert not User.objects.exists() and not OrgUnit.objects.exists()


def test_given_no_password_and_no_terminal_then_setup_names_the_variable(install, monkeypatch):
    monkeypatch.delenv("FAZHI_ADMIN_PASSWORD")
    with pytest.raises(CommandError, match="FAZHI_ADMIN_PASSWORD"):
        install(admin="root")
    assert not User.objects.exists()


def test_given_setup_run_twice_then_nothing_changes_and_password_is_kept(install, monkeypatch):
    install(admin="root", county_code="330999", county_name="海滨县")
    before = counts()
    monkeypatch.setenv("FAZHI_ADMIN_PASSWORD", "Other#2026pass")
    output = install(admin="root")  # no --county-code: the installed county, not 339901
    assert counts() == before
    assert "未作改动" in output
    assert User.objects.get(username="root").check_password(STRONG)
    assert not OrgUnit.objects.filter(code=COUNTY_CODE).exists()


def test_given_installed_county_when_rerun_with_security_admin_then_it_is_added(install):
    install(admin="root")
    install(admin="root", security_admin="sec")
    assert User.objects.get(username="sec").roles() == {Role.SECURITY_ADMIN}
    assert OrgUnit.objects.count() == 1
