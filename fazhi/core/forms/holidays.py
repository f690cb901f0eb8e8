"""Forms for the holiday calendar: a year's official schedule, a one-day correction, and
the period calculator. They shape and check input; the services decide and write."""

from __future__ import annotations

import re
from datetime import date

from django import forms

from ..deadlines import MAX_N, UNITS

# One line of the schedule: "2027-01-01 元旦" (the name is optional).
_LINE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s+(.*))?$")
NAME_MAX = 32  # HolidayOverride.name


def parse_day_lines(text: str) -> list[tuple[date, str]]:
    """Lines of "YYYY-MM-DD 名称" → [(date, name)]; blank lines are skipped."""
    days = []
    errors = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        try:
            day = date.fromisoformat(_pad(match.group(1))) if match else None
        except ValueError:
            day = None
        if day is None:
            errors.append(f"第{number}行“{line}”格式不正确,应为“2027-01-01 元旦”")
            continue
        name = (match.group(2) or "").strip()
        if len(name) > NAME_MAX:
            errors.append(f"第{number}行名称过长(不超过{NAME_MAX}字)")
            continue
        days.append((day, name))
    if errors:
        raise forms.ValidationError(errors)
    return days


def _pad(text: str) -> str:
    # Accept 2027-1-1 as typed by hand; date.fromisoformat wants 2027-01-01.
    y, m, d = text.split("-")
    return f"{y}-{int(m):02d}-{int(d):02d}"


class HolidayScheduleForm(forms.Form):
    """A year's schedule as published in the State Council's notice (国务院办公厅通知)."""

    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    source = forms.CharField(label="依据文件", max_length=200, help_text="如:国办发明电〔2026〕×号")
    holidays = forms.CharField(
        label="放假日期",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="每行一天:日期 名称,如“2027-01-01 元旦”;含放假期间的周末",
        error_messages={"required": "请至少填写一个放假日期"},
    )
    workdays = forms.CharField(
        label="调休上班日期",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="每行一天:须上班的周六或周日,如“2027-02-06 春节调休”",
    )

    def clean_holidays(self):
        return parse_day_lines(self.cleaned_data["holidays"])

    def clean_workdays(self):
        days = parse_day_lines(self.cleaned_data["workdays"])
        weekdays = [d for d, _ in days if d.weekday() < 5]
        if weekdays:
            # A weekday is a working day anyway: such a line is a slip (wrong box, wrong date).
            raise forms.ValidationError(f"{weekdays[0]} 不是周末,调休上班日应为周六或周日")
        return days

    def clean(self):
        data = super().clean()
        year = data.get("year")
        seen: set[date] = set()
        for field in ("holidays", "workdays"):
            days = data.get(field)
            if days is None:
                continue
            if year is not None:
                outside = [d for d, _ in days if d.year != year]
                if outside:
                    self.add_error(field, f"{outside[0]} 不在{year}年内")
                    continue
            for day, _ in days:
                if day in seen:
                    self.add_error(field, f"{day} 重复填写(同一天只能放假或上班其一)")
                    break
                seen.add(day)
        return data


class HolidayOverrideForm(forms.Form):
    """One day's correction: a holiday or a working day, whatever the calendar says."""

    day = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}))
    is_workday = forms.TypedChoiceField(
        label="当日", choices=[("0", "放假"), ("1", "上班(调休)")], coerce=lambda v: v == "1"
    )
    name = forms.CharField(label="名称", max_length=NAME_MAX, required=False)


class DeadlineForm(forms.Form):
    """The period calculator: start day, length and unit (a read, nothing is saved)."""

    start = forms.DateField(
        label="起算日(事件发生日)", widget=forms.DateInput(attrs={"type": "date"})
    )
    n = forms.IntegerField(label="期限", min_value=1, max_value=MAX_N)
    unit = forms.ChoiceField(label="单位", choices=list(UNITS.items()))
