from django import forms

from ..models import AuditEvent


class AuditFilterForm(forms.Form):
    verb = forms.CharField(label="操作", required=False, max_length=64,
                           help_text="前缀匹配,如 auth. 或 membership.")
    actor_name = forms.CharField(label="操作人账号", required=False, max_length=150)
    object_type = forms.CharField(label="对象类型", required=False, max_length=64)
    result = forms.ChoiceField(label="结果", required=False,
                               choices=[("", "全部"), *AuditEvent.Result.choices])
    date_from = forms.DateField(label="起始日期", required=False,
                                widget=forms.DateInput(attrs={"type": "date"}),
                                error_messages={"invalid": "日期格式应为 YYYY-MM-DD"})
    date_to = forms.DateField(label="截止日期", required=False,
                              widget=forms.DateInput(attrs={"type": "date"}),
                              error_messages={"invalid": "日期格式应为 YYYY-MM-DD"})
    before_id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("起始日期不能晚于截止日期")
        return data
