"""Core pages. Each views module owns its urlpatterns; this file only lists the modules."""

from importlib import import_module

app_name = "core"

_MODULES = ["org", "audit", "holidays", "tokens", "attachments", "pii", "security", "params", "twofactor"]

urlpatterns = []
for _name in _MODULES:
    try:
        urlpatterns += import_module(f"fazhi.core.views.{_name}").urlpatterns
    except ModuleNotFoundError as exc:  # a module not written yet
        if exc.name != f"fazhi.core.views.{_name}":
            raise
