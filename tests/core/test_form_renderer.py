"""The form renderer writes selects and inputs in Python (core.forms.renderers): the text
must be exactly what Django's templates write, for every widget of the project's forms
and for the awkward cases (escaping, optgroups, True/False attributes, lazy labels)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

import fazhi
from fazhi.core.forms.renderers import FastWidgets

FAST, DJANGO = FastWidgets(), DjangoTemplates()


def both(widget, name="f", value=None, attrs=None):
    fast = widget.render(name, value, attrs, renderer=FAST)
    django = widget.render(name, value, attrs, renderer=DJANGO)
    return fast, django


def test_it_is_the_projects_renderer():
    assert settings.FORM_RENDERER == "fazhi.core.forms.renderers.FastWidgets"


CHOICES = [
    ("", "---------"),
    ("a&b", 'A <b>"引号"</b>'),
    ("村", mark_safe("<i>已转义</i>")),
    ("lazy", gettext_lazy("Yes")),
    ("组", [("g1", "一"), ("g2", "二")]),
    (3, "三"),
]


@pytest.mark.parametrize(
    "widget,value",
    [
        (forms.Select(choices=CHOICES), None),
        (forms.Select(choices=CHOICES), "a&b"),
        (forms.Select(choices=CHOICES), "g2"),
        (forms.Select(choices=CHOICES), 3),
        (
            forms.Select(
                choices=CHOICES,
                attrs={
                    "class": "form-select",
                    "required": True,
                    "disabled": False,
                    "data-x": '"q"',
                },
            ),
            "",
        ),
        (forms.SelectMultiple(choices=CHOICES), ["a&b", "g1"]),
        (forms.NullBooleanSelect(), True),
        (forms.Select(choices=[]), None),
        (forms.TextInput(attrs={"placeholder": "名称 <x>", "maxlength": 20}), 'a "b" & c'),
        (forms.TextInput(), None),
        (forms.NumberInput(attrs={"min": 0}), 12),
        (forms.DateInput(attrs={"type": "date"}), date(2026, 11, 30)),
        (forms.HiddenInput(), "x&y"),
        (forms.EmailInput(), "a@b.cn"),
        (forms.PasswordInput(), "secret"),
    ],
)
def test_the_same_text_as_djangos_templates(widget, value):
    fast, django = both(widget, value=value, attrs={"id": "id_f"})
    assert fast == django


def test_labels_it_does_not_write_go_to_django():
    # An int label is localized by the template: left to Django, still identical.
    widget = forms.Select(choices=[(2026, 2026), (2025, 2025)])
    fast, django = both(widget, value=2026)
    assert fast == django


def _project_forms():
    found = []
    for module_info in pkgutil.walk_packages(fazhi.__path__, "fazhi."):
        if not module_info.name.rsplit(".", 1)[-1].startswith("forms"):
            continue
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


@pytest.mark.django_db
def test_every_field_of_every_project_form(tree, people):
    classes = _project_forms()
    assert len(classes) > 30
    compared = 0
    for cls in classes:
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is None:
                continue  # its form sets the choices per person
            widget = field.widget
            values = [None]
            choices = list(getattr(widget, "choices", []) or [])[:3]
            values += [choice[0] for choice in choices if not isinstance(choice[1], list | tuple)]
            for value in values:
                value = getattr(value, "value", value)  # ModelChoiceIteratorValue
                fast, django = both(widget, name=name, value=value, attrs={"id": f"id_{name}"})
                assert fast == django, f"{cls.__module__}.{cls.__name__}.{name}"
                compared += 1
    assert compared > 200


def test_selects_and_inputs_skip_the_templates(monkeypatch):
    def refuse(self, template_name, context, request=None):
        raise AssertionError(f"template rendered: {template_name}")

    monkeypatch.setattr(DjangoTemplates, "render", refuse)
    assert "selected" in forms.Select(choices=CHOICES).render("f", "g1", renderer=FAST)
    assert 'value="x"' in forms.TextInput().render("f", "x", renderer=FAST)
    assert 'type="date"' in forms.DateInput(attrs={"type": "date"}).render("f", None, renderer=FAST)
