"""社会矛盾预警 pages: the warnings of one's scope (filters, counts by colour, 立即研判 for
the law officer), and one warning with its factor breakdown, the link to its matter, the
response and dismissal forms and its timeline."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import DismissForm, RespondForm, WarningFilterForm
from .models import READER_ROLES, Colour

PAGE_SIZE = 30
FORMS = {"respond": RespondForm, "dismiss": DismissForm}


@role_required(*READER_ROLES)
def warning_list(request):
    user = request.user
    form = WarningFilterForm(request.GET or None, units=selectors.unit_choices(user))
    status = 200
    if form.is_bound and form.is_valid():
        filters = form.filters()
    else:
        filters = {"colour": "", "state": "active", "kind": "", "unit": None, "q": ""}
        status = 400 if form.is_bound else 200
    warnings = annual.narrow(selectors.warning_list(user, **filters), request.GET)
    page = page_of(warnings, request.GET.get("page"), PAGE_SIZE)
    query = urlencode({k: (v.pk if k == "unit" else v) for k, v in filters.items() if v})
    town = services.town_of(user) if user.has_role(Role.LAW_OFFICER) else None
    context = {
        "form": form,
        "page": page,
        "query": query,
        "counts": selectors.colour_counts(user, filters["unit"]),
        "can_evaluate": town is not None,
        "town": town,
        "today": clock.today(),
        "no_providers": not services.providers(),
    }
    return render(request, "earlywarning/warning_list.html", context, status=status)


@require_POST
@role_required(Role.LAW_OFFICER)
def warning_evaluate(request):
    """立即研判: the law officer's town, as of today."""
    try:
        result = services.evaluate_now(actor=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        for line in result.lines():
            (messages.warning if result.no_providers or result.failed else messages.success)(
                request, line
            )
    return redirect("earlywarning:warning_list")


@role_required(*READER_ROLES)
def warning_detail(request, pk):
    warning = selectors.warning_get(request.user, pk)
    actions = [
        (t, FORMS[t.verb]() if t.verb in FORMS else None)
        for t in services.WARNING_FLOW.available(request.user, warning)
    ]
    context = {
        "warning": warning,
        "actions": actions,
        "steps": timeline(warning),
        "today": clock.today(),
        "colours": Colour,
    }
    return render(request, "earlywarning/warning_detail.html", context)


@require_POST
@role_required(*READER_ROLES)
def warning_transition(request, pk, verb):
    warning = selectors.warning_get(request.user, pk)
    flow = services.WARNING_FLOW
    t = next((t for t in flow.transitions if t.verb == verb and not t.system), None)
    if t is None:
        raise Http404("没有这个操作")
    if not flow.may(t, request.user, warning):
        raise PermissionDenied(f"无权执行“{t.label}”")
    return run_transition(
        request,
        warning,
        verb,
        service=services.warning_transition,
        redirect_to=reverse("earlywarning:warning_detail", args=[pk]),
        form=FORMS[verb](request.POST),
    )
