"""Forms of the 规范性文件 pages: the draft, and the fields some steps take (a conclusion,
dates, a reviewer…). The services validate again; forms only shape the input."""

from __future__ import annotations

from django import forms

from fazhi.core import clock

from .models import CleanupItem, Document, Filing

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label, required=True, **kw):
    return forms.DateField(label=label, required=required, widget=DATE, **kw)


class DocumentForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    issuer = forms.ChoiceField(label="制定主体", choices=Document.Issuer.choices)
    touches_business = forms.BooleanField(
        label="涉及经营主体经济活动(须进行公平竞争审查)", required=False
    )
    body = forms.CharField(
        label="正文", required=False, widget=forms.Textarea(attrs={"rows": 12}), max_length=100_000
    )


class FairCompetitionForm(forms.Form):
    conclusion = forms.ChoiceField(
        label="审查结论", choices=[c for c in Document.FairCompetition.choices if c[0]]
    )
    reason = forms.CharField(
        label="适用例外的理由", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    until = _date("例外实施期限", required=False)


class OpenCommentForm(forms.Form):
    comment_start = _date("征求意见开始日期")
    comment_channel = forms.CharField(
        label="征求意见渠道", max_length=100, initial="镇政府门户网站"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment_start"].initial = clock.today()


class CloseCommentForm(forms.Form):
    comment_end = _date("征求意见截止日期")
    # The number of comments comes from the public consultation (participation).
    comment_adoption = forms.CharField(
        label="意见采纳情况(留空则按答复情况自动生成)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reviewer = forms.ModelChoiceField(label="合法性审核人", queryset=None)

    def __init__(self, *args, reviewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment_end"].initial = clock.today()
        self.fields["reviewer"].queryset = reviewers


class ReviewRequestForm(forms.Form):
    reviewer = forms.ModelChoiceField(label="合法性审核人", queryset=None)

    def __init__(self, *args, reviewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers


class DeliberationForm(forms.Form):
    meeting = forms.CharField(label="审议会议", max_length=100, initial="镇政府常务会议")
    meeting_date = _date("审议日期")
    decision = forms.ChoiceField(
        label="审议结论", choices=[c for c in Document.Deliberation.choices if c[0]]
    )


class PublishForm(forms.Form):
    published_on = _date("公布日期")
    publish_channel = forms.CharField(label="公布载体", max_length=100, initial="镇政府门户网站")
    effective_from = _date("施行日期")
    valid_until = _date("有效期至")
    urgent_reason = forms.CharField(
        label="紧急施行理由(施行日期距公布不足30日时填写)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FilingSubmitForm(forms.Form):
    materials = forms.CharField(
        label="报送材料说明",
        required=False,
        initial="备案报告、文件正式文本、制定说明、合法性审核意见",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OrderCorrectionForm(forms.Form):
    order_kind = forms.ChoiceField(
        label="纠错方式", choices=[c for c in Filing.OrderKind.choices if c[0]]
    )
    correction_due = _date("整改期限(不填按默认期限)", required=False)
    note = forms.CharField(label="审查意见", widget=forms.Textarea(attrs={"rows": 2}))


class CleanupForm(forms.Form):
    title = forms.CharField(label="清理名称", max_length=200)
    reason = forms.CharField(label="清理原因", max_length=200, required=False)


class CleanupOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="清理结论", choices=[c for c in CleanupItem.Outcome.choices if c[0]]
    )
    note = forms.CharField(label="说明", max_length=200, required=False)


# The forms of the steps that take fields of their own (verb → form class).
DOCUMENT_FORMS = {
    "fair_competition_record": FairCompetitionForm,
    "open_comment": OpenCommentForm,
    "close_comment": CloseCommentForm,
    "record_deliberation": DeliberationForm,
    "publish": PublishForm,
}
FILING_FORMS = {"order_correction": OrderCorrectionForm}
