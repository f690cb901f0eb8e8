"""Widgets shared by the apps' forms."""

from __future__ import annotations

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe

from fazhi.core.models import User


class PeopleSelect(forms.Select):
    """The select of a unit's people (a town has ~660 at county scale): its options are
    written here from one `values_list` read, the same markup Django's select.html writes
    (tests/training/test_people_select.py compares them), instead of a User per person and
    two template includes per option (~30 ms of a leading group's or a training session's
    page). The label is the full name, else the user name. Other choices render as usual."""

    END = "\n</select>"

    def render(self, name, value, attrs=None, renderer=None):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None or queryset.model is not User or self.allow_multiple_selected:
            return super().render(name, value, attrs, renderer)
        context = forms.Widget.get_context(self, name, value, attrs)
        context["widget"]["optgroups"] = []
        shell = self._render(self.template_name, context, renderer)
        chosen = set(context["widget"]["value"])
        empty_label = self.choices.field.empty_label
        rows = [("", empty_label)] if empty_label is not None else []
        rows += [
            (str(pk), full_name or username)
            for pk, full_name, username in queryset.values_list("pk", "full_name", "username")
        ]
        parts, selected = [], False
        for option_value, label in rows:
            mark = not selected and option_value in chosen  # the first match only, as Django
            selected |= mark
            parts.append(
                f'\n  <option value="{escape(option_value)}"{" selected" if mark else ""}>'
                f"{escape(label)}</option>\n"
            )
        head, end, tail = shell.rpartition(self.END)
        return mark_safe(head + "".join(parts) + end + tail)
