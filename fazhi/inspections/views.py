"""督查整改 pages: the inspections of one's scope (with filters and the ledger export),
opening an inspection, an inspection with its findings and the actions allowed now,
recording a finding, and a finding with its rectification, evidence and timeline."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import (
    CompleteForm,
    FindingEditForm,
    FindingForm,
    InspectionEditForm,
    InspectionFilterForm,
    InspectionForm,
    SubmitForm,
)
from .models import Finding, Inspection

PAGE_SIZE = 20


def _filters(request):
    form = InspectionFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, {"kind": data["kind"], "status": data["status"], "year": data["year"]}
    return form, {"kind": "", "status": "", "year": None}


@role_required(*services.PAGE_ROLES)
def inspection_list(request):
    form, filters = _filters(request)
    qs = annual.narrow(selectors.inspection_list(request.user, **filters), request.GET)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    query = urlencode({k: v for k, v in filters.items() if v})
    context = {
        "form": form,
        "page": page,
        "query": query,
        "my_findings": list(selectors.findings_owned_open(request.user)[:50]),
        "can_create": request.user.has_role(*services.INSPECTOR_ROLES),
        "today": clock.today(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "inspections/inspection_list.html", context, status=status)


def _kinds_for(user):
    kinds = []
    if user.has_role(Role.COUNTY_SUPERVISOR):
        kinds.append(Inspection.Kind.COUNTY)
    if user.has_role(Role.LAW_OFFICER):
        kinds.append(Inspection.Kind.SELF)
    kinds.append(Inspection.Kind.OTHER)
    return [(k.value, k.label) for k in kinds]


def _towns_for(user):
    return (
        OrgUnit.objects.visible_to(user, services.INSPECTOR_ROLES)
        .filter(kind=OrgUnit.Kind.TOWN, is_active=True)
        .order_by("code")
    )


@role_required(*services.INSPECTOR_ROLES)
def inspection_create(request):
    kwargs = {"towns": _towns_for(request.user), "kinds": _kinds_for(request.user)}
    if request.method != "POST":
        form = InspectionForm(**kwargs)
        return render(request, "inspections/inspection_form.html", {"form": form})
    form = InspectionForm(request.POST, **kwargs)
    if form.is_valid():
        try:
            inspection = services.inspection_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "督查已发起,请记录发现的问题")
            return redirect("inspections:inspection_detail", pk=inspection.pk)
    return render(request, "inspections/inspection_form.html", {"form": form}, status=400)


@role_required(*services.PAGE_ROLES)
def inspection_detail(request, pk):
    inspection = selectors.inspection_get(request.user, pk)
    user = request.user
    can_add = (
        services.is_inspector(user, inspection) and inspection.status != Inspection.Status.COMPLETED
    )
    actions = [
        (t, CompleteForm() if t.verb == "complete" else None)
        for t in services.INSPECTION_FLOW.available(user, inspection)
    ]
    context = {
        "inspection": inspection,
        "findings": inspection.visible_findings,
        "steps": timeline(inspection),
        "actions": actions,
        "can_add": can_add,
        "can_edit": services.inspection_editable(user, inspection) is None,
        "last_change": services.last_change(inspection),
        "today": clock.today(),
    }
    return render(request, "inspections/inspection_detail.html", context)


def _inspector_inspection_or_404(request, pk) -> Inspection:
    inspection = get_visible_or_404(
        Inspection.objects.select_related("org_unit", "conducted_by"),
        request.user,
        services.INSPECTOR_ROLES,
        pk=pk,
    )
    if not services.is_inspector(request.user, inspection):
        raise PermissionDenied("只有督查单位可以修改督查")
    return inspection


@role_required(*services.INSPECTOR_ROLES)
def inspection_edit(request, pk):
    """Correct an inspection (not once completed): a prefilled form, field errors as 400."""
    inspection = _inspector_inspection_or_404(request, pk)
    back = redirect("inspections:inspection_detail", pk=inspection.pk)
    if request.method != "POST":
        if reason := services.inspection_editable(request.user, inspection):
            messages.error(request, reason)
            return back
        form = InspectionEditForm(initial=InspectionEditForm.initial_for(inspection))
        return render(
            request, "inspections/inspection_edit.html", {"inspection": inspection, "form": form}
        )
    form = InspectionEditForm(request.POST)
    if form.is_valid():
        try:
            services.inspection_update(
                actor=request.user, inspection=inspection, **form.cleaned_data
            )
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "督查信息已修改")
            return back
    context = {"inspection": inspection, "form": form}
    return render(request, "inspections/inspection_edit.html", context, status=400)


@role_required(*services.INSPECTOR_ROLES)
def finding_add(request, pk):
    inspection = get_visible_or_404(
        Inspection.objects.select_related("org_unit", "conducted_by"),
        request.user,
        services.INSPECTOR_ROLES,
        pk=pk,
    )
    if not services.is_inspector(request.user, inspection):
        raise PermissionDenied("只有督查单位可以记录督查问题")
    owners = services.owner_choices(inspection.org_unit)
    form = FindingForm(request.POST or None, owners=owners)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.finding_add(actor=request.user, inspection=inspection, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "问题已记录")
                return redirect("inspections:inspection_detail", pk=inspection.pk)
    context = {"inspection": inspection, "form": form}
    return render(request, "inspections/finding_form.html", context, status=status)


def _transition_or_denied(flow, user, obj, verb):
    t = next((t for t in flow.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    if not flow.may(t, user, obj):
        raise PermissionDenied(f"无权执行“{t.label}”")
    return t


@require_POST
@role_required(*services.INSPECTOR_ROLES)
def inspection_transition(request, pk, verb):
    inspection = get_visible_or_404(
        Inspection.objects.select_related("org_unit", "conducted_by"),
        request.user,
        services.INSPECTOR_ROLES,
        pk=pk,
    )
    _transition_or_denied(services.INSPECTION_FLOW, request.user, inspection, verb)
    form = CompleteForm(request.POST) if verb == "complete" else None
    return run_transition(
        request,
        inspection,
        verb,
        service=services.inspection_transition,
        redirect_to=reverse("inspections:inspection_detail", args=[pk]),
        form=form,
    )


@role_required(*services.PAGE_ROLES)
def finding_detail(request, pk):
    finding = selectors.finding_get(request.user, pk)
    actions = [
        (
            t,
            SubmitForm(initial={"rectification": finding.rectification})
            if t.verb == "submit"
            else None,
        )
        for t in services.FINDING_FLOW.available(request.user, finding)
    ]
    context = {
        "finding": finding,
        "inspection": finding.inspection,
        "steps": timeline(finding),
        "actions": actions,
        "attachments": list(attachments_for(finding)),
        "can_edit": services.finding_editable(request.user, finding) is None,
        "last_change": services.last_change(finding),
        "today": clock.today(),
    }
    return render(request, "inspections/finding_detail.html", context)


@role_required(*services.INSPECTOR_ROLES)
def finding_edit(request, pk):
    """Correct a finding while it is 待整改 or 退回: a prefilled form, field errors as 400."""
    finding = get_visible_or_404(
        Finding.objects.select_related(
            "org_unit", "owner", "inspection__org_unit", "inspection__conducted_by"
        ),
        request.user,
        services.INSPECTOR_ROLES,
        pk=pk,
    )
    if not services.is_inspector(request.user, finding.inspection):
        raise PermissionDenied("只有督查单位可以修改督查问题")
    back = redirect("inspections:finding_detail", pk=finding.pk)
    owners = services.owner_choices(finding.org_unit)
    context = {"finding": finding, "inspection": finding.inspection}
    if request.method != "POST":
        if reason := services.finding_editable(request.user, finding):
            messages.error(request, reason)
            return back
        context["form"] = FindingEditForm(
            initial=FindingEditForm.initial_for(finding), owners=owners
        )
        return render(request, "inspections/finding_edit.html", context)
    form = FindingEditForm(request.POST, owners=owners)
    if form.is_valid():
        try:
            services.finding_update(actor=request.user, finding=finding, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "督查问题已修改")
            return back
    context["form"] = form
    return render(request, "inspections/finding_edit.html", context, status=400)


@require_POST
@role_required(*services.PAGE_ROLES)
def finding_transition(request, pk, verb):
    finding = selectors.finding_get(request.user, pk)
    _transition_or_denied(services.FINDING_FLOW, request.user, finding, verb)
    form = SubmitForm(request.POST) if verb == "submit" else None
    return run_transition(
        request,
        finding,
        verb,
        service=services.finding_transition,
        redirect_to=reverse("inspections:finding_detail", args=[pk]),
        form=form,
    )


@role_required(*services.PAGE_ROLES)
def inspection_export(request):
    form, filters = _filters(request)
    if form.is_bound and not form.is_valid():
        messages.error(request, "筛选条件有误,未导出")
        return redirect("inspections:inspection_list")
    return services.inspection_export(actor=request.user, filters=filters).response()
