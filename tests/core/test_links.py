"""Addresses written from per-route templates (core.links) and the `{% url %}` tag that uses
them are Django's own, for every route of the project (issue 15: CPU per request)."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver
from django.urls import reverse as django_reverse

from fazhi.core import links
from fazhi.core.templatetags.fazhi_urls import LinkNode


def _routes(patterns=None, prefix=""):
    """(name, number of arguments) of every named route, with its namespaces."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _routes(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{prefix}{p.name}", len(p.pattern.converters)


ROUTES = sorted(set(_routes()))


def test_every_route_with_ids_is_written_as_django_writes_it():
    checked = 0
    for name, count in ROUTES:
        for ids in ((7,) * count, tuple(range(31, 31 + count)), (123456,) * count):
            try:
                expected = django_reverse(name, args=ids)
            except NoReverseMatch:
                continue  # a route whose arguments are not ids (a slug, a verb)
            assert links.reverse(name, args=ids) == expected, name  # learns the template
            assert links.reverse(name, args=ids) == expected, name  # writes from it
            checked += 1
    assert checked > 100


def test_the_url_tag_writes_what_djangos_tag_writes():
    cases = [
        "{% url 'contracts:contract_detail' 5 %}",
        "{% url 'contracts:contract_detail' pk %}",
        "{% url 'contracts:contract_list' %}?q=1",
        "{% url 'contracts:contract_detail' pk=pk %}",
        "{% url 'contracts:contract_detail' pk as a %}[{{ a }}]",
        "{% url 'no:such' as a %}[{{ a }}]",
    ]
    for text in cases:
        got = Template(text).render(Context({"pk": 42}))
        assert got == _with_djangos_tag(text, {"pk": 42}), text
    with pytest.raises(NoReverseMatch):
        Template("{% url 'no:such' %}").render(Context({}))
    # and the project's templates do use the tag written from templates
    assert type(Template("{% url 'workbench' %}").nodelist[0]) is LinkNode


def _with_djangos_tag(text: str, context: dict) -> str:
    """The same template rendered by Django's own `url` tag."""
    from django.template import Engine

    engine = Engine(builtins=[])  # Django's default builtins only
    return engine.from_string(text).render(Context(context))
