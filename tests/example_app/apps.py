"""A throwaway app for tests/core/test_registry.py: adding an app is this folder plus
one line in INSTALLED_APPS (tests/example_settings.py)."""

from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class ExampleConfig(registry.FazhiAppConfig):
    name = "tests.example_app"
    label = "example_app"
    url_prefix = "example/"
    menu = (MenuEntry("示例台账", "example_app:index", LAWFUL_ADMIN_ROLES, "基层治理"),)
