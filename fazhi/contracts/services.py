"""Every write of 行政协议与合同: registration, editing, the workflow (legality review →
signing → archive → performance), the payment schedule and the ledger import.

A town's law officer registers and runs its contracts; its legal adviser (or another
reviewer) gives the legality review through fazhi.reviews; town leaders and the county
supervisor read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core import audit, clock
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from . import rules
from .models import READER_ROLES, Contract, ContractPayment

# Who registers and runs contracts: the town's law office (product.md: "runs every ledger
# and workflow"). Leaders, advisers and the county read (READER_ROLES).
WRITER_ROLES = frozenset({Role.LAW_OFFICER})
# The review's outcome is carried over by the reviewer's own conclusion (fazhi.reviews
# calls Contract.review_concluded) or, should that step be missed, by a law officer.
OUTCOME_ROLES = frozenset({Role.LAW_OFFICER, Role.LEGAL_ADVISER})
NOT_FOUND = "记录不存在或无权查看"
Status = Contract.Status


def _today(on: dt.date | None) -> dt.date:
    return on or clock.today()


def _refuse(exc: rules.RuleErrors) -> ServiceError:
    return ServiceError(exc.message, errors=exc.errors, code="invalid")


def _writer_unit(actor, org_unit: OrgUnit | None) -> OrgUnit:
    """The town a new contract belongs to: the one asked for (if the actor runs contracts
    there), else the actor's town."""
    if org_unit is not None:
        if org_unit.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, org_unit, WRITER_ROLES):
            raise ServiceError(NOT_FOUND, errors={"org_unit": [NOT_FOUND]}, code="not_found")
        return org_unit
    towns = [u for u in actor.units_for(WRITER_ROLES) if u.kind == OrgUnit.Kind.TOWN]
    if not towns:
        raise Forbidden("只有乡镇法治办工作人员可以登记合同")
    return towns[0]


# --- review link (fazhi.reviews, one mechanism for every subject) ------------------------


def _reviews():
    from fazhi.reviews import selectors as review_selectors
    from fazhi.reviews import services as review_services

    return review_services, review_selectors


def review_done(contract: Contract) -> bool:
    """The contract's legality review passed in fazhi, or — for history imported from an
    existing ledger only — it was recorded as done outside the system."""
    if contract.is_imported and contract.review_reference:
        return True
    return bool(_reviews()[1].review_passed(contract))


# --- guards (None: allowed; else the Chinese refusal naming its rule) ----------------------


def _rules_hold(contract, actor, **params):
    try:
        rules.check_contract(contract)
    except rules.RuleErrors as exc:
        return exc.message
    return None


def _no_active_review(contract, actor, **params):
    if _reviews()[1].active_review(contract) is not None:
        return "该合同已有进行中的合法性审核,不能重复送审"
    return None


def _reviewer_given(contract, actor, reviewer=None, **params):
    if reviewer is None:
        return "请选择审核人(法律顾问或司法所审核人员)"
    if reviewer.pk == contract.created_by_id or reviewer.pk == actor.pk:
        return "起草人不得审核自己起草的合同(审核人应为法律顾问或其他审核人员)"
    candidates = _reviews()[1].reviewer_candidates(contract.org_unit, exclude=contract.created_by)
    if not any(c.pk == reviewer.pk for c in candidates):
        return "所选审核人不是本镇的法律顾问或审核人员"
    return None


def _review_passed(contract, actor, **params):
    if not review_done(contract):
        return f"未经合法性审核或审核未通过,不得签订({rules.REVIEW_BEFORE_SIGNING})"
    return None


def _review_approved(contract, actor, **params):
    if not review_done(contract):
        return "合法性审核尚未通过(审核意见未出具或结论为不通过),不能确认审核通过"
    return None


def _review_failed(contract, actor, **params):
    latest = _reviews()[1].latest_review(contract)
    if latest is None or latest.is_pending or latest.is_passed:
        return "只有合法性审核结论为“不通过”时才能退回修改"
    return None


def _date_ok(name: str, label: str):
    def guard(contract, actor, **params):
        value = params.get(name)
        if not isinstance(value, dt.date):
            return f"请填写{label}"
        if value > clock.today():
            return f"{label}不能晚于今天"
        if name == "archived_on" and contract.signed_on and value < contract.signed_on:
            return "归档日期不能早于签订日期"
        if name == "completed_on" and contract.signed_on and value < contract.signed_on:
            return "日期不能早于签订日期"
        return None

    return guard


def _signed_after_review(contract, actor, signed_on=None, **params):
    if isinstance(signed_on, dt.date) and contract.reviewed_on and signed_on < contract.reviewed_on:
        return f"签订日期不能早于合法性审核通过日期({contract.reviewed_on:%Y-%m-%d})"
    return None


def _archive_number(contract, actor, archive_number="", **params):
    number = (archive_number or "").strip()
    if not number:
        return f"未填写档案号,不得归档({rules.ARCHIVE})"
    if len(number) > 64 or "\x00" in number:
        return "档案号不能超过64个字"
    taken = (
        Contract.objects.filter(org_unit=contract.org_unit, archive_number=number)
        .exclude(pk=contract.pk)
        .exists()
    )
    if taken:
        return f"档案号“{number}”已被本镇其他合同使用"
    return None


