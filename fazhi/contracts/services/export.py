"""The contract register exported as an .xlsx ledger (合同台账), an audited read."""

from __future__ import annotations

from fazhi.core.xlsx import Ledger, export_ledger

from .. import ledger, selectors
from ..models import Contract


def contract_export(*, actor, filters: dict) -> Ledger:
    """The contracts the actor sees under the list's `filters`, one row each with its
    payments summed; the export is recorded with the filters used."""
    contracts = selectors.export_rows(selectors.contract_list(actor, **filters))
    return export_ledger(
        actor=actor,
        verb="contract.export",
        name="合同台账_",
        sheets=[(ledger.EXPORT_TITLE, ledger.EXPORT_HEADERS, ledger.register_rows(contracts))],
        counts={},
        filters=filters,
        model=Contract,
        summary="合同台账导出",
    )
