"""网格走访 pages around the visits: the grids one works in with their workers (core
memberships) and helpers, and the town's key-group categories and risk-signal choices
(kept by its law officer, read by everyone who visits)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core.forms import apply_service_error
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.scoping import get_visible_or_404, unit_in_scope

from . import selectors, services
from .forms import CategoryEditForm, CategoryForm, HelperForm, SignalForm
from .models import KEY_READER_ROLES, GridHelper, KeyGroupCategory, KeyPerson, RiskSignal


@role_required(*KEY_READER_ROLES)
def grid_list(request):
    grids = list(selectors.grid_list(request.user)[:500])
    counts = selectors.person_counts([g.pk for g in grids])
    rows = [(g, counts.get(g.pk, 0)) for g in grids]
    return render(request, "grids/grid_list.html", {"rows": rows})


def _grid(request, pk) -> OrgUnit:
    return get_visible_or_404(
        OrgUnit.objects.filter(kind=OrgUnit.Kind.GRID).select_related("parent"),
        request.user,
        KEY_READER_ROLES,
        pk=pk,
    )


@role_required(*KEY_READER_ROLES)
def grid_detail(request, pk):
    grid = _grid(request, pk)
    workers, helpers = selectors.grid_people(grid)
    can_manage = unit_in_scope(request.user, grid, services.HELPER_ROLES)
    context = {
        "grid": grid,
        "workers": workers,
        "helpers": helpers,
        "can_manage": can_manage,
        "form": HelperForm(request.POST or None) if can_manage else None,
        "persons": KeyPerson.objects.filter(org_unit=grid, is_active=True).count(),
    }
    if request.method == "POST":
        if not can_manage:
            messages.error(request, "网格助手由本镇法治办工作人员或所在村社干部登记")
            return redirect("grids:grid_detail", pk=grid.pk)
        form = context["form"]
        if form.is_valid():
            try:
                services.helper_add(actor=request.user, grid=grid, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "网格助手已登记")
                return redirect("grids:grid_detail", pk=grid.pk)
        return render(request, "grids/grid_detail.html", context, status=400)
    return render(request, "grids/grid_detail.html", context)


@require_POST
@role_required(*services.HELPER_ROLES)
def helper_end(request, pk):
    helper = get_visible_or_404(
        GridHelper.objects.select_related("org_unit"), request.user, services.HELPER_ROLES, pk=pk
    )
    try:
        services.helper_end(actor=request.user, helper=helper)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{helper.name}已离岗")
    return redirect("grids:grid_detail", pk=helper.org_unit_id)


# --- the town's categories and signals --------------------------------------------------------


def _reader_towns(user) -> list[OrgUnit]:
    """The towns whose settings the user reads: the towns of their grids."""
    codes = sorted({g.code[:9] for g in services.grid_choices(user)})
    return list(OrgUnit.objects.filter(code__in=codes).order_by("code"))


@role_required(*KEY_READER_ROLES)
def category_list(request):
    towns = _reader_towns(request.user)
    officer_towns = {t.pk for t in services.towns_configured_by(request.user)}
    sections = [
        {
            "town": t,
            "categories": selectors.categories_of(t),
            "signals": selectors.signals_of(t, active_only=False),
            "can_manage": t.pk in officer_towns,
        }
        for t in towns
    ]
    context = {"sections": sections, "category_form": CategoryForm(), "signal_form": SignalForm()}
    return render(request, "grids/category_list.html", context)


def _officer_town(request, pk) -> OrgUnit:
    return get_visible_or_404(
        OrgUnit.objects.filter(kind=OrgUnit.Kind.TOWN), request.user, services.CONFIG_ROLES, pk=pk
    )


@require_POST
@role_required(*services.CONFIG_ROLES)
def defaults_load(request, town_pk):
    town = _officer_town(request, town_pk)
    try:
        services.defaults_load(actor=request.user, town=town)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已载入默认重点人群类别和风险信号")
    return redirect("grids:category_list")


@role_required(*services.CONFIG_ROLES)
def category_create(request, town_pk):
    town = _officer_town(request, town_pk)
    form = CategoryForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.category_create(actor=request.user, town=town, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "类别已添加")
                return redirect("grids:category_list")
    context = {"form": form, "town": town, "title": "新增重点人群类别"}
    return render(request, "grids/category_form.html", context, status=status)


@role_required(*services.CONFIG_ROLES)
def category_edit(request, pk):
    category = get_visible_or_404(
        KeyGroupCategory.objects.select_related("org_unit"),
        request.user,
        services.CONFIG_ROLES,
        pk=pk,
    )
    form = CategoryEditForm(
        request.POST or None,
        initial=None if request.method == "POST" else CategoryEditForm.initial_for(category),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.category_update(actor=request.user, category=category, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "类别已修改,相关人员的应走访日期已重新计算")
                return redirect("grids:category_list")
    context = {"form": form, "town": category.org_unit, "title": f"修改类别:{category.name}"}
    return render(request, "grids/category_form.html", context, status=status)


@require_POST
@role_required(*services.CONFIG_ROLES)
def signal_create(request, town_pk):
    town = _officer_town(request, town_pk)
    form = SignalForm(request.POST)
    try:
        if not form.is_valid():
            raise ServiceError("请填写风险信号")
        services.signal_create(actor=request.user, town=town, **form.cleaned_data)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "风险信号选项已添加")
    return redirect("grids:category_list")


@require_POST
@role_required(*services.CONFIG_ROLES)
def signal_toggle(request, pk):
    signal = get_visible_or_404(
        RiskSignal.objects.select_related("org_unit"), request.user, services.CONFIG_ROLES, pk=pk
    )
    services.signal_toggle(actor=request.user, signal=signal)
    messages.success(request, f"风险信号“{signal.name}”已{'启用' if signal.is_active else '停用'}")
    return redirect("grids:category_list")
