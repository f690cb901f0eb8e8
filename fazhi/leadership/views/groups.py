"""Leading groups and work rules: the pages."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required

from .. import annual, selectors, services
from ..forms import (
    GroupForm,
    MemberEndForm,
    MemberForm,
    RuleForm,
)
from ..models import GroupMember
from .common import (
    PAGE_ROLES,
    PAGE_SIZE,
    WRITERS,
    date_param,
    towns_of,
    writable_or_403,
)

# --- leading groups ------------------------------------------------------------------------


@role_required(*PAGE_ROLES)
def group_list(request):
    on = date_param(request, "on") or clock.today()
    groups = annual.narrow(selectors.group_list(request.user, on=on), request.GET)
    page = page_of(groups, request.GET.get("page"), PAGE_SIZE)
    rates = selectors.village_group_rates(towns_of(request.user)[:40])
    context = {
        "page": page,
        "on": on,
        "rates": rates,
        "can_create": request.user.has_role(*WRITERS),
    }
    return render(request, "leadership/group_list.html", context)


@role_required(*WRITERS)
def group_create(request):
    units = services.writable_units(request.user)
    form = GroupForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "领导小组已成立,请添加成员")
            return redirect("leadership:group_detail", pk=group.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "leadership/form.html", {"form": form, "title": "成立领导小组"}, status=status
    )


@role_required(*PAGE_ROLES)
def group_detail(request, pk):
    group = selectors.group_get(request.user, pk)
    on = date_param(request, "on") or clock.today()
    can_write = services.may_write(request.user, group.org_unit)
    context = {
        "group": group,
        "on": on,
        "members": list(selectors.members_on(group, on)),
        "history": list(selectors.member_history(group)[:200]),
        "can_write": can_write,
        "form": MemberForm(people=services.people_of(group.org_unit)) if can_write else None,
        "end_form": MemberEndForm(initial={"ended_on": clock.today()}),
        "today": clock.today(),
    }
    return render(request, "leadership/group_detail.html", context)


@require_POST
@role_required(*WRITERS)
def member_add(request, pk):
    group = selectors.group_get(request.user, pk)
    writable_or_403(request, group.org_unit)
    form = MemberForm(request.POST, people=services.people_of(group.org_unit))
    if form.is_valid():
        try:
            services.member_add(actor=request.user, group=group, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "成员已加入领导小组")
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("leadership:group_detail", pk=group.pk)


@require_POST
@role_required(*WRITERS)
def member_end(request, pk):
    from fazhi.core.scoping import get_visible_or_404

    member = get_visible_or_404(
        GroupMember.objects.select_related("org_unit"), request.user, None, pk=pk
    )
    writable_or_403(request, member.org_unit)
    form = MemberEndForm(request.POST)
    if form.is_valid():
        try:
            services.member_end(actor=request.user, member=member, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已记录该成员退出领导小组")
    else:
        messages.error(request, "请填写任职结束日期")
    return redirect("leadership:group_detail", pk=member.group_id)


@role_required(*PAGE_ROLES)
def group_export(request):
    on = date_param(request, "on")
    return services.group_export(actor=request.user, filters={"on": on}).response()


# --- work rules ------------------------------------------------------------------------------


@role_required(*PAGE_ROLES)
def rule_list(request):
    page = page_of(selectors.rule_list(request.user), request.GET.get("page"), PAGE_SIZE)
    return render(
        request,
        "leadership/rule_list.html",
        {"page": page, "can_create": request.user.has_role(*WRITERS)},
    )


@role_required(*WRITERS)
def rule_create(request):
    form = RuleForm(request.POST or None, units=services.writable_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            rule = services.rule_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "工作制度已登记,可上传制度文件")
            return redirect("leadership:rule_detail", pk=rule.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "leadership/form.html", {"form": form, "title": "登记工作制度"}, status=status
    )


@role_required(*PAGE_ROLES)
def rule_detail(request, pk):
    rule = selectors.rule_get(request.user, pk)
    return render(
        request,
        "leadership/rule_detail.html",
        {"rule": rule, "attachments": list(attachments_for(rule))},
    )
