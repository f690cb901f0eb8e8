"""Forms of 普法宣传's pages; the services do the checking that matters."""

from __future__ import annotations

from django import forms

from fazhi.core import clock

from .models import Option
from .services import DEFAULT_MAPPING, MAPPING_LABELS

DATE = forms.DateInput(attrs={"type": "date"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, (list, tuple)):
            return [one(d, initial) for d in data if d]
        return [one(data, initial)] if data else []


class EventForm(forms.Form):
    org_unit = forms.ModelChoiceField(label="举办单位", queryset=None, empty_label=None)
    campaign = forms.ModelChoiceField(label="主题宣传活动", queryset=None, required=False,
                                      empty_label="(不属于主题宣传活动)")  # fmt: skip
    theme = forms.CharField(label="主题", max_length=100, required=False,
                            help_text="选择主题宣传活动的,可不填(默认为该活动的主题)")  # fmt: skip
    title = forms.CharField(label="活动名称", max_length=200)
    format = forms.ModelChoiceField(label="活动形式", queryset=None, empty_label=None)
    targets = forms.ModelMultipleChoiceField(label="宣传对象(八进)", queryset=None,
                                             widget=forms.CheckboxSelectMultiple, required=False)  # fmt: skip
    held_on = forms.DateField(label="活动日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=200)
    organiser = forms.CharField(label="组织者", max_length=100)
    audience = forms.IntegerField(label="受众人数")
    summary = forms.CharField(
        label="活动情况", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    photos = MultipleFileField(label="活动照片(JPG/PNG,可多选)", required=False,
                             widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}))  # fmt: skip

    def __init__(self, *args, units, campaigns, formats, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units
        self.fields["campaign"].queryset = campaigns
        self.fields["format"].queryset = formats
        self.fields["targets"].queryset = targets
        self.fields["campaign"].label_from_instance = lambda c: (
            f"{c.name}({c.period_label},{c.starts_on.year})"
        )
        if not self.is_bound:
            self.initial.setdefault("held_on", clock.today())


class PhotoForm(forms.Form):
    file = forms.FileField(label="活动照片(JPG/PNG)")


class CampaignForm(forms.Form):
    name = forms.CharField(label="主题", max_length=100)
    starts_on = forms.DateField(label="开始日期", widget=DATE)
    ends_on = forms.DateField(
        label="结束日期", widget=DATE, required=False, help_text="单日活动可不填"
    )
    basis = forms.CharField(label="依据", max_length=200, required=False)


class OptionForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=Option.Kind.choices)
    name = forms.CharField(label="名称", max_length=50)


class StudyImportForm(forms.Form):
    platform = forms.ChoiceField(label="学习平台", choices=[("学习强国", "学习强国"), ("浙江省干部网络学院", "浙江省干部网络学院"), ("其他平台", "其他平台")])  # fmt: skip
    file = forms.FileField(label="平台导出的 Excel(.xlsx)")
    name = forms.CharField(
        label=MAPPING_LABELS["name"], required=False, initial=DEFAULT_MAPPING["name"]
    )
    key = forms.CharField(label=MAPPING_LABELS["key"], initial=DEFAULT_MAPPING["key"])
    hours = forms.CharField(label=MAPPING_LABELS["hours"], initial=DEFAULT_MAPPING["hours"])
    period = forms.CharField(label=MAPPING_LABELS["period"], required=False, initial=DEFAULT_MAPPING["period"],
                             help_text="导出文件没有统计周期列的,留空并在下方填写统计周期")  # fmt: skip
    period_value = forms.CharField(label="统计周期(如 2025 或 2025-03)", required=False)


class CaseForm(forms.Form):
    title = forms.CharField(label="案例名称", max_length=200)
    facts = forms.CharField(label="基本案情", widget=forms.Textarea(attrs={"rows": 4}))
    law_applied = forms.CharField(label="适用法律", widget=forms.Textarea(attrs={"rows": 2}))
    lesson = forms.CharField(label="以案释法", widget=forms.Textarea(attrs={"rows": 4}))


class CasePushForm(forms.Form):
    case = forms.ModelChoiceField(label="案例", queryset=None, empty_label=None)
    recipients = forms.ModelMultipleChoiceField(label="接收干部", queryset=None,
                                                widget=forms.CheckboxSelectMultiple, required=False)  # fmt: skip
    note = forms.CharField(label="推送说明", max_length=200, required=False)

    def __init__(self, *args, cases, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["recipients"].queryset = recipients
        self.fields["recipients"].label_from_instance = lambda u: u.full_name or u.username


class FilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=50)
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    campaign = forms.IntegerField(label="主题宣传活动", required=False, widget=forms.HiddenInput)
    target = forms.ModelChoiceField(
        label="宣传对象", queryset=None, required=False, empty_label="全部"
    )
    format = forms.ModelChoiceField(
        label="活动形式", queryset=None, required=False, empty_label="全部"
    )
    unit = forms.IntegerField(label="举办单位", required=False, widget=forms.HiddenInput)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = options.filter(kind=Option.Kind.TARGET)
        self.fields["format"].queryset = options.filter(kind=Option.Kind.FORMAT)
