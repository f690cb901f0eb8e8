"""案例实景式教学 pages: the case library (list, a case, recording and correcting one) and
the sessions (list with "我的培训", planning, a session with its roster, evaluations and
the steps allowed now)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.views.workflow import form_errors_text, run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import (
    CaseEditForm,
    CaseFilterForm,
    CaseForm,
    EvaluateSessionForm,
    EvaluationForm,
    ParticipantForm,
    SessionEditForm,
    SessionFilterForm,
    SessionForm,
)
from .models import CURATOR_ROLES, READER_ROLES, Case, Participant, Session
from .params import case_types

PAGE_SIZE = 20


def _types_for(user) -> list[str]:
    town = services.actor_town(user)
    return case_types(town)


def _bad_filters(form) -> bool:
    return form.is_bound and not form.is_valid()


# --- the case library ----------------------------------------------------------------------


@role_required(*READER_ROLES)
def case_list(request):
    form = CaseFilterForm(request.GET or None, types=_types_for(request.user))
    filters = {"case_type": "", "q": ""}
    if form.is_bound and form.is_valid():
        filters = {k: form.cleaned_data[k] for k in filters}
    page = page_of(selectors.case_list(request.user, **filters), request.GET.get("page"), PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "can_create": request.user.has_role(*CURATOR_ROLES),
    }
    return render(
        request, "training/case_list.html", context, status=400 if _bad_filters(form) else 200
    )


@role_required(*CURATOR_ROLES)
def case_create(request):
    town = services.actor_town(request.user)
    form = CaseForm(request.POST or None, types=case_types(town))
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(actor=request.user, org_unit=town, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "案例已录入案例库")
            return redirect("training:case_detail", pk=case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "training/case_form.html", {"form": form}, status=status)


@role_required(*READER_ROLES)
def case_detail(request, pk):
    case = selectors.case_get(request.user, pk)
    context = {
        "case": case,
        "attachments": list(attachments_for(case)),
        "can_edit": selectors.curates(request.user, case.org_unit),
    }
    return render(request, "training/case_detail.html", context)


@role_required(*CURATOR_ROLES)
def case_edit(request, pk):
    case = get_visible_or_404(
        Case.objects.select_related("org_unit"), request.user, CURATOR_ROLES, pk=pk
    )
    kwargs = {"types": case_types(case.org_unit), "current": case.case_type}
    if request.method != "POST":
        form = CaseEditForm(initial=CaseForm.initial_for(case), **kwargs)
        return render(request, "training/case_form.html", {"form": form, "case": case})
    form = CaseEditForm(request.POST, **kwargs)
    if form.is_valid():
        try:
            services.case_update(actor=request.user, case=case, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "案例已修改")
            return redirect("training:case_detail", pk=case.pk)
    return render(request, "training/case_form.html", {"form": form, "case": case}, status=400)


# --- sessions ------------------------------------------------------------------------------


@role_required(*READER_ROLES)
def session_list(request):
    form = SessionFilterForm(request.GET or None)
    filters = {"status": "", "year": None, "warning": ""}
    if form.is_bound and form.is_valid():
        filters = {k: form.cleaned_data[k] for k in filters}
    page = page_of(
        annual.narrow(selectors.session_list(request.user, **filters), request.GET),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    counts = selectors.participant_counts(s.pk for s in page)
    for s in page:
        s.participant_count = counts.get(s.pk, 0)
    context = {
        "form": form,
        "page": page,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "mine": list(selectors.my_sessions(request.user)[:50]),
        "can_create": request.user.has_role(*CURATOR_ROLES),
        "today": clock.today(),
    }
    return render(
        request, "training/session_list.html", context, status=400 if _bad_filters(form) else 200
    )


def _curator_cases(user):
    return (
        Case.objects.visible_to(user, CURATOR_ROLES)
        .filter(is_active=True)
        .order_by("case_type", "title")
    )


@role_required(*CURATOR_ROLES)
def session_create(request):
    town = services.actor_town(request.user)
    kwargs = {"cases": _curator_cases(request.user), "people": services.town_people(town)}
    initial = {"case": request.GET.get("case")} if request.GET.get("case", "").isdigit() else {}
    form = SessionForm(request.POST or None, initial=initial, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "实景教学已安排,请添加参训人员并分配角色")
            return redirect("training:session_detail", pk=session.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "training/session_form.html", {"form": form}, status=status)


@role_required(*READER_ROLES)
def session_detail(request, pk):
    session = selectors.session_get(request.user, pk)
    user = request.user
    curating = selectors.curates(user, session.org_unit)
    actions = [
        (t, EvaluateSessionForm() if t.verb == "evaluate" else None)
        for t in services.SESSION_FLOW.available(user, session)
    ]
    roster_open = curating and session.status in (Session.Status.PLANNED, Session.Status.HELD)
    context = {
        "session": session,
        "case": session.case,
        "roster": session.roster,
        "steps": timeline(session),
        "actions": actions,
        "curating": curating,
        "roster_open": roster_open,
        "can_evaluate": curating and session.status == Session.Status.HELD,
        "reads_all": selectors.reads_evaluations(user, session),
        "add_form": ParticipantForm(
            roles=session.case.role_list, people=services.town_people(session.org_unit)
        )
        if roster_open
        else None,
        "ratings": services.RATINGS,
        "today": clock.today(),
    }
    return render(request, "training/session_detail.html", context)


def _curated_session(request, pk) -> Session:
    return get_visible_or_404(
        Session.objects.select_related("org_unit", "case", "host"),
        request.user,
        CURATOR_ROLES,
        pk=pk,
    )


@role_required(*CURATOR_ROLES)
def session_edit(request, pk):
    session = _curated_session(request, pk)
    people = services.town_people(session.org_unit)
    context = {"session": session}
    if request.method != "POST":
        if session.status != Session.Status.PLANNED:
            messages.error(request, "只有计划中的教学可以修改时间、地点和主持人")
            return redirect("training:session_detail", pk=pk)
        context["form"] = SessionEditForm(
            initial=SessionEditForm.initial_for(session), people=people
        )
        return render(request, "training/session_form.html", context)
    form = SessionEditForm(request.POST, people=people)
    if form.is_valid():
        try:
            services.session_update(actor=request.user, session=session, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "实景教学已修改")
            return redirect("training:session_detail", pk=pk)
    context["form"] = form
    return render(request, "training/session_form.html", context, status=400)


@require_POST
@role_required(*CURATOR_ROLES)
def participant_add(request, pk):
    session = _curated_session(request, pk)
    form = ParticipantForm(
        request.POST, roles=session.case.role_list, people=services.town_people(session.org_unit)
    )
    if not form.is_valid():
        messages.error(request, f"未添加:{form_errors_text(form)}")
    else:
        try:
            services.participant_add(actor=request.user, session=session, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已加入参训名单")
    return redirect(reverse("training:session_detail", args=[pk]) + "#roster")


def _curated_participant(request, pk) -> Participant:
    return get_visible_or_404(
        Participant.objects.select_related("session__org_unit", "user"),
        request.user,
        CURATOR_ROLES,
        pk=pk,
    )


@require_POST
@role_required(*CURATOR_ROLES)
def participant_remove(request, pk):
    participant = _curated_participant(request, pk)
    try:
        services.participant_remove(actor=request.user, participant=participant)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已将{participant.user}移出参训名单")
    return redirect(reverse("training:session_detail", args=[participant.session_id]) + "#roster")


@require_POST
@role_required(*CURATOR_ROLES)
def participant_evaluate(request, pk):
    participant = _curated_participant(request, pk)
    form = EvaluationForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"未保存评价:{form_errors_text(form)}")
    else:
        try:
            services.participant_evaluate(
                actor=request.user, participant=participant, **form.cleaned_data
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已评价{participant.user}")
    return redirect(reverse("training:session_detail", args=[participant.session_id]) + "#roster")


@require_POST
@role_required(*CURATOR_ROLES)
def session_transition(request, pk, verb):
    session = _curated_session(request, pk)
    t = next((t for t in services.SESSION_FLOW.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    form = EvaluateSessionForm(request.POST) if verb == "evaluate" else None
    return run_transition(
        request,
        session,
        verb,
        service=services.session_transition,
        redirect_to=reverse("training:session_detail", args=[pk]),
        form=form,
    )
