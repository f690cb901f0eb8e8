"""法治建设旬报 pages: the reports of one's scope with the periods awaiting a report,
drafting one, a report with its lines, figures, timeline and actions, editing and
refreshing the draft, its .docx, and the county's matrix of towns × 旬."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.dates import add_months
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, export, selectors, services
from .document import report_document
from .forms import CreateForm, FilterForm, RangeForm, ReportForm, ReturnForm
from .models import TenDayReport
from .periods import last_ended, period_of

PAGE_SIZE = 20
RECENT = 6  # 旬 shown as "awaiting a report" on the list page


def _writer_towns(user):
    return (
        OrgUnit.objects.visible_to(user, services.WRITER_ROLES)
        .filter(kind=OrgUnit.Kind.TOWN, is_active=True)
        .order_by("code")
    )


def _filters(request):
    form = FilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, {k: form.cleaned_data[k] for k in ("status", "year", "q")}
    return form, {"status": "", "year": None, "q": ""}


@role_required(*services.PAGE_ROLES)
def report_export(request):
    form, filters = _filters(request)
    if form.is_bound and not form.is_valid():
        messages.error(request, "筛选条件有误,未导出")
        return redirect("tenday:report_list")
    return export.report_export(actor=request.user, filters=filters).response()


@role_required(*services.PAGE_ROLES)
def report_list(request):
    form, filters = _filters(request)
    page = page_of(
        annual.narrow(selectors.report_list(request.user, **filters), request.GET),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    today = clock.today()
    awaiting = []
    if request.user.has_role(*services.WRITER_ROLES):
        current = period_of(today)
        first = current
        for _ in range(RECENT - 1):
            first = first.previous()
        periods, rows = selectors.matrix(
            request.user, first.start, current.end, today, towns=_writer_towns(request.user)
        )
        for row in rows:
            for cell in reversed(row.cells):
                if cell.report is None or cell.report.status != TenDayReport.Status.SUBMITTED:
                    awaiting.append((row.town, cell))
    context = {
        "form": form,
        "page": page,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "awaiting": awaiting,
        "today": today,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "tenday/report_list.html", context, status=status)


@require_POST
@role_required(*services.WRITER_ROLES)
def report_create(request):
    form = CreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择要起草旬报的乡镇和旬")
        return redirect("tenday:report_list")
    town = _writer_towns(request.user).filter(pk=form.cleaned_data["org_unit"]).first()
    if town is None:
        raise Http404("记录不存在或无权查看")
    try:
        report = services.report_create(
            actor=request.user, org_unit=town, period_start=form.cleaned_data["period_start"]
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("tenday:report_list")
    messages.success(request, "已根据本旬数据起草旬报,请核对修改后报送")
    return redirect("tenday:report_detail", pk=report.pk)


@role_required(*services.PAGE_ROLES)
def report_detail(request, pk):
    report = selectors.report_get(request.user, pk)
    actions = [
        (t, ReturnForm() if t.verb == "return" else None)
        for t in services.REPORT_FLOW.available(request.user, report)
    ]
    context = {
        "report": report,
        "lines": [line for line in report.body.splitlines() if line.strip()],
        "steps": timeline(report),
        "actions": actions,
        "can_edit": report.editable and services.can_write(request.user, report),
        "today": clock.today(),
        "refusal": services.submission_refusal(report, clock.today()),
    }
    return render(request, "tenday/report_detail.html", context)


def _writable_or_404(request, pk) -> TenDayReport:
    return get_visible_or_404(
        TenDayReport.objects.select_related("org_unit"), request.user, services.WRITER_ROLES, pk=pk
    )


@role_required(*services.WRITER_ROLES)
def report_edit(request, pk):
    report = _writable_or_404(request, pk)
    back = redirect("tenday:report_detail", pk=report.pk)
    if request.method != "POST":
        if not report.editable:
            messages.error(request, services.P.NOT_EDITABLE)
            return back
        form = ReportForm(
            initial={
                "body": report.body,
                "problems": report.problems,
                "next_steps": report.next_steps,
            }
        )
        return render(request, "tenday/report_edit.html", {"report": report, "form": form})
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.report_update(actor=request.user, report=report, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "旬报已保存")
            return back
    return render(request, "tenday/report_edit.html", {"report": report, "form": form}, status=400)


@require_POST
@role_required(*services.WRITER_ROLES)
def report_regenerate(request, pk):
    report = _writable_or_404(request, pk)
    try:
        services.report_regenerate(actor=request.user, report=report)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已按本旬最新数据重新生成草稿")
    return redirect("tenday:report_detail", pk=report.pk)


@require_POST
@role_required(Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR)
def report_transition(request, pk, verb):
    report = selectors.report_get(request.user, pk)
    t = next((t for t in services.REPORT_FLOW.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    if not request.user.has_role(*t.roles):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(f"无权执行“{t.label}”")
    return run_transition(
        request,
        report,
        verb,
        service=services.report_transition,
        redirect_to=reverse("tenday:report_detail", args=[pk]),
        form=ReturnForm(request.POST) if verb == "return" else None,
    )


@role_required(*services.PAGE_ROLES)
def report_docx(request, pk):
    return report_document(selectors.report_get(request.user, pk)).response()


def _default_range(today: date) -> tuple[date, date]:
    end = date(today.year, today.month, 1)
    return add_months(end, -2), end


@role_required(*services.PAGE_ROLES)
def county_matrix(request):
    today = clock.today()
    start, end = _default_range(today)
    form = RangeForm(request.GET or None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        else:
            status = 400
    else:
        form = RangeForm(initial={"start": start.strftime("%Y-%m"), "end": end.strftime("%Y-%m")})
    last_day = add_months(end, 1).toordinal() - 1
    periods, rows = selectors.matrix(request.user, start, date.fromordinal(last_day), today)
    context = {
        "form": form,
        "periods": periods,
        "rows": rows,
        "states": selectors.STATE_LABELS,
        "styles": selectors.STATE_STYLES,
        "year_query": urlencode({"start": f"{end.year}-01", "end": f"{end.year}-12"}),
        "year": end.year,
        "last_ended": last_ended(today),
        "can_return": request.user.has_role(Role.COUNTY_SUPERVISOR),
    }
    return render(request, "tenday/county_matrix.html", context, status=status)
