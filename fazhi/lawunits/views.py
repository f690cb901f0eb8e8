"""法治单元 pages: 民主法治村(社区) creation (rates per tier, records, a record's checklist
with evidence and its stages), the registries of 法治微单元 (with the villages short of
法律明白人), 村规民约 filed and pre-reviewed, and the town's checklist and types. Village
cadres use them on a phone: one column, large targets."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock, pii
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import selectors, services
from .forms import (
    AcceptForm,
    CriterionForm,
    EntryForm,
    EvidenceForm,
    FileForm,
    NameForm,
    RecordFilterForm,
    RecordForm,
    RefileForm,
    RegistryFilterForm,
    RemoveForm,
    RulesFilterForm,
    RulesForm,
    TrainingForm,
    TypeForm,
)
from .models import Criterion, RegistryEntry, UnitType, VillageRecord, VillageRules

PAGE_SIZE = 20
PAGE_ROLES = services.PAGE_ROLES


def _filters(form, keys):
    if form.is_bound and form.is_valid():
        return {k: form.cleaned_data.get(k) or "" for k in keys}
    return {k: "" for k in keys}


def _writable_villages(user, roles=services.WRITER_ROLES):
    return (
        OrgUnit.objects.visible_to(user, roles)
        .filter(kind__in=("village", "community"), is_active=True)
        .select_related("parent")
        .order_by("code")
    )


def _town_of(user):
    towns = [u for u in user.units_for(services.OFFICE_ROLES) if u.kind == OrgUnit.Kind.TOWN]
    return towns[0] if towns else None


def _transition_or_denied(flow, user, obj, verb):
    t = next((t for t in flow.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    if not flow.may(t, user, obj):
        raise PermissionDenied(f"无权执行“{t.label}”")
    return t


# --- 民主法治村(社区) -------------------------------------------------------------------------


@role_required(*PAGE_ROLES)
def village_list(request):
    form = RecordFilterForm(request.GET or None)
    filters = _filters(form, ("tier", "status"))
    qs = selectors.record_list(request.user, **filters)
    context = {
        "form": form,
        "page": page_of(qs, request.GET.get("page"), PAGE_SIZE),
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "rates": selectors.tier_rates(request.user),
        "can_create": request.user.has_role(*services.OFFICE_ROLES),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "lawunits/village_list.html", context, status=status)


@role_required(*services.OFFICE_ROLES)
def record_create(request):
    villages = _writable_villages(request.user, services.OFFICE_ROLES)
    form = RecordForm(request.POST or None, villages=villages)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                record = services.record_create(actor=request.user, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "创建记录已登记,请村里逐项上传佐证材料")
                return redirect("lawunits:record_detail", pk=record.pk)
    return render(request, "lawunits/record_form.html", {"form": form}, status=status)


@role_required(*PAGE_ROLES)
def record_detail(request, pk):
    record = selectors.record_get(request.user, pk)
    rows = selectors.checklist(record)
    files = {}
    for _, evidence in rows:
        if evidence is not None:
            files[evidence.pk] = list(attachments_for(evidence))
    can_upload = (
        record.status == VillageRecord.Stage.CREATING
        and request.user.has_role(*services.WRITER_ROLES)
        and selectors.villages_visible(request.user).filter(pk=record.org_unit_id).exists()
    )
    checklist = [
        {"criterion": c, "evidence": e, "files": files.get(e.pk, []) if e else [],
         "form": EvidenceForm(initial={"criterion": c.pk}) if can_upload else None}
        for c, e in rows
    ]  # fmt: skip
    actions = [
        (t, NameForm() if t.verb == "name" else None)
        for t in services.RECORD_FLOW.available(request.user, record)
    ]
    context = {
        "record": record,
        "checklist": checklist,
        "missing": sum(1 for row in checklist if not row["files"]),
        "actions": actions,
        "steps": timeline(record),
        "can_upload": can_upload,
    }
    return render(request, "lawunits/record_detail.html", context)


@require_POST
@role_required(*services.WRITER_ROLES)
def evidence_upload(request, pk):
    record = get_visible_or_404(
        VillageRecord.objects.select_related("org_unit"), request.user, services.WRITER_ROLES, pk=pk
    )
    form = EvidenceForm(request.POST, request.FILES)
    back = redirect("lawunits:record_detail", pk=record.pk)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件")
        return back
    criterion = Criterion.objects.filter(pk=form.cleaned_data["criterion"]).first()
    if criterion is None:
        raise Http404("没有这个创建标准")
    try:
        services.evidence_upload(
            actor=request.user,
            record=record,
            criterion=criterion,
            uploaded_file=form.cleaned_data["file"],
            note=form.cleaned_data["note"],
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"“{criterion.name}”的佐证材料已上传")
    return back


@require_POST
@role_required(*services.WRITER_ROLES)
def record_transition(request, pk, verb):
    record = get_visible_or_404(
        VillageRecord.objects.select_related("org_unit"), request.user, services.WRITER_ROLES, pk=pk
    )
    _transition_or_denied(services.RECORD_FLOW, request.user, record, verb)
    return run_transition(
        request,
        record,
        verb,
        service=services.record_transition,
        redirect_to=reverse("lawunits:record_detail", args=[pk]),
        form=NameForm(request.POST) if verb == "name" else None,
    )


# --- registries ---------------------------------------------------------------------------


@role_required(*PAGE_ROLES)
def registry_list(request):
    user = request.user
    villages = list(selectors.villages_visible(user))
    types = list(selectors.types_visible(user))
    form = RegistryFilterForm(request.GET or None, types=types, villages=villages)
    filters = _filters(form, ("unit_type", "village", "q"))
    # The rows show the (masked) name, never the ID number or phone: left unread, each
    # would be a decryption per row.
    qs = selectors.entry_list(user, **filters).defer(*pii.unread(RegistryEntry, ""))
    context = {
        "form": form,
        "page": page_of(qs, request.GET.get("page"), PAGE_SIZE),
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "understanders": selectors.understanders_by_village(user, villages),
        "type_counts": selectors.type_counts(user),
        "can_create": user.has_role(*services.WRITER_ROLES),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "lawunits/registry_list.html", context, status=status)


def _types_for(villages):
    towns = {v.parent_id for v in villages}
    return list(
        UnitType.objects.filter(org_unit_id__in=towns, is_active=True).order_by("position", "id")
    )


@role_required(*services.WRITER_ROLES)
def entry_create(request):
    villages = _writable_villages(request.user)
    for town in {v.parent for v in villages}:
        if not UnitType.objects.filter(org_unit=town).exists():
            services.types_seed(actor=request.user, town=town)
    types = _types_for(villages)
    form = EntryForm(request.POST or None, villages=villages, types=types)
    if request.method == "GET" and request.GET.get("type"):
        match = [t.pk for t in types if t.code == request.GET["type"]]
        form.fields["unit_type"].initial = match[0] if match else None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                entry = services.entry_create(actor=request.user, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "已登记")
                return redirect("lawunits:entry_detail", pk=entry.pk)
    return render(request, "lawunits/entry_form.html", {"form": form}, status=status)


@role_required(*PAGE_ROLES)
def entry_detail(request, pk):
    entry = selectors.entry_get(request.user, pk)
    can_write = (
        entry.is_active
        and request.user.has_role(*services.WRITER_ROLES)
        and OrgUnit.objects.visible_to(request.user, services.WRITER_ROLES)
        .filter(pk=entry.org_unit_id)
        .exists()
    )
    context = {
        "entry": entry,
        "trainings": list(entry.trainings.all()),
        "files": list(attachments_for(entry)),
        "can_write": can_write,
        "training_form": TrainingForm(initial={"held_on": clock.today()}),
        "file_form": FileForm(),
        "remove_form": RemoveForm(),
    }
    return render(request, "lawunits/entry_detail.html", context)


def _writable_entry(request, pk):
    from .models import RegistryEntry

    return get_visible_or_404(
        RegistryEntry.objects.select_related("org_unit", "unit_type"),
        request.user,
        services.WRITER_ROLES,
        pk=pk,
    )


@require_POST
@role_required(*services.WRITER_ROLES)
def entry_evidence(request, pk):
    entry = _writable_entry(request, pk)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件")
    else:
        try:
            services.entry_evidence_add(
                actor=request.user, entry=entry, uploaded_file=form.cleaned_data["file"]
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "佐证材料已上传")
    return redirect("lawunits:entry_detail", pk=entry.pk)


@require_POST
@role_required(*services.WRITER_ROLES)
def training_add(request, pk):
    entry = _writable_entry(request, pk)
    form = TrainingForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "培训记录填写有误:" + "；".join(e for es in form.errors.values() for e in es)
        )
    else:
        try:
            services.training_add(actor=request.user, entry=entry, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "培训记录已添加")
    return redirect("lawunits:entry_detail", pk=entry.pk)


@require_POST
@role_required(*services.WRITER_ROLES)
def entry_remove(request, pk):
    entry = _writable_entry(request, pk)
    form = RemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写移出原因")
    else:
        try:
            services.entry_remove(actor=request.user, entry=entry, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已移出名册")
    return redirect("lawunits:entry_detail", pk=entry.pk)


# --- 村规民约 ----------------------------------------------------------------------------------


@role_required(*PAGE_ROLES)
def villagerules_list(request):
    form = RulesFilterForm(request.GET or None)
    filters = _filters(form, ("status", "q"))
    qs = selectors.rules_list(request.user, **filters)
    context = {
        "form": form,
        "page": page_of(qs, request.GET.get("page"), PAGE_SIZE),
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "counts": selectors.rules_counts(request.user),
        "can_create": request.user.has_role(*services.WRITER_ROLES),
        "today": clock.today(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "lawunits/villagerules_list.html", context, status=status)


@role_required(*services.WRITER_ROLES)
def rules_create(request):
    villages = _writable_villages(request.user)
    form = RulesForm(request.POST or None, request.FILES or None, villages=villages)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["uploaded_file"] = data.pop("file")
            try:
                rules = services.rules_file(actor=request.user, **data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                if rules.finding_count:
                    messages.warning(
                        request,
                        f"已报备。智能预审提示{rules.finding_count}处可能违法的内容,请对照修改",
                    )
                else:
                    messages.success(request, "已报备,智能预审未发现问题,等待镇法治办审查")
                return redirect("lawunits:rules_detail", pk=rules.pk)
    return render(request, "lawunits/rules_form.html", {"form": form}, status=status)


def _rules_form(verb, rules, data=None):
    if verb == "accept":
        return AcceptForm(data)
    if verb == "refile":
        return RefileForm(data, initial=None if data else {"text": rules.text})
    return None


@role_required(*PAGE_ROLES)
def rules_detail(request, pk):
    rules = selectors.rules_get(request.user, pk)
    actions = [
        (t, _rules_form(t.verb, rules)) for t in services.RULES_FLOW.available(request.user, rules)
    ]
    can_attach = (
        request.user.has_role(*services.WRITER_ROLES)
        and rules.status != VillageRules.Status.ACCEPTED
    )
    context = {
        "rules": rules,
        "actions": actions,
        "steps": timeline(rules),
        "files": list(attachments_for(rules)),
        "file_form": FileForm() if can_attach else None,
        "today": clock.today(),
    }
    return render(request, "lawunits/rules_detail.html", context)


@require_POST
@role_required(*services.WRITER_ROLES)
def rules_transition(request, pk, verb):
    rules = get_visible_or_404(
        VillageRules.objects.select_related("org_unit"), request.user, services.WRITER_ROLES, pk=pk
    )
    _transition_or_denied(services.RULES_FLOW, request.user, rules, verb)
    return run_transition(
        request,
        rules,
        verb,
        service=services.rules_transition,
        redirect_to=reverse("lawunits:rules_detail", args=[pk]),
        form=_rules_form(verb, rules, request.POST),
    )


@require_POST
@role_required(*services.WRITER_ROLES)
def rules_attach(request, pk):
    rules = get_visible_or_404(
        VillageRules.objects.select_related("org_unit"), request.user, services.WRITER_ROLES, pk=pk
    )
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件")
    else:
        try:
            services.rules_attach(
                actor=request.user, rules=rules, uploaded_file=form.cleaned_data["file"]
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "材料已上传")
    return redirect("lawunits:rules_detail", pk=rules.pk)


# --- the town's checklist and types ----------------------------------------------------------


@role_required(*services.OFFICE_ROLES)
def config(request):
    town = _town_of(request.user)
    if town is None:
        raise PermissionDenied("只有乡镇法治办工作人员可以设置")
    criterion_form = CriterionForm(
        request.POST if request.POST.get("form") == "criterion" else None
    )
    type_form = TypeForm(request.POST if request.POST.get("form") == "type" else None)
    status = 200
    if request.method == "POST":
        status = 400
        try:
            if request.POST.get("form") == "criterion" and criterion_form.is_valid():
                services.criterion_add(actor=request.user, town=town, **criterion_form.cleaned_data)
                messages.success(request, "创建标准已添加")
                return redirect("lawunits:config")
            if request.POST.get("form") == "type" and type_form.is_valid():
                services.type_add(actor=request.user, town=town, **type_form.cleaned_data)
                messages.success(request, "类型已添加")
                return redirect("lawunits:config")
            if request.POST.get("form") == "retire":
                raw = request.POST.get("criterion") or ""
                if not (raw.isdigit() and len(raw) < 18):
                    raise Http404("没有这个创建标准")
                c = get_visible_or_404(
                    Criterion.objects.all(), request.user, services.OFFICE_ROLES, pk=int(raw)
                )
                services.criterion_retire(actor=request.user, criterion=c)
                messages.success(request, f"已停用“{c.name}”")
                return redirect("lawunits:config")
        except ServiceError as exc:
            form = criterion_form if request.POST.get("form") == "criterion" else type_form
            apply_service_error(form, exc)
    context = {
        "town": town,
        "criteria": list(services.criteria_of(town)),
        "types": list(services.types_of(town)),
        "criterion_form": criterion_form,
        "type_form": type_form,
    }
    return render(request, "lawunits/config.html", context, status=status)
