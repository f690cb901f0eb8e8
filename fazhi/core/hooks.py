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


# The modules of an app that declare things when imported: its workflows, which name their
# audit verbs, and the parameters of its params.py, which these modules import.
DECLARING = ("services", "deadlines", "summary")
_declarations_imported = False


def import_declarations() -> None:
    """Import every app's declaring modules, once per process. The registries they fill
    (audit verb names, parameters) call this when asked for all they hold or for a name
    they do not hold yet, so no process imports every app's services at start: a `fazhi`
    command would load them all to add two dates (issue 15)."""
    global _declarations_imported
    if _declarations_imported:
        return
    for module in DECLARING:
        for _ in app_hooks(module, "__name__"):
            pass
    _declarations_imported = True


def app_hooks(module: str, attr: str) -> Iterator[Any]:
    """Yield `attr` of `<app>.<module>` for every fazhi app that has it."""
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi."):
            continue
        mod = optional_module(config.name, module)
        hook = getattr(mod, attr, None) if mod is not None else None
        if hook is not None:
            yield hook
