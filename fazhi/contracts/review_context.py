"""What a contract's record tells its 智能预审 (registered as `precheck_context` in
apps.py): its title, whether it is signed yet and when."""

from __future__ import annotations

from fazhi.reviews.precheck.context import DRAFT, SIGNED, Context

from .models import Contract

_SIGNED = frozenset(
    {
        Contract.Status.SIGNED,
        Contract.Status.ARCHIVED,
        Contract.Status.PERFORMING,
        Contract.Status.COMPLETED,
        Contract.Status.TERMINATED,
    }
)


def precheck_context(contract: Contract) -> Context:
    return Context(
        title=contract.title,
        stage=SIGNED if contract.status in _SIGNED else DRAFT,
        signed_on=contract.signed_on,
    )
