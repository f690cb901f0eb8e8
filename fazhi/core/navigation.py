"""Navigation by role: every app's menu entries (declared on its AppConfig, see
core.registry), grouped by the seed's chapters; each person sees the entries of their
roles, and only pages that exist are listed."""

from django.urls import NoReverseMatch, reverse

from .registry import menu_entries
from .roles import Role


def items_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    roles = user.roles()
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
    items = items_for(user)
    return {
        "nav_items": items,
        "nav_groups": groups_for(items),
        "is_sys_admin": user.is_authenticated and user.has_role(Role.SYS_ADMIN),
    }
