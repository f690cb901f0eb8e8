"""Meetings and study sessions: the pages, with each decision's link to break it down into tasks."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from .. import annual, selectors, services
from ..forms import (
    DecisionForm,
    HoldForm,
    MeetingFilterForm,
    MeetingForm,
)
from ..models import Meeting
from .common import (
    PAGE_ROLES,
    PAGE_SIZE,
    WRITERS,
    writable_or_403,
)

# --- meetings --------------------------------------------------------------------------------


def _meeting_filters(request):
    form = MeetingFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        return form, {
            "kind": d["kind"],
            "level": d["level"],
            "status": d["status"],
            "year": d["year"],
            "q": d["q"],
        }
    return form, {"kind": "", "level": "", "status": "", "year": None, "q": ""}


@role_required(*PAGE_ROLES)
def meeting_list(request):
    form, filters = _meeting_filters(request)
    qs = annual.narrow(selectors.meeting_list(request.user, **filters), request.GET)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "can_create": request.user.has_role(*WRITERS),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "leadership/meeting_list.html", context, status=status)


def _meeting_people(user):
    """Everyone of the towns the user keeps records for (the service refuses anyone
    outside the meeting's own town)."""
    towns = {
        services.town_of(u).pk: services.town_of(u) for u in services.writable_units(user)[:50]
    }
    qs = None
    for town in towns.values():
        people = services.people_of(town)
        qs = people if qs is None else (qs | people)
    from fazhi.core.models import User

    return qs.distinct() if qs is not None else User.objects.none()


@role_required(*WRITERS)
def meeting_create(request):
    kwargs = {
        "units": services.writable_units(request.user),
        "people": _meeting_people(request.user),
    }
    form = MeetingForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["attendees"] = list(data["attendees"])
        try:
            meeting = services.meeting_create(actor=request.user, **data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "会议已记录")
            return redirect("leadership:meeting_detail", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "leadership/form.html", {"form": form, "title": "记录会议/学习"}, status=status
    )


def task_links(meeting: Meeting) -> list[tuple]:
    """Each decision with the link that breaks it down into follow-up tasks (the tasks
    app's form reads these GET parameters; batch-2 contract). None while the tasks app
    is not installed."""
    try:
        base = reverse("tasks:task_create")
    except NoReverseMatch:
        base = None
    town = services.town_of(meeting.org_unit)
    links = []
    for d in meeting.decisions.all():
        query = urlencode(
            {"source": "meeting", "meeting": meeting.pk, "title": d.text, "org_unit": town.pk}
        )
        links.append((d, f"{base}?{query}" if base else None))
    return links


@role_required(*PAGE_ROLES)
def meeting_detail(request, pk):
    meeting = selectors.meeting_get(request.user, pk)
    can_write = services.may_write(request.user, meeting.org_unit)
    attendances = list(meeting.attendances.all())
    context = {
        "meeting": meeting,
        "present": [a for a in attendances if a.present],
        "absent": [a for a in attendances if not a.present],
        "decisions": task_links(meeting),
        "can_write": can_write,
        "hold_form": HoldForm() if can_write and meeting.status == Meeting.Status.PLANNED else None,
        "decision_form": DecisionForm()
        if can_write and meeting.status == Meeting.Status.HELD
        else None,
        "steps": timeline(meeting),
        "attachments": list(attachments_for(meeting)),
        "today": clock.today(),
    }
    return render(request, "leadership/meeting_detail.html", context)


@require_POST
@role_required(*WRITERS)
def meeting_hold(request, pk):
    meeting = selectors.meeting_get(request.user, pk)
    writable_or_403(request, meeting.org_unit)
    return run_transition(
        request,
        meeting,
        "hold",
        service=services.meeting_hold,
        redirect_to=reverse("leadership:meeting_detail", args=[meeting.pk]),
        form=HoldForm(request.POST),
    )


@require_POST
@role_required(*WRITERS)
def decision_add(request, pk):
    meeting = selectors.meeting_get(request.user, pk)
    writable_or_403(request, meeting.org_unit)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(
                actor=request.user, meeting=meeting, text=form.cleaned_data["text"]
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "会议决定已增加")
    else:
        messages.error(request, "请填写决定事项")
    return redirect("leadership:meeting_detail", pk=meeting.pk)


@role_required(*PAGE_ROLES)
def meeting_export(request):
    _, filters = _meeting_filters(request)
    return services.meeting_export(actor=request.user, filters=filters).response()
