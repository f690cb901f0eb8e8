"""网格走访 pages: key persons of one's grids (nearest due first), registering and
correcting one, the phone-sized visit form (drafts and an offline queue kept by
grids/visit-form.js), visits, and the compliance table. Grids, helpers and the town's
settings are in `views_config`."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_POST

from fazhi.core import clock, snapshots
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required

from . import annual, selectors, services
from .forms import (
    PeriodForm,
    PersonEditForm,
    PersonFilterForm,
    PersonForm,
    RemoveForm,
    VisitFilterForm,
    VisitForm,
)
from .models import COMPLIANCE_ROLES, KEY_READER_ROLES, Group, KeyGroupCategory, KeyPerson
from .params import PURPOSE, REPLAYED

PAGE_SIZE = 30
# The header the visit form's script sends when it submits (or replays) by fetch: the
# answer is then JSON, so the script can tell stored, replayed and refused apart.
QUEUE_HEADER = "X-Fazhi-Queue"


def _query(filters: dict) -> str:
    return urlencode({k: (v.pk if hasattr(v, "pk") else v) for k, v in filters.items() if v})


def _category_choices(user):
    towns = {g.code[:9] for g in services.grid_choices(user)}
    return KeyGroupCategory.objects.filter(
        org_unit__code__in=sorted(towns), is_active=True
    ).order_by("group", "id")


# --- key persons ----------------------------------------------------------------------------


@role_required(*KEY_READER_ROLES)
def person_list(request):
    grids = selectors.grid_list(request.user)
    form = PersonFilterForm(request.GET or None, grids=grids)
    filters = {"org_unit": None, "group": "", "warning": "", "q": ""}
    if form.is_bound and form.is_valid():
        filters.update({k: form.cleaned_data[k] for k in filters})
    page = page_of(
        selectors.person_list(request.user, **filters), request.GET.get("page"), PAGE_SIZE
    )
    context = {
        "form": form,
        "page": page,
        "query": _query(filters),
        "today": clock.today(),
        "can_create": request.user.has_role(*services.VISITOR_ROLES),
        "purpose": PURPOSE,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "grids/person_list.html", context, status=status)


@role_required(*services.VISITOR_ROLES)
def person_create(request):
    grids = services.grid_choices(request.user)
    categories = _category_choices(request.user)
    kwargs = {"grids": grids, "categories": categories}
    form = PersonForm(request.POST or None, **kwargs)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                person = services.person_create(actor=request.user, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "重点人员已登记")
                return redirect("grids:person_detail", pk=person.pk)
    context = {"form": form, "purpose": PURPOSE, "no_categories": not categories.exists()}
    return render(request, "grids/person_form.html", context, status=status)


@role_required(*KEY_READER_ROLES)
def person_detail(request, pk):
    person = selectors.person_get(request.user, pk)
    context = {
        "person": person,
        "visits": person.visit_rows[:50],
        "visit_count": len(person.visit_rows),
        "purpose": PURPOSE,
        "today": clock.today(),
        "can_visit": person.is_active and services.may_visit(request.user, person.org_unit),
        "remove_form": RemoveForm(),
    }
    return render(request, "grids/person_detail.html", context)


@role_required(*services.VISITOR_ROLES)
def person_edit(request, pk):
    person = selectors.person_get(request.user, pk)
    kwargs = {
        "grids": services.grid_choices(request.user),
        "categories": _category_choices(request.user),
    }
    if request.method != "POST":
        form = PersonEditForm(initial=PersonEditForm.initial_for(person), **kwargs)
        return render(request, "grids/person_edit.html", {"person": person, "form": form})
    form = PersonEditForm(request.POST, **kwargs)
    if form.is_valid():
        try:
            services.person_update(actor=request.user, person=person, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "重点人员信息已修改")
            return redirect("grids:person_detail", pk=person.pk)
    return render(request, "grids/person_edit.html", {"person": person, "form": form}, status=400)


@require_POST
@role_required(*services.VISITOR_ROLES)
def person_remove(request, pk):
    person = selectors.person_get(request.user, pk)
    form = RemoveForm(request.POST)
    form.is_valid()
    try:
        services.person_remove(
            actor=request.user, person=person, reason=form.cleaned_data.get("reason", "")
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已移出重点人员名单")
    return redirect("grids:person_detail", pk=person.pk)


# --- visits ---------------------------------------------------------------------------------


def _wants_json(request) -> bool:
    return request.headers.get(QUEUE_HEADER) == "1"


def _visit_page(request, person, form, status=200):
    context = {"person": person, "form": form, "today": clock.today()}
    return render(request, "grids/visit_form.html", context, status=status)


@role_required(*services.VISITOR_ROLES)
def visit_create(request):
    user = request.user
    if request.method != "POST":
        pk = request.GET.get("person", "")
        if not pk.isdigit():
            # No person chosen: the ones due soonest, each a large link to its form.
            persons = selectors.person_list(user)[:30]
            return render(
                request, "grids/visit_pick.html", {"persons": persons, "today": clock.today()}
            )
        person = selectors.person_get(user, int(pk))
        signals = [s.name for s in selectors.signals_of(services.town_of(person.org_unit))]
        form = VisitForm(initial={"person": person.pk}, signals=signals)
        return _visit_page(request, person, form)
    # The person named in the form, looked up without scoping: the service refuses one
    # outside the worker's grids with the rule (a 404 would not say why).
    pk = request.POST.get("person", "")
    person = (
        KeyPerson.objects.select_related("org_unit").filter(pk=int(pk)).first()
        if pk.isdigit()
        else None
    )
    if person is not None and services.may_visit(user, person.org_unit):
        town = services.town_of(person.org_unit)
        signals = [s.name for s in selectors.signals_of(town, active_only=False)]
    else:  # refused by the service below, naming the rule, before any signal is read
        signals = request.POST.getlist("signals")
    form = VisitForm(request.POST, request.FILES, signals=signals)
    refusal = None
    if form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("person")
        try:
            visit, created = services.visit_record(actor=user, person=person, **data)
        except ServiceError as exc:
            refusal = exc.message
            apply_service_error(form, exc)
        else:
            url = reverse("grids:visit_detail", args=[visit.pk])
            if _wants_json(request):
                body = {"status": "created" if created else "replayed", "url": url, "id": visit.pk,
                        "message": "走访已登记" if created else REPLAYED}  # fmt: skip
                return JsonResponse(body, status=201 if created else 200)
            if created:
                messages.success(request, "走访已登记")
                return redirect(url)
            # A replay (a double submit): the stored visit, said so, nothing written.
            messages.info(request, REPLAYED)
            return visit_detail(request, visit.pk)
    if _wants_json(request):
        errors = {k: [str(e) for e in v] for k, v in form.errors.items()}
        message = refusal or "提交的走访有误,请核对后重新提交"
        return JsonResponse({"status": "refused", "message": message, "errors": errors}, status=400)
    shown = person if person is not None and services.may_visit(user, person.org_unit) else None
    return _visit_page(request, shown, form, status=400)


def dispute_link(visit) -> str | None:
    """Where to register a dispute from this visit (the disputes app's form, prefilled by
    the agreed GET parameters); None while that app is not installed."""
    try:
        base = reverse("disputes:dispute_create")
    except NoReverseMatch:
        return None
    params = {
        "source": "grid_visit",
        "visit": visit.pk,
        "org_unit": visit.org_unit_id,
        "summary": visit.situation[:500],
    }
    return f"{base}?{urlencode(params)}"


@role_required(*KEY_READER_ROLES)
def visit_detail(request, pk):
    visit = selectors.visit_get(request.user, pk)
    context = {
        "visit": visit,
        "person": visit.person,
        "attachments": list(attachments_for(visit)),
        "dispute_url": dispute_link(visit),
        "purpose": PURPOSE,
    }
    return render(request, "grids/visit_detail.html", context)


@role_required(*KEY_READER_ROLES)
def visit_list(request):
    grids = selectors.grid_list(request.user)
    form = VisitFilterForm(request.GET or None, grids=grids)
    filters = {"org_unit": None, "group": "", "signals": False, "start": None, "end": None, "q": ""}
    if form.is_bound and form.is_valid():
        filters.update({k: form.cleaned_data[k] for k in filters})
    page = page_of(
        annual.narrow(selectors.visit_list(request.user, **filters), request.GET),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    context = {"form": form, "page": page, "query": _query(filters)}
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "grids/visit_list.html", context, status=status)


# --- compliance -----------------------------------------------------------------------------


def period_of(request) -> tuple:
    """The period asked for (default: this year up to today) and the form."""
    today = clock.today()
    form = PeriodForm(request.GET or None)
    start, end = today.replace(month=1, day=1), today
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    return form, start, end


@role_required(*COMPLIANCE_ROLES)
def compliance(request):
    """A town's villages and grids; for someone who sees several towns (the county), one
    row per town (remembered for a few minutes: core.snapshots) and ?town= for its grids."""
    form, start, end = period_of(request)
    view = selectors.compliance_view(
        request.user,
        start,
        end,
        town_id=request.GET.get("town"),
        fresh=snapshots.asked_fresh(request),
    )
    context = {
        "form": form,
        "start": start,
        "end": end,
        "villages": selectors.by_village(view.grids),
        "town_rows": view.towns,
        "town": view.town,
        "total": view.total,
        "groups": Group,
        "may_read_persons": request.user.has_role(*KEY_READER_ROLES),
        "snapshot": snapshots.note(request, view.taken_at, view.county),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "grids/compliance.html", context, status=status)
