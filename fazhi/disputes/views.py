"""矛盾纠纷 pages: the list (filters, search, warnings), intake (also prefilled from a grid
visit), a dispute with its parties, routing, sessions, agreement, judicial confirmation,
follow-ups and timeline; the forms of each step; and the resident's own reports."""

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
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.views.workflow import form_errors_text, run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import (
    AgreementForm,
    DisputeFilterForm,
    DisputeForm,
    FailForm,
    FollowUpForm,
    JudicialApplyForm,
    JudicialDecideForm,
    JudicialWaiveForm,
    NoteForm,
    OnlineForm,
    OptionalPartyForm,
    PartyForm,
    RefuseForm,
    RouteForm,
    SessionForm,
    SignForm,
)
from .models import PAGE_ROLES, Agreement, Dispute, Party

PAGE_SIZE = 20
PARTY_ROWS = 3
S = Dispute.Status


def _filter_units(user):
    # Not sliced: the form validates a choice with queryset.get(), which a sliced queryset
    # refuses, so every unit picked was "不在可用的选项中" (400). A county has about 330.
    return (
        OrgUnit.objects.visible_to(user)
        .filter(kind__in=["town", "village", "community"], is_active=True)
        .order_by("code")
    )


@role_required(*PAGE_ROLES)
def dispute_list(request):
    user = request.user
    form = DisputeFilterForm(
        request.GET or None,
        categories=services.category_choices(None),
        units=_filter_units(user),
        warnings=selectors.WARNINGS,
    )
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v not in ("", None)}
    qs = annual.narrow(selectors.dispute_list(user, **filters), request.GET)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    query = urlencode({k: (v.pk if isinstance(v, OrgUnit) else v) for k, v in filters.items()})
    context = {
        "form": form,
        "page": page,
        "query": query,
        "can_create": user.has_role(*services.INTAKE_ROLES),
        "today": clock.today(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "disputes/dispute_list.html", context, status=status)


def _party_forms(data=None, initial_rows=()):
    forms = []
    for n in range(PARTY_ROWS):
        klass = PartyForm if n < 2 else OptionalPartyForm
        initial = initial_rows[n] if n < len(initial_rows) else {}
        if n < 2 and not initial:
            initial = {"role": "applicant" if n == 0 else "respondent"}
        forms.append(klass(data, prefix=f"party-{n}", initial=initial))
    return forms


def _prefill(request, units) -> dict:
    """The grid-visit contract: ?source=grid_visit&visit=&org_unit=&summary= prefill."""
    get = request.GET
    initial = {}
    if get.get("source") in dict(Dispute.Source.choices) and get["source"] != "online":
        initial["source"] = get["source"]
    visit = get.get("visit", "")
    if visit.isdigit() and 0 < int(visit) < 2**63:
        initial["source_visit_id"] = int(visit)
    unit = get.get("org_unit", "")
    if unit.isdigit() and int(unit) < 2**63:
        found = units.filter(pk=int(unit)).first()
        if found is not None:
            initial["org_unit"] = found.pk
    if get.get("summary"):
        initial["summary"] = get["summary"][:5000]
    return initial


@role_required(*services.INTAKE_ROLES)
def dispute_create(request):
    user = request.user
    units = services.intake_units(user)
    kwargs = {
        "units": units,
        "sources": services.STAFF_SOURCES,
        "categories": services.category_choices(units.first()),
    }
    if request.method != "POST":
        form = DisputeForm(initial=_prefill(request, units), **kwargs)
        parties = _party_forms()
        return _create_page(request, form, parties)
    form = DisputeForm(request.POST, **kwargs)
    parties = _party_forms(request.POST)
    if form.is_valid() and all(p.is_valid() for p in parties):
        data = form.cleaned_data
        try:
            dispute = services.dispute_create(
                actor=user,
                org_unit=data["org_unit"],
                source=data["source"],
                source_visit_id=data["source_visit_id"],
                category=data["category"],
                place=data["place"],
                summary=data["summary"],
                amount=data["amount"],
                involved_count=data["involved_count"],
                parties=[p.cleaned_data for p in parties],
            )
        except ServiceError as exc:
            _apply_party_errors(exc, parties)
            apply_service_error(form, exc)
        else:
            messages.success(request, "纠纷已登记")
            return redirect("disputes:dispute_detail", pk=dispute.pk)
    return _create_page(request, form, parties, status=400)


def _apply_party_errors(exc, parties) -> None:
    for key, errors in list(exc.errors.items()):
        if key.startswith("party-"):
            _, n, field = key.split("-", 2)
            form = parties[int(n)] if int(n) < len(parties) else None
            if form is not None and field in form.fields:
                for e in errors:
                    form.add_error(field, e)


def _create_page(request, form, parties, status=200):
    context = {"form": form, "parties": parties}
    return render(request, "disputes/dispute_form.html", context, status=status)


def _actions(user, dispute, agreement):
    actions = []
    for t in services.DISPUTE_FLOW.available(user, dispute):
        if t.verb not in services.BUTTON_VERBS:
            continue
        if t.verb == "close" and dispute.status not in Dispute.OUTCOMES:
            continue  # no closing before an outcome (the guard says why if posted)
        if t.verb == "refuse":
            form = RefuseForm(parties=dispute.parties.all())
        elif t.verb == "fail":
            form = FailForm(initial={"remedies": services.DEFAULT_REMEDIES})
        else:
            form = None
        actions.append((t, form))
    return actions


@role_required(*PAGE_ROLES)
def dispute_detail(request, pk):
    user = request.user
    dispute = selectors.dispute_get(user, pk)
    agreement = selectors.agreement_of(dispute)
    parties = list(dispute.parties.all())
    earlier_count, earlier = selectors.earlier_disputes(user, dispute, parties)
    mediator = services.may_mediate(user, dispute)
    context = {
        "dispute": dispute,
        "parties": parties,
        "agreement": agreement,
        "agreement_files": list(attachments_for(agreement)) if agreement else [],
        "court_due": services.court_due(agreement) if agreement else None,
        "earlier_count": earlier_count,
        "earlier": earlier,
        "steps": timeline(dispute),
        "actions": _actions(user, dispute, agreement) if mediator else [],
        "mediator": mediator,
        "is_open": dispute.status in Dispute.OPEN,
        "visit_url": _visit_url(dispute),
        "today": clock.today(),
    }
    if mediator and agreement is not None:
        J = Agreement.Judicial
        if agreement.form == Agreement.Form.WRITTEN and not agreement.signed_on:
            context["sign_form"] = SignForm()
        if agreement.judicial_state == J.OPEN:
            context["apply_form"] = JudicialApplyForm()
            context["waive_form"] = JudicialWaiveForm()
        if agreement.judicial_state == J.APPLIED:
            context["decide_form"] = JudicialDecideForm()
    if mediator and dispute.status == S.MEDIATED:
        context["followup_form"] = FollowUpForm()
    return render(request, "disputes/dispute_detail.html", context)


def _visit_url(dispute) -> str:
    """The grid visit a dispute came from (the grids app's page, by URL name only)."""
    if not dispute.source_visit_id:
        return ""
    try:
        return reverse("grids:visit_detail", args=[dispute.source_visit_id])
    except NoReverseMatch:  # the grids app is not installed here
        return ""


def _mediated_or_404(request, pk) -> Dispute:
    """A dispute the user mediates (visible to them as a mediator); else 404/403."""
    dispute = get_visible_or_404(
        Dispute.objects.select_related("org_unit"), request.user, services.MEDIATOR_ROLES, pk=pk
    )
    if not services.may_mediate(request.user, dispute):
        raise PermissionDenied("无权办理该纠纷")
    return dispute


@require_POST
@role_required(*services.MEDIATOR_ROLES)
def dispute_transition(request, pk, verb):
    dispute = _mediated_or_404(request, pk)
    if verb not in services.BUTTON_VERBS:
        raise Http404("没有这个操作")
    form = {
        "refuse": lambda: RefuseForm(request.POST, parties=dispute.parties.all()),
        "fail": lambda: FailForm(request.POST),
    }.get(verb, lambda: NoteForm(request.POST))()
    return run_transition(
        request,
        dispute,
        verb,
        service=services.dispute_transition,
        redirect_to=reverse("disputes:dispute_detail", args=[pk]),
        form=form,
    )


def _step_page(request, dispute, form, template, run, success, extra=None):
    """GET shows the step's form; POST runs the service; refusals stay on the form (400)."""
    context = {"dispute": dispute, "form": form, **(extra or {})}
    context.setdefault("step_title", STEP_TITLES.get(template, ""))
    if request.method != "POST":
        return render(request, template, context)
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, success)
            if not Dispute.objects.visible_to(request.user).filter(pk=dispute.pk).exists():
                return redirect("disputes:dispute_list")  # routed out of one's scope
            return redirect("disputes:dispute_detail", pk=dispute.pk)
    return render(request, template, context, status=400)


