"""Forms of 网格走访: the phone-sized visit form (large choices, the draft kept by
grids/visit-form.js), key persons, filters, the town's categories and signals, helpers."""

from __future__ import annotations

from django import forms

from fazhi.core import clock

from .models import GridHelper, Group, KeyGroupCategory, Visit
from .selectors import WARNINGS

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_GROUPS = [("", "全部人群"), *Group.choices]


class _GridChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.parent.name} {obj.name}" if obj.parent_id else obj.name


class _CategoryChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}({obj.get_group_display()},每{obj.interval_days}日走访)"


class PersonFilterForm(forms.Form):
    org_unit = _GridChoice(label="网格", queryset=None, required=False, empty_label="全部网格")
    group = forms.ChoiceField(label="人群", choices=_GROUPS, required=False)
    warning = forms.ChoiceField(
        label="提醒", choices=[("", "全部"), *WARNINGS.items()], required=False
    )
    q = forms.CharField(label="姓名或地址", required=False, max_length=40)

    def __init__(self, *args, grids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = grids


class PersonForm(forms.Form):
    org_unit = _GridChoice(label="所属网格", queryset=None, empty_label=None)
    name = forms.CharField(label="姓名", max_length=40)
    id_number = forms.CharField(label="公民身份号码", max_length=18)
    phone = forms.CharField(label="联系电话", max_length=11, required=False)
    address = forms.CharField(label="居住地址", max_length=200)
    categories = _CategoryChoice(
        label="重点人群类别", queryset=None, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label="走访事由说明",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="只写走访工作需要的情况(个人信息保护法第六条:最小必要)",
    )
    registered_on = forms.DateField(label="登记日期", widget=_DATE, required=False)

    def __init__(self, *args, grids, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = grids
        self.fields["categories"].queryset = categories
        self.fields["registered_on"].initial = clock.today()


class PersonEditForm(PersonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["id_number"]
        del self.fields["registered_on"]

    @staticmethod
    def initial_for(person) -> dict:
        return {
            "org_unit": person.org_unit_id,
            "name": person.name,
            "phone": person.phone,
            "address": person.address,
            "categories": [c.pk for c in person.categories.all()],
            "note": person.note,
        }


class RemoveForm(forms.Form):
    reason = forms.CharField(label="移出原因", max_length=200, required=False)


class VisitForm(forms.Form):
    """The visit form. `client_key` is filled by the page's script (crypto.randomUUID)
    so that a submission queued offline and sent twice is stored once."""

    person = forms.IntegerField(widget=forms.HiddenInput)
    client_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=36)
    visited_on = forms.DateField(label="走访日期", widget=_DATE)
    mode = forms.ChoiceField(
        label="走访方式",
        choices=Visit.Mode.choices,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
    )
    situation = forms.CharField(
        label="走访情况", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    needs = forms.CharField(
        label="诉求", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signals = forms.MultipleChoiceField(
        label="风险信号",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "btn-check"}),
    )
    signal_note = forms.CharField(label="其他风险情况", max_length=500, required=False)
    follow_up = forms.CharField(
        label="后续措施", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    photo = forms.FileField(
        label="照片(可选)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )

    def __init__(self, *args, signals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signals"].choices = [(s, s) for s in signals]
        self.fields["visited_on"].initial = clock.today()


class VisitFilterForm(forms.Form):
    org_unit = _GridChoice(label="网格", queryset=None, required=False, empty_label="全部网格")
    group = forms.ChoiceField(label="人群", choices=_GROUPS, required=False)
    signals = forms.BooleanField(label="只看有风险信号的", required=False)
    start = forms.DateField(label="起", required=False, widget=_DATE)
    end = forms.DateField(label="止", required=False, widget=_DATE)
    q = forms.CharField(label="走访对象", required=False, max_length=40)

    def __init__(self, *args, grids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = grids


class HelperForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=40)
    kind = forms.ChoiceField(label="身份", choices=GridHelper.Kind.choices)
    phone = forms.CharField(label="手机号", max_length=11, required=False)


class CategoryForm(forms.Form):
    group = forms.ChoiceField(label="人群", choices=Group.choices)
    name = forms.CharField(label="类别名称", max_length=40)
    interval_days = forms.IntegerField(
        label="走访周期(日)", min_value=1, max_value=366, required=False,
        help_text="不填时按该人群的默认走访周期(参数)",
    )  # fmt: skip


class CategoryEditForm(forms.Form):
    name = forms.CharField(label="类别名称", max_length=40)
    interval_days = forms.IntegerField(label="走访周期(日)", min_value=1, max_value=366)
    is_active = forms.BooleanField(label="启用", required=False)

    @staticmethod
    def initial_for(category: KeyGroupCategory) -> dict:
        return {
            "name": category.name,
            "interval_days": category.interval_days,
            "is_active": category.is_active,
        }


class SignalForm(forms.Form):
    name = forms.CharField(label="风险信号", max_length=40)


class PeriodForm(forms.Form):
    start = forms.DateField(label="起", required=False, widget=_DATE)
    end = forms.DateField(label="止", required=False, widget=_DATE)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("开始日期不能晚于结束日期")
        return data
