"""Configurable legal parameters (core.params): defaults with their basis, local values
set by the county supervisor on the county or a town, the nearest one winning."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.core import params
from fazhi.core.models import AuditEvent, ParameterValue
from fazhi.core.permissions import ServiceError

pytestmark = pytest.mark.django_db

PROBE = params.define(
    "test.probe_days", "测试期限", default=15, unit="日", basis="测试依据", minimum=1, maximum=60
)


def test_the_default_applies_until_a_local_value_is_set(tree, people):
    assert PROBE.value(tree.town_a) == 15
    params.parameter_set(actor=people.supervisor, unit=tree.county, key=PROBE.key, raw_value="10")
    assert PROBE.value(tree.town_a) == 10 and PROBE.value(tree.town_b) == 10
    params.parameter_set(actor=people.supervisor, unit=tree.town_a, key=PROBE.key, raw_value="5")
    # The town's own value wins for the town and its villages; the other town keeps the county's.
    assert PROBE.value(tree.town_a) == 5 and PROBE.value(tree.village_a1) == 5
    assert PROBE.value(tree.town_b) == 10
    assert PROBE.value(tree.other_town) == 15
    event = AuditEvent.objects.filter(verb="parameter.set").order_by("id").last()
    assert event.changes == {PROBE.key: [None, 5]}
    params.parameter_reset(actor=people.supervisor, unit=tree.town_a, key=PROBE.key)
    assert PROBE.value(tree.town_a) == 10


@pytest.mark.parametrize(
    "raw, message", [("abc", "取值格式不正确"), ("0", "不能小于1"), ("61", "不能大于60")]
)
def test_a_bad_value_is_refused_and_nothing_is_written(tree, people, raw, message):
    with pytest.raises(ServiceError, match=message):
        params.parameter_set(
            actor=people.supervisor, unit=tree.county, key=PROBE.key, raw_value=raw
        )
    assert not ParameterValue.objects.exists()


def test_only_the_county_supervisor_sets_values_and_only_in_their_county(tree, people):
    with pytest.raises(ServiceError, match="只有县级督导"):
        params.parameter_set(actor=people.officer, unit=tree.town_a, key=PROBE.key, raw_value="9")
    with pytest.raises(ServiceError, match="只能为本县或本县的乡镇"):
        params.parameter_set(
            actor=people.other_supervisor, unit=tree.town_a, key=PROBE.key, raw_value="9"
        )
    with pytest.raises(ServiceError, match="只能为本县或本县的乡镇"):  # villages follow their town
        params.parameter_set(
            actor=people.supervisor, unit=tree.village_a1, key=PROBE.key, raw_value="9"
        )
    assert not ParameterValue.objects.exists()


def test_the_page_shows_default_basis_and_the_value_in_force(tree, people, login):
    params.parameter_set(actor=people.supervisor, unit=tree.town_a, key=PROBE.key, raw_value="7")
    body = login(people.officer).get("/core/parameters/").content.decode()
    assert "测试期限" in body and "测试依据" in body and "7日" in body
    assert 'data-testid="parameter-form"' not in body  # the officer reads, does not set


def test_the_supervisor_sets_a_value_through_the_page_and_bad_input_is_a_400(tree, people, login):
    client = login(people.supervisor)
    bad = client.post(
        "/core/parameters/set/", {"key": PROBE.key, "unit": tree.town_b.pk, "value": "99"}
    )
    assert bad.status_code == 400 and "不能大于60" in bad.content.decode()
    assert not ParameterValue.objects.exists()
    ok = client.post(
        "/core/parameters/set/",
        {"key": PROBE.key, "unit": tree.town_b.pk, "value": "20", "reason": "市级规定"},
    )
    assert ok.status_code == 302 and PROBE.value(tree.town_b) == 20


def test_tick_runs_every_app_hook_and_rejects_a_bad_date():
    out = StringIO()
    call_command("tick", "--today", "2026-11-27", stdout=out)
    assert "2026-11-27:完成" in out.getvalue()
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        call_command("tick", "--today", "27/11/2026")


def test_within_a_request_a_units_values_are_read_once_and_a_new_value_is_seen(
    tree, people, count_queries
):
    """RequestCacheMiddleware: a page reading a dozen parameters for its town costs one
    query; setting a value in the same request forgets what was read."""
    from fazhi.core.params import RequestCacheMiddleware

    seen = {}

    def page(request):
        seen["queries"] = count_queries(lambda: [p.value(tree.town_a) for p in params.all_params()])
        params.parameter_set(
            actor=people.supervisor, unit=tree.town_a, key=PROBE.key, raw_value="9"
        )
        seen["after"] = PROBE.value(tree.town_a)

    RequestCacheMiddleware(page)(object())
    assert seen == {"queries": 1, "after": 9}


def test_the_parameter_page_costs_a_flat_number_of_queries(people, login, count_queries):
    from django.urls import reverse

    client = login(people.officer)
    assert count_queries(lambda: client.get(reverse("core:parameter_list"))) <= 12
