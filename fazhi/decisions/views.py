"""重大行政决策 pages: the decisions of one's scope, the year's catalogues, one catalogue
with its matters, one decision with its five procedures (each with what is still
missing, the evidence, and the forms of the current step), the archived file's download,
and the public, read-only catalogue (no login, phone-sized)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit, User
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, forms, selectors, services
from .models import Catalogue, Decision
from .services import consult

PAGE_SIZE = 20
S = Decision.Status


@role_required(*services.PAGE_ROLES)
def decision_list(request):
    form = forms.FilterForm(request.GET or None)
    filters = {"status": "", "year": None, "q": ""}
    if form.is_bound and form.is_valid():
        filters.update({k: form.cleaned_data[k] for k in filters if form.cleaned_data.get(k)})
    page = page_of(
        annual.narrow(selectors.decision_list(request.user, **filters), request.GET),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    context = {
        "form": form,
        "page": page,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "today": clock.today(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "decisions/decision_list.html", context, status=status)


def _towns(user):
    return (
        OrgUnit.objects.visible_to(user, services.OFFICE_ROLES)
        .filter(kind=OrgUnit.Kind.TOWN, is_active=True)
        .order_by("code")
    )


@role_required(*services.PAGE_ROLES)
def catalogue(request):
    """The catalogues of one's scope; the law officer starts a year's catalogue here."""
    can_create = request.user.has_role(*services.OFFICE_ROLES)
    form = forms.CatalogueForm(request.POST or None, initial={"year": clock.today().year})
    status = 200
    if request.method == "POST":
        if not can_create:
            raise PermissionDenied("只有法治办工作人员可以编制决策事项目录")
        status = 400
        towns = list(_towns(request.user)[:1])
        if form.is_valid():
            try:
                cat = services.catalogue_create(
                    actor=request.user,
                    org_unit=towns[0] if towns else None,
                    year=form.cleaned_data["year"],
                )
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "目录已创建,请逐项列入决策事项")
                return redirect("decisions:catalogue_detail", pk=cat.pk)
    context = {
        "catalogues": list(selectors.catalogue_list(request.user)[:50]),
        "form": form,
        "can_create": can_create,
    }
    return render(request, "decisions/catalogue.html", context, status=status)


def _public_url(cat: Catalogue) -> str:
    return reverse("decisions:public_catalogue", args=[cat.org_unit.code, cat.year])


@role_required(*services.PAGE_ROLES)
def catalogue_detail(request, pk):
    cat = selectors.catalogue_get(request.user, pk)
    can_add = request.user.has_role(*services.OFFICE_ROLES) and cat.status == Catalogue.Status.DRAFT
    form = forms.ItemForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not request.user.has_role(*services.OFFICE_ROLES):
            raise PermissionDenied("只有法治办工作人员可以增加决策事项")
        status = 400
        if form.is_valid():
            try:
                services.decision_create(actor=request.user, catalogue=cat, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "决策事项已列入目录")
                return redirect("decisions:catalogue_detail", pk=cat.pk)
    context = {
        "cat": cat,
        "items": list(cat.decisions.select_related("org_unit").order_by("id")),
        "actions": [(t, None) for t in services.CATALOGUE_FLOW.available(request.user, cat)],
        "steps": timeline(cat),
        "form": form,
        "can_add": can_add,
        "public_url": _public_url(cat) if cat.status == Catalogue.Status.PUBLISHED else "",
    }
    return render(request, "decisions/catalogue_detail.html", context, status=status)


@require_POST
@role_required(*services.WRITER_ROLES)
def catalogue_transition(request, pk, verb):
    cat = get_visible_or_404(
        Catalogue.objects.select_related("org_unit"), request.user, services.WRITER_ROLES, pk=pk
    )
    _transition_or_denied(services.CATALOGUE_FLOW, request.user, cat, verb)
    return run_transition(
        request,
        cat,
        verb,
        service=services.catalogue_transition,
        redirect_to=reverse("decisions:catalogue_detail", args=[pk]),
    )


def _transition_or_denied(flow, user, obj, verb):
    t = next((t for t in flow.transitions if t.verb == verb and not t.system), None)
    if t is None:
        raise Http404("没有这个操作")
    if not flow.may(t, user, obj):
        raise PermissionDenied(f"无权执行“{t.label}”")
    return t


def _town_people(d: Decision):
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__org_unit__code__startswith=d.org_unit.code[:9],
        )
        .distinct()
        .order_by("full_name", "username")
    )


def _reviewers(d: Decision):
    from fazhi.reviews.selectors import reviewer_candidates

    return reviewer_candidates(d.org_unit, exclude=d.created_by_id)


def _transition_form(d: Decision, verb: str, data=None):
    cls = forms.TRANSITION_FORMS.get(verb)
    if cls is None:
        return None
    if cls is forms.ReviewerForm:
        return cls(data, reviewers=_reviewers(d), prefix=verb)
    initial = {}
    today = clock.today()
    if cls is forms.ConsultForm:
        from fazhi.core.deadlines import deadline

        initial = {"starts_on": today, "ends_on": deadline(today, 30, "days")}
    elif cls is forms.PublishForm:
        initial = {"published_on": today}
    return cls(data, initial=initial, prefix=verb)


def _detail_context(request, d: Decision, **bound):
    user = request.user
    office = user.has_role(*services.OFFICE_ROLES)
    writer = user.has_role(*services.WRITER_ROLES)
    from fazhi.reviews.selectors import review_history

    experts = list(d.experts.all())
    risk = getattr(d, "risk", None)
    discussion = getattr(d, "discussion", None)
    people = _town_people(d)
    in_force = d.status in (S.PUBLISHED, S.ARCHIVED)
    consultation = consult.consultation_of(d)
    return {
        "d": d,
        "gates": services.gate_report(d),
        "steps": timeline(d),
        "actions": [
            (t, _transition_form(d, t.verb)) for t in services.DECISION_FLOW.available(user, d)
        ],
        "consultation": consultation,
        "consultation_url": _url_or_blank("participation:consultation_detail", consultation),
        "hearings": consult.hearings_of(d),
        "participation_ready": consult.available(),
        "reviews": review_history(d),
        "experts": [(e, list(attachments_for(e))) for e in experts],
        "risk": risk,
        "risk_files": list(attachments_for(risk)) if risk else [],
        "discussion": discussion,
        "discussion_files": list(attachments_for(discussion)) if discussion else [],
        "reports": list(d.reports.all()),
        "evaluations": list(d.evaluations.select_related("evaluator")),
        "revisions": list(d.revisions.all()),
        "expert_form": bound.get("expert_form")
        or (forms.ExpertForm() if office and d.status == S.EXPERT else None),
        "risk_form": bound.get("risk_form")
        or (
            forms.RiskForm(people=people, initial=_risk_initial(risk))
            if office and d.status == S.RISK
            else None
        ),
        "discussion_form": bound.get("discussion_form")
        or (
            forms.DiscussionForm(initial=_discussion_initial(discussion))
            if writer and d.status == S.DISCUSSION
            else None
        ),
        "report_form": bound.get("report_form")
        or (
            forms.ReportForm(initial={"reported_on": clock.today()})
            if office and in_force
            else None
        ),
        "evaluation_form": bound.get("evaluation_form")
        or (forms.EvaluationForm(people=people) if office and in_force else None),
        "revise_form": bound.get("revise_form")
        or (
            forms.ReviseForm()
            if office
            and d.status in (S.DECIDED, S.PUBLISHED, S.ARCHIVED)
            and not d.revisions.exclude(status=S.SUPERSEDED).exists()
            else None
        ),
        "can_download": d.archived_on is not None,
        "today": clock.today(),
    }


def _url_or_blank(name, obj) -> str:
    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    try:
        return reverse(name, args=[obj.pk])
    except NoReverseMatch:
        return ""


def _risk_initial(risk):
    if risk is None:
        return {"assessed_on": clock.today()}
    return {
        "risks": risk.risks,
        "measures": risk.measures,
        "response_plan": risk.response_plan,
        "level": risk.level,
        "controllable": "1" if risk.controllable else "0",
        "assessor": risk.assessor_id,
        "assessor_org": risk.assessor_org,
        "assessed_on": risk.assessed_on,
    }


def _discussion_initial(disc):
    if disc is None:
        return {"meeting_date": clock.today()}
    return {
        "meeting_name": disc.meeting_name,
        "meeting_date": disc.meeting_date,
        "attendees": "、".join(disc.attendees),
        "speaking_order": "、".join(disc.speaking_order),
        "chief": disc.chief,
        "dissent": disc.dissent,
        "chief_reason": disc.chief_reason,
        "leadership_meeting_id": disc.leadership_meeting_id,
    }


@role_required(*services.PAGE_ROLES)
def decision_detail(request, pk):
    d = selectors.decision_get(request.user, pk)
    return render(request, "decisions/decision_detail.html", _detail_context(request, d))


@require_POST
@role_required(*services.WRITER_ROLES)
def decision_transition(request, pk, verb):
    d = get_visible_or_404(
        Decision.objects.select_related("org_unit", "catalogue"),
        request.user,
        services.WRITER_ROLES,
        pk=pk,
    )
    _transition_or_denied(services.DECISION_FLOW, request.user, d, verb)
    return run_transition(
        request,
        d,
        verb,
        service=services.decision_transition,
        redirect_to=reverse("decisions:decision_detail", args=[pk]),
        form=_transition_form(d, verb, request.POST),
    )


@role_required(*services.PAGE_ROLES)
def archive_download(request, pk):
    d = selectors.decision_get(request.user, pk)
    try:
        return services.decision_archive_file(actor=request.user, decision=d).response()
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("decisions:decision_detail", pk=d.pk)
