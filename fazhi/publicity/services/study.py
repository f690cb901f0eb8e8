"""Online-study hours (线上学法) imported per person from a study platform's .xlsx export
(学习强国 or the province's platform): the officer says which column holds the name, the
account / ID number / phone, the hours and the period; the import is all or nothing —
one unknown person or bad row is named ("第3行:…") and nothing is written."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit, pii
from fazhi.core.cleaning import clean_text
from fazhi.core.models import User
from fazhi.core.roles import Role
from fazhi.core.uploads import inspect_upload

from ..models import StudyHours, StudyImport
from ..params import (
    BAD_HOURS,
    BAD_PERIOD,
    DUPLICATE_ROW,
    IMPORT_EMPTY,
    IMPORT_MISSING_COLUMN,
    IMPORT_NOT_XLSX,
    IMPORT_ROW,
    IMPORT_UNREADABLE,
    MAX_HOURS,
    NAME_MISMATCH,
    TOO_MANY_HOURS,
    UNKNOWN_PERSON,
)
from .common import refuse, writer_town

MAX_ROWS = 20_000
# Whose hours count: the town's staff and its villages' cadres.
STUDY_ROLES = frozenset({Role.CADRE, Role.VILLAGE_CADRE, Role.LAW_OFFICER, Role.TOWN_LEADER})
# The headers of a 学习强国 export, as the mapping form's defaults.
DEFAULT_MAPPING = {"name": "姓名", "key": "账号", "hours": "学习时长(小时)", "period": "统计周期"}
MAPPING_LABELS = {
    "name": "姓名列",
    "key": "账号/身份证号/手机号列",
    "hours": "学时列",
    "period": "统计周期列",
}

_YEAR = re.compile(r"^(\d{4})年?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})月?(?:[-/.]\d{1,2}日?)?$")


def parse_period(value: str) -> tuple[dt.date, dt.date, str] | None:
    """ "2025" / "2025年" → the year; "2025-03" / "2025年3月" / a date → its month."""
    text = str(value or "").strip()
    if m := _YEAR.match(text):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年"
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last), f"{year}年{month}月"
    return None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_sheet(uploaded_file, mapping: dict) -> list[tuple[int, dict]]:
    """The mapped cells of every non-empty row, numbered as Excel numbers them."""
    from openpyxl import load_workbook

    try:
        info = inspect_upload(uploaded_file)
    except ValidationError as exc:
        raise refuse("file", exc.messages[0]) from None
    if info.file_type != "xlsx":
        raise refuse("file", IMPORT_NOT_XLSX)
    uploaded_file.seek(0)
    try:
        wb = load_workbook(uploaded_file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        raise refuse("file", IMPORT_UNREADABLE) from None
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = [_cell(c) for c in (next(rows, None) or ())]
        positions = {}
        for key, column in mapping.items():
            if not column:
                continue
            if column not in header:
                raise refuse(key, IMPORT_MISSING_COLUMN.format(column=column))
            positions[key] = header.index(column)
        out = []
        for number, values in enumerate(rows, start=2):
            if values is None or all(_cell(v) == "" for v in values):
                continue
            if len(out) >= MAX_ROWS:
                raise refuse("file", f"一次最多导入{MAX_ROWS}行,请分批导入")
            out.append(
                (
                    number,
                    {k: _cell(values[i]) if i < len(values) else "" for k, i in positions.items()},
                )
            )
        return out
    finally:
        wb.close()


class _People:
    """The town's cadres by account, ID-number hash and phone hash (one query)."""

    def __init__(self, town):
        users = User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=STUDY_ROLES,
            memberships__org_unit__code__startswith=town.code,
        ).distinct()
        self.by = {}
        for u in users:
            self.by[("u", u.username)] = u
            if u.id_number_hash:
                self.by[("h", u.id_number_hash)] = u
            if u.phone_hash:
                self.by[("p", u.phone_hash)] = u

    def find(self, key: str):
        if person := self.by.get(("u", key)):
            return person
        if re.fullmatch(r"\d{17}[\dXx]", key):
            return self.by.get(("h", pii.keyed_hash(key.upper())))
        if re.fullmatch(r"1\d{10}", key):
            return self.by.get(("p", pii.keyed_hash(key)))
        return None


