"""Form for a new personal API token: only what it is for. The service decides."""

from django import forms


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label="用途", max_length=64, help_text="例如“台账同步脚本”,便于日后识别和撤销"
    )