def _all_paid(contract, actor, **params):
    if contract.payments.filter(paid_on__isnull=True).exists():
        return "尚有未支付的款项,不能确认履行完毕(请先登记付款或解除合同)"
    return None


CONTRACT_FLOW = Workflow(
    Contract,
    audit_prefix="contract",
    status_labels=Status,
    transitions=[
        Transition(
            "submit_review",
            "提交合法性审核",
            {Status.DRAFT},
            Status.LEGALITY_REVIEW,
            roles=WRITER_ROLES,
            guards=[_rules_hold, _no_active_review, _reviewer_given],
        ),
        Transition(
            "approve",
            "确认审核通过",
            {Status.LEGALITY_REVIEW},
            Status.APPROVED,
            roles=OUTCOME_ROLES,
            guards=[_review_approved],
            style="success",
        ),
        Transition(
            "return_draft",
            "审核未通过,退回修改",
            {Status.LEGALITY_REVIEW},
            Status.DRAFT,
            roles=OUTCOME_ROLES,
            guards=[_review_failed],
            style="warning",
        ),
        Transition(
            "withdraw",
            "撤回修改(须重新审核)",
            {Status.APPROVED},
            Status.DRAFT,
            roles=WRITER_ROLES,
            note_required=True,
            style="outline-secondary",
        ),
        Transition(
            "sign",
            "登记签订",
            {Status.APPROVED},
            Status.SIGNED,
            roles=WRITER_ROLES,
            guards=[
                _review_passed,
                _rules_hold,
                _date_ok("signed_on", "签订日期"),
                _signed_after_review,
            ],
        ),
        Transition(
            "archive",
            "归档",
            {Status.SIGNED},
            Status.ARCHIVED,
            roles=WRITER_ROLES,
            guards=[_archive_number, _date_ok("archived_on", "归档日期")],
        ),
        Transition(
            "perform",
            "开始履行",
            {Status.ARCHIVED},
            Status.PERFORMING,
            roles=WRITER_ROLES,
        ),
        Transition(
            "complete",
            "确认履行完毕",
            {Status.PERFORMING},
            Status.COMPLETED,
            roles=WRITER_ROLES,
            guards=[_all_paid, _date_ok("completed_on", "履行完毕日期")],
            style="success",
        ),
        Transition(
            "terminate",
            "解除合同",
            {Status.SIGNED, Status.ARCHIVED, Status.PERFORMING},
            Status.TERMINATED,
            roles=WRITER_ROLES,
            guards=[_date_ok("completed_on", "解除日期")],
            note_required=True,
            style="outline-danger",
        ),
    ],
)

audit.VERB_LABELS.update(CONTRACT_FLOW.labels())
audit.VERB_LABELS.update(
    {
        "contract.create": "登记合同",
        "contract.update": "修改合同",
        "contract.import": "导入合同台账",
        "contract_payment.add": "添加付款计划",
        "contract_payment.pay": "登记付款",
        "contract.export": "导出合同台账",
    }
)

# Fields each transition takes from its form or API body (besides the note).
TRANSITION_FIELDS = {
    "submit_review": ("reviewer",),
    "sign": ("signed_on",),
    "archive": ("archive_number", "archived_on"),
    "complete": ("completed_on",),
    "terminate": ("completed_on",),
}


# --- registration and editing ----------------------------------------------------------------


