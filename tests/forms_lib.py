"""Helpers for tests of forms."""

from __future__ import annotations

from django import forms


def django_select(form, name) -> str:
    """The field as Django's own Select writes it: the reference markup for a widget that
    writes the same select faster (core.forms.widgets.PeopleSelect)."""
    field = form.fields[name]
    field.widget = forms.Select(attrs=field.widget.attrs)
    field.widget.choices = field.choices
    return str(form[name])
