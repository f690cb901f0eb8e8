"""Check-digit validators: 公民身份号码 (GB 11643), 统一社会信用代码 (GB 32100), phones
and org codes. Check digits in these tests are computed here, independently."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from fazhi.core.validators import (
    validate_credit_code,
    validate_id_number,
    validate_org_code,
    validate_phone,
)

# --- independent reference implementations -------------------------------------------


def id_check_digit(body17: str) -> str:
    """ISO 7064 MOD 11-2: weights 2^(17-i) mod 11; check = (12 - sum mod 11) mod 11."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body17))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


CC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V


def cc_check_digit(body17: str) -> str:
    """GB 32100: weights 3^i mod 31; check = 31 - (sum mod 31), with 31 → 0."""
    total = sum(CC_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(body17))
    return CC_CHARSET[(31 - total % 31) % 31]


def messages_of(fn, value) -> list[str]:
    with pytest.raises(ValidationError) as exc:
        fn(value)
    return exc.value.messages


# --- 公民身份号码 ----------------------------------------------------------------------


def test_reference_check_digits_match_published_examples():
    assert id_check_digit("11010519491231002") == "X"  # GB 11643 example
    assert cc_check_digit("91350100M000100Y4") == "3"


@pytest.mark.parametrize(
    "value",
    [
        "11010519491231002X",
        "11010519491231002x",  # lower-case x is normalised
        "330106199003071236",
        "440304200002294568",  # 29 February of a leap year
        "339901198510100017",
        " 330106199003071236 ",
    ],
)
def test_given_a_valid_id_number_when_validated_then_returned_normalised(value):
    assert validate_id_number(value) == value.strip().upper()


def test_given_computed_check_digits_when_validated_then_accepted():
    for body in ["33010619900307123", "33990119851010001", "11010520001231999"]:
        value = body + id_check_digit(body)
        assert validate_id_number(value) == value


@pytest.mark.parametrize(
    "value", ["110105194912310021", "330106199003071230", "44030420000229456X"]
)
def test_given_a_wrong_check_digit_when_validated_then_refused(value):
    assert messages_of(validate_id_number, value) == ["公民身份号码校验位错误,请核对"]


@pytest.mark.parametrize(
    "body", ["44030419990229456", "33010619901301123", "33010619900431123", "33010619900300123"]
)
def test_given_an_impossible_birth_date_when_validated_then_refused(body):
    """29 Feb 1999, month 13, 31 April, day 0 — with a correct check digit."""
    value = body + id_check_digit(body)
    assert messages_of(validate_id_number, value) == ["公民身份号码中的出生日期不存在"]


def test_given_a_birth_date_in_the_future_or_before_1900_when_validated_then_refused():
    tomorrow = date.today() + timedelta(days=1)
    for born in [tomorrow.strftime("%Y%m%d"), "18991231"]:
        body = f"330106{born}123"
        value = body + id_check_digit(body)
        assert messages_of(validate_id_number, value) == ["公民身份号码中的出生日期不合理"]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "11010519491231002",
        "11010519491231002X1",
        "1101051949123100AX",
        "110105194912310X2X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "３３０１０６１９９００３０７１２３6",
    ],  # full-width digits, ASCII check digit
)
def test_given_a_wrong_length_or_character_when_validated_then_format_refused(value):
    assert messages_of(validate_id_number, value) == [
        "公民身份号码应为18位,前17位为数字,末位为数字或X"
    ]


@given(
    region=st.integers(110000, 659999),
    born=st.dates(date(1900, 1, 1), date(2020, 12, 31)),
    seq=st.integers(0, 999),
)
def test_property_id_numbers_with_computed_check_digit_pass_and_any_other_fails(region, born, seq):
    body = f"{region:06d}{born:%Y%m%d}{seq:03d}"
    good = body + id_check_digit(body)
    assert validate_id_number(good) == good
    for wrong in "0123456789X":
        if wrong != good[-1]:
            with pytest.raises(ValidationError):
                validate_id_number(body + wrong)


