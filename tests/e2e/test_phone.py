"""Grid workers use fazhi on a phone: the menu folds behind a visible toggle and opens."""

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in


def test_grid_worker_opens_the_menu_on_a_phone(page, screenshots):
    page.set_viewport_size({"width": 390, "height": 760})
    _log_in(page, "gridder", DEMO_PASSWORD)
    nav = page.locator("[data-testid=nav]")
    expect(nav).to_be_hidden()
    toggler = page.locator(".navbar-toggler")
    expect(toggler).to_be_visible()
    toggler.click()
    expect(nav.get_by_role("link", name="工作台")).to_be_visible()
    expect(page.get_by_role("link", name="修改密码")).to_be_visible()
    page.screenshot(path=str(screenshots / "gridder-phone-menu.png"))
    assert page.console_errors == []
