"""Forms of 重大行政决策. They shape the input; the services decide and say why not."""

from __future__ import annotations

from django import forms

from fazhi.core.models import User

from .models import Decision

DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}


def _date(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


def _text(label, required=True, rows=3, max_length=20000):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class CatalogueForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)


class ItemForm(forms.Form):
    title = forms.CharField(label="决策事项", max_length=200)
    category = forms.ChoiceField(label="事项类别(第三条)", choices=Decision.Category.choices)
    undertaker = forms.CharField(label="决策承办单位", max_length=100)
    body = _text("决策草案", required=False, rows=4)


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *Decision.Status.choices]
    )
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label="搜索", required=False, max_length=50)


class ConsultForm(forms.Form):
    starts_on = _date("征求意见开始日期")
    ends_on = _date("征求意见截止日期")
    reason_short = _text(
        "缩短期限的理由(不少于30日的无需填写)", required=False, rows=2, max_length=2000
    )


class ReviewerForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label="合法性审查人", queryset=User.objects.none(), empty_label="请选择"
    )

    def __init__(self, *args, reviewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            reviewers if reviewers is not None else User.objects.none()
        )


class DecideForm(forms.Form):
    decision_text = _text("决定内容", rows=3)


class PublishForm(forms.Form):
    published_on = _date("公布日期")
    publish_channel = forms.CharField(
        label="公布载体", max_length=200, initial="镇政府网站、政务公开栏"
    )


class ExpertForm(forms.Form):
    name = forms.CharField(label="专家姓名", max_length=50)
    field = forms.CharField(label="专业领域", max_length=100)
    affiliation = forms.CharField(label="工作单位", max_length=100, required=False)
    opinion = _text("论证意见", required=False)
    conflict = forms.ChoiceField(
        label="利害关系声明(第二十条)",
        choices=[("none", "声明与决策事项无直接利害关系"), ("declared", "声明存在直接利害关系")],
        widget=forms.RadioSelect,
    )


class RiskForm(forms.Form):
    risks = _text("风险点")
    measures = _text("风险防范措施")
    response_plan = _text("处置预案")
    level = forms.ChoiceField(
        label="风险等级", choices=[("low", "低"), ("medium", "中"), ("high", "高")]
    )
    controllable = forms.ChoiceField(
        label="评估结论", choices=[("1", "风险可控"), ("0", "风险不可控")]
    )
    assessor = forms.ModelChoiceField(
        label="评估负责人", queryset=User.objects.none(), empty_label="请选择"
    )
    assessor_org = forms.CharField(label="评估单位", max_length=100)
    assessed_on = _date("评估日期")

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = people if people is not None else User.objects.none()


class DiscussionForm(forms.Form):
    meeting_name = forms.CharField(label="会议名称", max_length=100, initial="镇政府常务会议")
    meeting_date = _date("会议日期")
    attendees = _text("参会人员(以顿号分隔)", rows=2, max_length=2000)
    speaking_order = _text("发言顺序(按先后,以顿号分隔;行政首长最后发言)", rows=2, max_length=2000)
    chief = forms.CharField(label="行政首长", max_length=50)
    dissent = _text("不同意见(如实载明)", required=False, rows=2)
    chief_reason = _text("行政首长决定与多数意见不一致的理由", required=False, rows=2)
    leadership_meeting_id = forms.IntegerField(
        label="领导班子会议编号(可选)", required=False, min_value=1
    )


class ReportForm(forms.Form):
    reported_on = _date("报告日期")
    content = _text("执行情况")
    problems = _text("发现的问题", required=False, rows=2)


class EvaluationForm(forms.Form):
    evaluator = forms.ModelChoiceField(
        label="评估负责人", queryset=User.objects.none(), empty_label="请选择"
    )
    evaluator_org = forms.CharField(label="评估单位", max_length=100)
    evaluated_on = _date("评估日期")
    conclusion = _text("评估结论")

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = people if people is not None else User.objects.none()


class ReviseForm(forms.Form):
    reason = _text("调整理由(第三十五条情形)", rows=2, max_length=2000)


TRANSITION_FORMS = {
    "start_participation": ConsultForm,
    "submit_review": ReviewerForm,
    "decide": DecideForm,
    "publish": PublishForm,
}
