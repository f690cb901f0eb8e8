"""法律顾问 pages: the registry with each adviser's work this year (one aggregate), an
adviser's terms, work record and assessments, the forms that add to them, the 考核办法,
and the .xlsx ledger for the provincial adviser information system."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import Forbidden, ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import (
    AdviserForm,
    AppointmentForm,
    AssessmentForm,
    ExportForm,
    SchemeForm,
    WorkEntryForm,
)
from .models import (
    ASSESSOR_ROLES,
    EXPORT_ROLES,
    KEEPER_ROLES,
    MANAGER_READER_ROLES,
    READER_ROLES,
    SCHEME_ROLES,
    Adviser,
    WorkEntry,
)
from .params import MIN_PRACTICE_YEARS, OPINION_2016

PAGE_SIZE = 20


def _year(request) -> int:
    today = clock.today()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return today.year
    return year if 2000 <= year <= today.year + 1 else today.year


def _keeper_unit(user) -> OrgUnit | None:
    units = user.units_for(KEEPER_ROLES)
    return units[0] if units else None


@role_required(*READER_ROLES)
def adviser_list(request):
    status = request.GET.get("status", "")
    status = status if status in Adviser.Status.values else ""
    kind = request.GET.get("kind", "")
    kind = kind if kind in Adviser.Kind.values else ""
    q = request.GET.get("q", "").strip().replace("\x00", "")[:50]
    year = _year(request)
    qs = annual.narrow(
        selectors.adviser_list(request.user, status=status, kind=kind, q=q), request.GET
    )
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    advisers = selectors.attach_work_records(page.object_list, year)
    context = {
        "page": page,
        "advisers": advisers,
        "year": year,
        "today": clock.today(),
        "status": status,
        "kind": kind,
        "q": q,
        "statuses": Adviser.Status.choices,
        "kinds": Adviser.Kind.choices,
        "can_create": request.user.has_role(*KEEPER_ROLES),
        "can_export": request.user.has_role(*EXPORT_ROLES),
        "can_see_scheme": request.user.has_role(*MANAGER_READER_ROLES),
    }
    return render(request, "advisers/adviser_list.html", context)


def _form_page(request, form, *, title, adviser=None, intro="", status=200):
    context = {"form": form, "title": title, "adviser": adviser, "intro": intro}
    return render(request, "advisers/form.html", context, status=status)


@role_required(*KEEPER_ROLES)
def adviser_create(request):
    unit = _keeper_unit(request.user)
    intro = (
        f"律师须执业满{MIN_PRACTICE_YEARS.value(unit)}年,且未受过刑事处罚、"
        f"行业惩戒或行政处罚({OPINION_2016})。"
    )
    if request.method != "POST":
        return _form_page(request, AdviserForm(unit=unit), title="登记法律顾问", intro=intro)
    form = AdviserForm(request.POST, unit=unit)
    if form.is_valid():
        data = dict(form.cleaned_data)
        user = data.pop("user")
        try:
            adviser = services.adviser_create(
                actor=request.user, user_id=user.pk if user else None, **data
            )
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已登记法律顾问{adviser.name}")
            return redirect("advisers:adviser_detail", pk=adviser.pk)
    return _form_page(request, form, title="登记法律顾问", intro=intro, status=400)


@role_required(*KEEPER_ROLES)
def adviser_edit(request, pk):
    """Correct a registry entry: the same checks as registration on the resulting values."""
    adviser = selectors.adviser_get(request.user, pk)
    title = "修改登记信息"
    intro = (
        "修改后的信息须符合登记条件:律师、公职律师须填写17位执业证号;在册律师须执业满"
        f"{MIN_PRACTICE_YEARS.value(adviser.org_unit)}年,且未受过刑事处罚、"
        f"行业惩戒或行政处罚({OPINION_2016})。"
    )
    if request.method != "POST":
        form = AdviserForm.for_adviser(adviser)
        return _form_page(request, form, title=title, adviser=adviser, intro=intro)
    form = AdviserForm.for_adviser(adviser, request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        user = data.pop("user")
        try:
            updated = services.adviser_update(
                actor=request.user, adviser=adviser, user_id=user.pk if user else None, **data
            )
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            if updated.changed_fields:
                messages.success(request, f"已修改法律顾问{updated.name}的登记信息")
            else:
                messages.info(request, "登记信息没有变化,未作修改")
            return redirect("advisers:adviser_detail", pk=adviser.pk)
    return _form_page(request, form, title=title, adviser=adviser, intro=intro, status=400)


@role_required(*READER_ROLES)
def adviser_detail(request, pk):
    adviser = selectors.adviser_get(request.user, pk)
    year = _year(request)
    record = selectors.work_records([adviser], year)[adviser.pk]
    today = clock.today()
    terms = list(adviser.appointments.all())
    current = next((t for t in terms if t.start <= today <= t.end), None)
    actions = [(t, None) for t in services.ADVISER_FLOW.available(request.user, adviser)]
    user = request.user
    keeper = user.has_role(*KEEPER_ROLES) and adviser.status == Adviser.Status.ACTIVE
    context = {
        "adviser": adviser,
        "year": year,
        "years": list(range(today.year, today.year - 5, -1)),
        "record": record,
        "entry_kinds": [(k, label, record.count(k)) for k, label in WorkEntry.Kind.choices],
        "terms": terms,
        "today": today,
        "current_term": current,
        "expired": bool(terms) and current is None and terms[-1].end < today,
        "entries": [e for e in adviser.work_entries.all() if e.date.year == year],
        "assessments": list(adviser.assessments.all()),
        "reviews": selectors.recent_reviews(adviser),
        "practice_years": adviser.practice_years(today),
        "steps": timeline(adviser),
        "actions": actions,
        "can_keep": keeper,
        # A dismissed adviser's entry can still be corrected.
        "can_edit": user.has_role(*KEEPER_ROLES),
        "can_assess": user.has_role(*ASSESSOR_ROLES)
        and adviser.user_id != user.pk
        and adviser.status == Adviser.Status.ACTIVE,
    }
    return render(request, "advisers/adviser_detail.html", context)


@require_POST
@role_required(*KEEPER_ROLES)
def adviser_transition(request, pk, verb):
    adviser = selectors.adviser_get(request.user, pk)
    return run_transition(
        request,
        adviser,
        verb,
        service=services.adviser_transition,
        redirect_to=reverse("advisers:adviser_detail", args=[adviser.pk]),
    )


def _write_page(request, pk, form_class, *, title, service, done):
    adviser = selectors.adviser_get(request.user, pk)
    if request.method != "POST":
        return _form_page(request, form_class(), title=title, adviser=adviser)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, adviser=adviser, **form.cleaned_data)
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("advisers:adviser_detail", pk=adviser.pk)
    return _form_page(request, form, title=title, adviser=adviser, status=400)


@role_required(*KEEPER_ROLES)
def appointment_create(request, pk):
    return _write_page(
        request,
        pk,
        AppointmentForm,
        title="登记聘期(聘任/续聘)",
        service=services.appointment_create,
        done="已登记聘期",
    )


@role_required(*KEEPER_ROLES)
def work_entry_create(request, pk):
    return _write_page(
        request,
        pk,
        WorkEntryForm,
        title="登记工作记录",
        service=services.work_entry_create,
        done="已登记工作记录",
    )


def _default_assessment_year(today) -> int:
    # The first quarter assesses the year just ended; later, the current year.
    return today.year - 1 if today.month <= 3 else today.year


@role_required(*ASSESSOR_ROLES)
def assessment_create(request, pk):
    adviser = selectors.adviser_get(request.user, pk)
    today = clock.today()
    scheme = services.scheme_for(adviser.org_unit)
    source = request.POST if request.method == "POST" else request.GET
    try:
        year = int(source.get("year", ""))
    except ValueError:
        year = _default_assessment_year(today)
    if not 2000 <= year <= today.year:
        year = _default_assessment_year(today)
    record = selectors.work_records([adviser], year)[adviser.pk]
    suggested = services.suggested_scores(scheme, record, adviser.org_unit)
    status = 200
    if request.method != "POST":
        form = AssessmentForm(initial={"year": year}, scheme=scheme, suggested=suggested)
    else:
        form = AssessmentForm(request.POST, scheme=scheme, suggested=suggested)
        if form.is_valid():
            try:
                a = services.assessment_create(
                    actor=request.user,
                    adviser=adviser,
                    year=form.cleaned_data["year"],
                    scores=form.scores(),
                    note=form.cleaned_data["note"],
                )
            except Forbidden as exc:
                raise PermissionDenied(exc.message) from exc
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                verdict = "续聘" if a.renew else "不予续聘"
                messages.success(request, f"{a.year}年度考核:{a.total}分,{a.grade},{verdict}")
                return redirect("advisers:adviser_detail", pk=adviser.pk)
        status = 400
    context = {
        "adviser": adviser,
        "form": form,
        "scheme": scheme,
        "record": record,
        "year": year,
    }
    return render(request, "advisers/assessment_form.html", context, status=status)


def _scheme_unit(user) -> OrgUnit | None:
    """The unit whose 考核办法 this person sees and (if allowed) sets: a law officer's
    town, a supervisor's county, a leader's town."""
    for roles in ({Role.LAW_OFFICER}, {Role.COUNTY_SUPERVISOR}, {Role.TOWN_LEADER}):
        units = user.units_for(roles)
        if units:
            return units[0]
    return None


@role_required(*MANAGER_READER_ROLES)
def scheme(request):
    unit = _scheme_unit(request.user)
    current = services.scheme_for(unit)
    can_edit = request.user.has_role(*SCHEME_ROLES)
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("只有法治办工作人员或县级督导可以修改考核办法")
        form = SchemeForm(request.POST)
        if form.is_valid():
            try:
                services.scheme_save(actor=request.user, unit=unit, **form.cleaned_data)
            except Forbidden as exc:
                raise PermissionDenied(exc.message) from exc
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, f"已保存{unit.name}的法律顾问考核办法")
                return redirect("advisers:scheme")
        status = 400
    else:
        form = SchemeForm(initial=SchemeForm.initial_for(current))
    context = {
        "unit": unit,
        "scheme": current,
        "sources": services.SOURCES,
        "form": form,
        "can_edit": can_edit,
    }
    return render(request, "advisers/scheme.html", context, status=status)


@role_required(*EXPORT_ROLES)
def adviser_export(request):
    form = ExportForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        messages.error(request, "年度不正确")
        return redirect("advisers:adviser_list")
    year = form.cleaned_data["year"] if form.is_bound else None
    return services.adviser_export(actor=request.user, filters={"year": year}).response()