def contract_create(*, actor, org_unit: OrgUnit | None = None, on: dt.date | None = None, **data):
    """Register a contract (登记) in the actor's town, checked against every rule."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以登记合同")
    unit = _writer_unit(actor, org_unit)
    try:
        checked = rules.check(data, unit)
    except rules.RuleErrors as exc:
        raise _refuse(exc) from None
    with transaction.atomic():
        contract = Contract.objects.create(
            org_unit=unit, created_by=actor, created_on=_today(on), **checked.fields
        )
        CONTRACT_FLOW.start(actor=actor, obj=contract, label="登记")
        audit.record(
            verb="contract.create",
            actor=actor,
            obj=contract,
            changes={
                "title": contract.title,
                "category": contract.category,
                "counterparty": contract.counterparty_name,
                "amount": str(contract.amount),
            },
        )
    return contract


def contract_update(*, actor, contract: Contract, **data) -> Contract:
    """Edit a contract while it is still a draft (登记 or returned for revision)."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以修改合同")
    with transaction.atomic():
        locked = Contract.objects.select_for_update().get(pk=contract.pk)
        if not unit_in_scope(actor, locked.org_unit, WRITER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if locked.status != Status.DRAFT:
            raise ServiceError(
                f"当前状态为“{locked.get_status_display()}”,只有登记状态的合同可以修改",
                code="wrong_state",
            )
        merged = {name: getattr(locked, name) for name in rules.FIELDS}
        merged.update({k: v for k, v in data.items() if k in rules.FIELDS})
        try:
            checked = rules.check(merged, locked.org_unit)
        except rules.RuleErrors as exc:
            raise _refuse(exc) from None
        before = {name: getattr(locked, name) for name in rules.FIELDS}
        for name, value in checked.fields.items():
            setattr(locked, name, value)
        locked.save()
        changes = audit.diff(
            {k: str(v) for k, v in before.items()},
            {k: str(getattr(locked, k)) for k in rules.FIELDS},
        )
        audit.record(verb="contract.update", actor=actor, obj=locked, changes=changes)
    return locked


# --- the workflow ------------------------------------------------------------------------------


def contract_transition(*, actor, obj: Contract, verb: str, note: str = "", on=None, **fields):
    """Move a contract by `verb` (CONTRACT_FLOW), with that step's own fields:
    submit_review(reviewer), sign(signed_on), archive(archive_number, archived_on),
    complete/terminate(completed_on). `on` back-dates the steps that record a date
    (demo data and tests); it defaults to today."""
    check_role(actor, READER_ROLES | WRITER_ROLES, NOT_FOUND)
    transition = CONTRACT_FLOW.get(verb)
    today = _today(on)
    params = {k: fields.get(k) for k in TRANSITION_FIELDS.get(verb, ())}
    if verb == "archive" and not params.get("archived_on"):
        params["archived_on"] = today
    if verb in ("complete", "terminate") and not params.get("completed_on"):
        params["completed_on"] = today
    if verb == "archive":
        params["archive_number"] = (params.get("archive_number") or "").strip()

    def apply(locked: Contract):
        if verb == "submit_review":
            review_services, _ = _reviews()
            review = review_services.review_request_create(
                actor=actor,
                subject=locked,
                kind=locked.review_kind,
                reviewer=params["reviewer"],
                text=locked.body,
            )
            return {"review": review.pk, "reviewer": params["reviewer"].pk}
        if verb in ("approve", "return_draft"):
            latest = _reviews()[1].latest_review(locked)
            concluded = getattr(latest, "concluded_at", None)
            locked.reviewed_on = timezone.localdate(concluded) if concluded else today
            return {"reviewed_on": str(locked.reviewed_on)}
        if verb == "sign":
            signed_on = params["signed_on"]
            locked.signed_on = signed_on
            locked.archive_due = deadline(
                signed_on, rules.ARCHIVE_WORKDAYS.value(locked.org_unit), "workdays"
            )
            return {"signed_on": str(signed_on), "archive_due": str(locked.archive_due)}
        if verb == "archive":
            locked.archive_number = params["archive_number"]
            locked.archived_on = params["archived_on"]
            return {
                "archive_number": locked.archive_number,
                "archived_on": str(locked.archived_on),
            }
        if verb in ("complete", "terminate"):
            locked.completed_on = params["completed_on"]
            return {"completed_on": str(locked.completed_on)}
        return None

    if not transition:  # pragma: no cover - get() raises for unknown verbs
        raise ServiceError("未知的操作")
    try:
        return CONTRACT_FLOW.run(actor=actor, obj=obj, verb=verb, note=note, apply=apply, **params)
    except IntegrityError:
        # Two archives racing for one number: the database constraint decides.
        raise ServiceError(
            f"档案号“{params.get('archive_number', '')}”已被本镇其他合同使用", code="conflict"
        ) from None


def contract_review_concluded(*, contract: Contract, review, actor) -> Contract | None:
    """Carry a concluded legality review over to its contract (inside the reviewer's
    transaction): 通过 / 修改后通过 → 审核通过; 不通过 → back to 登记 for revision."""
    if contract.status != Status.LEGALITY_REVIEW:
        return None
    verb = "approve" if review.is_passed else "return_draft"
    conclusion = review.get_conclusion_display()
    return contract_transition(
        actor=actor, obj=contract, verb=verb, note=f"合法性审核结论:{conclusion}"
    )


# --- payments ------------------------------------------------------------------------------------


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
    amount = rules.parse_amount(value)
    if amount is None:
        raise ServiceError(f"请填写{label},应为数字", errors={field: [f"请填写{label}"]})
    if amount <= 0 or amount > rules.MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        message = f"{label}应为大于0的金额,最多两位小数"
        raise ServiceError(message, errors={field: [message]})
    return amount


def _date_field(value, field: str, label: str, *, required: bool) -> dt.date | None:
    parsed = rules.parse_date(value)
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
        days = contract.payment_term_days or rules.SME_PAYMENT_DAYS.value(contract.org_unit)
        latest = deadline(delivered_on, days, "days")
        if due_on is not None and due_on > latest:
            message = (
                f"应付日期不得晚于交付(验收合格)后{days}日即{latest:%Y-%m-%d}({rules.SME_PAYMENT})"
            )
            raise ServiceError(message, errors={"due_on": [message]})
        return due_on or latest
    return due_on


def payment_add(
    *, actor, contract: Contract, condition, amount, delivered_on=None, due_on=None
) -> ContractPayment:
    """Add an instalment to the payment schedule."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以登记付款计划")
    condition = rules._text(condition)
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
