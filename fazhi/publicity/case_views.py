"""普法宣传 pages of cadre study: the online-study imports and hours, and the 以案释法
library with its pushes and read receipts (opening a push is the cadre's receipt)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render

from fazhi.core import clock
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from . import selectors, services
from .forms import CaseForm, CasePushForm, StudyImportForm
from .models import READER_ROLES, RECIPIENT_ROLES

PAGE_SIZE = 20
WRITERS = services.WRITER_ROLES
PUSH_PAGE_ROLES = READER_ROLES | RECIPIENT_ROLES


# --- online study ------------------------------------------------------------------------

STUDY_ROLES = READER_ROLES - {Role.VILLAGE_CADRE}


@role_required(*STUDY_ROLES)
def study_list(request):
    try:
        year = int(request.GET.get("year") or clock.today().year)
    except ValueError:
        year = clock.today().year
    context = {
        "year": year,
        "imports": list(selectors.study_imports(request.user)[:50]),
        "totals": list(selectors.study_totals(request.user, year)[:500]),
        "can_import": request.user.has_role(*WRITERS),
    }
    return render(request, "publicity/study_list.html", context)


@role_required(*WRITERS)
def study_import(request):
    form = StudyImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = services.study_import(
                actor=request.user,
                uploaded_file=data["file"],
                platform=data["platform"],
                mapping={k: data[k] for k in services.MAPPING_LABELS},
                period=data["period_value"],
            )
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已导入{batch.row_count}人次、{batch.total_hours}学时")
            return redirect("publicity:study_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "publicity/study_import.html", {"form": form}, status=status)


# --- 以案释法 ------------------------------------------------------------------------------


@role_required(*READER_ROLES)
def case_list(request):
    q = (request.GET.get("q") or "").strip()[:50]
    page = page_of(selectors.case_list(request.user, q=q), request.GET.get("page"), PAGE_SIZE)
    context = {"page": page, "q": q, "query": urlencode({"q": q} if q else {}),
               "can_edit": request.user.has_role(*WRITERS)}  # fmt: skip
    return render(request, "publicity/case_list.html", context)


@role_required(*WRITERS)
def case_create(request):
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "案例已入库,可推送给干部学习")
            return redirect(f"{reverse('publicity:casepush_create')}?case={case.pk}")
    status = 400 if request.method == "POST" else 200
    return render(request, "publicity/case_form.html", {"form": form}, status=status)


@role_required(*PUSH_PAGE_ROLES)
def casepush_list(request):
    user = request.user
    q = (request.GET.get("q") or "").strip()[:50]
    is_reader = user.has_role(*READER_ROLES)
    page = (
        page_of(selectors.casepush_list(user, q=q), request.GET.get("page"), PAGE_SIZE)
        if is_reader
        else None
    )
    context = {
        "page": page,
        "q": q,
        "query": urlencode({"q": q} if q else {}),
        "receipts": list(selectors.my_receipts(user)[:100]),
        "can_push": user.has_role(*WRITERS),
        "is_reader": is_reader,
    }
    return render(request, "publicity/casepush_list.html", context)


@role_required(*WRITERS)
def casepush_create(request):
    town = services.writer_town(request.user)
    cases = selectors.case_list(request.user).filter(org_unit=town)
    kwargs = {"cases": cases, "recipients": services.recipient_choices(town)}
    if request.method != "POST":
        form = CasePushForm(initial={"case": request.GET.get("case")}, **kwargs)
        return render(request, "publicity/casepush_form.html", {"form": form})
    form = CasePushForm(request.POST, **kwargs)
    if form.is_valid():
        try:
            push = services.casepush_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已推送给{push.recipient_count}名干部")
            return redirect("publicity:casepush_detail", pk=push.pk)
    return render(request, "publicity/casepush_form.html", {"form": form}, status=400)


@role_required(*PUSH_PAGE_ROLES)
def casepush_detail(request, pk):
    push, is_recipient = selectors.casepush_get(request.user, pk)
    receipt = services.casepush_read(actor=request.user, push=push) if is_recipient else None
    is_reader = unit_in_scope(request.user, push.org_unit, READER_ROLES)
    if is_reader:
        push.refresh_from_db(fields=["read_count", "recipient_count"])
    context = {
        "push": push,
        "case": push.case,
        "receipt": receipt,
        "receipts": list(selectors.receipts_of(push)) if is_reader else [],
        "is_reader": is_reader,
    }
    return render(request, "publicity/casepush_detail.html", context)
