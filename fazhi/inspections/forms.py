"""Forms of 督查整改. They shape the input; the services decide and say why not."""

from __future__ import annotations

from django import forms

from fazhi.core import clock
from fazhi.core.models import OrgUnit

from .models import Inspection

DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}


def _date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )


class InspectionFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="督查类型", required=False, choices=[("", "全部"), *Inspection.Kind.choices]
    )
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *Inspection.Status.choices]
    )
    year = forms.IntegerField(
        label="年度",
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "年度应为四位数字",
            "min_value": "年度不能早于2000年",
            "max_value": "年度不能晚于2100年",
        },
    )


class InspectionForm(forms.Form):
    org_unit = forms.ModelChoiceField(
        label="被督查单位", queryset=OrgUnit.objects.none(), empty_label="请选择乡镇"
    )
    kind = forms.ChoiceField(label="督查类型", choices=Inspection.Kind.choices)
    title = forms.CharField(label="督查名称", max_length=200)
    topic = forms.ChoiceField(label="督查内容", choices=Inspection.Topic.choices)
    basis = forms.CharField(
        label="督查依据",
        max_length=200,
        required=False,
        help_text="如:县委全面依法治县办《关于开展行政规范性文件管理情况专项督查的通知》",
    )
    started_on = _date_field("开始日期")

    def __init__(self, *args, towns=None, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if towns is not None:
            self.fields["org_unit"].queryset = towns
        if kinds is not None:
            self.fields["kind"].choices = kinds
        self.fields["started_on"].initial = clock.today()


class FindingForm(forms.Form):
    description = forms.CharField(
        label="问题描述", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    basis = forms.CharField(
        label="依据",
        max_length=200,
        help_text="违反的规则,如:《保障中小企业款项支付条例》第九条",
    )
    owner = forms.ModelChoiceField(
        label="整改责任人", queryset=None, empty_label="请选择", to_field_name="pk"
    )
    deadline = _date_field(
        "整改期限", required=False, help_text="不填时按参数“督查问题整改期限”自动计算"
    )

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class CompleteForm(forms.Form):
    conclusion = forms.ChoiceField(
        label="督查结论",
        required=False,
        choices=[("", "有问题已全部整改销号"), ("no_issues", "未发现需整改问题")],
        help_text="未记录任何问题的督查,须明确选择“未发现需整改问题”",
    )
    ended_on = _date_field("结束日期", required=False, help_text="不填为今天")
    note = forms.CharField(
        label="说明", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class SubmitForm(forms.Form):
    rectification = forms.CharField(
        label="整改情况",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="写明采取的整改措施和结果;提交前请先在下方上传整改佐证材料",
    )


class InspectionEditForm(forms.Form):
    """Correcting an inspection that is not completed (the kind and the town stay)."""

    title = forms.CharField(label="督查名称", max_length=200)
    topic = forms.ChoiceField(label="督查内容", choices=Inspection.Topic.choices)
    basis = forms.CharField(label="督查依据", max_length=200, required=False)
    started_on = _date_field("开始日期")
    ended_on = _date_field("结束日期", required=False, help_text="办结时填写;不填则办结时记为当天")

    @classmethod
    def initial_for(cls, inspection) -> dict:
        return {name: getattr(inspection, name) for name in cls.base_fields}


class FindingEditForm(FindingForm):
    """Correcting a finding while it is 待整改 or 退回: the deadline is now explicit."""

    deadline = _date_field("整改期限", help_text="不能早于督查开始日期")

    @classmethod
    def initial_for(cls, finding) -> dict:
        return {
            "description": finding.description,
            "basis": finding.basis,
            "owner": finding.owner_id,
            "deadline": finding.deadline,
        }
