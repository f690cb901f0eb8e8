"""The checks a contract's fields must pass (legal-rules.md §6), as one validator shared by
registration, editing, the guards of submission and signing, and the ledger import. Each
refusal names the rule it enforces; the parameters and citations are in params.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from fazhi.core.validators import validate_credit_code

from ..models import (
    AGREEMENT_CATEGORIES,
    CATEGORY_PROCUREMENT,
    TENDER_METHODS_REQUIRED,
    Category,
    ProcurementKind,
    TenderMethod,
)
from ..params import (
    ARBITRATION_REFUSED,
    CREDIT_CODE,
    SME_PAYMENT,
    SME_PAYMENT_DAYS,
    SME_PAYMENT_MAX_DAYS,
    TENDER,
    TENDER_THRESHOLDS,
    THIRD_PARTY_PAYMENT_REFUSED,
)

MAX_AMOUNT = Decimal("999999999999.99")
TEXT_LIMITS = {
    "title": 200,
    "counterparty_name": 200,
    "dispute_resolution": 500,
    "tender_notice_ref": 100,
    "body": 100_000,
}


@dataclass
class Checked:
    """A contract's fields after validation, ready to be saved."""

    fields: dict


class RuleErrors(Exception):
    """Field → Chinese messages; the first message names the rule."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(next(iter(errors.values()))[0])
        self.errors = errors

    @property
    def message(self) -> str:
        return next(iter(self.errors.values()))[0]


FIELDS = (
    "title",
    "category",
    "procurement_kind",
    "counterparty_name",
    "counterparty_is_person",
    "counterparty_credit_code",
    "counterparty_is_sme",
    "amount",
    "term_start",
    "term_end",
    "payment_term_days",
    "payment_term_agreed",
    "payment_conditional_on_third_party",
    "has_arbitration_clause",
    "dispute_resolution",
    "tender_method",
    "tender_date",
    "tender_notice_ref",
    "body",
)
BOOL_FIELDS = {
    "counterparty_is_person",
    "counterparty_is_sme",
    "payment_term_agreed",
    "payment_conditional_on_third_party",
    "has_arbitration_clause",
}
DATE_FIELDS = {"term_start", "term_end", "tender_date"}


def text_of(value) -> str:
    return "" if value is None else str(value).strip()


def parse_amount(value) -> Decimal | None:
    if isinstance(value, Decimal):
        amount = value
    else:
        text = text_of(value).replace(",", "").replace(",", "")
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            return None
    if not amount.is_finite():
        return None
    return amount


def parse_date(value) -> dt.date | None | str:
    """A date, None when blank, or "bad" when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value).replace("/", "-").replace(".", "-")
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return "bad"


