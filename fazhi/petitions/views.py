"""信访 pages: the list (filters, warnings, search), registering a petition, a petition
with its deadlines, repeat link, steps and timeline, its 处理意见书 (.docx), and the
county's page of every town's open petitions by age."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import FilterForm, PetitionerFormSet, PetitionForm, step_form
from .params import ruleset

PAGE_SIZE = 20
FILTERS = ("q", "state", "warning", "status", "channel", "category", "age", "year", "town")


def _filters(request):
    form = FilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        return form, data
    return form, {}


@role_required(*services.PAGE_ROLES)
def petition_list(request):
    form, filters = _filters(request)
    qs = annual.narrow(selectors.petition_list(request.user, **filters), request.GET)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "query": urlencode(filters),
        "can_create": request.user.has_role(*services.HANDLER_ROLES),
        "is_county": request.user.has_role(Role.COUNTY_SUPERVISOR),
        "today": clock.today(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "petitions/petition_list.html", context, status=status)


def _town_of(user) -> OrgUnit | None:
    units = user.units_for(services.HANDLER_ROLES)
    return next((u for u in units if u.kind == OrgUnit.Kind.TOWN), None)


def _staff(town: OrgUnit):
    """Whom a whistle-blowing may name among the system's users: staff of the town and of
    the county above it (the people who could otherwise read it)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__org_unit__code__in=[town.code, town.code[:6]],
        )
        .distinct()
        .order_by("full_name", "username")
    )


@role_required(*services.HANDLER_ROLES)
def petition_create(request):
    town = _town_of(request.user)
    if town is None:
        raise PermissionDenied("只有镇信访办(法治办)工作人员可以登记信访事项")
    staff = _staff(town)
    form = PetitionForm(request.POST or None, staff=staff)
    people = PetitionerFormSet(request.POST or None, prefix="p")
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and people.is_valid():
            rows = [f.cleaned_data for f in people.forms if f.cleaned_data]
            try:
                petition = services.petition_register(
                    actor=request.user, org_unit=town, petitioners=rows, **form.cleaned_data
                )
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, f"信访事项已登记,应于{petition.accept_due}前书面告知")
                return redirect("petitions:petition_detail", pk=petition.pk)
    context = {"form": form, "people": people, "town": town, "rules": ruleset(town)}
    return render(request, "petitions/petition_form.html", context, status=status)


@role_required(*services.PAGE_ROLES)
def petition_detail(request, pk):
    petition = selectors.petition_get(request.user, pk)
    actions = [
        (t, step_form(t.verb)()) for t in services.PETITION_FLOW.available(request.user, petition)
    ]
    repeats = list(selectors.repeats_of(request.user, petition)[:20])
    context = {
        "petition": petition,
        "petitioners": list(petition.petitioners.all()),
        "rules": ruleset(petition.rules),
        "repeats": repeats,
        "steps": timeline(petition),
        "actions": actions,
        "today": clock.today(),
        "has_answer": bool(petition.opinion),
    }
    return render(request, "petitions/petition_detail.html", context)


@require_POST
@role_required(*(services.HANDLER_ROLES | services.REVIEW_ROLES))
def petition_transition(request, pk, verb):
    petition = selectors.petition_get(request.user, pk)
    t = next((t for t in services.PETITION_FLOW.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    if not services.PETITION_FLOW.may(t, request.user, petition):
        raise PermissionDenied(f"无权执行“{t.label}”")
    return run_transition(
        request,
        petition,
        verb,
        service=services.petition_transition,
        redirect_to=reverse("petitions:petition_detail", args=[pk]),
        form=step_form(verb)(request.POST),
    )


@role_required(*services.PAGE_ROLES)
def petition_answer_docx(request, pk):
    petition = selectors.petition_get(request.user, pk)
    try:
        document = services.answer_document(actor=request.user, petition=petition)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("petitions:petition_detail", pk=pk)
    return document.response()


@role_required(*services.PAGE_ROLES)
def petition_ages(request):
    today = clock.today()
    rows = selectors.petition_ages(request.user, today)
    context = {
        "rows": rows,
        "bands": selectors.AGE_BANDS,
        "totals": [sum(r["bands"][i] for r in rows) for i in range(len(selectors.AGE_BANDS))],
        "today": today,
    }
    return render(request, "petitions/petition_ages.html", context)
