"""Per-app hook modules, found by name: each fazhi app may have `deadlines.py`
(`pending_items`), `tick.py` (`run`), `summary.py` (`figures`) and `demo.py`
(`load_demo`). One discovery for all of them, in INSTALLED_APPS order."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from django.apps import apps


def optional_module(package: str, module: str) -> ModuleType | None:
    """`<package>.<module>` if that module exists; an import error inside it is raised."""
    name = f"{package}.{module}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def app_hooks(module: str, attr: str) -> Iterator[Any]:
    """Yield `attr` of `<app>.<module>` for every fazhi app that has it."""
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi."):
            continue
        mod = optional_module(config.name, module)
        hook = getattr(mod, attr, None) if mod is not None else None
        if hook is not None:
            yield hook
