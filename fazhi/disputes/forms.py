"""Forms of 矛盾纠纷. They shape the input; the services decide and say why not."""

from __future__ import annotations

from django import forms

from fazhi.core import clock
from fazhi.core.models import OrgUnit

from .models import Agreement, Dispute, FollowUp, Party, Session

DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}


def _date_field(label, required=True, help_text="", initial_today=False):
    field = forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )
    field.initial_today = initial_today
    return field


def _area(label, rows=3, required=True, help_text="", max_length=5000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class _Today:
    """Date fields marked initial_today start at the clock's today."""

    def _set_today(self):
        for field in self.fields.values():
            if getattr(field, "initial_today", False) and field.initial is None:
                field.initial = clock.today()


class DisputeFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=100)
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), *Dispute.Status.choices]
    )
    category = forms.ChoiceField(label="类别", required=False)
    source = forms.ChoiceField(
        label="来源", required=False, choices=[("", "全部"), *Dispute.Source.choices]
    )
    unit = forms.ModelChoiceField(
        label="单位", required=False, queryset=OrgUnit.objects.none(), empty_label="全部"
    )
    warning = forms.ChoiceField(label="预警", required=False)

    def __init__(self, *args, categories=(), units=None, warnings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "全部"), *categories]
        self.fields["warning"].choices = [("", "全部"), *(warnings or {}).items()]
        if units is not None:
            self.fields["unit"].queryset = units


