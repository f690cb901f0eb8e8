"""`{% url %}` answered by core.links.reverse (issue 15: CPU per request), a template
builtin (settings.TEMPLATES) that replaces Django's tag of the same name everywhere.

A list of 30 contracts wrote 36 addresses through Django's resolver, a fifth of the
template's time. Django's tag passes the page's namespace as `current_app`, which only
chooses between several instances of one application namespace; this project mounts each
application once, and where that ever changes (or a tag has keyword arguments), the tag is
Django's own.
"""

from __future__ import annotations

import functools

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_resolver
from django.utils.html import conditional_escape

from fazhi.core import links

register = template.Library()


@functools.cache
def _one_instance_per_application() -> bool:
    return all(len(namespaces) == 1 for namespaces in get_resolver().app_dict.values())


class LinkNode(URLNode):
    def render(self, context):
        if self.kwargs or not _one_instance_per_application():
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        url = ""
        try:
            url = links.reverse(self.view_name.resolve(context), args=args)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    return LinkNode(node.view_name, node.args, node.kwargs, node.asvar)
