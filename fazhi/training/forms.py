"""Forms of 案例实景式教学. They shape the input; the services decide and say why not."""

from __future__ import annotations

from django import forms

from fazhi.core.forms.widgets import PeopleSelect
from fazhi.core.models import User

from .models import Participant, Session
from .selectors import WARNINGS

DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}
YEAR_ERRORS = {
    "invalid": "年度应为四位数字",
    "min_value": "年度不能早于2000年",
    "max_value": "年度不能晚于2100年",
}


def _textarea(rows=4, **attrs):
    return forms.Textarea(attrs={"rows": rows, **attrs})


class PersonChoiceField(forms.ModelChoiceField):
    widget = PeopleSelect

    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.username


class CaseFilterForm(forms.Form):
    case_type = forms.ChoiceField(label="案例类型", required=False)
    q = forms.CharField(label="搜索", required=False, max_length=50)

    def __init__(self, *args, types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type"].choices = [("", "全部"), *[(t, t) for t in types]]


class CaseForm(forms.Form):
    title = forms.CharField(label="案例名称", max_length=200)
    case_type = forms.ChoiceField(label="案例类型")
    facts = forms.CharField(label="案情", max_length=10000, widget=_textarea(5))
    roles = forms.CharField(
        label="演练角色",
        max_length=2000,
        widget=_textarea(3),
        help_text="每行一个,如:信访人、接访干部、调解员、村干部",
    )
    legal_points = forms.CharField(
        label="法律要点",
        max_length=10000,
        widget=_textarea(4),
        help_text="写明适用的法律条款序号及要点,如:《信访工作条例》第二十三条(15日内告知是否受理);不要粘贴法条全文",
    )
    model_handling = forms.CharField(
        label="规范处置流程", max_length=10000, widget=_textarea(5), help_text="一步一行"
    )

    def __init__(self, *args, types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type"].choices = [(t, t) for t in types]

    @staticmethod
    def initial_for(case) -> dict:
        names = ("title", "case_type", "facts", "roles", "legal_points", "model_handling")
        return {**{n: getattr(case, n) for n in names}, "is_active": case.is_active}


class CaseEditForm(CaseForm):
    is_active = forms.BooleanField(label="在用(停用后不能再安排教学)", required=False, initial=True)

    def __init__(self, *args, types=(), current="", **kwargs):
        # A type the county has since removed stays selectable for the case that has it.
        if current and current not in types:
            types = [*types, current]
        super().__init__(*args, types=types, **kwargs)


class SessionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *Session.Status.choices]
    )
    year = forms.IntegerField(
        label="年度", required=False, min_value=2000, max_value=2100, error_messages=YEAR_ERRORS
    )
    warning = forms.ChoiceField(
        label="提醒", required=False, choices=[("", "全部"), *WARNINGS.items()]
    )


def _date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )


class SessionEditForm(forms.Form):
    held_on = _date_field("举行日期")
    place = forms.CharField(label="地点", max_length=200)
    host = PersonChoiceField(label="主持人", queryset=User.objects.none(), empty_label="请选择")

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["host"].queryset = people

    @staticmethod
    def initial_for(session) -> dict:
        return {"held_on": session.held_on, "place": session.place, "host": session.host_id}


class SessionForm(SessionEditForm):
    case = forms.ModelChoiceField(label="教学案例", queryset=None, empty_label="请选择案例")
    field_order = ["case", "held_on", "place", "host"]

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases


class ParticipantForm(forms.Form):
    user = PersonChoiceField(label="参训人员", queryset=User.objects.none(), empty_label="请选择")
    role = forms.ChoiceField(label="扮演角色")

    def __init__(self, *args, people=None, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["user"].queryset = people
        self.fields["role"].choices = [("", "请选择"), *[(r, r) for r in roles]]


class EvaluationForm(forms.Form):
    rating = forms.ChoiceField(
        label="评价", choices=[c for c in Participant.Rating.choices if c[0]]
    )
    comment = forms.CharField(label="评语", required=False, max_length=2000, widget=_textarea(2))


class EvaluateSessionForm(forms.Form):
    lessons = forms.CharField(
        label="经验与不足",
        max_length=10000,
        required=False,
        widget=_textarea(4),
        help_text="总结本次教学的收获、暴露的不足和改进措施",
    )
