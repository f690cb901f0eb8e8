"""述法: the year's list, one's own report, 评议."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from .. import annual, selectors, services
from ..forms import (
    LawReportAddForm,
    LawReportFilterForm,
    ReviewForm,
    RosterForm,
    SubmitForm,
)
from ..models import LawReport
from .common import (
    PAGE_ROLES,
    PAGE_SIZE,
    office_town,
    towns_of,
)

# --- 述法 --------------------------------------------------------------------------------------


def _lawreport_filters(request):
    form = LawReportFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, {"year": form.cleaned_data["year"], "status": form.cleaned_data["status"]}
    return form, {"year": None, "status": ""}


@role_required(*PAGE_ROLES)
def lawreport_list(request):
    form, filters = _lawreport_filters(request)
    page = page_of(
        annual.narrow(selectors.lawreport_list(request.user, **filters), request.GET),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    town = office_town(request.user)
    year = filters["year"] or clock.today().year
    coverage = selectors.coverages(towns_of(request.user)[:40], year)
    context = {
        "form": form,
        "page": page,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "mine": list(selectors.lawreports_pending_of(request.user)),
        "coverage": coverage,
        "year": year,
        "town": town,
        "roster_form": RosterForm(initial={"year": year}) if town else None,
        "add_form": LawReportAddForm(initial={"year": year}, people=services.people_of(town))
        if town
        else None,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "leadership/lawreport_list.html", context, status=status)


@require_POST
@role_required(Role.LAW_OFFICER)
def lawreport_roster(request):
    form = RosterForm(request.POST)
    town = office_town(request.user)
    if form.is_valid():
        try:
            added = services.lawreport_roster(
                actor=request.user, town=town, year=form.cleaned_data["year"]
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已将{len(added)}名镇领导列入述法名单")
    else:
        messages.error(request, "年度不正确")
    return redirect(reverse("leadership:lawreport_list") + f"?year={request.POST.get('year', '')}")


@require_POST
@role_required(Role.LAW_OFFICER)
def lawreport_add(request):
    town = office_town(request.user)
    form = LawReportAddForm(request.POST, people=services.people_of(town))
    if form.is_valid():
        try:
            services.lawreport_add(actor=request.user, town=town, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已列入述法名单")
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("leadership:lawreport_list")


@role_required(*PAGE_ROLES)
def lawreport_detail(request, pk):
    report = selectors.lawreport_get(request.user, pk)
    is_reporter = report.reporter_id == request.user.pk
    is_office = services.LAWREPORT_FLOW.may(
        services.LAWREPORT_FLOW.get("review"), request.user, report
    )
    context = {
        "report": report,
        "steps": timeline(report),
        "attachments": list(attachments_for(report)),
        "submit_form": SubmitForm()
        if is_reporter and report.status == LawReport.Status.PENDING
        else None,
        "review_form": ReviewForm(meetings=selectors.held_meetings_of(report.org_unit))
        if is_office and report.status == LawReport.Status.SUBMITTED
        else None,
        "can_remove": is_office and report.status == LawReport.Status.PENDING,
    }
    return render(request, "leadership/lawreport_detail.html", context)


@require_POST
@role_required(*PAGE_ROLES)
def lawreport_submit(request, pk):
    report = selectors.lawreport_get(request.user, pk)
    if report.reporter_id != request.user.pk:
        raise PermissionDenied("只有述法人本人可以提交自己的述法报告")
    return run_transition(
        request,
        report,
        "submit",
        service=services.lawreport_transition,
        redirect_to=reverse("leadership:lawreport_detail", args=[report.pk]),
        form=SubmitForm(request.POST),
    )


@require_POST
@role_required(Role.LAW_OFFICER)
def lawreport_review(request, pk):
    report = selectors.lawreport_get(request.user, pk)
    form = ReviewForm(request.POST, meetings=selectors.held_meetings_of(report.org_unit))
    return run_transition(
        request,
        report,
        "review",
        service=services.lawreport_transition,
        redirect_to=reverse("leadership:lawreport_detail", args=[report.pk]),
        form=form,
    )


@require_POST
@role_required(Role.LAW_OFFICER)
def lawreport_remove(request, pk):
    report = selectors.lawreport_get(request.user, pk)
    try:
        services.lawreport_remove(actor=request.user, report=report)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("leadership:lawreport_detail", pk=report.pk)
    messages.success(request, "已移出述法名单")
    return redirect("leadership:lawreport_list")


@role_required(*PAGE_ROLES)
def lawreport_export(request):
    _, filters = _lawreport_filters(request)
    return services.lawreport_export(actor=request.user, filters=filters).response()
