"""Navigation by role: every app's menu entries (declared on its AppConfig, see
core.registry), grouped by the seed's chapters; each person sees the entries of their
roles, and only pages that exist are listed."""

from django.core.signals import setting_changed
from django.template.loader import get_template
from django.urls import NoReverseMatch, get_script_prefix
from django.utils.safestring import mark_safe

from fazhi.core.links import reverse

from .registry import menu_entries
from .roles import Role

# Every page renders the menu, and it depends on nothing but the person's roles (and the
# URLconf): built once per process for each set of roles instead of reversing every entry
# on every request (a third of a logged-in request's floor). Roles themselves are still
# read per request, so a membership granted or revoked shows on the next page.
_menus: dict[tuple[str, frozenset], tuple[list[dict], list[dict]]] = {}
# The menu's HTML (templates/_nav.html) for (script prefix, roles, current page):
# rendering its few dozen links took longer than many a page's own content. Bounded by
# roles × pages; cleared should it ever grow past that.
_menu_html: dict[tuple[str, frozenset, str], str] = {}
MENU_HTML_LIMIT = 5000


def _forget_menus(*, setting, **kwargs) -> None:
    if setting in ("ROOT_URLCONF", "INSTALLED_APPS", "FORCE_SCRIPT_NAME", "TEMPLATES"):
        _menus.clear()
        _menu_html.clear()


setting_changed.connect(_forget_menus)


def _menu(roles: frozenset) -> tuple[list[dict], list[dict]]:
    """(items, groups) for a set of roles; the lists are shared, never change them."""
    key = (get_script_prefix(), roles)
    menu = _menus.get(key)
    if menu is None:
        items = _build_items(roles)
        menu = _menus[key] = (items, groups_for(items))
    return menu


def items_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    return list(_menu(frozenset(user.roles()))[0])


def _build_items(roles: frozenset) -> list[dict]:
    items = []
    for entry in menu_entries():
        if not roles & entry.roles:
            continue
        try:  # only pages that exist are listed
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append(
            {"label": entry.label, "url": url, "url_name": entry.url_name, "chapter": entry.chapter}
        )
    return items


def groups_for(items: list[dict]) -> list[dict]:
    """The items under their chapters, in the seed's order (menu_entries is sorted)."""
    groups: list[dict] = []
    for item in items:
        if not groups or groups[-1]["chapter"] != item["chapter"]:
            groups.append({"chapter": item["chapter"], "items": []})
        groups[-1]["items"].append(item)
    return groups


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    if not user.is_authenticated:
        return {"nav_items": [], "nav_groups": [], "nav_menu": "", "is_sys_admin": False}
    roles = frozenset(user.roles())
    items, groups = _menu(roles)
    match = getattr(request, "resolver_match", None)
    return {
        "nav_items": items,
        "nav_groups": groups,
        "nav_menu": nav_menu(roles, match.view_name if match else ""),
        "is_sys_admin": Role.SYS_ADMIN in roles,
    }


def nav_menu(roles: frozenset, view_name: str) -> str:
    key = (get_script_prefix(), roles, view_name or "")
    html = _menu_html.get(key)
    if html is None:
        if len(_menu_html) >= MENU_HTML_LIMIT:
            _menu_html.clear()
        groups = _menu(roles)[1]
        rendered = get_template("_nav.html").render({"nav_groups": groups, "view_name": key[2]})
        # safe: the template autoescaped every label and URL
        html = _menu_html[key] = mark_safe(rendered)
    return html