class PartyForm(forms.Form):
    role = forms.ChoiceField(label="当事人类别", choices=Party.Side.choices)
    name = forms.CharField(label="姓名(名称)", max_length=100)
    id_number = forms.CharField(
        label="公民身份号码", max_length=18, widget=forms.TextInput(attrs={"inputmode": "text"})
    )
    phone = forms.CharField(
        label="联系电话",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    address = forms.CharField(label="住址", max_length=200, required=False)


class OptionalPartyForm(PartyForm):
    """A third party's row, left empty when there are only two."""

    role = forms.ChoiceField(
        label="当事人类别", required=False, choices=[("", "(无)"), *Party.Side.choices]
    )
    name = forms.CharField(label="姓名(名称)", max_length=100, required=False)
    id_number = forms.CharField(label="公民身份号码", max_length=18, required=False)


class DisputeForm(_Today, forms.Form):
    org_unit = forms.ModelChoiceField(
        label="纠纷所在单位", queryset=OrgUnit.objects.none(), empty_label="请选择"
    )
    source = forms.ChoiceField(label="来源")
    source_visit_id = forms.IntegerField(
        label="来源走访记录", required=False, widget=forms.HiddenInput, min_value=1
    )
    category = forms.ChoiceField(label="纠纷类别")
    place = forms.CharField(label="纠纷发生地", max_length=200)
    summary = _area("纠纷简要情况", rows=4, help_text="起因、经过、当事人的诉求")
    amount = forms.DecimalField(
        label="涉及金额(元)", required=False, min_value=0, max_digits=14, decimal_places=2
    )
    involved_count = forms.IntegerField(
        label="涉及人数", required=False, min_value=1, help_text="群体性纠纷填写涉及的总人数"
    )

    def __init__(self, *args, units=None, sources=(), categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["org_unit"].queryset = units
        self.fields["source"].choices = list(sources)
        self.fields["category"].choices = [("", "请选择"), *categories]


class OnlineForm(forms.Form):
    """The resident's own report, on a phone."""

    category = forms.ChoiceField(label="纠纷类别")
    place = forms.CharField(label="纠纷发生地", max_length=200)
    summary = _area("请简要说明纠纷情况", rows=5, help_text="发生了什么、和谁、您希望怎样解决")
    other_party = forms.CharField(label="对方姓名或名称", max_length=100, required=False)
    name = forms.CharField(label="您的姓名", max_length=100)
    phone = forms.CharField(
        label="您的联系电话", max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )
    id_number = forms.CharField(
        label="您的公民身份号码(选填)",
        max_length=18,
        required=False,
        help_text="仅用于调解登记;也可在调解时由工作人员核实",
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "请选择"), *categories]


class RouteForm(forms.Form):
    to_body = forms.ChoiceField(label="分流至")
    to_unit = forms.ModelChoiceField(
        label="接收的村(社区)", required=False, queryset=OrgUnit.objects.none(),
        help_text="分流至村(居)调委会时选择",
    )  # fmt: skip
    to_name = forms.CharField(
        label="接收机关名称",
        max_length=100,
        required=False,
        help_text="移交其他机关时填写,如:海屿派出所、县人民法院、县信访局、县劳动人事争议仲裁委员会",
    )
    reason = _area("分流理由", rows=2, max_length=2000)

    def __init__(self, *args, bodies=(), villages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_body"].choices = list(bodies)
        if villages is not None:
            self.fields["to_unit"].queryset = villages


class SessionForm(_Today, forms.Form):
    held_on = _date_field("调解日期", initial_today=True)
    place = forms.CharField(label="调解地点", max_length=200)
    mediators = forms.CharField(label="人民调解员", max_length=200)
    attendees = forms.CharField(label="参加人员", max_length=500)
    record = _area("调解情况", rows=5, help_text="各方陈述、争议焦点、调解员的工作")
    result = forms.ChoiceField(label="本次结果", choices=Session.Result.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_today()


class AgreementForm(_Today, forms.Form):
    form = forms.ChoiceField(
        label="协议形式",
        choices=Agreement.Form.choices,
        help_text="当事人认为无需制作调解协议书的,可以采取口头协议方式(人民调解法第二十八条)",
    )
    facts = _area("纠纷的主要事实", required=False)
    issues = _area("争议事项", rows=2, required=False)
    responsibility = _area("各方当事人的责任", rows=2, required=False)
    terms = _area("协议内容", rows=4, required=False, help_text="口头协议也须记录协议内容")
    performance_manner = _area("履行方式", rows=2, required=False)
    performance_deadline = _date_field("履行期限", required=False)
    mediators = forms.CharField(label="人民调解员", max_length=200)
    agreed_on = _date_field("达成协议日期", initial_today=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_today()


class SignForm(_Today, forms.Form):
    signed_on = _date_field(
        "签字盖章日期", initial_today=True, help_text="协议书自各方签字、调解员签名并盖章之日起生效"
    )
    file = forms.FileField(label="签字盖章的调解协议书(扫描件或照片)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_today()


class JudicialApplyForm(_Today, forms.Form):
    applied_on = _date_field("申请日期", initial_today=True)
    court = forms.CharField(label="受理法院", max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_today()


class JudicialWaiveForm(forms.Form):
    note = _area("说明", rows=2, max_length=2000, help_text="如:双方当事人表示无需申请司法确认")


class JudicialDecideForm(_Today, forms.Form):
    decision = forms.ChoiceField(
        label="法院决定",
        choices=[
            (Agreement.Judicial.CONFIRMED.value, "确认有效"),
            (Agreement.Judicial.REJECTED.value, "驳回申请/不予确认"),
        ],
    )
    decided_on = _date_field("决定日期", initial_today=True)
    note = _area("说明", rows=2, required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_today()


class FollowUpForm(_Today, forms.Form):
    visited_on = _date_field("回访日期", initial_today=True)
    performance = forms.ChoiceField(label="履行情况", choices=FollowUp.Performance.choices)
    note = _area("回访情况", rows=3, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_today()


class RefuseForm(_Today, forms.Form):
    party = forms.ModelChoiceField(label="明确拒绝调解的当事人", queryset=Party.objects.none())
    refused_on = _date_field("拒绝日期", initial_today=True)
    note = forms.CharField(label="说明", required=False, max_length=2000)

    def __init__(self, *args, parties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["party"].queryset = parties
        self.fields["party"].label_from_instance = lambda p: f"{p.get_role_display()} {p.name}"
        self._set_today()


class FailForm(forms.Form):
    remedies = _area(
        "告知的其他救济途径",
        rows=3,
        help_text="调解不成的,应当告知当事人可以依法通过仲裁、行政、司法等途径维护权利(人民调解法第二十六条)",
    )
    note = forms.CharField(label="说明", required=False, max_length=2000)


class NoteForm(forms.Form):
    note = forms.CharField(label="说明", required=False, max_length=2000)
