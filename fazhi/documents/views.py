"""规范性文件 pages: the register with filters and its .xlsx ledger, a document's page
(its fields, legality reviews, filing, timeline and the steps the user may take now),
filing review town ↔ county with the per-town rates, and clean-up batches."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.dates import add_months
from fazhi.core.forms import apply_service_error
from fazhi.core.paging import page_of
from fazhi.core.permissions import Forbidden, ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, params, selectors, services
from .forms import (
    DOCUMENT_FORMS,
    FILING_FORMS,
    CleanupForm,
    CleanupOutcomeForm,
    DocumentForm,
    FilingSubmitForm,
    ReviewRequestForm,
)
from .models import READER_ROLES, CleanupBatch, Document, Filing

PAGE_SIZE = 30
ACTOR_ROLES = (Role.LAW_OFFICER, Role.TOWN_LEADER)
FILING_ACTOR_ROLES = (Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR)


def _int(value, lo=1900, hi=2999):
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if lo <= n <= hi else None


def _reviewers(doc):
    from fazhi.reviews.selectors import reviewer_candidates

    return reviewer_candidates(doc.org_unit, exclude=doc.created_by_id)


def _document_form(verb, doc, data=None):
    cls = DOCUMENT_FORMS.get(verb)
    if cls is None:
        return None
    kwargs = {"prefix": verb}
    if verb == "close_comment":
        kwargs["reviewers"] = _reviewers(doc)
    return cls(data, **kwargs)


# --- the register -----------------------------------------------------------------------


def _filters(request):
    status = request.GET.get("status", "")
    if status not in Document.Status.values:
        status = ""
    q = request.GET.get("q", "").strip()[:100].replace("\x00", "")
    return status, _int(request.GET.get("year")), q


@role_required(*READER_ROLES)
def document_list(request):
    status, year, q = _filters(request)
    qs = annual.narrow(
        selectors.document_list(request.user, status=status, year=year, q=q), request.GET
    )
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    return render(
        request,
        "documents/document_list.html",
        {
            "page": page,
            "status": status,
            "year": year or "",
            "q": q,
            "statuses": Document.Status.choices,
            "can_create": request.user.has_role(*services.DRAFTER_ROLES),
            "query": request.GET.urlencode(),
        },
    )


@role_required(*services.DRAFTER_ROLES)
def document_create(request):
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            doc = services.document_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "已创建草稿")
            return redirect(doc)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "documents/document_form.html",
        {"form": form, "title": "起草规范性文件"},
        status=status,
    )


@role_required(*services.DRAFTER_ROLES)
def document_edit(request, pk):
    doc = selectors.document_get(request.user, pk)
    initial = {k: getattr(doc, k) for k in services.EDITABLE}
    form = DocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(actor=request.user, document=doc, **form.cleaned_data)
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "已保存")
            return redirect(doc)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "documents/document_form.html",
        {"form": form, "title": f"修改:{doc.title}", "document": doc},
        status=status,
    )


@role_required(*READER_ROLES)
def document_detail(request, pk):
    from fazhi.participation.selectors import consultation_for
    from fazhi.reviews.selectors import active_review, review_history

    doc = selectors.document_get(request.user, pk)
    user = request.user
    today = clock.today()
    actions = [
        (t, _document_form(t.verb, doc)) for t in services.DOCUMENT_FLOW.available(user, doc)
    ]
    is_drafter = user.has_role(*services.DRAFTER_ROLES) and doc.status in services.DRAFTING
    filing = selectors.filing_of(doc)
    can_request_review = (
        doc.status == Document.Status.LEGALITY_REVIEW
        and user.has_role(*services.DRAFTER_ROLES)
        and active_review(doc) is None
    )
    can_file = (
        doc.status in (Document.Status.PUBLISHED, Document.Status.IN_FORCE)
        and filing is None
        and user.has_role(*services.DRAFTER_ROLES)
    )
    reminder_months = int(params.EXPIRY_REMINDER_MONTHS.value(doc.org_unit))
    expiring = (
        doc.status in (Document.Status.IN_FORCE, Document.Status.PUBLISHED)
        and doc.valid_until
        and doc.valid_until <= add_months(today, reminder_months)
    )
    context = {
        "document": doc,
        "consultation": consultation_for(doc),
        "actions": actions,
        "steps": timeline(doc),
        "reviews": review_history(doc),
        "filing": filing,
        "filing_due": services.filing_due_date(doc) if doc.published_on and not filing else None,
        "can_edit": is_drafter and doc.status in (
            Document.Status.DRAFT, Document.Status.FAIR_COMPETITION, Document.Status.PUBLIC_COMMENT
        ),
        "review_form": ReviewRequestForm(reviewers=_reviewers(doc)) if can_request_review else None,
        "filing_form": FilingSubmitForm() if can_file else None,
        "effective_warning": services.effective_warning(doc),
        "expiring": expiring,
        "reminder_months": reminder_months,
        "today": today,
    }  # fmt: skip
    return render(request, "documents/document_detail.html", context)


@require_POST
@role_required(*ACTOR_ROLES)
def document_transition(request, pk, verb):
    doc = selectors.document_get(request.user, pk)
    form = _document_form(verb, doc, request.POST)
    return run_transition(
        request,
        doc,
        verb,
        service=services.document_transition,
        redirect_to=doc.get_absolute_url(),
        form=form,
    )


@require_POST
@role_required(*services.DRAFTER_ROLES)
def document_review_request(request, pk):
    doc = selectors.document_get(request.user, pk)
    form = ReviewRequestForm(request.POST, reviewers=_reviewers(doc))
    if not form.is_valid():
        messages.error(request, "请选择合法性审核人")
        return redirect(doc)
    try:
        services.document_request_review(
            actor=request.user, document=doc, reviewer=form.cleaned_data["reviewer"]
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已送请合法性审核")
    return redirect(doc)


@role_required(*READER_ROLES)
def document_export(request):
    status, year, q = _filters(request)
    filters = {"status": status, "year": year, "q": q}
    return services.document_export(actor=request.user, filters=filters).response()


# --- filing review, town ↔ county ---------------------------------------------------------


@require_POST
@role_required(*services.DRAFTER_ROLES)
def filing_submit(request, pk):
    doc = selectors.document_get(request.user, pk)
    form = FilingSubmitForm(request.POST)
    form.is_valid()
    try:
        filing = services.filing_submit(
            actor=request.user, document=doc, materials=form.cleaned_data.get("materials", "")
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect(doc)
    if filing.on_time:
        messages.success(request, "已报送备案")
    else:
        messages.warning(request, f"已报送备案(逾期:期限为{filing.due_date:%Y-%m-%d})")
    return redirect(filing)


@role_required(*READER_ROLES)
def filing_list(request):
    today = clock.today()
    year = _int(request.GET.get("year")) or today.year
    status = request.GET.get("status", "")
    if status not in Filing.Status.values:
        status = ""
    qs = selectors.filing_list(request.user, status=status, year=year)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    unfiled = (
        selectors.document_list(request.user)
        .filter(
            status__in=(Document.Status.PUBLISHED, Document.Status.IN_FORCE), filing__isnull=True
        )
        # The panel shows number, title, unit and deadline: not the bodies (6 ms of text for
        # the county's fifty) nor drafters.
        .select_related(None)
        .select_related("org_unit")
        .defer("body")
        .order_by("published_on")
    )
    return render(
        request,
        "documents/filing_list.html",
        {
            "page": page,
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "status": status,
            "statuses": Filing.Status.choices,
            "rates": selectors.filing_rates(request.user, year),
            "unfiled": [(d, d.filing_due) for d in unfiled[:50]],
            "today": today,
            "is_county": request.user.has_role(*services.COUNTY_ROLES),
        },
    )


@role_required(*READER_ROLES)
def filing_detail(request, pk):
    filing = selectors.filing_get(request.user, pk)
    actions = [
        (t, FILING_FORMS[t.verb](prefix=t.verb) if t.verb in FILING_FORMS else None)
        for t in services.FILING_FLOW.available(request.user, filing)
    ]
    return render(
        request,
        "documents/filing_detail.html",
        {
            "filing": filing,
            "document": filing.document,
            "actions": actions,
            "steps": timeline(filing),
        },
    )


@require_POST
@role_required(*FILING_ACTOR_ROLES)
def filing_transition(request, pk, verb):
    filing = selectors.filing_get(request.user, pk)
    cls = FILING_FORMS.get(verb)
    form = cls(request.POST, prefix=verb) if cls else None
    return run_transition(
        request,
        filing,
        verb,
        service=services.filing_transition,
        redirect_to=filing.get_absolute_url(),
        form=form,
    )


@role_required(*READER_ROLES)
def filing_export(request):
    year = _int(request.GET.get("year")) or clock.today().year
    return services.filing_export(actor=request.user, filters={"year": year}).response()


# --- clean-up (清理) ------------------------------------------------------------------------


@role_required(*READER_ROLES)
def cleanup_list(request):
    form = CleanupForm(request.POST or None)
    can_create = request.user.has_role(*services.DRAFTER_ROLES)
    if request.method == "POST":
        if not can_create:
            raise PermissionDenied("只有法治办工作人员可以发起清理")
        if form.is_valid():
            try:
                batch = services.cleanup_create(actor=request.user, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, f"已发起清理,纳入{batch.items.count()}件文件")
                return redirect(batch)
    return render(
        request,
        "documents/cleanup_list.html",
        {
            "batches": selectors.cleanup_list(request.user)[:100],
            "form": form,
            "can_create": can_create,
        },
        status=400 if request.method == "POST" else 200,
    )


@role_required(*READER_ROLES)
def cleanup_detail(request, pk):
    batch = selectors.cleanup_get(request.user, pk)
    items = list(batch.items.select_related("document"))
    editable = batch.status == CleanupBatch.Status.DRAFT and request.user.has_role(
        *services.DRAFTER_ROLES
    )
    return render(
        request,
        "documents/cleanup_detail.html",
        {
            "batch": batch,
            "items": items,
            "editable": editable,
            "outcomes": [c for c in CleanupOutcomeForm.base_fields["outcome"].choices],
            "pending": sum(1 for i in items if not i.outcome),
        },
    )


@require_POST
@role_required(*services.DRAFTER_ROLES)
def cleanup_outcome(request, pk, item_pk):
    batch = selectors.cleanup_get(request.user, pk)
    form = CleanupOutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择清理结论")
        return redirect(batch)
    try:
        services.cleanup_set_outcome(
            actor=request.user, batch=batch, item_id=item_pk, **form.cleaned_data
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect(batch)


@require_POST
@role_required(*services.DRAFTER_ROLES)
def cleanup_publish(request, pk):
    batch = selectors.cleanup_get(request.user, pk)
    try:
        services.cleanup_publish(actor=request.user, batch=batch)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "清理结果已公布")
    return redirect(batch)
