"""Property tests of the contract rules: any input is either accepted with the rules
holding, or refused with Chinese field errors — never another exception."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.contracts.models import AGREEMENT_CATEGORIES, Category
from fazhi.contracts.services import checks

from .helpers import fields

pytestmark = pytest.mark.django_db

junk = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "0", "61", "4000000", "2026-02-30", "abc", "1e400", "NaN"]),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    overrides=st.dictionaries(st.sampled_from(checks.FIELDS), junk, max_size=6),
    category=st.sampled_from(Category.values),
)
def test_any_input_is_accepted_lawfully_or_refused_in_chinese(tree, overrides, category):
    data = fields(**{"category": category, **overrides})
    try:
        out = checks.check(data, tree.town_a).fields
    except checks.RuleErrors as exc:
        assert exc.errors and all(
            isinstance(m, str) and m for ms in exc.errors.values() for m in ms
        )
        return
    assert isinstance(out["amount"], Decimal) and Decimal(0) <= out["amount"] <= checks.MAX_AMOUNT
    if out["category"] in AGREEMENT_CATEGORIES:
        assert not out["has_arbitration_clause"]
    if out["counterparty_is_sme"]:
        assert 1 <= out["payment_term_days"] <= 60
        assert not out["payment_conditional_on_third_party"]
        if out["payment_term_days"] > 30:
            assert out["payment_term_agreed"]
    if not out["counterparty_is_person"]:
        assert len(out["counterparty_credit_code"]) == 18
