"""Forms of 法治建设旬报: the list's filters, drafting a period, the officer's text, the
county's return comment and the matrix's month range."""

from __future__ import annotations

import re
from datetime import date

from django import forms

from fazhi.core import clock

from .models import TenDayReport

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _years():
    this = clock.today().year
    return [("", "全部年度")] + [(str(y), f"{y}年") for y in range(this, this - 6, -1)]


class FilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=50)
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部状态"), *TenDayReport.Status.choices]
    )
    year = forms.TypedChoiceField(label="年度", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _years()
        for name, f in self.fields.items():
            f.widget.attrs["class"] = (
                "form-control form-control-sm" if name == "q" else "form-select form-select-sm"
            )
        self.fields["q"].widget.attrs["placeholder"] = "旬报内容"


class CreateForm(forms.Form):
    org_unit = forms.IntegerField(widget=forms.HiddenInput)
    period_start = forms.DateField(widget=forms.HiddenInput)


class ReportForm(forms.Form):
    body = forms.CharField(
        label="本旬工作情况",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 14, "class": "form-control"}),
        help_text="由本旬各项工作数据自动起草,可修改;“一、”开头的行为小标题",
    )
    problems = forms.CharField(
        label="存在问题",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )
    next_steps = forms.CharField(
        label="下一步工作",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="退回意见(查漏补缺)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


def _month(value: str, field: str) -> date:
    m = MONTH.match(value or "")
    if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2100:
        raise forms.ValidationError("月份格式应为 YYYY-MM", code=field)
    return date(int(m.group(1)), int(m.group(2)), 1)


class RangeForm(forms.Form):
    start = forms.CharField(
        label="起始月份",
        widget=forms.TextInput(attrs={"type": "month", "class": "form-control form-control-sm"}),
    )
    end = forms.CharField(
        label="截止月份",
        widget=forms.TextInput(attrs={"type": "month", "class": "form-control form-control-sm"}),
    )

    def clean_start(self):
        return _month(self.cleaned_data["start"], "start")

    def clean_end(self):
        return _month(self.cleaned_data["end"], "end")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError("截止月份不能早于起始月份")
            if (end.year - start.year) * 12 + end.month - start.month >= 12:
                raise forms.ValidationError("一次最多查看12个月")
        return data
