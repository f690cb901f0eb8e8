"""督查整改 forms and list filters with malformed input (quality battery #7): never a 500;
a refusal is in Chinese and writes nothing."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from tests.test_form_fuzz import BAD_VALUES, HAN, _form_errors, _post_variants

pytestmark = pytest.mark.django_db


def _counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in ("core", "inspections") and not m._meta.proxy
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


def test_inspection_form_never_fails_on_junk(people, tree, login):
    client = login(people.supervisor)
    url = reverse("inspections:inspection_create")
    base = {
        "org_unit": str(tree.town_a.pk),
        "kind": "county_special",
        "title": "专项督查",
        "topic": "documents",
        "basis": "通知",
        "started_on": "2025-03-03",
    }
    for label, data in _post_variants(base):
        _check(client, url, data, label)


def test_finding_form_never_fails_on_junk(people, tree, login, inspection):
    client = login(people.supervisor)
    url = reverse("inspections:finding_add", args=[inspection.pk])
    base = {
        "description": "未备案",
        "basis": "备案规定",
        "owner": str(people.cadre.pk),
        "deadline": "2025-04-30",
    }
    for label, data in _post_variants(base):
        _check(client, url, data, label)


def test_transitions_never_fail_on_junk(people, tree, login, issued):
    inspection, finding = issued
    cadre = login(people.cadre)
    submit = reverse("inspections:finding_transition", args=[finding.pk, "submit"])
    for bad in BAD_VALUES:
        before = _counts()
        response = cadre.post(submit, {"rectification": bad, "note": bad})
        assert response.status_code == 302
        assert _counts() == before  # no evidence yet: every submit is refused
    supervisor = login(people.supervisor)
    complete = reverse("inspections:inspection_transition", args=[inspection.pk, "complete"])
    for bad in BAD_VALUES:
        before = _counts()
        response = supervisor.post(complete, {"conclusion": bad, "ended_on": bad, "note": bad})
        assert response.status_code == 302
        assert _counts() == before  # an open finding: never completed


def test_list_and_export_never_fail_on_junk_queries(people, login):
    client = login(people.officer)
    for name in ("kind", "status", "year", "page"):
        for bad in BAD_VALUES:
            for url_name in ("inspections:inspection_list", "inspections:inspection_export"):
                response = client.get(reverse(url_name), {name: bad})
                assert response.status_code in (200, 302, 400), (url_name, name, bad)
