"""Two-factor login (等保 2.0 三级, GB/T 22239-2019 8.1.4.1 d): who must use it, enrolment
with a locally drawn QR code, the code step, recovery codes, the shared lockout, the
security administrator's reset, and API tokens left alone."""

from __future__ import annotations

import time

import pytest
import time_machine
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.core import params, services, twofactor
from fazhi.core.models import AuditEvent
from fazhi.core.permissions import ServiceError


def code_for(device, steps_ahead=0) -> str:
    """The code the person's authenticator shows (`steps_ahead` 30-second steps later)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    device = twofactor.enrolment_start(actor=user)
    return twofactor.enrolment_confirm(actor=user, code=code_for(device))


def password_login(client, user, password, ip="10.1.1.1"):
    return client.post("/login/", {"username": user.username, "password": password}, REMOTE_ADDR=ip)


def code_login(client, code, ip="10.1.1.1"):
    return client.post("/login/code/", {"code": code}, REMOTE_ADDR=ip)


def verbs(verb):
    return list(AuditEvent.objects.filter(verb=verb).values_list("result", flat=True))


@pytest.fixture
def no_otp_delay(settings):
    """django-otp's own growing delay (1, 2, 4 … s) after a wrong code is switched off where
    a test sends codes faster than a person types."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


# --- who must use it -------------------------------------------------------------------


def test_the_three_administrators_must_use_it_and_other_staff_only_when_switched_on(people, tree):
    for admin in (people.sys_admin, people.security_admin, people.audit_admin):
        assert twofactor.is_required(admin)
    assert not twofactor.is_required(people.officer)
    assert not twofactor.is_required(people.resident)
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="core.two_factor_all_staff", raw_value="1"
    )
    assert twofactor.is_required(people.officer)
    assert twofactor.is_required(people.grid_worker)
    assert not twofactor.is_required(people.resident)  # residents are not staff


def test_the_county_switch_accepts_only_0_or_1_in_chinese(people, tree):
    with pytest.raises(ServiceError) as exc:
        params.parameter_set(
            actor=people.supervisor,
            unit=tree.county,
            key="core.two_factor_all_staff",
            raw_value="2",
        )
    assert "不能大于1" in exc.value.message


# --- first login of an administrator: enrolment before anything else --------------------


def test_an_administrator_without_authenticator_is_sent_to_enrolment_first(client, people):
    response = password_login(client, people.sys_admin, people.password)
    assert response.status_code == 302 and response["Location"] == "/core/2fa/enrol/"
    for path in ("/", "/core/units/", "/core/tokens/", "/core/2fa/"):
        assert client.get(path)["Location"] == "/core/2fa/enrol/", path
    api = client.get("/api/v1/me")
    assert api.status_code == 403 and "请先在网页上绑定双因素认证" in api.json()["message"]
    page = client.get("/core/2fa/enrol/").content.decode()
    assert "<svg" in page and "双因素认证绑定二维码" in page
    assert "<img" not in page and "chart.googleapis" not in page  # drawn here, nothing fetched
    device = TOTPDevice.objects.get(user=people.sys_admin, confirmed=False)
    assert twofactor.secret_of(device).replace(" ", "") in page.replace(" ", "")
    # a reload shows the same QR code (one unconfirmed device)
    client.get("/core/2fa/enrol/")
    assert TOTPDevice.objects.filter(user=people.sys_admin).count() == 1
    assert verbs("twofactor.enrol") == ["success"]
    assert client.post("/logout/").status_code == 302


def test_given_a_wrong_code_when_confirming_then_chinese_error_and_nothing_confirmed(
    client, people
):
    password_login(client, people.sys_admin, people.password)
    client.get("/core/2fa/enrol/")
    device = TOTPDevice.objects.get(user=people.sys_admin)
    wrong = f"{(int(code_for(device)) + 1) % 1000000:06d}"
    response = client.post("/core/2fa/enrol/", {"code": wrong})
    assert response.status_code == 400
    assert "验证码不正确" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and not StaticToken.objects.exists()
    assert verbs("twofactor.confirm") == ["failure"]
    assert client.get("/")["Location"] == "/core/2fa/enrol/"


def test_given_the_right_code_when_confirming_then_ten_recovery_codes_shown_once(
    client, people, no_otp_delay
):
    password_login(client, people.sys_admin, people.password)
    client.get("/core/2fa/enrol/")
    device = TOTPDevice.objects.get(user=people.sys_admin)
    response = client.post("/core/2fa/enrol/", {"code": code_for(device)})
    body = response.content.decode()
    assert response.status_code == 200 and "请保存恢复码" in body
    tokens = list(
        StaticToken.objects.filter(device__user=people.sys_admin).values_list("token", flat=True)
    )
    assert len(tokens) == 10 and len(set(tokens)) == 10
    assert all(f"{t[:4]}-{t[4:]}" in body for t in tokens)
    device.refresh_from_db()
    assert device.confirmed
    assert verbs("twofactor.confirm") == ["success"]
    # this session now holds the second factor: the system opens
    assert client.get("/").status_code == 200
    status = client.get("/core/2fa/").content.decode()
    assert "已启用" in status and 'data-testid="codes-left">10<' in status
    assert tokens[0] not in status


