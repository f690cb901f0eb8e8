"""Pages of 行政协议与合同: the register with filters, registration and editing, a
contract's page (its timeline, the actions allowed now, its reviews, payments and
attachments), the .xlsx ledger export and the import of an existing ledger."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock, pii
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.paging import page_of
from fazhi.core.permissions import Forbidden, ServiceError, role_required
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline
from fazhi.core.xlsx import xlsx_response

from . import annual, ledger, selectors, services
from .forms import (
    TRANSITION_FORMS,
    ContractForm,
    ImportForm,
    PayForm,
    PaymentForm,
    SubmitReviewForm,
)
from .models import READER_ROLES, Category, Contract

PAGE_SIZE = 30
Status = Contract.Status


def _filters(request) -> dict:
    g = request.GET
    category = g.get("category", "")
    status = g.get("status", "")
    warning = g.get("warning", "")
    kind = g.get("kind", "")
    year = g.get("year", "")
    return {
        "category": category if category in Category.values else "",
        "status": status if status in Status.values else "",
        "warning": warning if warning in selectors.WARNINGS else "",
        "kind": kind if kind in ("agreement", "contract") else "",
        "year": int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None,
        "q": g.get("q", "").strip().replace("\x00", "")[:50],
    }


@role_required(*READER_ROLES)
def contract_list(request):
    filters = _filters(request)
    qs = annual.narrow(selectors.contract_list(request.user, **filters), request.GET)
    # The page shows neither the contract's text nor its registrar's personal data: not
    # read, not decrypted (a third of the rows' reading time).
    qs = qs.defer("body", "search", *pii.unread(Contract, "created_by"))
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    params = request.GET.copy()
    params.pop("page", None)
    this_year = clock.today().year
    return render(
        request,
        "contracts/contract_list.html",
        {
            "page": page,
            "filters": filters,
            "query": params.urlencode(),
            "categories": Category.choices,
            "statuses": Status.choices,
            "warnings": selectors.WARNINGS.items(),
            "years": range(this_year, this_year - 6, -1),
            "can_write": request.user.has_role(*services.WRITER_ROLES),
            "today": clock.today(),
        },
    )


def _save_form(request, form, save):
    """Run `save(cleaned_data)`; a refusal goes onto the form. Returns the record or None."""
    if not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc
    except ServiceError as exc:
        apply_service_error(form, exc)
        return None


@role_required(*services.WRITER_ROLES)
def contract_create(request):
    form = ContractForm(request.POST or None)
    if request.method == "POST":
        contract = _save_form(
            request, form, lambda data: services.contract_create(actor=request.user, **data)
        )
        if contract is not None:
            messages.success(request, "合同已登记,请选择审核人提交合法性审核")
            return redirect(contract)
    status = 400 if form.is_bound else 200
    return render(
        request, "contracts/contract_form.html", {"form": form, "creating": True}, status=status
    )


@role_required(*services.WRITER_ROLES)
def contract_edit(request, pk):
    contract = selectors.contract_get(request.user, pk)
    if contract.status != Status.DRAFT:
        messages.error(request, "只有登记状态的合同可以修改")
        return redirect(contract)
    form = ContractForm(request.POST or None, initial=ContractForm.initial_from(contract))
    if request.method == "POST":
        saved = _save_form(
            request,
            form,
            lambda data: services.contract_update(actor=request.user, contract=contract, **data),
        )
        if saved is not None:
            messages.success(request, "合同已修改")
            return redirect(saved)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "contracts/contract_form.html",
        {"form": form, "contract": contract, "creating": False},
        status=status,
    )


def _reviews_of(contract):
    from fazhi.reviews.selectors import review_history

    return review_history(contract)


def _transition_form(t, contract, data=None):
    form_class = TRANSITION_FORMS.get(t.verb)
    if form_class is None:
        return None
    if form_class is SubmitReviewForm:
        from fazhi.reviews.selectors import reviewer_candidates

        candidates = reviewer_candidates(contract.org_unit, exclude=contract.created_by)
        return SubmitReviewForm(data, candidates=candidates, prefix=t.verb)
    return form_class(data, prefix=t.verb)


@role_required(*READER_ROLES)
def contract_detail(request, pk):
    contract = selectors.contract_get(request.user, pk)
    today = clock.today()
    payments = list(contract.payments.all())
    actions = [
        (t, _transition_form(t, contract))
        for t in services.CONTRACT_FLOW.available(request.user, contract)
    ]
    can_write = request.user.has_role(*services.WRITER_ROLES) and contract.status not in (
        Status.COMPLETED,
        Status.TERMINATED,
    )
    return render(
        request,
        "contracts/contract_detail.html",
        {
            "contract": contract,
            "steps": timeline(contract),
            "actions": actions,
            "reviews": _reviews_of(contract),
            "payments": payments,
            "payment_form": PaymentForm() if can_write else None,
            "pay_form": PayForm() if can_write else None,
            "can_pay": can_write and contract.status in selectors.OPEN_STATUSES,
            "can_edit": can_write and contract.status == Status.DRAFT,
            "attachments": list(attachments_for(contract)),
            "today": today,
            "review_done": services.review_done(contract)
            if contract.status != Status.DRAFT
            else None,
        },
    )


@require_POST
@role_required(*READER_ROLES)
def contract_transition(request, pk, verb):
    contract = selectors.contract_get(request.user, pk)
    try:
        t = services.CONTRACT_FLOW.get(verb)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    if not services.CONTRACT_FLOW.may(t, request.user, contract):
        raise PermissionDenied(f"无权执行“{t.label}”")
    form = _transition_form(t, contract, request.POST)
    return run_transition(
        request,
        contract,
        verb,
        service=services.contract_transition,
        redirect_to=contract.get_absolute_url(),
        form=form,
    )


@require_POST
@role_required(*services.WRITER_ROLES)
def payment_add(request, pk):
    contract = selectors.contract_get(request.user, pk)
    form = PaymentForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "付款计划填写有误:"
            + "; ".join(
                f"{form.fields[k].label}:{' '.join(v)}"
                for k, v in form.errors.items()
                if k in form.fields
            ),
        )
        return redirect(contract)
    try:
        services.payment_add(actor=request.user, contract=contract, **form.cleaned_data)
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "付款计划已添加")
    return redirect(contract.get_absolute_url() + "#payments")


@require_POST
@role_required(*services.WRITER_ROLES)
def payment_pay(request, pk, payment_pk):
    payment = selectors.payment_get(request.user, payment_pk, contract_pk=pk)
    form = PayForm(request.POST, prefix=f"pay{payment.pk}")
    url = payment.contract.get_absolute_url() + "#payments"
    if not form.is_valid():
        messages.error(request, "请填写实付日期和实付金额")
        return redirect(url)
    try:
        services.payment_record(actor=request.user, payment=payment, **form.cleaned_data)
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "付款已登记")
    return redirect(url)


@role_required(*READER_ROLES)
def contract_export(request):
    return services.contract_export(actor=request.user, filters=_filters(request)).response()


@role_required(*services.WRITER_ROLES)
def contract_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                created = services.contracts_import(
                    actor=request.user, uploaded_file=form.cleaned_data["file"]
                )
            except Forbidden as exc:
                raise PermissionDenied(exc.message) from exc
            except ServiceError as exc:
                row_errors = exc.errors.get("rows", [])
                form.add_error(
                    "file" if "file" in exc.errors else None,
                    exc.message if "file" not in exc.errors else exc.errors["file"][0],
                )
            else:
                messages.success(request, f"已导入{len(created)}份合同")
                return redirect("contracts:contract_list")
    return render(
        request,
        "contracts/contract_import.html",
        {
            "form": form,
            "row_errors": row_errors,
            "columns": [(h, ledger.NOTES.get(f, "")) for h, f in ledger.COLUMNS],
        },
        status=status,
    )


@role_required(*services.WRITER_ROLES)
def contract_import_template(request):
    return xlsx_response("合同台账导入模板.xlsx", ledger.template_xlsx())
