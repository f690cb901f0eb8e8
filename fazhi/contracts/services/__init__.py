"""Every write of 行政协议与合同: registration and editing (contract), the workflow —
legality review → signing → archive → performance — (flow, with its review link in
review), the payment schedule (payment), the import of an existing ledger
(ledger_import) and the .xlsx export (export); the rules they check are in checks.

A town's law officer registers and runs its contracts; its legal adviser (or another
reviewer) gives the legality review through fazhi.reviews; town leaders and the county
supervisor read."""

from ..models import WRITER_ROLES
from .checks import FIELDS, Checked, RuleErrors, check, check_contract, parse_amount, parse_date
from .contract import contract_create, contract_update, writer_unit
from .export import contract_export
from .flow import (
    CONTRACT_FLOW,
    NOT_FOUND,
    OUTCOME_ROLES,
    TRANSITION_FIELDS,
    Status,
    contract_review_concluded,
    contract_transition,
)
from .ledger_import import contracts_import
from .payment import payment_add, payment_due, payment_record
from .review import review_done

__all__ = [
    "CONTRACT_FLOW",
    "FIELDS",
    "NOT_FOUND",
    "OUTCOME_ROLES",
    "TRANSITION_FIELDS",
    "WRITER_ROLES",
    "Checked",
    "RuleErrors",
    "Status",
    "check",
    "check_contract",
    "contract_create",
    "contract_export",
    "contract_review_concluded",
    "contract_transition",
    "contract_update",
    "contracts_import",
    "parse_amount",
    "parse_date",
    "payment_add",
    "payment_due",
    "payment_record",
    "review_done",
    "writer_unit",
]
