"""Every demo account logs in through the real login page and lands on its workbench,
with the navigation its role should see and no console errors; a locked account stays
locked even with the right password; logging out ends the session."""

from __future__ import annotations

import re

import pytest
from django.urls import NoReverseMatch, reverse

from fazhi.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from fazhi.core.registry import menu_entries
from fazhi.core.roles import ADMIN_ROLES, Role

from .conftest import LOCK_PASSWORD, LOCK_USER


def _log_in(page, username: str, password: str):
    """Fill the login form and submit; returns the response to the POST."""
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_response(
        lambda r: r.request.method == "POST" and "/login/" in r.url
    ) as posted:
        page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()
    return posted.value


def _expected_nav(role: str) -> list[str]:
    """Labels of the navigation entries for `role`, in order: the apps' menu entries
    (core.registry) granted to the role whose page exists."""
    labels = []
    for item in menu_entries():
        if role not in item.roles:
            continue
        try:
            reverse(item.url_name)
        except NoReverseMatch:
            continue
        labels.append(item.label)
    return labels


def _nav_labels(page) -> list[str]:
    return [t.strip() for t in page.locator("[data-testid=nav] a").all_inner_texts()]


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=[a["username"] for a in DEMO_ACCOUNTS])
def test_each_demo_account_logs_in_to_its_workbench(page, account, screenshots):
    """Given a demo account, when it logs in through /login/, then it lands on its
    workbench, sees exactly its role's navigation, and the page logs no console error."""
    _log_in(page, account["username"], DEMO_PASSWORD)
    if account["role"] in ADMIN_ROLES:
        # 等保 三级: an administrator binds an authenticator before anything else
        # (tests/e2e/test_twofactor_journey.py goes on from here).
        assert page.url.endswith("/core/2fa/enrol/"), f"管理员登录后未要求绑定双因素: {page.url}"
        assert page.get_by_test_id("qr").locator("svg").is_visible()
        assert page.console_errors == []
        return

    assert re.search(r"/$", page.url), f"登录后未到工作台: {page.url}"
    page.get_by_role("heading", name="工作台").wait_for()
    assert page.locator("[data-testid=workbench]").is_visible()
    assert account["full_name"] in page.locator("[data-testid=current-user]").inner_text()

    role = account["role"]
    nav = _nav_labels(page)
    assert nav == _expected_nav(role)
    # The design's fixed points, stated independently of the apps' menus:
    assert "工作台" in nav
    assert ("节假日" in nav) == (role == Role.SYS_ADMIN)
    assert ("审计日志" in nav) == (role == Role.AUDIT_ADMIN)
    if role == Role.LAW_OFFICER:
        assert "组织机构" in nav
    if role in (Role.GRID_WORKER, Role.RESIDENT, Role.VILLAGE_CADRE):
        assert not {"组织机构", "审计日志", "节假日"} & set(nav)

    if role == Role.SYS_ADMIN:
        # Next year's official schedule must be entered before deadlines can be counted.
        assert (
            "2027年国务院节假日安排未录入" in page.locator("[data-testid=workbench]").inner_text()
        )

    page.screenshot(path=str(screenshots / f"{account['username']}-workbench.png"), full_page=True)
    assert page.console_errors == []


def test_every_role_has_a_demo_account():
    """Given the demo data, then each role has exactly one account to try it with."""
    assert sorted(a["role"] for a in DEMO_ACCOUNTS) == sorted(Role.values)


def test_locked_account_is_refused_even_with_the_right_password(page):
    """Given five wrong passwords for one user, when the right one is typed, then login is
    still refused with status 429 and the Chinese lock message."""
    for _ in range(5):
        response = _log_in(page, LOCK_USER, "wrong-password-1")
        assert response.status in (200, 429)
        assert "/login/" in page.url

    response = _log_in(page, LOCK_USER, LOCK_PASSWORD)

    assert response.status == 429
    assert "/login/" in page.url
    assert "账号已锁定" in page.locator("[data-testid=login-error]").inner_text()
    page.goto("/")
    assert "/login/" in page.url  # no session was opened
    # Chromium logs the 429 document itself as a failed resource; nothing else may fail.
    assert [e for e in page.console_errors if "429" not in e] == []


def test_logout_ends_the_session(page):
    """Given a logged-in officer, when they press 退出, then they are back on the login
    page and the workbench asks for a login again."""
    officer = next(a for a in DEMO_ACCOUNTS if a["role"] == Role.LAW_OFFICER)
    _log_in(page, officer["username"], DEMO_PASSWORD)
    page.get_by_role("heading", name="工作台").wait_for()

    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))

    page.goto("/")
    assert re.search(r"/login/\?next=/$", page.url)
    assert page.console_errors == []
