"""Forms of 行政协议与合同. They only shape the input; the services check the rules and
say, in Chinese, which rule refuses."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from .models import Category, ProcurementKind, TenderMethod

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ContractForm(forms.Form):
    title = forms.CharField(label="合同名称", max_length=200)
    category = forms.ChoiceField(
        label="合同类型",
        choices=[
            ("", "请选择"),
            ("行政协议", [c for c in Category.choices[:6]]),
            ("民事合同", [c for c in Category.choices[6:]]),
        ],
    )
    procurement_kind = forms.ChoiceField(
        label="采购类别",
        choices=ProcurementKind.choices,
        required=False,
        help_text="采购合同(货物/服务)和工程合同按类型自动确定;其他合同涉及采购时选择",
    )
    counterparty_name = forms.CharField(label="相对方名称", max_length=200)
    counterparty_is_person = forms.BooleanField(label="相对方为自然人", required=False)
    counterparty_credit_code = forms.CharField(
        label="统一社会信用代码", max_length=18, required=False, help_text="18位,系统校验校验位"
    )
    counterparty_is_sme = forms.BooleanField(
        label="相对方为中小企业(适用《保障中小企业款项支付条例》)", required=False
    )
    amount = forms.DecimalField(label="合同金额(元)", max_digits=16, decimal_places=2, min_value=0)
    term_start = forms.DateField(label="履行期限起", required=False, widget=DATE)
    term_end = forms.DateField(label="履行期限止", required=False, widget=DATE)
    payment_term_days = forms.IntegerField(
        label="付款期限(交付或验收合格后日数)",
        required=False,
        min_value=1,
        max_value=3650,
        help_text="中小企业:不填按30日;超过30日须经双方约定,最长60日",
    )
    payment_term_agreed = forms.BooleanField(label="付款期限经双方在合同中约定", required=False)
    payment_conditional_on_third_party = forms.BooleanField(
        label="以收到第三方付款作为支付条件", required=False
    )
    has_arbitration_clause = forms.BooleanField(label="合同约定了仲裁条款", required=False)
    dispute_resolution = forms.CharField(label="争议解决方式", max_length=500, required=False)
    tender_method = forms.ChoiceField(
        label="招标方式", choices=TenderMethod.choices, required=False
    )
    tender_date = forms.DateField(label="招标(开标)日期", required=False, widget=DATE)
    tender_notice_ref = forms.CharField(label="招标公告编号", max_length=100, required=False)
    body = forms.CharField(
        label="合同文本(用于智能预审)",
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    @classmethod
    def initial_from(cls, contract) -> dict:
        return {name: getattr(contract, name) for name in cls.base_fields}


class SubmitReviewForm(forms.Form):
    reviewer = forms.ModelChoiceField(label="审核人", queryset=None, empty_label="请选择审核人")

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = candidates
        self.fields["reviewer"].label_from_instance = lambda u: u.full_name or u.username


class SignForm(forms.Form):
    signed_on = forms.DateField(label="签订日期", widget=DATE, initial=timezone.localdate)


class ArchiveForm(forms.Form):
    archive_number = forms.CharField(label="档案号", max_length=64, required=False)
    archived_on = forms.DateField(label="归档日期", widget=DATE, initial=timezone.localdate)


class CompleteForm(forms.Form):
    completed_on = forms.DateField(label="履行完毕日期", widget=DATE, initial=timezone.localdate)


class TerminateForm(forms.Form):
    completed_on = forms.DateField(label="解除日期", widget=DATE, initial=timezone.localdate)
    note = forms.CharField(
        label="解除理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label="撤回理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


TRANSITION_FORMS = {
    "submit_review": SubmitReviewForm,
    "sign": SignForm,
    "archive": ArchiveForm,
    "complete": CompleteForm,
    "terminate": TerminateForm,
    "withdraw": WithdrawForm,
}


class PaymentForm(forms.Form):
    condition = forms.CharField(label="付款条件", max_length=200)
    amount = forms.DecimalField(label="应付金额(元)", max_digits=16, decimal_places=2)
    delivered_on = forms.DateField(
        label="交付(验收合格)日期",
        required=False,
        widget=DATE,
        help_text="中小企业合同:填写后按付款期限自动计算应付日期",
    )
    due_on = forms.DateField(label="应付日期", required=False, widget=DATE)


class PayForm(forms.Form):
    paid_on = forms.DateField(label="实付日期", widget=DATE, initial=timezone.localdate)
    paid_amount = forms.DecimalField(label="实付金额(元)", max_digits=16, decimal_places=2)


class ImportForm(forms.Form):
    file = forms.FileField(label="合同台账(.xlsx)")
