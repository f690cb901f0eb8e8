"""The county's matrix (page and API) asks the same queries for 2 towns as for 12 (issue
15: a county has 30): the due parameter of every town is read in one query, by the same
rule as params.value (the town's own value, else its county's, else the default)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from fazhi.core import params
from fazhi.core import params as core_params
from fazhi.core.models import OrgUnit, ParameterValue
from fazhi.tenday import services
from fazhi.tenday.models import TenDayReport
from fazhi.tenday.params import DUE_WORKDAYS
from fazhi.tenday.periods import periods_between


def add_towns(tree, first: int, count: int) -> list[OrgUnit]:
    return [
        OrgUnit.objects.create(
            kind="town", code=f"339901{n:03d}", name=f"第{n}镇", parent=tree.county
        )
        for n in range(first, first + count)
    ]


def test_due_workdays_follow_the_nearest_local_value_for_every_town(people, tree):
    towns = [tree.town_a, tree.town_b, tree.other_town, *add_towns(tree, 110, 3)]
    assert core_params.values_for(DUE_WORKDAYS, towns) == {t.pk: 2 for t in towns}  # the default
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="tenday.due_workdays", raw_value="4"
    )
    params.parameter_set(
        actor=people.supervisor, unit=tree.town_b, key="tenday.due_workdays", raw_value="1"
    )
    ParameterValue.objects.create(  # another county's own value (its supervisor set it)
        org_unit=tree.other_county, key="tenday.due_workdays", value="6",
        set_by=people.other_supervisor,
    )  # fmt: skip
    found = core_params.values_for(DUE_WORKDAYS, towns)
    assert found == {t.pk: services.P.DUE_WORKDAYS.value(t) for t in towns}
    assert found[tree.town_a.pk] == 4 and found[tree.town_b.pk] == 1
    assert found[tree.other_town.pk] == 6


def test_the_matrix_asks_the_same_queries_for_2_towns_as_for_12(
    people, tree, login, on_day, count_queries
):
    on_day(date(2025, 3, 14))
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="tenday.due_workdays", raw_value="5"
    )
    params.parameter_set(
        actor=people.supervisor, unit=tree.town_b, key="tenday.due_workdays", raw_value="1"
    )
    client = login(people.supervisor)
    page = reverse("tenday:county_matrix")
    query = {"start": "2025-01", "end": "2025-03"}
    api = "/api/v1/tenday/matrix?start=2025-01-01&end=2025-03-31"
    add_towns(tree, 110, 1)
    few = (count_queries(lambda: client.get(page, query)), count_queries(lambda: client.get(api)))
    towns = add_towns(tree, 120, 10)
    p = periods_between(date(2025, 3, 1), date(2025, 3, 1))[0]
    TenDayReport.objects.create(
        org_unit=towns[0], period_start=p.start, period_end=p.end, due_on=date(2025, 3, 12),
        status="submitted", first_submitted_on=date(2025, 3, 11), submitted_on=date(2025, 3, 11),
        created_by=people.officer,
    )  # fmt: skip
    assert (
        count_queries(lambda: client.get(page, query)),
        count_queries(lambda: client.get(api)),
    ) == few
    assert max(few) <= 12
    # 2025年3月上旬 ended Monday 10 March: due 17 March at 5 working days (the county's
    # value: still to come on the 14th), 11 March at 1 (town B's own value: missing).
    body = client.get(page, query).content.decode()
    assert 'data-testid="cell-339901101-2025-03-01" data-state="due"' in body
    assert 'data-testid="cell-339901102-2025-03-01" data-state="missing"' in body
    assert 'data-testid="cell-339901125-2025-03-01" data-state="due"' in body
    assert 'data-testid="cell-339901120-2025-03-01" data-state="on_time"' in body
    rows = {r["org_unit"]: r for r in client.get(api).json()}
    states = {name: r["cells"][-3]["state"] for name, r in rows.items()}
    assert states["海屿镇"] == "due" and states["青山镇"] == "missing"
    assert states["第120镇"] == "on_time" and len(rows) == 13
