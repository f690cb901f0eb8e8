"""法律顾问 forms and list filters with malformed input (quality battery #7): never a 500;
a refusal is in Chinese and writes nothing."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from tests.test_form_fuzz import BAD_VALUES, HAN, _form_errors, _post_variants

from .helpers import appointed

pytestmark = pytest.mark.django_db


def _counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in ("core", "advisers") and not m._meta.proxy
    }


def _check(client, url, data, label):
    before = _counts()
    response = client.post(url, data)
    assert response.status_code < 500, f"{url} {label}: {response.status_code}"
    if response.status_code in (302, 303):
        return
    errors = _form_errors(response)
    for message in errors:
        assert HAN.search(message), f"{url} {label}: English error {message!r}"
    assert errors, f"{url} {label}: refused without a message"
    assert _counts() == before, f"{url} {label}: refused but something was written"


def test_adviser_form_never_fails_on_junk(people, login):
    client = login(people.officer)
    base = {
        "name": "甲",
        "kind": "lawyer",
        "institution": "律所",
        "licence_no": "13301200910123456",
        "practice_since": "2010-01-01",
        "user": str(people.adviser.pk),
    }
    for label, data in _post_variants(base):
        _check(client, reverse("advisers:adviser_create"), data, label)


def test_term_entry_assessment_forms_never_fail_on_junk(people, login):
    a = appointed(people.officer)
    client = login(people.officer)
    forms = [
        ("advisers:appointment_create", {"start": "2027-01-01", "end": "2027-12-31"}),
        (
            "advisers:work_entry_create",
            {"kind": "training", "date": "2025-01-02", "description": "x", "hours": "1"},
        ),
        (
            "advisers:assessment_create",
            {
                "year": "2024",
                "score_workload": "1",
                "score_timeliness": "1",
                "score_quality": "1",
                "score_conduct": "1",
                "note": "",
            },
        ),
    ]
    for name, base in forms:
        for label, data in _post_variants(base):
            _check(client, reverse(name, args=[a.pk]), data, label)


def test_scheme_form_never_fails_on_junk(people, login):
    client = login(people.officer)
    base = {
        "name": "办法",
        "criteria": "甲 100",
        "grades": "合格 60\n不合格 0",
        "renew_grades": "合格",
    }
    for label, data in _post_variants(base):
        _check(client, reverse("advisers:scheme"), data, label)


def test_lists_never_fail_on_junk_queries(people, login):
    a = appointed(people.officer)
    client = login(people.officer)
    lists = (reverse("advisers:adviser_list"), reverse("advisers:adviser_export"))
    by_year = (
        reverse("advisers:adviser_detail", args=[a.pk]),
        reverse("advisers:assessment_create", args=[a.pk]),
    )
    probes = [(url, name) for url in lists for name in ("kind", "status", "year", "page", "q")]
    probes += [(url, "year") for url in by_year]
    for url, name in probes:
        for bad in BAD_VALUES:
            response = client.get(url, {name: bad})
            assert response.status_code in (200, 302, 400), (url, name, bad)
