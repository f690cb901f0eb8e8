"""Forms of 社会矛盾预警. They shape the input; the services decide and say why not (a
response without its measures, a dismissal without a reason are the services' refusals,
so the page and the API give the same message)."""

from __future__ import annotations

from django import forms

from fazhi.core import clock
from fazhi.core.models import OrgUnit

from .models import SUBJECT_LABELS, Colour
from .selectors import STATE_CHOICES


class WarningFilterForm(forms.Form):
    colour = forms.ChoiceField(
        label="颜色", required=False, choices=[("", "全部"), *Colour.choices]
    )
    state = forms.ChoiceField(label="状态", required=False, choices=STATE_CHOICES)
    kind = forms.ChoiceField(
        label="对象", required=False, choices=[("", "全部"), *SUBJECT_LABELS.items()]
    )
    unit = forms.ModelChoiceField(
        label="单位", required=False, queryset=OrgUnit.objects.none(), empty_label="全部",
        error_messages={"invalid_choice": "所选单位不在您的范围内"},
    )  # fmt: skip
    q = forms.CharField(label="搜索", required=False, max_length=50)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "colour": data["colour"],
            "state": data["state"] or "active",
            "kind": data["kind"],
            "unit": data["unit"],
            "q": data["q"].strip(),
        }


class RespondForm(forms.Form):
    who = forms.CharField(label="责任人", required=False, max_length=100,
                          help_text="如:林海峰(镇长)、司法所陈晓燕")  # fmt: skip
    measures = forms.CharField(
        label="应对措施", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="采取了或将采取什么措施(约谈、稳控、协调会、化解方案……)",
    )  # fmt: skip
    on = forms.DateField(
        label="落实时间", required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": "日期格式应为 YYYY-MM-DD"},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"on": clock.today()})
        super().__init__(*args, **kwargs)


class DismissForm(forms.Form):
    reason = forms.CharField(
        label="撤销理由", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="如:经核实系误报,当事人已达成和解",
    )  # fmt: skip