@role_required(*services.MEDIATOR_ROLES)
def dispute_route(request, pk):
    dispute = _mediated_or_404(request, pk)
    user = request.user
    town = dispute.org_unit.ancestor_of_kind(OrgUnit.Kind.TOWN) or dispute.org_unit
    villages = OrgUnit.objects.filter(
        code__startswith=town.code, kind__in=["village", "community"], is_active=True
    ).order_by("code")
    form = RouteForm(
        request.POST or None, bodies=services.route_choices(user, dispute), villages=villages
    )

    def run(data):
        services.dispute_route(actor=user, dispute=dispute, **data)

    return _step_page(request, dispute, form, "disputes/route_form.html", run, "已分流")


@role_required(*services.MEDIATOR_ROLES)
def party_add(request, pk):
    dispute = _mediated_or_404(request, pk)
    form = PartyForm(request.POST or None)

    def run(data):
        services.party_add(actor=request.user, dispute=dispute, **data)

    extra = {"step_title": "补充当事人"}
    return _step_page(
        request, dispute, form, "disputes/party_form.html", run, "当事人已补充", extra
    )


@role_required(*services.MEDIATOR_ROLES)
def party_edit(request, pk):
    party = get_visible_or_404(
        Party.objects.select_related("dispute__org_unit"),
        request.user,
        services.MEDIATOR_ROLES,
        pk=pk,
    )
    dispute = party.dispute
    if not services.may_mediate(request.user, dispute):
        raise PermissionDenied("无权办理该纠纷")
    initial = {f: getattr(party, f) for f in ("role", "name", "id_number", "phone", "address")}
    form = PartyForm(request.POST or None, initial=initial)

    def run(data):
        services.party_update(actor=request.user, party=party, **data)

    extra = {"step_title": f"修改当事人信息:{party.name}"}
    return _step_page(request, dispute, form, "disputes/party_form.html", run, "当事人信息已修改",
                      extra)  # fmt: skip


