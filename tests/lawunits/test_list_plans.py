"""法治单元's lists read their big tables through an index, never a full scan, on both
databases (tests/test_list_plans.py's check), for the county supervisor."""

from __future__ import annotations

import pytest
from django.db import connection

from fazhi.lawunits.selectors import entry_list, record_list, rules_list
from tests.test_list_plans import _full_scans, _plan

pytestmark = pytest.mark.django_db

LISTS = [
    ("records", lambda a: record_list(a), "lawunits_villagerecord", None),
    ("records by tier", lambda a: record_list(a, tier="city", status="named"), "lawunits_villagerecord", None),
    ("records by stage", lambda a: record_list(a, status="proposed"), "lawunits_villagerecord", None),
    ("registry", lambda a: entry_list(a), "lawunits_registryentry", None),
    ("registry by type", lambda a: entry_list(a, unit_type="legal_understander"), "lawunits_registryentry", None),
    ("registry by name", lambda a: entry_list(a, q="陈海"), "lawunits_registryentry", None),
    ("rules", lambda a: rules_list(a), "lawunits_villagerules", None),
    ("rules by status", lambda a: rules_list(a, status="returned"), "lawunits_villagerules", None),
    ("rules overdue", lambda a: rules_list(a, warning="overdue"), "lawunits_villagerules", None),
]  # fmt: skip


@pytest.mark.parametrize("name,call,table,index", LISTS, ids=[x[0] for x in LISTS])
def test_the_list_reads_its_table_through_an_index(name, call, table, index, people):
    plan = _plan(call(people.supervisor))
    assert table in plan, plan
    assert not _full_scans(plan, table), f"{name}: full scan of {table}\n{plan}"
    if index and connection.vendor == "sqlite":
        assert index in plan, f"{name}: {index} not used\n{plan}"