def test_a_new_administrator_changes_the_password_and_enrols_without_a_loop(client, people):
    people.sys_admin.must_change_password = True
    people.sys_admin.save()
    password_login(client, people.sys_admin, people.password)
    assert client.get("/core/2fa/enrol/")["Location"] == "/password/"
    assert client.get("/password/").status_code == 200
    client.post(
        "/password/",
        {
            "old_password": people.password,
            "new_password1": "Haiyu-2026-new",
            "new_password2": "Haiyu-2026-new",
        },
    )
    assert client.get("/")["Location"] == "/core/2fa/enrol/"
    assert client.get("/core/2fa/enrol/").status_code == 200


# --- the code step ---------------------------------------------------------------------


def test_an_enrolled_person_logs_in_with_password_then_code(client, people):
    device, _ = enrol(people.officer)
    response = password_login(client, people.officer, people.password)
    assert response["Location"] == "/login/code/"
    assert "_auth_user_id" not in client.session  # not logged in by the password alone
    assert client.get("/").status_code == 302
    page = client.get("/login/code/").content.decode()
    assert "6位验证码" in page and "officer" in page
    response = code_login(client, code_for(device, 1))
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(people.officer.pk)
    assert client.get("/").status_code == 200
    assert verbs("auth.login") == ["success"]


def test_given_a_wrong_code_then_chinese_message_a_counted_failure_and_not_logged_in(
    client, people
):
    device, _ = enrol(people.officer)
    password_login(client, people.officer, people.password)
    response = code_login(client, "000000" if code_for(device, 1) != "000000" else "111111")
    assert response.status_code == 400
    assert "验证码不正确或已过期" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 1
    assert verbs("auth.login_failed") == ["failure"]


def test_wrong_codes_and_wrong_passwords_count_toward_one_lock(client, people, no_otp_delay):
    device, _ = enrol(people.officer)
    for _ in range(3):
        password_login(client, people.officer, "Wrong-Pass-1")
    password_login(client, people.officer, people.password)
    assert code_login(client, "abcdefgh").status_code == 400
    response = code_login(client, "abcdefgh")  # the fifth failure locks the account
    assert response.status_code == 429 and "账号已锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # locked: the right password and then the right code do not help
    response = password_login(client, people.officer, people.password)
    assert response.status_code == 429 and "_auth_user_id" not in client.session


def test_five_wrong_codes_lock_the_account(client, people, no_otp_delay):
    enrol(people.officer)
    password_login(client, people.officer, people.password)
    for _ in range(4):
        assert code_login(client, "12345x").status_code == 400
    assert code_login(client, "12345x").status_code == 429
    assert code_login(client, "12345x")["Location"] == "/login/"  # the pending login is gone
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 5


def test_a_correct_code_right_after_a_wrong_one_waits_for_the_otp_delay(client, people):
    device, _ = enrol(people.officer)
    password_login(client, people.officer, people.password)
    with time_machine.travel(time.time(), tick=False):  # both tries in the same second
        wrong = "000000" if code_for(device, 1) != "000000" else "111111"
        code_login(client, wrong)
        response = code_login(client, code_for(device, 1))
    assert response.status_code == 400 and "验证过于频繁" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # the refused-unchecked try is not a failure: only the wrong code counted
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 1


def test_the_code_step_expires_after_five_minutes(client, people):
    device, _ = enrol(people.officer)
    password_login(client, people.officer, people.password)
    with time_machine.travel(time.time() + 6 * 60, tick=False):
        response = client.get("/login/code/", follow=True)
    assert "验证已超时" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_empty_code_is_refused_in_chinese_without_counting(client, people):
    enrol(people.officer)
    password_login(client, people.officer, people.password)
    response = code_login(client, "  ")
    assert response.status_code == 400 and "请输入6位验证码或恢复码" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="officer", failures_since_start__gt=0).exists()


# --- recovery codes ----------------------------------------------------------------------


def test_a_recovery_code_logs_in_once_and_is_audited(client, people, no_otp_delay):
    _, codes = enrol(people.officer)
    password_login(client, people.officer, people.password)
    response = code_login(client, f"{codes[0][:4]}-{codes[0][4:]}".upper())  # as printed
    assert response.status_code == 302 and client.session["_auth_user_id"]
    assert StaticToken.objects.filter(device__user=people.officer).count() == 9
    event = AuditEvent.objects.get(verb="twofactor.recovery_used")
    assert event.actor_id == people.officer.pk and event.changes == {"recovery_codes": [10, 9]}
    client.post("/logout/")
    password_login(client, people.officer, people.password)
    response = code_login(client, codes[0])
    assert response.status_code == 400 and "_auth_user_id" not in client.session


