"""One app registry: what a fazhi app plugs in, declared once on its AppConfig.

A fazhi app's `apps.py` subclasses `FazhiAppConfig` and says:
- `url_prefix`: its pages are mounted at `/<url_prefix>` from `<app>/urls.py` (None: no
  pages; "" mounts at the root, as the workbench does);
- `menu`: its entries (`MenuEntry`), each under a chapter of the seed (CHAPTERS);
- `audit_labels`: the Chinese names of its audit verbs other than its workflows' steps
  (a `Workflow` names its own steps);
- `review_hook`: for an app whose records go to legality review (fazhi.reviews), the
  function ("module.function" inside the app) told in the review's transaction when a
  review of one of its records is concluded: `hook(subject=, review=, actor=)`;
- `precheck_context`: for such an app, the function ("module.function" inside the app)
  that gives the 智能预审 engine what a record holds (`fn(subject)` → the engine's
  Context: title, issuer, stage, dates), so a pre-review reads the record, not only its text;
and, found by module name (core.hooks), `<app>/api.py`'s `router` (mounted under /api/v1/),
`deadlines.py` (workbench), `summary.py` (figures), `tick.py`, `demo.py`, `services.py`
(imported when first needed, not when the app loads: the registries its workflows and
parameters fill import it when asked about them, core.hooks.import_declarations).
tests/test_permission_matrix.py reads `tests/<app label>/matrix.py` and fails on any
route without an expectation. Adding an app is: create the folder, add it to
INSTALLED_APPS. fazhi/urls.py, fazhi/api.py and core/navigation.py read this registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module

from django.apps import AppConfig, apps

from .hooks import optional_module

# The menu's groups, in the seed's order (组织领导, 依法行政, 普法教育, 基层治理, 报表),
# with the workbench first and the platform's own pages last.
CHAPTERS = ("工作台", "组织领导", "依法行政", "普法教育", "基层治理", "报表", "系统")


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    roles: frozenset
    chapter: str

    def __post_init__(self):
        if self.chapter not in CHAPTERS:
            raise ValueError(f"menu entry {self.label}: unknown chapter {self.chapter}")
        object.__setattr__(self, "roles", frozenset(self.roles))


class FazhiAppConfig(AppConfig):
    """Base of every fazhi app's AppConfig. An app's apps.py refers to it as
    `registry.FazhiAppConfig` (not imported by name): Django picks the one AppConfig
    class it finds in apps.py."""

    url_prefix: str | None = None
    menu: tuple[MenuEntry, ...] = ()
    audit_labels: dict[str, str] = {}
    review_hook: str | None = None
    precheck_context: str | None = None

    def ready(self):
        from . import audit

        audit.VERB_LABELS.update(self.audit_labels)
        # Not the app's services: loading every app's services, selectors and .docx
        # writer here made each `fazhi` command import them all. The names of audit verbs and
        # the parameters they declare are imported when asked for (core.hooks).


def fazhi_apps() -> list[FazhiAppConfig]:
    """The fazhi apps, in INSTALLED_APPS order."""
    return [c for c in apps.get_app_configs() if isinstance(c, FazhiAppConfig)]


def page_mounts() -> Iterator[tuple[str, str]]:
    """(url prefix, urls module) of every app with pages."""
    for config in fazhi_apps():
        if config.url_prefix is not None:
            yield config.url_prefix, f"{config.name}.urls"


def api_routers() -> Iterator:
    """Each app's API router (`<app>/api.py`'s `router`), if it has one."""
    for config in fazhi_apps():
        module = optional_module(config.name, "api")
        if module is not None:
            yield module.router


def menu_entries() -> list[MenuEntry]:
    """Every app's menu entries, grouped by chapter (apps' order within a chapter)."""
    entries = [entry for config in fazhi_apps() for entry in config.menu]
    return sorted(entries, key=lambda e: CHAPTERS.index(e.chapter))


def review_hook(subject) -> Callable | None:
    """The function the subject's app registered to hear that its legality review was
    concluded, or None. Reviews learns about its subjects only through this."""
    config = apps.get_app_config(subject._meta.app_label)
    name = getattr(config, "review_hook", None)
    if not name:
        return None
    module, _, function = name.rpartition(".")
    return getattr(import_module(f"{config.name}.{module}"), function)


def precheck_context(subject):
    """What the subject's record holds for its pre-review (the engine's Context), from
    the function its app registered as `precheck_context`, or None."""
    config = apps.get_app_config(subject._meta.app_label)
    name = getattr(config, "precheck_context", None)
    if not name:
        return None
    module, _, function = name.rpartition(".")
    return getattr(import_module(f"{config.name}.{module}"), function)(subject)
