"""Forms of 法律顾问: they shape input; the services decide and write."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q

from fazhi.core.models import User
from fazhi.core.roles import Role

from .models import Adviser, WorkEntry
from .services import SOURCES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def adviser_accounts(unit, *, also=None):
    """Accounts that may be linked: holders of the legal-adviser role on the unit or its
    county (plus `also`, the account already linked, even if its role has since ended)."""
    codes = unit.ancestor_codes(up_to="town") if unit else []
    ids = User.objects.filter(
        memberships__role=Role.LEGAL_ADVISER,
        memberships__is_active=True,
        memberships__org_unit__code__in=codes,
    ).values("pk")
    accounts = Q(pk__in=ids) | Q(pk=also) if also is not None else Q(pk__in=ids)
    return User.objects.filter(accounts).order_by("full_name", "username")


class AdviserForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=64)
    kind = forms.ChoiceField(label="类别", choices=Adviser.Kind.choices)
    institution = forms.CharField(label="律师事务所/工作单位", max_length=100)
    licence_no = forms.CharField(
        label="执业证号", max_length=32, required=False, help_text="律师、公职律师必填,17位数字"
    )
    practice_since = forms.DateField(
        label="执业起始日期", required=False, widget=DateInput(), help_text="律师须执业满规定年限"
    )
    sanction_record = forms.BooleanField(label="受过行业惩戒或行政处罚", required=False)
    criminal_record = forms.BooleanField(label="受过刑事处罚", required=False)
    specialty = forms.CharField(label="专业领域", max_length=100, required=False)
    user = forms.ModelChoiceField(
        label="登录账号",
        queryset=User.objects.none(),
        required=False,
        empty_label="(不关联)",
        help_text="关联后,该账号完成的合法性审核自动计入工作记录",
    )
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, unit=None, linked=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = adviser_accounts(unit, also=linked)

    @classmethod
    def for_adviser(cls, adviser, data=None):
        """The edit form of a registry entry, prefilled with its current values."""
        initial = {name: getattr(adviser, name) for name in cls.base_fields if name != "user"}
        initial["user"] = adviser.user_id
        return cls(data, initial=initial, unit=adviser.org_unit, linked=adviser.user_id)


class AppointmentForm(forms.Form):
    start = forms.DateField(label="聘期开始", widget=DateInput())
    end = forms.DateField(label="聘期届满", widget=DateInput())
    agreement_ref = forms.CharField(label="聘用合同编号", max_length=64, required=False)


class WorkEntryForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=WorkEntry.Kind.choices)
    date = forms.DateField(label="日期", widget=DateInput())
    description = forms.CharField(label="事项", max_length=300)
    hours = forms.DecimalField(
        label="用时(小时)", required=False, max_digits=5, decimal_places=1, min_value=0.1
    )


class AssessmentForm(forms.Form):
    """A year, one score field per criterion of the 考核办法 (initial: suggested), a note."""

    year = forms.IntegerField(label="考核年度", min_value=2000, max_value=9999)

    def __init__(self, *args, scheme=None, suggested=None, **kwargs):
        super().__init__(*args, **kwargs)
        suggested = suggested or {}
        for c in scheme.criteria if scheme else []:
            hint = f"满分{c['weight']}分"
            if c["key"] in suggested:
                hint += f";按工作记录建议{suggested[c['key']]}分,请确认"
            self.fields[f"score_{c['key']}"] = forms.DecimalField(
                label=c["name"],
                min_value=0,
                max_value=c["weight"],
                decimal_places=1,
                max_digits=5,
                initial=suggested.get(c["key"]),
                help_text=hint,
            )
        self.fields["note"] = forms.CharField(
            label="考核意见", required=False, widget=forms.Textarea(attrs={"rows": 3})
        )

    def scores(self) -> dict:
        return {
            name[len("score_") :]: value
            for name, value in self.cleaned_data.items()
            if name.startswith("score_")
        }


_SPLIT = re.compile(r"[\s,,、;;|]+")
_SOURCE_BY_LABEL = {label: code for code, label in SOURCES.items()}


class SchemeForm(forms.Form):
    name = forms.CharField(label="考核办法名称", max_length=100)
    criteria = forms.CharField(
        label="考核项目",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="每行一项:名称 分值 [评分来源],分值之和须为100。评分来源可填“"
        + "”“".join(SOURCES.values())
        + "”",
    )
    grades = forms.CharField(
        label="等次",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="每行一个:等次名称 最低分,例如“优秀 90”;最低一个等次的最低分为0",
    )
    renew_grades = forms.CharField(
        label="可以续聘的等次", help_text="以顿号或逗号分隔,例如“优秀、合格”"
    )

    @staticmethod
    def initial_for(scheme) -> dict:
        return {
            "name": scheme.name,
            "criteria": "\n".join(
                f"{c['name']} {c['weight']} {SOURCES[c['source']]}" for c in scheme.criteria
            ),
            "grades": "\n".join(f"{g['name']} {g['min']}" for g in scheme.grades),
            "renew_grades": "、".join(scheme.renew_grades),
        }

    def clean_criteria(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            parts = [p for p in _SPLIT.split(line.strip()) if p]
            if not parts:
                continue
            if len(parts) not in (2, 3):
                raise forms.ValidationError(f"第{number}行应为“名称 分值 [评分来源]”")
            source = _SOURCE_BY_LABEL.get(parts[2]) if len(parts) == 3 else ""
            if source is None:
                raise forms.ValidationError(f"第{number}行的评分来源“{parts[2]}”不正确")
            rows.append({"name": parts[0], "weight": parts[1], "source": source})
        return rows

    def clean_grades(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["grades"].splitlines(), start=1):
            parts = [p for p in _SPLIT.split(line.strip()) if p]
            if not parts:
                continue
            if len(parts) != 2:
                raise forms.ValidationError(f"第{number}行应为“等次名称 最低分”")
            rows.append({"name": parts[0], "min": parts[1]})
        return rows

    def clean_renew_grades(self):
        return [p for p in _SPLIT.split(self.cleaned_data["renew_grades"].strip()) if p]


class ExportForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=9999, required=False)