@role_required(*services.MEDIATOR_ROLES)
def session_add(request, pk):
    dispute = _mediated_or_404(request, pk)
    initial = {"mediators": str(request.user), "place": f"{dispute.org_unit.name}调解室"}
    form = SessionForm(request.POST or None, initial=initial)

    def run(data):
        services.session_add(actor=request.user, dispute=dispute, **data)

    return _step_page(request, dispute, form, "disputes/session_form.html", run, "调解记录已保存")


@role_required(*services.MEDIATOR_ROLES)
def agreement_create(request, pk):
    dispute = _mediated_or_404(request, pk)
    last = dispute.sessions.order_by("-held_on", "-id").first()
    initial = {"mediators": last.mediators if last else str(request.user)}
    form = AgreementForm(request.POST or None, initial=initial)

    def run(data):
        services.agreement_record(actor=request.user, dispute=dispute, **data)

    extra = {"parties": list(dispute.parties.all())}
    return _step_page(request, dispute, form, "disputes/agreement_form.html", run,
                      "调解协议已记录,纠纷调解成功", extra)  # fmt: skip


@role_required(*services.MEDIATOR_ROLES)
def agreement_docx(request, pk):
    dispute = _mediated_or_404(request, pk)
    try:
        document = services.agreement_document(actor=request.user, dispute=dispute)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("disputes:dispute_detail", pk=pk)
    return document.response()


@require_POST
@role_required(*services.MEDIATOR_ROLES)
def agreement_sign(request, pk):
    dispute = _mediated_or_404(request, pk)
    form = SignForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, f"提交的内容有误:{form_errors_text(form)}")
    else:
        try:
            services.agreement_sign(
                actor=request.user,
                dispute=dispute,
                uploaded_file=form.cleaned_data["file"],
                signed_on=form.cleaned_data["signed_on"],
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "签字盖章的调解协议书已上传,协议自签字之日起生效")
    return redirect("disputes:dispute_detail", pk=pk)


STEP_TITLES = {
    "disputes/route_form.html": "纠纷分流",
    "disputes/session_form.html": "记录调解情况",
    "disputes/agreement_form.html": "记录调解协议",
}

JUDICIAL = {
    "apply": (JudicialApplyForm, services.judicial_apply, "已记录申请司法确认"),
    "waive": (JudicialWaiveForm, services.judicial_waive, "已记录不申请司法确认"),
    "decide": (JudicialDecideForm, services.judicial_decide, "已记录法院的决定"),
}


@require_POST
@role_required(*services.MEDIATOR_ROLES)
def judicial_record(request, pk, action):
    if action not in JUDICIAL:
        raise Http404("没有这个操作")
    dispute = _mediated_or_404(request, pk)
    form_class, service, success = JUDICIAL[action]
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, f"提交的内容有误:{form_errors_text(form)}")
    else:
        try:
            service(actor=request.user, dispute=dispute, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, success)
    return redirect("disputes:dispute_detail", pk=pk)


@require_POST
@role_required(*services.MEDIATOR_ROLES)
def followup_add(request, pk):
    dispute = _mediated_or_404(request, pk)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"提交的内容有误:{form_errors_text(form)}")
    else:
        try:
            services.followup_add(actor=request.user, dispute=dispute, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "回访已记录")
    return redirect("disputes:dispute_detail", pk=pk)


# --- the resident's own reports ------------------------------------------------------------


@role_required(Role.RESIDENT)
def my_disputes(request):
    page = page_of(selectors.my_submissions(request.user), request.GET.get("page"), PAGE_SIZE)
    return render(request, "disputes/my_disputes.html", {"page": page})


@role_required(Role.RESIDENT)
def online_create(request):
    user = request.user
    try:
        unit = services.resident_unit(user)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("disputes:my_disputes")
    categories = services.category_choices(unit)
    if request.method != "POST":
        initial = {"name": user.full_name, "phone": user.phone}
        form = OnlineForm(initial=initial, categories=categories)
        return render(request, "disputes/online_form.html", {"form": form, "unit": unit})
    form = OnlineForm(request.POST, categories=categories)
    if form.is_valid():
        try:
            services.online_submit(actor=user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已提交,{unit.name}人民调解委员会将尽快与您联系")
            return redirect("disputes:my_disputes")
    context = {"form": form, "unit": unit}
    return render(request, "disputes/online_form.html", context, status=400)
