"""Forms of 智能预审 and 合法性审核. They only shape the input; the service checks it and says why not."""

from django import forms

from . import checklists
from .models import Conclusion, PrecheckRun


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


# --- 合法性审核 --------------------------------------------------------------------------

OK_CHOICES = [("1", "符合"), ("0", "不符合")]


class ReviewConcludeForm(forms.Form):
    """The reviewer's answer: one 符合/不符合 (with a note) per checklist item of the
    subject's kind, the written opinion and the conclusion. Whether they suffice is the
    service's call (review_conclude)."""

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = checklists.items_for(kind)
        for item in self.items:
            self.fields[f"item_{item.key}"] = forms.ChoiceField(
                label=item.question,
                choices=OK_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                help_text=f"依据:{item.basis}",
            )
            self.fields[f"note_{item.key}"] = forms.CharField(
                label="说明",
                required=False,
                max_length=1000,
                widget=forms.TextInput(attrs={"placeholder": "不符合时须说明"}),
            )
        self.fields["opinion"] = forms.CharField(
            label="书面审核意见",
            required=False,
            max_length=20000,
            widget=forms.Textarea(attrs={"rows": 6}),
        )
        self.fields["conclusion"] = forms.ChoiceField(
            label="审核结论",
            choices=[("", "请选择"), *Conclusion.choices],
            required=False,
        )

    def rows(self):
        """(item, choice field, note field) per checklist item, for the template."""
        return [(i, self[f"item_{i.key}"], self[f"note_{i.key}"]) for i in self.items]

    def checklist(self) -> dict:
        data = self.cleaned_data
        out = {}
        for item in self.items:
            answer = data.get(f"item_{item.key}")
            if answer in ("1", "0"):
                out[item.key] = {"ok": answer == "1", "note": data.get(f"note_{item.key}", "")}
        return out


class ReviewWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="撤回理由", max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewRequestForm(forms.Form):
    """送请合法性审核 on a subject's page (documents, contracts…): the reviewer — a legal
    adviser or law officer of the subject's town or county, never its drafter — and,
    optionally, the draft's text for the automated pre-review."""

    reviewer = forms.ModelChoiceField(label="审核人", queryset=None, empty_label="请选择审核人")
    text = forms.CharField(
        label="草稿全文(可选,填写后自动进行智能预审)",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, subject, **kwargs):
        from .selectors import reviewer_candidates

        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewer_candidates(
            subject.org_unit, exclude=subject.created_by_id
        )
