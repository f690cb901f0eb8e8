"""Chinese full-text search (core.search): results exactly as `LIKE '%q%'` would give, but
found through the index — FTS5 on SQLite, GIN on PostgreSQL — not by scanning every row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q

from fazhi.contracts import services
from fazhi.contracts.models import Contract
from fazhi.core.search import candidates_sql, pairs, search_q
from tests.contracts.helpers import fields

pytestmark = pytest.mark.django_db

TITLES = [
    ("海屿镇渔港保洁服务采购合同", "示例海屿保洁服务有限公司"),
    ("青山村道硬化工程合同", "东江建设工程有限公司"),
    ("渔港仓库租赁合同", "林海"),
    ("ABC-2026 信息系统运维合同", "Xyz科技有限公司"),
]


def test_pairs_are_the_overlapping_characters_of_each_run():
    assert pairs("海屿镇 渔港") == ["海屿", "屿镇", "渔港"]
    assert pairs("ABC-12 海") == ["ab", "bc", "12", "海"]
    assert pairs("") == []


@pytest.fixture
def contracts(people):
    for title, party in TITLES:
        services.contract_create(
            actor=people.officer, **fields(title=title, counterparty_name=party)
        )
    # a bulk write (ledger import, scale-data) is indexed too: the trigger sees it
    bulk = Contract(**{**fields(title="东江河道清淤工程合同", counterparty_name="海屿疏浚公司"),
                       "org_unit": people.officer.units_for({"law_officer"})[0],
                       "created_by": people.officer, "created_on": "2026-11-01"})  # fmt: skip
    bulk.fill_search()
    Contract.objects.bulk_create([bulk])
    return Contract.objects.all()


@pytest.mark.parametrize(
    "q", ["海屿", "渔港", "海屿镇渔港", "东江", "工程合同", "abc", "xyz科技", "海", "不存在", "c-2"]
)
def test_search_finds_exactly_what_like_finds(contracts, q):
    like = Q(title__icontains=q) | Q(counterparty_name__icontains=q)
    expected = set(contracts.filter(like).values_list("pk", flat=True))
    found = set(contracts.filter(search_q(Contract, q)).values_list("pk", flat=True))
    assert found == expected
    assert (q == "不存在") == (not found)


def test_an_edited_title_is_found_by_its_new_words_only(contracts, people):
    c = contracts.get(title="渔港仓库租赁合同")
    services.contract_update(actor=people.officer, contract=c, title="南沙冷库租赁合同")
    assert not Contract.objects.filter(search_q(Contract, "渔港仓库")).exists()
    assert Contract.objects.filter(search_q(Contract, "南沙冷库")).get().pk == c.pk


def test_the_search_reads_the_index_not_every_row(contracts):
    """The candidates come from the search index alone (FTS5 / GIN). On PostgreSQL the
    candidate query is explained on its own: how the planner joins it to the page on a
    test table of a few rows depends on statistics, the index serving it does not."""
    sql, params = candidates_sql(Contract, ["海屿"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            index = "contracts_contract_search_gin"
        else:
            full, full_params = Contract.objects.filter(
                search_q(Contract, "海屿")
            ).query.sql_with_params()
            cursor.execute("EXPLAIN QUERY PLAN " + full, full_params)
            index = "VIRTUAL TABLE INDEX"
        plan = "\n".join(str(r[-1]) for r in cursor.fetchall())
    assert index in plan, plan
