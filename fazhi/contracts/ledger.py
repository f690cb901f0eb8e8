"""The contract ledger (合同台账) as .xlsx: its columns, the rows of the exported register,
the blank import template, and the reading of an uploaded ledger into fields.

Import and export share their first columns, so an exported ledger imports again. The
import itself (rows checked by the same rules as registration, all or nothing) is
services.contracts_import; the export is services.contract_export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError

from fazhi.core.permissions import ServiceError
from fazhi.core.uploads import inspect_upload
from fazhi.core.xlsx import build_xlsx

from .models import Category, Contract, ProcurementKind, TenderMethod

Status = Contract.Status
MAX_ROWS = 20_000
MAX_ERRORS_SHOWN = 200

# (header, field) — "*" marks a required column. The order is the template's.
COLUMNS = [
    ("合同名称*", "title"),
    ("合同类型*", "category"),
    ("相对方名称*", "counterparty_name"),
    ("相对方为自然人", "counterparty_is_person"),
    ("统一社会信用代码", "counterparty_credit_code"),
    ("相对方为中小企业", "counterparty_is_sme"),
    ("合同金额(元)*", "amount"),
    ("履行期限起", "term_start"),
    ("履行期限止", "term_end"),
    ("付款期限(日)", "payment_term_days"),
    ("付款期限经双方约定", "payment_term_agreed"),
    ("含仲裁条款", "has_arbitration_clause"),
    ("争议解决方式", "dispute_resolution"),
    ("采购类别", "procurement_kind"),
    ("招标方式", "tender_method"),
    ("招标日期", "tender_date"),
    ("招标公告编号", "tender_notice_ref"),
    ("状态*", "status"),
    ("登记日期", "created_on"),
    ("签订日期", "signed_on"),
    ("线下审核记录", "review_reference"),
    ("档案号", "archive_number"),
    ("归档日期", "archived_on"),
]
HEADERS = [h for h, _ in COLUMNS]
LABELS = {f: h.rstrip("*") for h, f in COLUMNS} | {
    "payment_conditional_on_third_party": "第三方付款条件"
}
REQUIRED = [f for h, f in COLUMNS if h.endswith("*")]
EXPORT_EXTRA = [
    "所属单位",
    "合法性审核完成日",
    "归档期限",
    "付款计划合计(元)",
    "已付金额(元)",
    "登记人",
]

# History comes in at one of these states; drafts and reviews in progress are registered
# in fazhi itself.
IMPORT_STATUSES = {
    Status.SIGNED.label: Status.SIGNED,
    Status.ARCHIVED.label: Status.ARCHIVED,
    Status.PERFORMING.label: Status.PERFORMING,
    Status.COMPLETED.label: Status.COMPLETED,
    Status.TERMINATED.label: Status.TERMINATED,
}
# Column notes shown on the import page.
NOTES = {
    "category": "填写类型名称,如“采购合同(服务)”“土地、房屋等征收征用补偿协议”",
    "counterparty_is_person": "是/否",
    "counterparty_credit_code": "18位;相对方为自然人时不填。请将该列设为文本格式",
    "counterparty_is_sme": "是/否",
    "payment_term_days": "中小企业不填按30日,最长60日",
    "status": "已签订 / 已归档 / 履行中 / 履行完毕 / 已解除",
    "review_reference": "历史合同在系统外完成合法性审核的记录(如审核意见书文号),必填",
    "archive_number": "已归档及以后状态必填,本镇内不得重复",
    "tender_method": "公开招标/邀请招标/竞争性谈判/竞争性磋商/单一来源/询价",
    "procurement_kind": "工程/货物/服务(采购合同和工程合同按类型自动确定)",
}
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓"}
FALSE_WORDS = {"否", "n", "no", "false", "0", ""}


def _date(value):
    return value.isoformat() if isinstance(value, dt.date) else (value or "")


def _yes(value: bool) -> str:
    return "是" if value else "否"


# --- export ----------------------------------------------------------------------------

EXPORT_TITLE = "合同台账"
EXPORT_HEADERS = HEADERS + EXPORT_EXTRA


def register_rows(contracts):
    """The register's rows, from a queryset annotated by selectors.export_rows."""
    for c in contracts.iterator(chunk_size=2000):
        yield [
            c.title,
            c.get_category_display(),
            c.counterparty_name,
            _yes(c.counterparty_is_person),
            c.counterparty_credit_code,
            _yes(c.counterparty_is_sme),
            float(c.amount),
            _date(c.term_start),
            _date(c.term_end),
            c.payment_term_days or "",
            _yes(c.payment_term_agreed),
            _yes(c.has_arbitration_clause),
            c.dispute_resolution,
            c.get_procurement_kind_display() if c.procurement_kind else "",
            c.get_tender_method_display() if c.tender_method else "",
            _date(c.tender_date),
            c.tender_notice_ref,
            c.get_status_display(),
            _date(c.created_on),
            _date(c.signed_on),
            c.review_reference,
            c.archive_number,
            _date(c.archived_on),
            c.org_unit.name,
            _date(c.reviewed_on),
            _date(c.archive_due),
            float(c.scheduled),
            float(c.paid),
            str(c.created_by),
        ]


