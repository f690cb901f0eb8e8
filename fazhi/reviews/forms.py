"""Forms of 智能预审. They only shape the input; the service checks it and says why not."""

from django import forms

from .models import PrecheckRun


class PrecheckRunForm(forms.Form):
    title = forms.CharField(label="文件标题", max_length=200)
    kind = forms.ChoiceField(
        label="文件类型",
        choices=[("", "按标题自动判断"), *PrecheckRun.Kind.choices],
        required=False,
    )
    text = forms.CharField(
        label="粘贴文件内容",
        required=False,
        strip=False,  # offsets of the findings count from the text exactly as pasted
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": "每行一段,可直接从 Word 复制粘贴"}),
    )
    file = forms.FileField(
        label="或上传 Word 文件(.docx)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )
