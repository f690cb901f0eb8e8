"""Login security (等保 2.0): lockout, per-IP throttle, password policy, idle timeout, headers."""

import pytest
from django.conf import settings

from fazhi.core import services
from fazhi.core.models import User
from fazhi.core.permissions import ServiceError


def _attempt(client, username, password, ip="10.1.1.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_sixth_attempt_fails_even_with_the_right_password(client, people):
    """Given 5 wrong passwords within 30 minutes, the correct password is refused too."""
    for _ in range(5):
        response = _attempt(client, "officer", "Wrong-Pass-1")
        assert "_auth_user_id" not in client.session
    response = _attempt(client, "officer", people.password)
    assert response.status_code == 429
    assert "账号已锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not locked by it.
    response = _attempt(client, "leader", people.password)
    assert response.status_code == 302 and client.session["_auth_user_id"]


def test_lock_lifts_after_thirty_minutes(client, people, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(5):
        _attempt(client, "officer", "Wrong-Pass-1")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=31)
    )
    response = _attempt(client, "officer", people.password)
    assert response.status_code == 302


def test_per_ip_throttle_refuses_an_address_spraying_usernames(client, people, settings):
    settings.FAZHI_IP_FAILURE_LIMIT = 6
    for i in range(6):
        _attempt(client, f"nobody{i}", "Wrong-Pass-1", ip="10.9.9.9")
    response = _attempt(client, "leader", people.password, ip="10.9.9.9")
    assert response.status_code == 429
    assert "该地址登录失败次数过多" in response.content.decode()
    response = _attempt(client, "leader", people.password, ip="10.9.9.10")
    assert response.status_code == 302


@pytest.mark.parametrize(
    "password, fragment",
    [
        ("Ab1!x", "至少需要8个字符"),
        ("abcdefgh1", "至少三类"),
        ("abcdefghij", "至少三类"),
    ],
)
def test_password_policy_refuses_weak_passwords_in_chinese(people, password, fragment):
    with pytest.raises(ServiceError) as exc:
        services.user_create(
            actor=people.officer, username="newbie", full_name="新人", password=password
        )
    assert any(fragment in m for m in exc.value.errors["password"])
    assert not User.objects.filter(username="newbie").exists()


def test_strong_password_is_accepted(people):
    user = services.user_create(
        actor=people.officer, username="newbie", full_name="新人", password="Haiyu-2026x"
    )
    assert user.check_password("Haiyu-2026x")


def test_session_expires_after_thirty_idle_minutes(client, people):
    """Idle timeout: the session lives 30 minutes and activity renews it."""
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(people.officer)
    session = client.session
    session.set_expiry(-1)  # as if 30 minutes passed without a request
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_security_headers_on_every_page(client, db):
    response = client.get("/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_nothing_from_another_origin(client, people):
    import re

    client.force_login(people.officer)
    body = client.get("/").content.decode()
    for url in re.findall(r'(?:src|href)="([^"]+)"', body):
        assert not url.startswith(("http://", "https://", "//")), url


def test_security_admin_sees_and_unlocks_a_locked_account(client, people):
    from fazhi.core.models import AuditEvent

    for _ in range(5):
        _attempt(client, "officer", "Wrong-Pass-1")
    client.force_login(people.security_admin)
    body = client.get("/core/security/locked/").content.decode()
    assert "officer" in body
    client.post("/core/security/unlock/", {"username": "officer"})
    assert AuditEvent.objects.filter(verb="auth.unlock", object_id="officer").exists()
    client.logout()
    assert _attempt(client, "officer", people.password).status_code == 302


def test_only_the_security_admin_unlocks(login, people):
    for user in [people.sys_admin, people.audit_admin, people.officer]:
        assert login(user).post("/core/security/unlock/", {"username": "x"}).status_code == 403


def test_a_locked_account_reaches_the_security_admins_workbench(client, people):
    for _ in range(5):
        _attempt(client, "officer", "Wrong-Pass-1")
    client.force_login(people.security_admin)
    body = client.get("/").content.decode()
    assert "账号 officer 因连续登录失败被锁定" in body
    client.force_login(people.sys_admin)
    assert "账号 officer" not in client.get("/").content.decode()


def test_everyone_changes_their_own_password_under_the_policy(client, people):
    from fazhi.core.models import AuditEvent

    client.force_login(people.grid_worker)
    response = client.post(
        "/password/",
        {"old_password": people.password, "new_password1": "abcdefgh", "new_password2": "abcdefgh"},
    )
    assert response.status_code == 200 and "至少三类" in response.content.decode()
    people.grid_worker.refresh_from_db()
    assert people.grid_worker.check_password(people.password)
    response = client.post(
        "/password/",
        {
            "old_password": people.password,
            "new_password1": "Wangge-2027",
            "new_password2": "Wangge-2027",
        },
    )
    assert response.status_code == 302
    people.grid_worker.refresh_from_db()
    assert people.grid_worker.check_password("Wangge-2027")
    assert AuditEvent.objects.filter(verb="auth.password_change", actor=people.grid_worker).exists()
    assert client.get("/").status_code == 200  # still logged in


def test_an_account_made_by_someone_else_must_change_its_password_first(client, people):
    """Given an account created by a law officer, its owner is sent to the password page
    on every page until they change it; then the pages open."""
    services.user_create(actor=people.officer, username="xinren", full_name="新人",
                         password="Chushi-2026")
    _attempt(client, "xinren", "Chushi-2026")
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/password/"
    assert "请先修改密码" in client.get("/password/").content.decode()
    client.post("/password/", {"old_password": "Chushi-2026", "new_password1": "Ziji-2026pw",
                               "new_password2": "Ziji-2026pw"})
    assert not User.objects.get(username="xinren").must_change_password
    assert client.get("/").status_code == 200


def test_activity_renews_the_session_at_most_once_a_minute(client, people):
    """Each page view would otherwise write the session row; a minute's granularity keeps
    the idle timeout at 29–30 minutes without a write per request."""
    import time_machine
    from django.contrib.sessions.models import Session

    def expiry():
        return Session.objects.get(session_key=client.session.session_key).expire_date

    with time_machine.travel("2026-11-30 10:00:00 +0800", tick=False) as clock:
        client.force_login(people.officer)
        client.get("/")
        first = expiry()
        clock.shift(20)
        client.get("/")
        assert expiry() == first  # within the minute: no write
        clock.shift(50)
        client.get("/")
        assert expiry() > first  # a minute later: renewed, 30 minutes from now