def test_new_recovery_codes_replace_the_old_ones(login, people):
    _, old = enrol(people.officer)
    response = login(people.officer).post("/core/2fa/recovery/")
    assert response.status_code == 200 and "原有恢复码已全部作废" in response.content.decode()
    tokens = set(StaticToken.objects.values_list("token", flat=True))
    assert len(tokens) == 10 and not tokens & set(old)
    assert StaticDevice.objects.filter(user=people.officer).count() == 1
    assert verbs("twofactor.recovery_regenerate") == ["success"]


# --- the county switch -------------------------------------------------------------------


def test_when_the_county_switches_it_on_staff_enrol_at_next_login_residents_do_not(
    client, people, tree
):
    assert password_login(client, people.officer, people.password)["Location"] == "/"
    client.post("/logout/")
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="core.two_factor_all_staff", raw_value="1"
    )
    assert password_login(client, people.officer, people.password)["Location"] == "/core/2fa/enrol/"
    client.post("/logout/")
    response = password_login(client, people.resident, people.password)
    assert response["Location"] != "/core/2fa/enrol/" and client.session["_auth_user_id"]


# --- reset by the security administrator --------------------------------------------------


def test_the_security_admin_lists_and_resets_and_the_person_enrols_again(client, login, people):
    enrol(people.officer)
    secadmin = login(people.security_admin)
    page = secadmin.get("/core/security/twofactor/").content.decode()
    assert "officer" in page
    response = secadmin.post(f"/core/security/twofactor/{people.officer.pk}/reset/", follow=True)
    assert "已重置" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=people.officer).exists()
    assert not StaticDevice.objects.filter(user=people.officer).exists()
    event = AuditEvent.objects.get(verb="twofactor.reset")
    assert event.actor_id == people.security_admin.pk and event.object_id == str(people.officer.pk)
    secadmin.logout()
    assert password_login(client, people.officer, people.password)["Location"] == "/"


def test_a_reset_session_is_sent_to_enrolment(client, people):
    device, _ = enrol(people.sys_admin)
    password_login(client, people.sys_admin, people.password)
    code_login(client, code_for(device, 1))
    assert client.get("/").status_code == 200
    twofactor.twofactor_reset(actor=people.security_admin, user=people.sys_admin)
    assert client.get("/")["Location"] == "/core/2fa/enrol/"
    # enrolled again elsewhere: this session's factor is not the new one, so it ends
    enrol(people.sys_admin)
    assert client.get("/")["Location"] == "/login/"
    assert "_auth_user_id" not in client.session


def test_the_security_admin_cannot_reset_their_own(people):
    enrol(people.security_admin)
    before = AuditEvent.objects.count()
    with pytest.raises(ServiceError) as exc:
        twofactor.twofactor_reset(actor=people.security_admin, user=people.security_admin)
    assert "不能重置本人的双因素认证" in exc.value.message
    assert TOTPDevice.objects.filter(user=people.security_admin, confirmed=True).exists()
    assert AuditEvent.objects.count() == before


def test_resetting_an_account_without_2fa_is_refused_in_chinese_and_writes_nothing(login, people):
    client = login(people.security_admin)
    before = AuditEvent.objects.count()
    response = client.post(f"/core/security/twofactor/{people.officer.pk}/reset/", follow=True)
    assert "没有绑定双因素认证" in response.content.decode()
    assert AuditEvent.objects.count() == before


def test_an_account_of_another_county_is_not_found(login, people):
    enrol(people.other_supervisor)
    response = login(people.security_admin).post(
        f"/core/security/twofactor/{people.other_supervisor.pk}/reset/"
    )
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user=people.other_supervisor).exists()
    page = login(people.security_admin).get("/core/security/twofactor/").content.decode()
    assert "other_supervisor" not in page


def test_only_the_security_admin_resets(people):
    enrol(people.officer)
    for actor in (people.sys_admin, people.audit_admin, people.officer):
        with pytest.raises(ServiceError):
            twofactor.twofactor_reset(actor=actor, user=people.officer)
    assert TOTPDevice.objects.filter(user=people.officer).exists()


# --- what it leaves alone ------------------------------------------------------------------


def test_api_tokens_still_work_for_a_person_with_2fa(client, people):
    enrol(people.sys_admin)
    _, raw = services.api_token_create(actor=people.sys_admin, name="脚本")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200 and response.json()["username"] == "sysadmin"


def test_force_login_in_tests_bypasses_the_login_form_and_so_the_second_step(client, people):
    """The test client's force_login never passes the login form: sessions it makes carry
    no two-factor mark, so the page tests of the three administrators stay as they were."""
    client.force_login(people.sys_admin)
    assert client.get("/").status_code == 200
