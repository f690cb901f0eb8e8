"""A contract's payment schedule (付款计划) and the payments made: for an SME counterparty
the due date runs from delivery or acceptance (保障中小企业款项支付条例第九条、第十条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Min

from fazhi.core import audit, clock
from fazhi.core.deadlines import deadline
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope

from ..models import WRITER_ROLES, Contract, ContractPayment
from ..params import SME_PAYMENT, SME_PAYMENT_DAYS
from .checks import MAX_AMOUNT, parse_amount, parse_date, text_of
from .flow import NOT_FOUND, Status


def _locked_contract(actor, contract: Contract) -> Contract:
    locked = (
        Contract.objects.select_for_update(of=("self",))
        .select_related("org_unit")
        .get(pk=contract.pk)
    )
    if not unit_in_scope(actor, locked.org_unit, WRITER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    return locked


def _money(value, field: str, label: str) -> Decimal:
    amount = parse_amount(value)
    if amount is None:
        raise ServiceError(f"请填写{label},应为数字", errors={field: [f"请填写{label}"]})
    if amount <= 0 or amount > MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        message = f"{label}应为大于0的金额,最多两位小数"
        raise ServiceError(message, errors={field: [message]})
    return amount


def _date_field(value, field: str, label: str, *, required: bool) -> dt.date | None:
    parsed = parse_date(value)
    if parsed == "bad":
        raise ServiceError(f"{label}格式不正确", errors={field: ["日期格式应为 YYYY-MM-DD"]})
    if parsed is None and required:
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    return parsed


def payment_due(contract: Contract, delivered_on: dt.date | None, due_on: dt.date | None):
    """The due date of an instalment: for an SME counterparty, the agreed term counted
    from delivery or acceptance (保障中小企业款项支付条例第九条、第十条) — a later date
    typed by hand is refused; otherwise the date agreed in the contract."""
    if contract.counterparty_is_sme and delivered_on is not None:
        days = contract.payment_term_days or SME_PAYMENT_DAYS.value(contract.org_unit)
        latest = deadline(delivered_on, days, "days")
        if due_on is not None and due_on > latest:
            message = f"应付日期不得晚于交付(验收合格)后{days}日即{latest:%Y-%m-%d}({SME_PAYMENT})"
            raise ServiceError(message, errors={"due_on": [message]})
        return due_on or latest
    return due_on


def _refresh_next_unpaid(contract: Contract) -> None:
    """Keep the contract's earliest unpaid due date (its payment warnings) in step with
    its schedule, in the same transaction as the payment change."""
    earliest = contract.payments.filter(paid_on__isnull=True).aggregate(first=Min("due_on"))[
        "first"
    ]
    if contract.next_unpaid_due != earliest:
        contract.next_unpaid_due = earliest
        contract.save(update_fields=["next_unpaid_due"])


def payment_add(
    *, actor, contract: Contract, condition, amount, delivered_on=None, due_on=None
) -> ContractPayment:
    """Add an instalment to the payment schedule."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以登记付款计划")
    condition = text_of(condition)
    if not condition or len(condition) > 200 or "\x00" in condition:
        message = "请填写付款条件(200字以内),如“验收合格后”"
        raise ServiceError(message, errors={"condition": [message]})
    amount = _money(amount, "amount", "应付金额")
    delivered = _date_field(delivered_on, "delivered_on", "交付(验收合格)日期", required=False)
    due = _date_field(due_on, "due_on", "应付日期", required=False)
    with transaction.atomic():
        locked = _locked_contract(actor, contract)
        if locked.status in (Status.COMPLETED, Status.TERMINATED):
            raise ServiceError(
                f"合同已{locked.get_status_display()},不能再添加付款计划", code="wrong_state"
            )
        due = payment_due(locked, delivered, due)
        if due is None:
            message = "请填写应付日期,或填写交付(验收合格)日期由系统按付款期限计算"
            raise ServiceError(message, errors={"due_on": [message]})
        scheduled = sum(p.amount for p in locked.payments.all())
        if scheduled + amount > locked.amount:
            message = f"付款计划合计不能超过合同金额({locked.amount:,}元)"
            raise ServiceError(message, errors={"amount": [message]})
        payment = ContractPayment.objects.create(
            contract=locked, condition=condition, amount=amount, delivered_on=delivered, due_on=due
        )
        _refresh_next_unpaid(locked)
        audit.record(
            verb="contract_payment.add",
            actor=actor,
            obj=payment,
            org_unit=locked.org_unit,
            changes={"contract": locked.pk, "amount": str(amount), "due_on": str(due)},
        )
    return payment


def payment_record(*, actor, payment: ContractPayment, paid_on, paid_amount) -> ContractPayment:
    """Record that an instalment was paid (date and amount)."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以登记付款")
    paid = _date_field(paid_on, "paid_on", "实付日期", required=True)
    if paid > clock.today():
        raise ServiceError("实付日期不能晚于今天", errors={"paid_on": ["实付日期不能晚于今天"]})
    amount = _money(paid_amount, "paid_amount", "实付金额")
    with transaction.atomic():
        locked_contract = _locked_contract(actor, payment.contract)
        locked = ContractPayment.objects.select_for_update().get(pk=payment.pk)
        if locked.contract_id != locked_contract.pk:  # pragma: no cover - defensive
            raise ServiceError(NOT_FOUND, code="not_found")
        if locked_contract.status not in (Status.SIGNED, Status.ARCHIVED, Status.PERFORMING):
            raise ServiceError(
                f"合同当前状态为“{locked_contract.get_status_display()}”,签订后方可登记付款",
                code="wrong_state",
            )
        if locked.paid_on is not None:
            raise ServiceError("该笔款项已登记支付", code="wrong_state")
        if amount > locked.amount:
            message = f"实付金额不能超过应付金额({locked.amount:,}元)"
            raise ServiceError(message, errors={"paid_amount": [message]})
        if locked_contract.signed_on and paid < locked_contract.signed_on:
            message = "实付日期不能早于合同签订日期"
            raise ServiceError(message, errors={"paid_on": [message]})
        locked.paid_on, locked.paid_amount = paid, amount
        locked.save(update_fields=["paid_on", "paid_amount"])
        _refresh_next_unpaid(locked_contract)
        audit.record(
            verb="contract_payment.pay",
            actor=actor,
            obj=locked,
            org_unit=locked_contract.org_unit,
            changes={
                "contract": locked_contract.pk,
                "paid_on": str(paid),
                "paid_amount": str(amount),
                "late": bool(locked.due_on and paid > locked.due_on),
            },
        )
    return locked