def _row(raw: dict, people: _People, town, default_period, limit) -> tuple:
    key = raw.get("key", "")
    if not key:
        raise ValueError("账号/身份证号/手机号为空")
    person = people.find(key)
    if person is None:
        raise ValueError(UNKNOWN_PERSON.format(key=key, town=town.name))
    name = raw.get("name", "")
    if name and person.full_name and name != person.full_name:
        raise ValueError(NAME_MISMATCH.format(name=name, key=key, real=person.full_name))
    text = raw.get("hours", "")
    try:
        hours = Decimal(text).quantize(Decimal("0.1"))
    except InvalidOperation:
        raise ValueError(BAD_HOURS.format(value=text)) from None
    if not hours.is_finite() or hours < 0:
        raise ValueError(BAD_HOURS.format(value=text))
    if hours > limit:
        raise ValueError(TOO_MANY_HOURS.format(value=text, limit=limit))
    period = parse_period(raw["period"]) if "period" in raw else default_period
    if period is None:
        raise ValueError(BAD_PERIOD.format(value=raw.get("period", "")))
    return person, hours, period


def study_import(
    *, actor, uploaded_file, platform, mapping: dict, period="", town=None
) -> StudyImport:
    """Import the hours of one export; every row must be good or nothing is written."""
    town = writer_town(actor, town)
    platform = clean_text(platform, "platform", "学习平台", 50)
    mapping = {k: str(mapping.get(k) or "").strip() for k in MAPPING_LABELS}
    for k in ("key", "hours"):
        if not mapping[k]:
            raise refuse(k, f"请填写{MAPPING_LABELS[k]}对应的表头")
    default_period = None
    if not mapping["period"]:
        default_period = parse_period(period)
        if default_period is None:
            raise refuse("period", "未指定统计周期列时,请填写统计周期(如“2025”或“2025-03”)")
    rows = read_sheet(uploaded_file, mapping)
    if not rows:
        raise refuse("file", IMPORT_EMPTY)
    people = _People(town)
    limit = Decimal(MAX_HOURS.value(town))
    parsed, seen = [], {}
    for number, raw in rows:
        try:
            person, hours, period_ = _row(raw, people, town, default_period, limit)
            if (person.pk, period_[0], period_[1]) in seen:
                raise ValueError(
                    DUPLICATE_ROW.format(row=seen[(person.pk, period_[0], period_[1])])
                )
        except ValueError as exc:
            raise refuse("file", IMPORT_ROW.format(row=number, reason=exc)) from None
        seen[(person.pk, period_[0], period_[1])] = number
        parsed.append((number, person, hours, period_))
    earlier = set(
        StudyHours.objects.filter(
            org_unit=town, person_id__in={p.pk for _, p, _, _ in parsed}
        ).values_list("person_id", "period_start", "period_end")
    )
    for number, person, _, (start, end, label) in parsed:
        if (person.pk, start, end) in earlier:
            reason = f"{person}{label}的学时已经导入过,不能重复导入"
            raise refuse("file", IMPORT_ROW.format(row=number, reason=reason))
    total = sum((h for _, _, h, _ in parsed), Decimal("0"))
    with transaction.atomic():
        batch = StudyImport.objects.create(
            org_unit=town, platform=platform, filename=str(uploaded_file.name or "")[:200],
            row_count=len(parsed), total_hours=total, created_by=actor,
        )  # fmt: skip
        StudyHours.objects.bulk_create(
            StudyHours(
                org_unit=town,
                batch=batch,
                person=person,
                hours=hours,
                period_start=start,
                period_end=end,
                period_label=label,
            )  # fmt: skip
            for _, person, hours, (start, end, label) in parsed
        )
        audit.record(
            verb="publicity.study_import",
            actor=actor,
            obj=batch,
            changes={
                "platform": platform,
                "rows": len(parsed),
                "total_hours": str(total),
                "mapping": mapping,
            },
        )
    return batch
