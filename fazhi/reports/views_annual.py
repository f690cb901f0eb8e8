"""The annual 法治政府建设工作总结: choosing a town (or the county) and year, the preview
that looks like the printed page (each figure links to the records it counts), editing
one paragraph's prose, approval, and the .docx."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.officedoc import pdf_converter
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.workflow import timeline

from . import compose, selectors, services
from .forms import ParagraphForm, YearForm
from .models import AnnualReport

READERS = tuple(services.READER_ROLES)


def _unit(request, unit_id) -> OrgUnit:
    unit = get_object_or_404(OrgUnit, pk=unit_id)
    try:
        services.check_readable(request.user, unit)
    except ServiceError:
        raise Http404("记录不存在或无权查看") from None
    return unit


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404("年度无效")
    return year


def _preview_url(unit, year) -> str:
    return reverse("annual_preview", args=[unit.pk, year])


def _units(user) -> list[OrgUnit]:
    home = selectors.home_unit(user)
    if home is None:
        return []
    if home.kind == OrgUnit.Kind.COUNTY:
        return [home, *OrgUnit.objects.filter(parent=home, kind=OrgUnit.Kind.TOWN).order_by("code")]
    return [home]


@role_required(*READERS)
def annual_index(request):
    units = _units(request.user)
    form = YearForm(request.GET or None, units=units, this_year=clock.today().year)
    if form.is_bound and form.is_valid():
        return redirect(_preview_url(form.cleaned_data["unit"], form.cleaned_data["year"]))
    page = page_of(selectors.annual_list(request.user), request.GET.get("page"), 20)
    return render(request, "reports/annual_index.html", {"form": form, "page": page})


@role_required(*READERS)
def annual_preview(request, unit_id: int, year: int):
    unit, year = _unit(request, unit_id), _year(year)
    report = AnnualReport.objects.filter(org_unit=unit, year=year).first()
    document = compose.compose(unit, year, report.edits if report else {})
    may_edit = (
        request.user.has_role(*services.editors(unit))
        and (report is None or report.status == AnnualReport.Status.DRAFT)
        and selectors.unit_writable(request.user, unit, services.editors(unit))
    )
    actions = []
    if document.has_data:
        probe = report or AnnualReport(org_unit=unit, year=year)
        actions = services.REPORT_FLOW.available(request.user, probe)
    context = {
        "unit": unit,
        "year": year,
        "report": report,
        "document": document,
        "may_edit": may_edit,
        "actions": actions,
        "steps": timeline(report) if report else [],
        "versions": report.versions.select_related("created_by")[:10] if report else [],
        "no_data": services.NO_DATA.format(year=year, unit=unit.name),
        "pdf": pdf_converter() is not None,  # PDF only where LibreOffice is installed
    }
    return render(request, "reports/annual_preview.html", context)


@role_required(*READERS)
def annual_edit(request, unit_id: int, year: int, key: str):
    unit, year = _unit(request, unit_id), _year(year)
    if not request.user.has_role(*services.editors(unit)):
        raise PermissionDenied("只有法治办工作人员可以修改总结的表述")
    report = AnnualReport.objects.filter(org_unit=unit, year=year).first()
    document = compose.compose(unit, year, report.edits if report else {})
    paragraph = document.paragraph(key)
    if paragraph is None:
        raise Http404("报告中没有这一段")
    form = ParagraphForm(request.POST or None, initial={"text": paragraph.template})
    if request.method == "POST" and form.is_valid():
        try:
            services.paragraph_edit(
                actor=request.user, unit=unit, year=year, key=key, text=form.cleaned_data["text"]
            )
        except ServiceError as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, "已保存,生成新版本")
            return redirect(f"{_preview_url(unit, year)}#p-{key}")
    context = {"unit": unit, "year": year, "paragraph": paragraph, "form": form,
               "facts": list(enumerate(paragraph.facts))}  # fmt: skip
    return render(request, "reports/annual_edit.html", context)


@require_POST
@role_required(*READERS)
def annual_transition(request, unit_id: int, year: int, verb: str):
    unit, year = _unit(request, unit_id), _year(year)
    t = next((t for t in services.REPORT_FLOW.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    if not request.user.has_role(*services.approvers(unit)):
        raise PermissionDenied(f"无权执行“{t.label}”")
    try:
        services.report_step(
            actor=request.user, unit=unit, year=year, verb=verb, note=request.POST.get("note", "")
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已{t.label}")
    return redirect(_preview_url(unit, year))


@role_required(*READERS)
def annual_docx(request, unit_id: int, year: int):
    return _export(request, unit_id, year, pdf=False)


@role_required(*READERS)
def annual_pdf(request, unit_id: int, year: int):
    return _export(request, unit_id, year, pdf=True)


def _export(request, unit_id: int, year: int, *, pdf: bool):
    unit, year = _unit(request, unit_id), _year(year)
    try:
        document = services.report_export(actor=request.user, unit=unit, year=year, pdf=pdf)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect(_preview_url(unit, year))
    return document.response()