def check(data: dict, unit) -> Checked:
    """Validate a contract's fields for `unit` (its town); raise RuleErrors with every
    problem, each message naming the rule it enforces."""
    errors: dict[str, list[str]] = {}

    def err(field, message):
        errors.setdefault(field, []).append(message)

    out: dict = {}
    for name in FIELDS:
        value = data.get(name)
        if name in BOOL_FIELDS:
            out[name] = bool(value)
        elif name in DATE_FIELDS:
            parsed = parse_date(value)
            if parsed == "bad":
                err(name, "日期格式不正确,应为 YYYY-MM-DD")
                parsed = None
            out[name] = parsed
        elif name == "amount":
            out[name] = value
        elif name == "payment_term_days":
            out[name] = value
        else:
            text = text_of(value)
            if "\x00" in text:
                err(name, "含有无效字符(\\x00)")
                text = text.replace("\x00", "")
            limit = TEXT_LIMITS.get(name)
            if limit and len(text) > limit:
                err(name, f"不能超过{limit}个字")
            out[name] = text

    if not out["title"]:
        err("title", "请填写合同名称")
    if out["category"] not in Category.values:
        err("category", "请选择合同类型")
    if not out["counterparty_name"]:
        err("counterparty_name", "请填写相对方名称")

    # 统一社会信用代码 (GB 32100): required for organisations, checked by its check digit.
    code = out["counterparty_credit_code"].upper()
    out["counterparty_credit_code"] = code
    if out["counterparty_is_person"]:
        if code:
            err("counterparty_credit_code", "相对方为自然人时不填写统一社会信用代码")
        if out["counterparty_is_sme"]:
            err("counterparty_is_sme", "相对方为自然人时不能勾选中小企业")
    elif not code:
        err("counterparty_credit_code", f"请填写相对方的统一社会信用代码({CREDIT_CODE})")
    else:
        try:
            validate_credit_code(code)
        except ValidationError as exc:
            err("counterparty_credit_code", f"{exc.messages[0]}({CREDIT_CODE})")

    amount = parse_amount(out["amount"])
    if amount is None:
        err("amount", "请填写合同金额(元),应为数字")
    elif amount < 0:
        err("amount", "合同金额不能为负数")
    elif amount > MAX_AMOUNT:
        err("amount", "合同金额过大,请核对")
    elif amount != amount.quantize(Decimal("0.01")):
        err("amount", "合同金额最多保留两位小数")
    out["amount"] = amount

    if out["term_start"] and out["term_end"] and out["term_end"] < out["term_start"]:
        err("term_end", "履行期限止不能早于履行期限起")

    # 行政协议: an arbitration clause is void (最高法2019规定第二十六条) — refused outright.
    is_agreement = out["category"] in AGREEMENT_CATEGORIES
    if is_agreement and out["has_arbitration_clause"]:
        err("has_arbitration_clause", ARBITRATION_REFUSED)

    # SME payment rule (保障中小企业款项支付条例第九条).
    days = out["payment_term_days"]
    if days in ("", None):
        days = None
    else:
        try:
            days = int(str(days).strip())
        except (TypeError, ValueError):
            err("payment_term_days", "付款期限应为整数(日)")
            days = None
    if days is not None and days < 1:
        err("payment_term_days", "付款期限应为正整数(日)")
        days = None
    if out["counterparty_is_sme"]:
        default_days = SME_PAYMENT_DAYS.value(unit)
        max_days = SME_PAYMENT_MAX_DAYS.value(unit)
        if days is None:
            days = default_days
        if days > max_days:
            err(
                "payment_term_days",
                f"向中小企业支付款项的期限最长不得超过{max_days}日({SME_PAYMENT})",
            )
        elif days > default_days and not out["payment_term_agreed"]:
            err(
                "payment_term_agreed",
                f"付款期限超过{default_days}日须经双方在合同中约定,请勾选“付款期限经双方约定”"
                f"({SME_PAYMENT})",
            )
        if out["payment_conditional_on_third_party"]:
            err("payment_conditional_on_third_party", THIRD_PARTY_PAYMENT_REFUSED)
    out["payment_term_days"] = days

    # Procurement kind: fixed by civil procurement categories, optional otherwise.
    kind = CATEGORY_PROCUREMENT.get(out["category"])
    if kind is not None:
        out["procurement_kind"] = kind.value
    elif out["procurement_kind"] not in ProcurementKind.values:
        err("procurement_kind", "采购类别不正确")
        out["procurement_kind"] = ""
    if out["tender_method"] not in TenderMethod.values:
        err("tender_method", "招标方式不正确")
        out["tender_method"] = ""

    # Tendering: at or above the threshold a tender record is required.
    threshold_param = TENDER_THRESHOLDS.get(out["procurement_kind"])
    if threshold_param is not None and amount is not None:
        threshold = threshold_param.value(unit)
        if amount >= threshold:
            label = ProcurementKind(out["procurement_kind"]).label
            need = f"{label}合同金额达到{threshold:,}元以上,必须招标,请填写招标记录({TENDER})"
            if out["tender_method"] not in TENDER_METHODS_REQUIRED:
                err(
                    "tender_method",
                    need.replace("请填写招标记录", "招标方式应为公开招标或邀请招标"),
                )
            if not out["tender_date"]:
                err("tender_date", need.replace("请填写招标记录", "请填写招标(开标)日期"))
            if not out["tender_notice_ref"]:
                err("tender_notice_ref", need.replace("请填写招标记录", "请填写招标公告编号"))

    if errors:
        raise RuleErrors(errors)
    return Checked(out)


def check_contract(contract) -> None:
    """Re-run the rules on a saved contract (guards at submission and signing)."""
    check({name: getattr(contract, name) for name in FIELDS}, contract.org_unit)
