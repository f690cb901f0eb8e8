"""Forms for the org tree and memberships. They only shape input; services decide."""

from django import forms

from ..models import OrgUnit
from ..roles import Role

CHILD_KINDS = {
    "county": [("town", "镇(乡、街道)")],
    "town": [("village", "村"), ("community", "社区")],
    "village": [("grid", "网格")],
    "community": [("grid", "网格")],
    "grid": [],
}


class UnitCreateForm(forms.Form):
    kind = forms.ChoiceField(label="类型")
    code = forms.CharField(label="行政区划代码", max_length=15,
                           help_text="须以上级单位代码开头:镇9位、村社12位、网格15位")
    name = forms.CharField(label="名称", max_length=64)
    short_name = forms.CharField(label="简称", max_length=32, required=False)

    def __init__(self, *args, parent: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CHILD_KINDS[parent.kind]


class UnitEditForm(forms.Form):
    name = forms.CharField(label="名称", max_length=64)
    short_name = forms.CharField(label="简称", max_length=32, required=False)
    is_active = forms.BooleanField(label="启用", required=False)


class MembershipGrantForm(forms.Form):
    """Grant a role to an existing account, or create the account in the same step."""

    username = forms.CharField(label="用户名", max_length=150)
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    title = forms.CharField(label="职务", max_length=64, required=False)
    full_name = forms.CharField(label="姓名(新账号)", max_length=64, required=False)
    password = forms.CharField(label="初始密码(新账号)", required=False,
                               widget=forms.PasswordInput(render_value=False))
    phone = forms.CharField(label="手机号(新账号)", max_length=11, required=False)
    id_number = forms.CharField(label="公民身份号码(新账号)", max_length=18, required=False)
