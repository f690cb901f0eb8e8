"""Forms of 法治单元. They shape the input; the services decide and say why not."""

from __future__ import annotations

from django import forms

from fazhi.core.models import OrgUnit

from .models import Tier, VillageRecord, VillageRules

DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}
FILE_ACCEPT = ".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
MAX_ID = 2**62  # an id that fits the database's integer (a longer one is junk, not a 500)


def _date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )


class VillageField(forms.ModelChoiceField):
    """A village of the form's choices; an id that is not a number the database holds is
    simply not a choice (no overflow in the driver)."""

    def to_python(self, value):
        if value not in self.empty_values:
            text = str(value)
            if not (text.isdigit() and len(text) < 18):
                raise forms.ValidationError("请选择村(社区)", code="invalid_choice")
        return super().to_python(value)


def _village_field(label="村(社区)"):
    # Not required here: the service names the rule when it is missing.
    return VillageField(
        label=label,
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label="请选择村(社区)",
        error_messages={"invalid_choice": "请选择村(社区)"},
    )


class _VillagesForm(forms.Form):
    def __init__(self, *args, villages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if villages is not None:
            self.fields["org_unit"].queryset = villages
            if len(villages) == 1:
                self.fields["org_unit"].initial = villages[0].pk


class RecordFilterForm(forms.Form):
    tier = forms.ChoiceField(label="级别", required=False, choices=[("", "全部"), *Tier.choices])
    status = forms.ChoiceField(
        label="阶段", required=False, choices=[("", "全部"), *VillageRecord.Stage.choices]
    )


class RecordForm(_VillagesForm):
    org_unit = _village_field()
    tier = forms.ChoiceField(label="创建级别", choices=Tier.choices)
    started_on = _date_field("启动创建日期", required=False)


class EvidenceForm(forms.Form):
    criterion = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    note = forms.CharField(label="说明", max_length=500, required=False)
    file = forms.FileField(
        label="佐证材料",
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
        error_messages={"required": "请选择要上传的文件"},
    )


class NameForm(forms.Form):
    document = forms.CharField(
        label="命名文件",
        max_length=200,
        required=False,
        help_text="如:市委全面依法治市办命名文件文号",
    )
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RegistryFilterForm(forms.Form):
    unit_type = forms.ChoiceField(label="类型", required=False)
    village = forms.ChoiceField(label="村(社区)", required=False)
    q = forms.CharField(label="搜索", required=False, max_length=50)

    def __init__(self, *args, types=(), villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_type"].choices = [("", "全部"), *[(t["code"], t["name"]) for t in types]]
        self.fields["village"].choices = [("", "全部"), *[(str(v.pk), v.name) for v in villages]]


class EntryForm(_VillagesForm):
    org_unit = _village_field()
    unit_type = forms.IntegerField(label="类型", widget=forms.Select, min_value=1, max_value=MAX_ID)
    name = forms.CharField(label="名称(姓名)", max_length=100)
    id_number = forms.CharField(
        label="公民身份号码", max_length=18, required=False, help_text="登记个人时必填,加密保存"
    )
    phone = forms.CharField(label="联系电话", max_length=11, required=False)
    description = forms.CharField(label="简介", max_length=300, required=False)
    since = _date_field("认定日期", required=False)

    def __init__(self, *args, types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_type"].widget.choices = [
            ("", "请选择类型"),
            *[(t.pk, t.name) for t in types],
        ]
        self.fields["unit_type"].error_messages = {
            "required": "请选择类型",
            "invalid": "请选择类型",
        }


class TrainingForm(forms.Form):
    held_on = _date_field("培训日期")
    topic = forms.CharField(label="培训内容", max_length=200)
    hours = forms.DecimalField(
        label="学时", max_digits=4, decimal_places=1, error_messages={"invalid": "学时应为数字"}
    )


class RemoveForm(forms.Form):
    reason = forms.CharField(label="移出原因", max_length=200)


class FileForm(forms.Form):
    file = forms.FileField(
        label="文件",
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
        error_messages={"required": "请选择要上传的文件"},
    )


class RulesFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *VillageRules.Status.choices]
    )
    q = forms.CharField(label="搜索", required=False, max_length=50)


class RulesForm(_VillagesForm):
    org_unit = _village_field()
    title = forms.CharField(label="名称", max_length=200, initial="村规民约")
    adopted_on = _date_field("村民会议通过日期")
    filed_on = _date_field("报备日期", required=False)
    text = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 12}))
    file = forms.FileField(
        label="盖章文本(可选)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )


class AcceptForm(forms.Form):
    note = forms.CharField(
        label="审查意见",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="预审仍有提示时,须说明为何不需改正",
    )


class RefileForm(forms.Form):
    text = forms.CharField(label="改正后的正文", widget=forms.Textarea(attrs={"rows": 10}))
    note = forms.CharField(
        label="改正说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CriterionForm(forms.Form):
    name = forms.CharField(label="创建标准", max_length=100)
    description = forms.CharField(label="说明", max_length=300, required=False)


class TypeForm(forms.Form):
    name = forms.CharField(label="类型名称", max_length=40)
    personal = forms.BooleanField(label="登记个人(须填身份证号)", required=False, initial=True)
