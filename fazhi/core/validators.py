"""Check-digit validators for the identifiers fazhi stores, with Chinese messages."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError

from fazhi.core import clock

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"


def validate_id_number(value: str) -> str:
    """公民身份号码 (GB 11643-1999): 18 characters, a real birth date, ISO 7064 MOD 11-2."""
    value = (value or "").strip().upper()
    if not re.fullmatch(r"[0-9]{17}[0-9X]", value):
        raise ValidationError("公民身份号码应为18位,前17位为数字,末位为数字或X", code="id_format")
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError as exc:
        raise ValidationError("公民身份号码中的出生日期不存在", code="id_birth") from exc
    if born > clock.today() or born.year < 1900:
        raise ValidationError("公民身份号码中的出生日期不合理", code="id_birth")
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != value[17]:
        raise ValidationError("公民身份号码校验位错误,请核对", code="id_check")
    return value


_CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def validate_credit_code(value: str) -> str:
    """统一社会信用代码 (GB 32100-2015): 18 characters from the code set, MOD 31 check."""
    value = (value or "").strip().upper()
    if len(value) != 18 or any(c not in _CC_CHARS for c in value):
        raise ValidationError(
            "统一社会信用代码应为18位数字或大写字母(不含I、O、Z、S、V)", code="cc_format"
        )
    total = sum(_CC_CHARS.index(c) * w for c, w in zip(value[:17], _CC_WEIGHTS, strict=True))
    check = (31 - total % 31) % 31
    if _CC_CHARS[check] != value[17]:
        raise ValidationError("统一社会信用代码校验位错误,请核对", code="cc_check")
    return value


def validate_phone(value: str) -> str:
    value = (value or "").strip()
    if not re.fullmatch(r"1[3-9][0-9]{9}", value):
        raise ValidationError("手机号应为以1开头的11位数字", code="phone")
    return value


# Digits of a code at each level of the tree (行政区划代码 plus a 3-digit grid suffix).
CODE_LENGTHS = {"county": 6, "town": 9, "village": 12, "community": 12, "grid": 15}
PARENT_KINDS = {
    "county": set(),
    "town": {"county"},
    "village": {"town"},
    "community": {"town"},
    "grid": {"village", "community"},
}


def validate_org_code(kind: str, code: str, parent_code: str | None) -> str:
    """A unit's code has its kind's length and starts with its parent's code."""
    code = (code or "").strip()
    if kind not in CODE_LENGTHS:
        raise ValidationError("未知的单位类型", code="org_kind")
    length = CODE_LENGTHS[kind]
    if not re.fullmatch(rf"[0-9]{{{length}}}", code):
        raise ValidationError(f"该类型单位的代码应为{length}位数字", code="org_code_format")
    if parent_code and not code.startswith(parent_code):
        raise ValidationError(f"代码应以上级单位代码 {parent_code} 开头", code="org_code_prefix")
    if code.endswith("000") and kind != "county":
        raise ValidationError("本级代码段不能为000", code="org_code_zero")
    return code
