"""Forms of 组织领导's pages. Choices are narrowed to what the person may pick; the
services check everything again (the API reaches them without these forms)."""

from __future__ import annotations

from django import forms

from fazhi.core.forms.widgets import PeopleSelect
from fazhi.core.models import User

from .models import GroupMember, LawReport, Meeting

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
TEXT = {"class": "form-control"}
SELECT = {"class": "form-select"}


def _blank(choices, label="全部"):
    return [("", label), *[(c.value, c.label) for c in choices if c.value]]


class _Styled(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            w = field.widget
            if isinstance(w, forms.Select) and not isinstance(w, forms.SelectMultiple):
                w.attrs.setdefault("class", "form-select")
            elif isinstance(w, (forms.TextInput, forms.Textarea, forms.NumberInput)):
                w.attrs.setdefault("class", "form-control")


class GroupForm(_Styled):
    org_unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label="请选择")
    name = forms.CharField(label="领导小组名称", max_length=100, required=False,
                           help_text="不填则为“单位名称+法治建设领导小组”")  # fmt: skip
    established_on = forms.DateField(label="成立日期", widget=DATE)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units


class MemberForm(_Styled):
    user = forms.ModelChoiceField(
        label="成员", queryset=None, empty_label="请选择", widget=PeopleSelect
    )
    role = forms.ChoiceField(label="小组职务", choices=GroupMember.Role.choices)
    duties = forms.CharField(label="分工职责", max_length=300, required=False,
                             help_text="如:主要领导亲自抓;分管领导具体抓")  # fmt: skip
    started_on = forms.DateField(label="任职开始", widget=DATE)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people


class MemberEndForm(_Styled):
    ended_on = forms.DateField(label="任职结束", widget=DATE)


class RuleForm(_Styled):
    org_unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label="请选择")
    title = forms.CharField(label="制度名称", max_length=200)
    adopted_on = forms.DateField(label="制定日期", widget=DATE)
    text = forms.CharField(label="制度内容", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                           help_text="也可保存后在制度页面上传制度文件")  # fmt: skip

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units


class MeetingForm(_Styled):
    org_unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label="请选择")
    kind = forms.ChoiceField(label="类型", choices=_blank(Meeting.Kind, "请选择"))
    title = forms.CharField(label="会议名称", max_length=200)
    held_on = forms.DateField(label="会议日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=100, required=False)
    host = forms.ModelChoiceField(
        label="主持人", queryset=None, required=False, empty_label="(不填)"
    )
    agenda = forms.CharField(
        label="议程(每行一项)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    attendees = forms.ModelMultipleChoiceField(
        label="出席人员", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    absences = forms.CharField(
        label="缺席人员及原因(每行“姓名:原因”)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, units, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units
        self.fields["host"].queryset = people
        self.fields["attendees"].queryset = people
        self._people = people

    def clean_absences(self):
        """Lines "姓名:原因" → [(user, reason)]; the name must be one of the unit's people."""
        result, unknown = [], []
        for line in self.cleaned_data["absences"].splitlines():
            if not line.strip():
                continue
            name, _, reason = line.replace(":", ":").partition(":")
            name = name.strip()
            user = (
                User.objects.filter(pk__in=self._people.values("pk")).filter(full_name=name).first()
                or User.objects.filter(pk__in=self._people.values("pk"), username=name).first()
            )
            if user is None:
                unknown.append(name)
            else:
                result.append((user, reason.strip()))
        if unknown:
            raise forms.ValidationError(f"不是本镇人员或姓名有误:{'、'.join(unknown)}")
        return result


class HoldForm(_Styled):
    minutes = forms.CharField(label="会议纪要", widget=forms.Textarea(attrs={"rows": 4}))
    decisions = forms.CharField(
        label="会议决定(每行一项)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(_Styled):
    text = forms.CharField(
        label="决定事项",
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": "新的决定事项"}),
    )


class MeetingFilterForm(_Styled):
    q = forms.CharField(label="搜索", required=False, max_length=50)
    kind = forms.ChoiceField(label="类型", choices=_blank(Meeting.Kind), required=False)
    level = forms.ChoiceField(label="层级", choices=_blank(Meeting.Level), required=False)
    status = forms.ChoiceField(label="状态", choices=_blank(Meeting.Status), required=False)
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)


class LawReportFilterForm(_Styled):
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(label="状态", choices=_blank(LawReport.Status), required=False)


class RosterForm(_Styled):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)


class LawReportAddForm(_Styled):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    reporter = forms.ModelChoiceField(
        label="述法人", queryset=None, empty_label="请选择", widget=PeopleSelect
    )
    title = forms.CharField(label="职务", max_length=100, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporter"].queryset = people


class SubmitForm(_Styled):
    report_text = forms.CharField(
        label="述法报告", required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="可填写报告内容,或先在下方上传报告文件后提交",
    )  # fmt: skip


class ReviewForm(_Styled):
    meeting = forms.ModelChoiceField(label="述法会议", queryset=None, empty_label="请选择")
    rating = forms.ChoiceField(label="评议结果", choices=_blank(LawReport.Rating, "请选择"))
    review_note = forms.CharField(label="评议意见", max_length=500, required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
