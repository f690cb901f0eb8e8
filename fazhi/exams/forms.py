"""Forms of 年度学法考试 (the services check everything again)."""

from __future__ import annotations

from django import forms

from fazhi.core.roles import Role

from .models import Kind

_DT = forms.DateTimeInput(
    attrs={"type": "datetime-local", "class": "form-control"}, format="%Y-%m-%dT%H:%M"
)
_NUM = forms.NumberInput(attrs={"class": "form-control"})
EXTRA_ROLES = [(Role.TOWN_LEADER, "镇领导"), (Role.LAW_OFFICER, "法治办工作人员"),
               (Role.VILLAGE_CADRE, "村社干部")]  # fmt: skip
KIND_WORDS = {"单选": Kind.SINGLE, "单选题": Kind.SINGLE, "多选": Kind.MULTIPLE,
              "多选题": Kind.MULTIPLE, "判断": Kind.TRUE_FALSE, "判断题": Kind.TRUE_FALSE}  # fmt: skip


class ExamForm(forms.Form):
    title = forms.CharField(label="考试名称", max_length=200,
                            widget=forms.TextInput(attrs={"class": "form-control"}))  # fmt: skip
    opens_at = forms.DateTimeField(label="开考时间", widget=_DT, input_formats=["%Y-%m-%dT%H:%M"])
    closes_at = forms.DateTimeField(label="截止时间", widget=_DT, input_formats=["%Y-%m-%dT%H:%M"])
    duration_minutes = forms.IntegerField(label="答题时长(分钟)", widget=_NUM)
    single_count = forms.IntegerField(label="单选题数", min_value=0, initial=40, widget=_NUM)
    multiple_count = forms.IntegerField(label="多选题数", min_value=0, initial=20, widget=_NUM)
    true_false_count = forms.IntegerField(label="判断题数", min_value=0, initial=20, widget=_NUM)
    topic_rules = forms.CharField(
        label="按主题抽题(可选,每行“题型,主题,题数”,计入上面的题数)",
        required=False,
        widget=forms.Textarea(
            attrs={"class": "form-control", "rows": 2, "placeholder": "单选,宪法,10"}
        ),
    )
    pass_mark = forms.IntegerField(label="合格分数线", widget=_NUM)
    excellent_mark = forms.IntegerField(label="优秀分数线", widget=_NUM)
    attempts_limit = forms.IntegerField(label="考试次数", widget=_NUM)
    candidate_roles = forms.MultipleChoiceField(
        label="参考人员(机关干部必考,另可加选)", choices=EXTRA_ROLES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        topics = []
        for number, line in enumerate((data.get("topic_rules") or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.replace(",", ",").split(",")]
            if len(parts) != 3 or parts[0] not in KIND_WORDS or not parts[2].isdigit():
                raise forms.ValidationError(f"按主题抽题第{number}行格式应为“单选,宪法,10”")
            topics.append({"kind": KIND_WORDS[parts[0]], "topic": parts[1], "count": int(parts[2])})
        rule = []
        for kind, field in ((Kind.SINGLE, "single_count"), (Kind.MULTIPLE, "multiple_count"),
                            (Kind.TRUE_FALSE, "true_false_count")):  # fmt: skip
            total = data.get(field) or 0
            specific = sum(t["count"] for t in topics if t["kind"] == kind)
            if specific > total:
                self.add_error(field, f"按主题的{Kind(kind).label}共{specific}道,多于总数{total}道")
            rule += [t for t in topics if t["kind"] == kind]
            if total - specific > 0:
                rule.append({"kind": kind, "topic": "", "count": total - specific})
        data["rule"] = rule
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        keys = ("title", "opens_at", "closes_at", "duration_minutes", "pass_mark",
                "excellent_mark", "attempts_limit", "candidate_roles", "rule")  # fmt: skip
        return {k: d[k] for k in keys}


class MakeUpForm(forms.Form):
    opens_at = forms.DateTimeField(label="补考开始", widget=_DT, input_formats=["%Y-%m-%dT%H:%M"])
    closes_at = forms.DateTimeField(label="补考截止", widget=_DT, input_formats=["%Y-%m-%dT%H:%M"])


class ImportForm(forms.Form):
    file = forms.FileField(label="题库文件(.xlsx)",
                           widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}))  # fmt: skip


class QuestionFilterForm(forms.Form):
    kind = forms.ChoiceField(label="题型", required=False, choices=[("", "全部"), *Kind.choices],
                             widget=forms.Select(attrs={"class": "form-select form-select-sm"}))  # fmt: skip
    topic = forms.CharField(label="主题", required=False, max_length=50,
                            widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))  # fmt: skip
    q = forms.CharField(label="题干", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))  # fmt: skip
