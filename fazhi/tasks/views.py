"""工作任务's task pages: the list with its warnings and the ledger export, the breakdown
form (also reached from a meeting's decision), a task with its subtasks, progress reports,
evidence and timeline. The plan pages are in plan_views.py."""

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
from fazhi.core.deadlines import deadline
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.views.workflow import run_transition
from fazhi.core.workflow import timeline

from . import annual, selectors, services
from .forms import ReportForm, TaskFilterForm, TaskForm
from .models import PLAN_ROLES, TASK_PAGE_ROLES, PlanItem, Task
from .params import MEETING_FOLLOWUP_WORKDAYS

PAGE_SIZE = 30


def meeting_url(meeting_id) -> str | None:
    """The leadership meeting a task came from (by URL name: apps never import each other;
    hidden while that page does not exist)."""
    if not meeting_id:
        return None
    try:
        return reverse("leadership:meeting_detail", args=[meeting_id])
    except NoReverseMatch:
        return None


# --- tasks ------------------------------------------------------------------------------------


def _filters(request):
    form = TaskFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        return form, {
            "q": d["q"],
            "status": d["status"],
            "warning": d["warning"],
            "mine": d["mine"],
        }
    return form, {"q": "", "status": "", "warning": "", "mine": False}


@role_required(*TASK_PAGE_ROLES)
def task_list(request):
    form, filters = _filters(request)
    today = clock.today()
    qs = annual.narrow(selectors.task_list(request.user, today=today, **filters), request.GET)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    query = urlencode({k: ("1" if v is True else v) for k, v in filters.items() if v})
    context = {
        "form": form,
        "page": page,
        "query": query,
        "today": today,
        "soon": selectors.due_soon_until(None, today),
        "can_create": request.user.has_role(Role.LAW_OFFICER),
        "can_plans": request.user.has_role(*PLAN_ROLES),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "tasks/task_list.html", context, status=status)


@role_required(*TASK_PAGE_ROLES)
def task_export(request):
    _, filters = _filters(request)
    return services.task_export(actor=request.user, filters=filters).response()


def _create_choices(request, parent: Task | None, town_pk=None):
    user = request.user
    if parent is not None:
        scope = parent.org_unit
        units = OrgUnit.objects.filter(code__startswith=scope.code, is_active=True)
        if scope.kind != OrgUnit.Kind.TOWN:  # down the tree: the units under it
            units = units.exclude(pk=scope.pk)
        return None, units.order_by("code"), services.owner_choices(scope), scope
    towns = OrgUnit.objects.visible_to(user, {Role.LAW_OFFICER}).filter(kind=OrgUnit.Kind.TOWN)
    if town_pk:
        towns = towns.filter(pk=town_pk)
    town = towns.order_by("code").first()
    if town is None:
        raise Http404("记录不存在或无权查看")
    items = (
        PlanItem.objects.filter(org_unit=town, plan__year__gte=clock.today().year - 1)
        .select_related("plan")
        .order_by("-plan__year", "seq")
    )
    units = OrgUnit.objects.filter(code__startswith=town.code, is_active=True).order_by("code")
    return items, units, services.owner_choices(town), town


