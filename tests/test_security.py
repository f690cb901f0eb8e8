"""Findings of the security review (等保 2.0 / attacker's view), one test per finding:
each fails without its fix."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import path

pytestmark = pytest.mark.django_db


# --- error pages say what went wrong in Chinese, and nothing else ---------------------------


def _boom(request):
    raise RuntimeError("secret-internal-detail")


urlpatterns = [path("boom/", _boom)]


def test_given_an_unknown_url_when_requested_then_the_404_page_is_chinese(login, people):
    response = login(people.officer).get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in body and "Not Found" not in body


def test_given_a_page_of_another_role_when_requested_then_the_403_page_is_chinese(login, people):
    response = login(people.officer).get("/core/audit/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "无权访问" in body and "Forbidden" not in body


def test_given_a_post_without_csrf_token_when_sent_then_the_403_page_is_chinese(people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.officer)
    response = client.post("/core/tokens/", {"name": "x"})
    body = response.content.decode()
    assert response.status_code == 403
    assert "请刷新" in body and "CSRF verification failed" not in body


def test_given_a_crash_when_debug_is_off_then_the_500_page_is_chinese_and_leaks_nothing(
    settings, people
):
    settings.ROOT_URLCONF = __name__
    assert settings.DEBUG is False
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "服务器内部错误" in body
    assert "secret-internal-detail" not in body and "Traceback" not in body


# --- nobody grants themselves a role ------------------------------------------------------


@pytest.mark.parametrize(
    "who, unit, role",
    [
        ("security_admin", "county", "county_supervisor"),  # would unmask all personal data
        ("officer", "town_a", "legal_adviser"),
    ],
)
def test_given_a_membership_manager_when_granting_themselves_a_business_role_then_refused(
    tree, people, who, unit, role
):
    from fazhi.core import services
    from fazhi.core.models import Membership
    from fazhi.core.permissions import Forbidden

    actor = getattr(people, who)
    with pytest.raises(Forbidden, match="不能给自己分配角色"):
        services.membership_grant(actor=actor, user=actor, org_unit=getattr(tree, unit), role=role)
    assert not Membership.objects.filter(user=actor, role=role).exists()


# --- services re-check permission and scope, whoever calls them ----------------------------


def test_given_a_resident_when_calling_the_token_service_directly_then_refused(people):
    from fazhi.core import services
    from fazhi.core.models import ApiToken
    from fazhi.core.permissions import Forbidden

    with pytest.raises(Forbidden):
        services.api_token_create(actor=people.resident, name="脚本")
    assert not ApiToken.objects.filter(user=people.resident).exists()


def _png() -> bytes:
    from tests.test_permission_matrix import _png as png

    return png()


def test_given_town_a_file_when_town_b_officer_calls_the_download_service_then_refused(
    tree, people
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core import attachments
    from fazhi.core.models import AuditEvent
    from fazhi.core.permissions import Forbidden

    att = attachments.attachment_add(
        actor=people.officer, record=tree.town_a, uploaded_file=SimpleUploadedFile("规则.png", _png())
    )
    with pytest.raises(Forbidden):
        attachments.attachment_download(actor=people.officer_b, attachment=att)
    assert not AuditEvent.objects.filter(verb="attachment.download").exists()


# --- a record's attachments are read by the roles that read the record -------------------


def test_given_a_precheck_draft_when_a_cadre_of_the_town_asks_for_it_then_404(
    tree, people, login
):
    """Given a 智能预审 run with its uploaded draft, when a 机关干部 of the same town (who
    may not open 智能预审) asks for the draft's download URL, then 404 — as for the run."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core import attachments
    from fazhi.reviews import services as reviews

    run = reviews.precheck_run_create(
        actor=people.officer, title="保洁合同", kind="contract", text="甲方应当按月支付费用。"
    )
    att = attachments.attachment_add(
        actor=people.officer, record=run, uploaded_file=SimpleUploadedFile("草稿.png", _png())
    )
    client = login(people.cadre)
    assert client.get(f"/reviews/prechecks/{run.pk}/").status_code == 403
    assert client.get(f"/core/attachments/{att.pk}/download/").status_code == 404
    assert login(people.leader).get(f"/core/attachments/{att.pk}/download/").status_code == 200


# --- Django admin: the system administrator's county only, writes through services ---------


def test_given_sys_admin_of_one_county_when_editing_another_countys_unit_in_admin_then_refused(
    tree, people, login
):
    client = login(people.sys_admin)
    url = f"/admin/core/orgunit/{tree.other_town.pk}/change/"
    assert client.get(url).status_code == 302  # admin: "does not exist", back to the index
    client.post(url, {"name": "改名", "short_name": "", "is_active": "on"})
    tree.other_town.refresh_from_db()
    assert tree.other_town.name == "远山镇"
    other = f"/admin/core/user/{people.other_supervisor.pk}/change/"
    assert client.get(other).status_code == 302


def test_given_sys_admin_when_renaming_own_unit_in_admin_then_the_service_audits_it(
    tree, people, login
):
    from fazhi.core.models import AuditEvent

    client = login(people.sys_admin)
    url = f"/admin/core/orgunit/{tree.town_a.pk}/change/"
    response = client.post(url, {"name": "海屿镇人民政府", "short_name": "海屿", "is_active": "on"})
    assert response.status_code == 302
    tree.town_a.refresh_from_db()
    assert tree.town_a.name == "海屿镇人民政府"
    event = AuditEvent.objects.get(verb="org_unit.update")
    assert event.changes["name"] == {"before": "海屿镇", "after": "海屿镇人民政府"}


def test_given_user_officer_when_creating_Officer_then_refused_as_taken(people):
    from fazhi.core import services
    from fazhi.core.permissions import ServiceError

    with pytest.raises(ServiceError) as exc:
        services.user_create(
            actor=people.security_admin, username="Officer", full_name="冒名", password="Xy-12345678"
        )
    assert exc.value.errors == {"username": ["该用户名已被使用"]}
