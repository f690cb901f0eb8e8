"""Forms of 工作任务. They shape the input; the services decide and say why not."""

from __future__ import annotations

from django import forms

from fazhi.core.models import OrgUnit, User

from .models import PlanItem, Task

DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}


def _date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )


class UnitChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}({obj.get_kind_display()})"


class ItemChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.plan.year}年 {obj.seq}. {obj.title}(至{obj.deadline:%Y-%m-%d})"


class PlanForm(forms.Form):
    org_unit = forms.ModelChoiceField(
        label="制定单位", queryset=OrgUnit.objects.none(), empty_label=None
    )
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="计划名称", max_length=200, help_text="如:2025年法治建设工作要点")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units if units is not None else OrgUnit.objects.none()


class ItemForm(forms.Form):
    title = forms.CharField(label="工作要点", max_length=300)
    starts_on = _date_field("开始日期")
    deadline = _date_field("完成期限", help_text="遇休息日顺延至下一个工作日")


class TaskFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=50)
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *Task.Status.choices]
    )
    warning = forms.ChoiceField(
        label="提醒",
        required=False,
        choices=[("", "全部"), ("overdue", "已逾期"), ("due_soon", "临期")],
    )
    mine = forms.BooleanField(label="只看我负责的", required=False)


class TaskForm(forms.Form):
    item = ItemChoice(
        label="工作要点", queryset=PlanItem.objects.none(), empty_label="请选择工作要点"
    )
    title = forms.CharField(
        label="任务内容", max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    org_units = UnitChoice(
        label="责任单位",
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="可选多个,每个单位生成一项任务,由该单位在岗人员负责",
    )
    office = forms.CharField(
        label="责任站所(中心)",
        max_length=64,
        required=False,
        help_text="责任单位为本镇时填写,如:综合行政执法队、司法所",
    )
    owner = forms.ModelChoiceField(
        label="责任人",
        queryset=User.objects.none(),
        required=False,
        empty_label="由责任单位在岗人员负责",
        help_text="只选一个责任单位时可指定",
    )
    starts_on = _date_field("开始日期", required=False)
    due = _date_field("完成期限", help_text="须在上级要点(任务)的期限之内;遇休息日顺延")
    evidence_required = forms.CharField(label="佐证要求", max_length=300, required=False)
    source = forms.CharField(widget=forms.HiddenInput, required=False)
    meeting = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, items=None, units=None, owners=None, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_units"].queryset = units if units is not None else OrgUnit.objects.none()
        self.fields["owner"].queryset = owners if owners is not None else User.objects.none()
        if parent is not None:
            del self.fields["item"]
        else:
            self.fields["item"].queryset = items if items is not None else PlanItem.objects.none()


class ReportForm(forms.Form):
    percent = forms.IntegerField(
        label="完成进度(%)",
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text="填100即确认完成,须已附佐证材料",
    )
    note = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(label="任务清单(.xlsx)")