# --- 统一社会信用代码 --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "91350100M000100Y43",
        "91110000100000001W",
        "12100000400000598B",
        "91330106MA27XXXXX0",
        "91350100m000100y43",
    ],
)
def test_given_a_valid_credit_code_when_validated_then_returned_upper(value):
    assert cc_check_digit(value.upper()[:17]) == value.upper()[17]  # computed, not trusted
    assert validate_credit_code(value) == value.upper()


@pytest.mark.parametrize(
    "value", ["911100001000000015", "91350100M000100Y44", "91350100M000100Y40"]
)
def test_given_a_wrong_check_digit_when_validated_then_refused_credit_code(value):
    assert messages_of(validate_credit_code, value) == ["统一社会信用代码校验位错误,请核对"]


@pytest.mark.parametrize("letter", list("IOZSV"))
def test_given_a_letter_outside_the_code_set_when_validated_then_refused(letter):
    body = "91350100M000100Y4"
    value = body[:9] + letter + body[10:] + "3"
    assert messages_of(validate_credit_code, value) == [
        "统一社会信用代码应为18位数字或大写字母(不含I、O、Z、S、V)"
    ]


@pytest.mark.parametrize(
    "value", ["", "91350100M000100Y4", "91350100M000100Y431", "91350100M000100Y4-"]
)
def test_given_a_wrong_length_when_validated_then_refused_credit_code(value):
    assert "18位" in messages_of(validate_credit_code, value)[0]


@given(st.text(alphabet=CC_CHARSET, min_size=17, max_size=17))
def test_property_credit_codes_with_computed_check_pass_and_any_other_fails(body):
    good = body + cc_check_digit(body)
    assert validate_credit_code(good) == good
    wrong = CC_CHARSET[(CC_CHARSET.index(good[-1]) + 1) % 31]
    with pytest.raises(ValidationError):
        validate_credit_code(body + wrong)


# --- phone ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["13812345678", "19912345678", " 15000000000 "])
def test_given_a_mobile_number_when_validated_then_accepted(value):
    assert validate_phone(value) == value.strip()


@pytest.mark.parametrize(
    "value",
    [
        "",
        "12812345678",
        "1381234567",
        "138123456789",
        "0571-8888888",
        "1381234567a",
        "13８12345678",
    ],
)
def test_given_a_bad_mobile_number_when_validated_then_refused(value):
    assert messages_of(validate_phone, value) == ["手机号应为以1开头的11位数字"]


# --- org codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "code", "parent"),
    [
        ("county", "339901", None),
        ("town", "339901101", "339901"),
        ("village", "339901101201", "339901101"),
        ("community", "339901101001", "339901101"),
        ("grid", "339901101201001", "339901101201"),
    ],
)
def test_given_a_code_of_the_right_length_and_prefix_when_validated_then_accepted(
    kind, code, parent
):
    assert validate_org_code(kind, f" {code} ", parent) == code


@pytest.mark.parametrize(
    ("kind", "code", "parent", "message"),
    [
        ("town", "33990110", "339901", "该类型单位的代码应为9位数字"),
        ("village", "33990110120A", "339901101", "该类型单位的代码应为12位数字"),
        ("town", "339902101", "339901", "代码应以上级单位代码 339901 开头"),
        ("town", "339901000", "339901", "本级代码段不能为000"),
        ("grid", "339901101201000", "339901101201", "本级代码段不能为000"),
        ("county", "３３９９０１", None, "该类型单位的代码应为6位数字"),
        ("province", "330000", None, "未知的单位类型"),
    ],
)
def test_given_a_bad_org_code_when_validated_then_refused_in_chinese(kind, code, parent, message):
    assert messages_of(lambda v: validate_org_code(kind, v, parent), code) == [message]
