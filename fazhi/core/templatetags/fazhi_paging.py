"""`{% page_href n %}`: the link to page `n` of the list being shown, keeping every filter
the request carried (`?status=…&q=…&annual=…`), so no list can forget one on page 2 — each
view used to rebuild its own query string and the report's `?annual=` was lost."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_href(context, number) -> str:
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()
