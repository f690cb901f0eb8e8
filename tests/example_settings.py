"""fazhi's settings plus the throwaway example app (tests/core/test_registry.py)."""

from fazhi.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.example_app"]  # noqa: F405
