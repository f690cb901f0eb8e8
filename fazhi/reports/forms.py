"""Forms of the annual summary: choosing a unit and year, and one paragraph's prose."""

from __future__ import annotations

from django import forms

from fazhi.core.models import OrgUnit

from .prose import MAX_LENGTH


class YearForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=OrgUnit.objects.none(), empty_label=None)
    year = forms.TypedChoiceField(label="年度", coerce=int)

    def __init__(self, *args, units=(), this_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units])
        self.fields["year"].choices = [(y, f"{y}年") for y in range(this_year, this_year - 6, -1)]
        self.fields["year"].initial = this_year - 1


class ParagraphForm(forms.Form):
    text = forms.CharField(
        label="表述",
        max_length=MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="数字以{0}、{1}……表示,须原样保留;清空或恢复原文即撤销修改。",
    )