@role_required(Role.LAW_OFFICER, Role.VILLAGE_CADRE, Role.GRID_WORKER)
def task_create(request):
    """The breakdown form: under a plan item (law office), under a task (?parent=, its owner
    or the law office), or from a meeting's decision (?source=meeting&meeting=&title=&
    org_unit=, prefilled)."""
    src = request.POST if request.method == "POST" else request.GET
    parent = None
    if src.get("parent", "").isdigit():
        parent = selectors.task_get(request.user, int(src["parent"]))
        if not services.may_break_down(request.user, parent=parent):
            raise PermissionDenied("只有上级任务的责任人或镇法治办工作人员可以分解下级任务")
    elif not request.user.has_role(Role.LAW_OFFICER):
        raise PermissionDenied("工作要点由镇法治办工作人员分解")
    town_pk = src.get("org_unit") if str(src.get("org_unit", "")).isdigit() else None
    items, units, owners, scope = _create_choices(request, parent, town_pk)
    kwargs = {"items": items, "units": units, "owners": owners, "parent": parent}
    meeting = src.get("meeting", "")
    meeting = int(meeting) if str(meeting).isdigit() else None
    from_meeting = src.get("source") == "meeting" and meeting
    if request.method != "POST":
        initial = {"title": request.GET.get("title", "")[:300]}
        if from_meeting:
            # A decision without a stated deadline: the local follow-up period (parameter).
            days = MEETING_FOLLOWUP_WORKDAYS.value(scope)
            due = deadline(clock.today(), days, "workdays")
            initial.update(source="meeting", meeting=meeting, due=due)
        if parent is not None:
            initial.update(due=parent.due, evidence_required=parent.evidence_required)
        form = TaskForm(initial=initial, **kwargs)
        return render(request, "tasks/task_form.html", _form_context(form, parent, scope, meeting))
    form = TaskForm(request.POST, **kwargs)
    if form.is_valid():
        d = form.cleaned_data
        try:
            created = services.task_create(
                actor=request.user,
                units=list(d["org_units"]),
                item=d.get("item"),
                parent=parent,
                title=d["title"],
                due=d["due"],
                starts_on=d["starts_on"],
                evidence_required=d["evidence_required"],
                office=d["office"],
                owner=d["owner"],
                source=Task.Source.MEETING
                if d["source"] == "meeting" and d["meeting"]
                else Task.Source.PLAN,
                source_meeting_id=d["meeting"],
            )
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已分解任务{len(created)}项")
            if parent is not None:
                return redirect("tasks:task_detail", pk=parent.pk)
            if len(created) == 1:
                return redirect("tasks:task_detail", pk=created[0].pk)
            return redirect("tasks:plan_detail", pk=created[0].plan_id)
    context = _form_context(form, parent, scope, meeting)
    return render(request, "tasks/task_form.html", context, status=400)


def _form_context(form, parent, scope, meeting):
    return {
        "form": form,
        "parent": parent,
        "scope": scope,
        "meeting": meeting,
        "meeting_url": meeting_url(meeting),
    }


def _detail_context(user, task, report_form=None):
    return {
        "task": task,
        "children": selectors.task_children(user, task),
        "reports": selectors.task_reports(task),
        "attachments": list(attachments_for(task)),
        "steps": timeline(task),
        "actions": [(t, None) for t in services.TASK_FLOW.available(user, task)],
        "can_report": task.is_open and services.may_report(user, task),
        "can_break_down": services.may_break_down(user, parent=task),
        "report_form": report_form or ReportForm(initial={"percent": task.progress}),
        "meeting_url": meeting_url(task.source_meeting_id),
        "can_plans": user.has_role(*PLAN_ROLES),
        "today": clock.today(),
    }


@role_required(*TASK_PAGE_ROLES)
def task_detail(request, pk):
    task = selectors.task_get(request.user, pk)
    return render(request, "tasks/task_detail.html", _detail_context(request.user, task))


@require_POST
@role_required(*TASK_PAGE_ROLES)
def task_report(request, pk):
    task = selectors.task_get(request.user, pk)
    if not services.may_report(request.user, task):
        raise PermissionDenied("只有任务责任人或镇法治办工作人员可以报告进展")
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.progress_report(
                actor=request.user,
                task=task,
                files=request.FILES.getlist("files"),
                **form.cleaned_data,
            )
        except ServiceError as exc:
            # A refusal of the step (no evidence yet, open subtasks) is told on the task's
            # page, like a refused transition; the form keeps only input errors.
            messages.error(request, exc.message)
        else:
            messages.success(request, "进展已报告" if task.is_open else "任务已完成")
        return redirect("tasks:task_detail", pk=task.pk)
    context = _detail_context(request.user, task, form)
    return render(request, "tasks/task_detail.html", context, status=400)


@require_POST
@role_required(*TASK_PAGE_ROLES)
def task_transition(request, pk, verb):
    task = selectors.task_get(request.user, pk)
    t = next((t for t in services.TASK_FLOW.transitions if t.verb == verb), None)
    if t is None:
        raise Http404("没有这个操作")
    if not services.TASK_FLOW.may(t, request.user, task):
        raise PermissionDenied(f"无权执行“{t.label}”")
    return run_transition(
        request,
        task,
        verb,
        service=services.task_transition,
        redirect_to=reverse("tasks:task_detail", args=[pk]),
    )
