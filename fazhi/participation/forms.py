"""Forms of 公众参与 (fields only; the rules live in the services)."""

from __future__ import annotations

from django import forms

from fazhi.core.models import OrgUnit

from .models import Channel, Outcome, Tag

OFFLINE = [(c.value, c.label) for c in Channel if c != Channel.ONLINE]
DATE = forms.DateInput(attrs={"type": "date"})


class RegisterForm(forms.Form):
    full_name = forms.CharField(label="姓名", max_length=50)
    phone = forms.CharField(label="手机号码", max_length=20)
    org_unit = forms.ModelChoiceField(
        label="所在镇、村(社区)",
        queryset=OrgUnit.objects.filter(
            kind__in=("town", "village", "community"), is_active=True
        ).order_by("code"),
    )
    id_number = forms.CharField(
        label="身份证号(选填)", max_length=18, required=False,
        help_text="仅用于核实身份,加密保存,任何页面均只显示前三位和后四位",
    )  # fmt: skip
    username = forms.CharField(label="登录用户名", max_length=50)
    password = forms.CharField(label="密码", widget=forms.PasswordInput, max_length=128)
    consent = forms.BooleanField(label="我已阅读并同意《个人信息处理告知书》", required=False)
    id_consent = forms.BooleanField(
        label="我同意处理我的身份证号(敏感个人信息,单独同意)", required=False
    )


class CommentForm(forms.Form):
    paragraph = forms.TypedChoiceField(
        label="针对条文", required=False, coerce=int, empty_value=None
    )
    tag = forms.ChoiceField(label="您的身份", choices=Tag.choices, initial=Tag.PUBLIC)
    body = forms.CharField(label="意见内容(纯文本)", widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, consultation=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "对全文提意见")]
        if consultation is not None:
            choices += [
                (str(p["no"]), f"{p['label']} {p['text'][:24]}…") for p in consultation.paragraphs
            ]
        self.fields["paragraph"].choices = choices


class OfflineCommentForm(CommentForm):
    author_name = forms.CharField(label="提出人(单位或姓名)", max_length=50)
    channel = forms.ChoiceField(label="渠道", choices=OFFLINE)
    received_on = forms.DateField(label="收到日期", widget=DATE)


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label="处理结果", choices=[("", "请选择")] + Outcome.choices)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class HideForm(forms.Form):
    reason = forms.CharField(label="隐藏理由(将公开显示)", max_length=200, required=False)


class InviteForm(forms.Form):
    group = forms.ChoiceField(label="邀请对象类别", choices=Tag.choices)
    invitees = forms.CharField(label="邀请对象", max_length=200)
    method = forms.CharField(label="邀请方式", max_length=100, initial="书面邀请函")


class ConsultationForm(forms.Form):
    org_unit = forms.ModelChoiceField(label="所属单位", queryset=OrgUnit.objects.none())
    title = forms.CharField(label="征求意见稿标题", max_length=200)
    text = forms.CharField(
        label="征求意见稿正文", widget=forms.Textarea(attrs={"rows": 10}),
        help_text="每条或每段一行;以“第X条”开头的行按条编号",
    )  # fmt: skip
    starts_on = forms.DateField(label="开始日期", widget=DATE)
    ends_on = forms.DateField(label="截止日期", widget=DATE)
    reason_short = forms.CharField(
        label="缩短期限理由(期限不足法定最短期限时必填)",
        widget=forms.Textarea(attrs={"rows": 2}), required=False,
    )  # fmt: skip


class HearingForm(forms.Form):
    title = forms.CharField(label="听证事项", max_length=200)
    matter = forms.CharField(label="听证内容及材料说明", widget=forms.Textarea(attrs={"rows": 4}))
    place = forms.CharField(label="地点", max_length=200)
    notice_published_on = forms.DateField(label="公告日期", widget=DATE)
    registration_ends_on = forms.DateField(label="报名截止日期", widget=DATE)
    held_on = forms.DateField(label="听证日期", widget=DATE)


class HearingRegisterForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    phone = forms.CharField(label="联系电话", max_length=20)
    tag = forms.ChoiceField(label="身份", choices=Tag.choices, initial=Tag.PUBLIC)
    interested = forms.BooleanField(label="我是该事项的利害关系人", required=False)
    statement = forms.CharField(
        label="拟发表意见要点", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class UploadForm(forms.Form):
    file = forms.FileField(label="文件(PDF、图片或Word)")
    summary = forms.CharField(
        label="听证报告摘要", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
