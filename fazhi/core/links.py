"""`reverse()` for the many links a page writes (issue 15: CPU per request).

A list of 50 rows, or the workbench's few hundred pending items, each asks Django's
`reverse()` for a record's address; each call walks the URL resolver's possibilities and
quotes the result, about 15 µs, so the workbench spent more on addresses (336 per view)
than on several of its queries. Almost every such call names a route whose arguments are
integer ids (`<int:pk>`): the address is then the same text with other digits. This
`reverse` asks Django once per route and number of arguments, with sentinel ids, keeps
the answer as a template, and afterwards only writes the ids in. Anything else (keyword
arguments, strings, another urlconf, a route whose converter does not write an id as its
digits) goes to Django's `reverse` unchanged, so the answer is always Django's.
"""

from __future__ import annotations

from django.urls import get_script_prefix
from django.urls import reverse as django_reverse

# Ids no record has; each must appear once in the address written with them.
_SENTINELS = (9_876_543_210_001, 9_876_543_210_002, 9_876_543_210_003, 9_876_543_210_004)
# (script prefix, route name, number of arguments) → "%s" template, or None: not templatable.
_templates: dict[tuple, str | None] = {}


def _template(viewname: str, count: int) -> str | None:
    sentinels = _SENTINELS[:count]
    try:
        url = django_reverse(viewname, args=sentinels)
    except Exception:  # noqa: BLE001 - a converter refusing the sentinel: Django decides
        return None
    if any(url.count(str(s)) != 1 for s in sentinels):
        return None
    template = url.replace("%", "%%")
    for s in sentinels:
        template = template.replace(str(s), "%s")
    return template


def reverse(viewname, urlconf=None, args=None, kwargs=None, current_app=None, **options):
    """Django's `reverse()`, answered from a per-route template when every argument is an
    integer id (see the module's note)."""
    ids = tuple(args or ())
    if (
        urlconf is None
        and not kwargs
        and current_app is None
        and not options
        and isinstance(viewname, str)
        and len(ids) <= len(_SENTINELS)
        and all(type(a) is int for a in ids)
    ):
        key = (get_script_prefix(), viewname, len(ids))
        template = _templates.get(key, "")
        if template == "":  # first call for this route: learn its template
            url = django_reverse(viewname, args=ids)
            template = _template(viewname, len(ids)) if ids else url.replace("%", "%%")
            # Checked against Django once with real ids: a converter that writes an id
            # otherwise (padding, say) differs here and is left to Django.
            if template is not None and template % ids != url:
                template = None
            _templates[key] = template
            return url
        if template is not None:
            return template % ids
    return django_reverse(viewname, urlconf, args, kwargs, current_app, **options)
