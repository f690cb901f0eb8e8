"""The POSTs that record a decision's evidence — experts, the risk assessment, the
collective discussion, implementation reports, the post-evaluation — and the start of a
revision. On a refusal the decision page comes back with the typed input and the Chinese
message on the form (400); nothing is written."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core.forms import apply_service_error
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.scoping import get_visible_or_404

from . import forms, services
from .models import Decision
from .views import _detail_context, _town_people


def _record_view(request, pk, *, roles, form_key, make_form, call, done):
    """POST of one of the file's records: on a refusal the page comes back with the typed
    input and the Chinese message on the form (400); nothing is written."""
    d = get_visible_or_404(
        Decision.objects.select_related("org_unit", "catalogue", "created_by", "previous"),
        request.user,
        roles,
        pk=pk,
    )
    if not request.user.has_role(*roles):
        raise PermissionDenied("无权执行此操作")
    form = make_form(d)
    if form.is_valid():
        try:
            call(d, form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("decisions:decision_detail", pk=d.pk)
    context = _detail_context(request, d, **{form_key: form})
    return render(request, "decisions/decision_detail.html", context, status=400)


@require_POST
@role_required(*services.OFFICE_ROLES)
def expert_add(request, pk):
    def call(d, data):
        services.expert_add(
            actor=request.user,
            decision=d,
            name=data["name"],
            field=data["field"],
            affiliation=data["affiliation"],
            opinion=data["opinion"],
            no_conflict=data["conflict"] == "none",
        )

    return _record_view(
        request,
        pk,
        roles=services.OFFICE_ROLES,
        form_key="expert_form",
        make_form=lambda d: forms.ExpertForm(request.POST),
        call=call,
        done="论证专家已记录,请上传其署名的书面论证意见",
    )


@require_POST
@role_required(*services.OFFICE_ROLES)
def risk_record(request, pk):
    def call(d, data):
        services.risk_record(
            actor=request.user, decision=d, **{**data, "controllable": data["controllable"] == "1"}
        )

    return _record_view(
        request,
        pk,
        roles=services.OFFICE_ROLES,
        form_key="risk_form",
        make_form=lambda d: forms.RiskForm(request.POST, people=_town_people(d)),
        call=call,
        done="风险评估已记录,请上传风险评估报告",
    )


@require_POST
@role_required(*services.WRITER_ROLES)
def discussion_record(request, pk):
    def call(d, data):
        services.discussion_record(actor=request.user, decision=d, **data)

    return _record_view(
        request,
        pk,
        roles=services.WRITER_ROLES,
        form_key="discussion_form",
        make_form=lambda d: forms.DiscussionForm(request.POST),
        call=call,
        done="集体讨论情况已记录,请上传会议记录",
    )


@require_POST
@role_required(*services.OFFICE_ROLES)
def report_add(request, pk):
    def call(d, data):
        services.implementation_report_add(actor=request.user, decision=d, **data)

    return _record_view(
        request,
        pk,
        roles=services.OFFICE_ROLES,
        form_key="report_form",
        make_form=lambda d: forms.ReportForm(request.POST),
        call=call,
        done="执行情况报告已记录",
    )


@require_POST
@role_required(*services.OFFICE_ROLES)
def evaluation_add(request, pk):
    def call(d, data):
        services.post_evaluation_record(actor=request.user, decision=d, **data)

    return _record_view(
        request,
        pk,
        roles=services.OFFICE_ROLES,
        form_key="evaluation_form",
        make_form=lambda d: forms.EvaluationForm(request.POST, people=_town_people(d)),
        call=call,
        done="决策后评估已记录",
    )


@require_POST
@role_required(*services.OFFICE_ROLES)
def decision_revise(request, pk):
    result = {}

    def call(d, data):
        result["new"] = services.decision_revise(
            actor=request.user, decision=d, reason=data["reason"]
        )

    response = _record_view(
        request,
        pk,
        roles=services.OFFICE_ROLES,
        form_key="revise_form",
        make_form=lambda d: forms.ReviseForm(request.POST),
        call=call,
        done="已创建调整版本,须重新履行法定程序(第三十七条)",
    )
    if "new" in result:
        return redirect("decisions:decision_detail", pk=result["new"].pk)
    return response
