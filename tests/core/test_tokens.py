"""The "API令牌" page: staff create a token (shown once), list and revoke their own."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from fazhi.core import services
from fazhi.core.models import ApiToken, AuditEvent


def test_given_an_officer_when_creating_a_token_then_shown_once_with_a_warning(login, people):
    client = login(people.officer)
    resp = client.post(reverse("core:token_list"), {"name": "台账同步"})
    assert resp.status_code == 200
    token = ApiToken.objects.get(user=people.officer)
    raw = resp.context["raw_token"]
    assert raw.startswith("fz_") and token.token_hash == services.token_hash(raw)
    html = resp.content.decode()
    assert raw in html and "不再显示" in html
    # Not kept anywhere: neither in the token row, nor the session, nor the next page.
    assert raw not in token.prefix + token.name + token.token_hash
    assert all(
        raw not in s.session_data and raw not in str(s.get_decoded()) for s in Session.objects.all()
    )
    again = client.get(reverse("core:token_list")).content.decode()
    assert raw not in again and "台账同步" in again and token.prefix in again
    assert AuditEvent.objects.filter(verb="api_token.create", actor=people.officer).exists()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_given_an_empty_name_when_creating_then_chinese_error_and_no_token(login, people):
    resp = login(people.officer).post(reverse("core:token_list"), {"name": "  "})
    assert resp.status_code == 400
    assert "这个字段是必填项" in resp.content.decode()
    assert not ApiToken.objects.exists()


def test_given_own_token_when_revoking_then_revoked_audited_and_unusable(login, people):
    token, raw = services.api_token_create(actor=people.leader, name="脚本")
    client = login(people.leader)
    resp = client.post(reverse("core:token_revoke", args=[token.pk]), follow=True)
    assert "已撤销令牌" in resp.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(verb="api_token.revoke", object_id=str(token.pk)).exists()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_given_another_users_token_when_revoking_then_404_and_unchanged(login, people):
    token, _ = services.api_token_create(actor=people.officer_b, name="脚本")
    resp = login(people.officer).post(reverse("core:token_revoke", args=[token.pk]))
    assert resp.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_given_a_get_request_when_revoking_then_405_and_unchanged(login, people):
    token, _ = services.api_token_create(actor=people.officer, name="脚本")
    resp = login(people.officer).get(reverse("core:token_revoke", args=[token.pk]))
    assert resp.status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_given_the_list_page_then_only_own_tokens_are_listed(login, people):
    services.api_token_create(actor=people.officer, name="我的脚本")
    services.api_token_create(actor=people.officer_b, name="青山镇脚本")
    html = login(people.officer).get(reverse("core:token_list")).content.decode()
    assert "我的脚本" in html and "青山镇脚本" not in html


def test_given_a_resident_when_opening_tokens_then_403(login, people):
    assert login(people.resident).get(reverse("core:token_list")).status_code == 403


def test_given_anonymous_when_opening_tokens_then_sent_to_login(client, db):
    resp = client.get(reverse("core:token_list"))
    assert resp.status_code == 302 and "/login" in resp["Location"]
