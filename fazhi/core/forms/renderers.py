"""The form renderer (FORM_RENDERER): Django's, with its select and input widgets written
in Python (issue 15: CPU per request).

Every list page has a filter form, and each of its selects rendered one template include
per option, plus one per option for the attributes: a dispute list's filters cost more
than its fifty rows (about 90 includes per request). Here the three templates
`select.html`, `select_option.html` and `input.html` (and the input types that only
include it) are written as the same text Django's templates give: same order, escaping
and spacing (tests/core/test_form_renderer.py renders every widget of the project's
forms both ways and compares). Any other template, a widget whose options use another
template, or an option label that is not text (the template would localize it) goes to
Django's templates unchanged.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
INPUT = "django/forms/widgets/input.html"
# Input widgets whose template is only `{% include "django/forms/widgets/input.html" %}`.
INPUTS = {
    INPUT,
    *(
        f"django/forms/widgets/{kind}.html"
        for kind in ("text", "number", "email", "url", "password", "hidden", "date", "datetime",
                     "time", "search", "tel", "color")
    ),
}  # fmt: skip


def _s(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text ("%s" % value is str(value)),
    escaped."""
    return conditional_escape(str(value))


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"` each; True alone, False left out."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {conditional_escape(name)}")
        if value is not True:
            out.append(f'="{_s(value)}"')
    return "".join(out)


def _text(value) -> str | None:
    """What `{{ value }}` writes for text (escaped); None for anything it would localize."""
    if isinstance(value, str | Promise):
        return conditional_escape(str(value) if isinstance(value, Promise) else value)
    return None


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            label = _text(group_name)
            if label is None:
                return None
            parts.append(f'\n  <optgroup label="{label}">')
        for option in group_choices:
            label = _text(option["label"])
            if option["template_name"] != OPTION or label is None:
                return None
            parts.append(
                f'\n  <option value="{_s(option["value"])}"'
                f"{_attrs(option['attrs'])}>{label}</option>\n"  # the template's own last line
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{_s(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


class FastWidgets(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None:
            if template_name == SELECT:
                html = _select(widget)
                if html is not None:
                    return mark_safe(html)
            elif template_name in INPUTS and widget.get("template_name") == template_name:
                return mark_safe(_input(widget))
        return super().render(template_name, context, request)
