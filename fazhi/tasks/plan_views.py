"""工作任务's plan pages: the plans one may read, creating one, a plan's tree (items → tasks →
subtasks with rolled-up progress and overdue marks) and its roll-up per village, adding
items, importing an existing task list, and sending the county's plan down to its towns."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.forms import apply_service_error
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.xlsx import xlsx_response

from . import selectors, services
from .forms import ImportForm, ItemForm, PlanForm
from .models import PLAN_ROLES, Plan
from .services.ledger import template_xlsx

PAGE_SIZE = 30


# --- plans ------------------------------------------------------------------------------------


def _planner_units(user):
    town = OrgUnit.objects.visible_to(user, {Role.LAW_OFFICER}).filter(kind=OrgUnit.Kind.TOWN)
    county = OrgUnit.objects.visible_to(user, {Role.COUNTY_SUPERVISOR}).filter(
        kind=OrgUnit.Kind.COUNTY
    )
    return (town | county).filter(is_active=True).order_by("code")


@role_required(*PLAN_ROLES)
def plan_list(request):
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() else None
    page = page_of(selectors.plan_list(request.user, year=year), request.GET.get("page"), PAGE_SIZE)
    context = {
        "page": page,
        "year": year or "",
        "can_create": request.user.has_role(*services.PLANNER_ROLES),
    }
    return render(request, "tasks/plan_list.html", context)


@role_required(*services.PLANNER_ROLES)
def plan_create(request):
    units = _planner_units(request.user)
    form = PlanForm(request.POST or None, units=units, initial={"year": clock.today().year})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                plan = services.plan_create(actor=request.user, **form.cleaned_data)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "工作计划已创建,请添加工作要点")
                return redirect("tasks:plan_detail", pk=plan.pk)
    return render(request, "tasks/plan_form.html", {"form": form}, status=status)


def _plan_context(request, plan, **extra):
    today = clock.today()
    roots, tasks = selectors.plan_tree(request.user, plan, today)
    can_plan = services.planner_of(request.user, plan.org_unit)
    return {
        "plan": plan,
        "nodes": selectors.flatten(roots),
        "items": roots,
        "villages": selectors.village_rollup(tasks, today, plan.org_unit),
        "task_count": len(tasks),
        "can_plan": can_plan,
        "can_import": can_plan and plan.org_unit.kind == OrgUnit.Kind.TOWN,
        "can_send_down": can_plan and plan.is_county,
        "item_form": extra.pop("item_form", None) or ItemForm(),
        "import_form": extra.pop("import_form", None) or ImportForm(),
        "import_errors": extra.pop("import_errors", None),
        "today": today,
        **extra,
    }


@role_required(*PLAN_ROLES)
def plan_detail(request, pk):
    plan = selectors.plan_get(request.user, pk)
    return render(request, "tasks/plan_detail.html", _plan_context(request, plan))


def _planner_plan(request, pk) -> Plan:
    plan = selectors.plan_get(request.user, pk)
    if not services.planner_of(request.user, plan.org_unit):
        raise PermissionDenied("只有制定单位可以修改工作计划")
    return plan


@require_POST
@role_required(*services.PLANNER_ROLES)
def item_add(request, pk):
    plan = _planner_plan(request, pk)
    form = ItemForm(request.POST)
    if form.is_valid():
        try:
            services.item_add(actor=request.user, plan=plan, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "工作要点已添加")
            return redirect("tasks:plan_detail", pk=plan.pk)
    context = _plan_context(request, plan, item_form=form)
    return render(request, "tasks/plan_detail.html", context, status=400)


@require_POST
@role_required(Role.LAW_OFFICER)
def plan_import(request, pk):
    plan = _planner_plan(request, pk)
    form = ImportForm(request.POST, request.FILES)
    errors = None
    if form.is_valid():
        try:
            created = services.plan_import(
                actor=request.user, plan=plan, uploaded_file=form.cleaned_data["file"]
            )
        except ServiceError as exc:
            errors = exc.errors.get("rows")
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已导入{len(created)}项任务")
            return redirect("tasks:plan_detail", pk=plan.pk)
    context = _plan_context(request, plan, import_form=form, import_errors=errors)
    return render(request, "tasks/plan_detail.html", context, status=400)


@role_required(Role.LAW_OFFICER)
def import_template(request):
    return xlsx_response("任务分解导入模板.xlsx", template_xlsx())


@require_POST
@role_required(Role.COUNTY_SUPERVISOR)
def plan_send_down(request, pk):
    plan = _planner_plan(request, pk)
    try:
        copies = services.plan_send_down(actor=request.user, plan=plan)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已下发到{len(copies)}个乡镇")
    return redirect("tasks:plan_detail", pk=plan.pk)