# --- the import template ------------------------------------------------------------------

_CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n: int, region: str = "339901") -> str:
    """A well-formed 统一社会信用代码 (GB 32100 check digit) for fictional company `n`:
    91 (市场监管, 企业) + region + a 9-character organisation code + the check digit."""
    body = f"91{region}MA2{n:06d}"
    total = sum(_CC_CHARS.index(c) * w for c, w in zip(body, _CC_WEIGHTS, strict=True))
    return body + _CC_CHARS[(31 - total % 31) % 31]


def template_xlsx() -> bytes:
    """The blank import template with one example row."""
    example = [
        "海屿镇渔港保洁服务采购合同",
        Category.SERVICES.label,
        "示例海屿保洁服务有限公司",
        "否",
        credit_code(1),
        "是",
        180000,
        "2025-01-01",
        "2025-12-31",
        30,
        "否",
        "否",
        "向合同签订地人民法院提起诉讼",
        "",
        "",
        "",
        "",
        Status.ARCHIVED.label,
        "2024-12-20",
        "2024-12-28",
        "线下审核 海司审〔2024〕15号",
        "HY-HT-2024-015",
        "2025-01-03",
    ]
    return build_xlsx("合同台账导入模板", HEADERS, [example])


# --- reading an uploaded ledger ------------------------------------------------------------------------------------


class RowError(Exception):
    pass


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _bool(value, label: str) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise RowError(f"{label}应填“是”或“否”")


def _choice(value, choices, label: str) -> str:
    text = cell_text(value)
    if not text:
        return ""
    for code, name in choices:
        if text in (code, name) or (name and text == name.replace("(", "(").replace(")", ")")):
            return code
    raise RowError(f"{label}“{text}”不正确")


def _category(value) -> str:
    text = cell_text(value).replace("(", "(").replace(")", ")")
    for code, name in Category.choices:
        if text in (code, name):
            return code
    if not text:
        raise RowError("请填写合同类型")
    raise RowError(f"合同类型“{text}”不正确,应为模板说明中的类型名称")


def row_fields(raw: dict, today: dt.date) -> dict:
    """One row's cells → fields (RowError on a cell that cannot be read)."""
    data = {}
    for field in ("title", "counterparty_name", "counterparty_credit_code", "dispute_resolution"):
        data[field] = cell_text(raw.get(field))
    data["tender_notice_ref"] = cell_text(raw.get("tender_notice_ref"))
    data["category"] = _category(raw.get("category"))
    for field in (
        "counterparty_is_person",
        "counterparty_is_sme",
        "payment_term_agreed",
        "has_arbitration_clause",
    ):
        data[field] = _bool(raw.get(field), LABELS[field])
    amount = raw.get("amount")
    data["amount"] = Decimal(str(amount)) if isinstance(amount, int | float) else cell_text(amount)
    for field in ("term_start", "term_end", "tender_date"):
        data[field] = (
            raw.get(field) if isinstance(raw.get(field), dt.date) else cell_text(raw.get(field))
        )
    data["payment_term_days"] = cell_text(raw.get("payment_term_days"))
    data["procurement_kind"] = _choice(
        raw.get("procurement_kind"), ProcurementKind.choices, LABELS["procurement_kind"]
    )
    data["tender_method"] = _choice(raw.get("tender_method"), TenderMethod.choices, "招标方式")
    return data


def read_rows(uploaded_file):
    """(row number, {field: cell}) for each non-blank row, or a ServiceError."""
    from openpyxl import load_workbook

    try:
        info = inspect_upload(uploaded_file)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], errors={"file": exc.messages}) from None
    if info.file_type != "xlsx":
        message = "请上传 Excel(.xlsx)格式的合同台账"
        raise ServiceError(message, errors={"file": [message]})
    uploaded_file.seek(0)
    try:
        wb = load_workbook(uploaded_file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        message = "无法读取该 Excel 文件,请用 Office 或 WPS 另存为 .xlsx 后重试"
        raise ServiceError(message, errors={"file": [message]}) from None
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None) or ()
        names = {h.rstrip("*"): f for h, f in COLUMNS}
        positions = {}
        for i, cell in enumerate(header):
            field = names.get(cell_text(cell).rstrip("*"))
            if field and field not in positions:
                positions[field] = i
        missing = [LABELS[f] for f in REQUIRED if f not in positions]
        if missing:
            message = f"第1行表头缺少必填列:{'、'.join(missing)}(请使用导入模板)"
            raise ServiceError(message, errors={"file": [message]})
        out = []
        for number, values in enumerate(rows, start=2):
            if values is None or all(v is None or str(v).strip() == "" for v in values):
                continue
            if len(out) >= MAX_ROWS:
                message = f"一次最多导入{MAX_ROWS}行,请分批导入"
                raise ServiceError(message, errors={"file": [message]})
            raw = {f: values[i] if i < len(values) else None for f, i in positions.items()}
            out.append((number, raw))
        return out
    finally:
        wb.close()
