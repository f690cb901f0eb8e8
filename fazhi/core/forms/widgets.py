"""Widgets shared by the apps' forms."""

from __future__ import annotations

from django import forms

from fazhi.core.models import User


class PeopleSelect(forms.Select):
    """The select of a unit's people (a town has ~660 at county scale): its options are
    made from one `values_list` read (the full name, else the user name) instead of a User
    per person; the form renderer (core.forms.renderers) writes them as Django's
    select.html would (tests/training/test_people_select.py compares them). Other choices
    render as usual."""

    def optgroups(self, name, value, attrs=None):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None or queryset.model is not User or self.allow_multiple_selected:
            return super().optgroups(name, value, attrs)
        empty_label = self.choices.field.empty_label
        rows = [("", empty_label)] if empty_label is not None else []
        rows += [
            (str(pk), full_name or username)
            for pk, full_name, username in queryset.values_list("pk", "full_name", "username")
        ]
        chosen, options, selected = set(value), [], False
        for index, (option_value, label) in enumerate(rows):
            mark = not selected and option_value in chosen  # the first match only, as Django
            selected |= mark
            options.append(self.create_option(name, option_value, label, mark, index, attrs=attrs))
        return [(None, options, 0)]
