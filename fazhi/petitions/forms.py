"""Forms of 信访: registering a petition with its petitioners (a group visit's
representatives), each step's own fields, and the list's filters. Checks of the law are
the services'; forms only shape input."""

from __future__ import annotations

from django import forms

from fazhi.core import clock
from fazhi.core.models import User

from .models import Petition
from .selectors import AGE_BANDS, STATES, WARNINGS
from .services import STEP_FIELDS

# Six rows: five representatives is the statute's limit (art 20), a sixth is refused.
PETITIONER_ROWS = 6


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PetitionForm(forms.Form):
    title = forms.CharField(label="事项摘要", max_length=200)
    channel = forms.ChoiceField(label="信访形式", choices=Petition.Channel.choices)
    received_on = forms.DateField(label="收到日期", widget=_date_input())
    category = forms.ChoiceField(label="类别", choices=Petition.Category.choices)
    content = forms.CharField(
        label="请求、事实和理由",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="口头提出的,如实记录(《信访工作条例》第十九条)",
    )
    source = forms.ChoiceField(label="来源", choices=Petition.Source.choices)
    transferred_by = forms.CharField(label="转送、交办机关", max_length=100, required=False)
    is_group = forms.BooleanField(
        label="集体访(多人走访提出共同事项,代表不超过5人)", required=False
    )
    people_count = forms.IntegerField(label="涉及人数", min_value=1, required=False)
    is_accusation = forms.BooleanField(label="检举控告类事项", required=False)
    accused_name = forms.CharField(label="被检举控告人或单位", max_length=100, required=False)
    accused_user = forms.ModelChoiceField(
        label="被检举控告人为本系统用户时选择(其将无法查看本事项)",
        queryset=User.objects.none(),
        required=False,
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        if staff is not None:
            self.fields["accused_user"].queryset = staff
        self.fields["received_on"].initial = clock.today()


class PetitionerForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50, required=False)
    id_number = forms.CharField(label="公民身份号码", max_length=18, required=False)
    phone = forms.CharField(label="联系电话", max_length=11, required=False)
    address = forms.CharField(label="住址", max_length=200, required=False)


PetitionerFormSet = forms.formset_factory(
    PetitionerForm, extra=PETITIONER_ROWS, max_num=PETITIONER_ROWS, validate_max=True
)

NOTE_LABELS = {
    "not_accept": ("不予受理理由", True),
    "transfer": ("转送理由", False),
    "object": ("异议理由(详细说明为何不属于本机关职权范围)", True),
    "extend": ("延期理由(经本机关负责人批准,并告知信访人)", True),
}


def step_form(verb: str):
    """The form of step `verb`, built from the service's own field list."""
    fields = {}
    for name, label, kind, required in STEP_FIELDS.get(verb, []):
        if kind == "date":
            field = forms.DateField(label=label, widget=_date_input(), initial=clock.today)
        elif kind == "int":
            field = forms.IntegerField(label=label, min_value=1)
        elif kind == "result":
            field = forms.ChoiceField(label=label, choices=Petition.Result.choices)
        elif kind == "text":
            field = forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 3}))
        else:
            field = forms.CharField(label=label, max_length=200)
        field.required = required
        fields[name] = field
    note_label, note_required = NOTE_LABELS.get(verb, ("说明", False))
    fields["note"] = forms.CharField(
        label=note_label,
        required=note_required,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    return type(f"{verb.title()}Form", (forms.Form,), fields)


class FilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=50)
    state = forms.ChoiceField(label="办理", choices=[("", "全部"), *STATES.items()], required=False)
    warning = forms.ChoiceField(
        label="期限", choices=[("", "全部"), *WARNINGS.items()], required=False
    )
    status = forms.ChoiceField(
        label="状态", choices=[("", "全部"), *Petition.Status.choices], required=False
    )
    channel = forms.ChoiceField(
        label="形式", choices=[("", "全部"), *Petition.Channel.choices], required=False
    )
    category = forms.ChoiceField(
        label="类别", choices=[("", "全部"), *Petition.Category.choices], required=False
    )
    age = forms.ChoiceField(
        label="已收到",
        choices=[("", "全部"), *[(c, label) for c, label, *_ in AGE_BANDS]],
        required=False,
    )
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100, required=False)
    town = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
