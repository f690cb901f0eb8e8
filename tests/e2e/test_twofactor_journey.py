"""Two-factor login in Chromium: the demo audit administrator logs in with the password,
is sent to enrolment, reads the secret beside the locally drawn QR code, confirms with a
code computed here from that secret (as a phone's authenticator would), receives ten
recovery codes, logs out, and logs in again with password and a fresh code."""

from __future__ import annotations

import base64
import re
import time

from django_otp.oath import TOTP
from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in


def _code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for `secret` (30-second steps, 6 digits)."""
    text = secret.replace(" ", "").upper()
    key = base64.b32decode(text + "=" * (-len(text) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_an_administrator_enrols_and_logs_in_with_a_code(page, screenshots):
    _log_in(page, "auditadmin", DEMO_PASSWORD)
    page.wait_for_url(re.compile(r"/core/2fa/enrol/$"))
    expect(page.get_by_test_id("enrol-required")).to_contain_text("等级保护")
    qr = page.get_by_test_id("qr").locator("svg")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 150  # big enough to scan from a screen
    secret = page.get_by_test_id("secret").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7 ]{32,}", secret)
    page.screenshot(path=str(screenshots / "twofactor-enrol.png"), full_page=True)

    # A mistyped code: a clear Chinese refusal, still on the enrolment page.
    wrong = f"{(int(_code(secret)) + 1) % 1_000_000:06d}"
    page.fill("#id_code", wrong)
    page.get_by_role("button", name="确认绑定").click()
    expect(page.get_by_test_id("enrol-error")).to_contain_text("验证码不正确")
    # The refused form answers 400 by design; Chromium logs that status as a console error.
    assert page.console_errors == [
        "console: Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    page.console_errors.clear()
    page.wait_for_timeout(1100)  # django-otp's one-second delay after a wrong code

    page.fill("#id_code", _code(secret))
    page.get_by_role("button", name="确认绑定").click()
    codes = page.get_by_test_id("recovery-codes").locator("li")
    expect(codes).to_have_count(10)
    assert re.fullmatch(r"[a-z2-7]{4}-[a-z2-7]{4}", codes.first.inner_text().strip())
    page.screenshot(path=str(screenshots / "twofactor-recovery-codes.png"), full_page=True)
    page.get_by_test_id("codes-saved").click()
    page.wait_for_url(re.compile(r"/$"))

    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))

    _log_in(page, "auditadmin", DEMO_PASSWORD)
    page.wait_for_url(re.compile(r"/login/code/$"))
    expect(page.get_by_test_id("code-step")).to_contain_text("auditadmin")
    page.screenshot(path=str(screenshots / "twofactor-code-step.png"), full_page=True)
    # The enrolment's code is used up (no replay): the authenticator's next code is taken.
    page.fill("#id_code", _code(secret, steps_ahead=1))
    page.get_by_role("button", name="验证并登录").click()
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/core/audit/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/core/2fa/" not in page.url
    assert not page.console_errors, page.console_errors
