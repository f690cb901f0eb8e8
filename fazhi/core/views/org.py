"""The org tree: browse units and their members; add and edit units and memberships."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import apply_service_error
from ..forms.org import CHILD_KINDS, MembershipGrantForm, UnitCreateForm, UnitEditForm
from ..models import Membership, OrgUnit, User
from ..paging import page_of
from ..permissions import ServiceError, role_required
from ..roles import (
    MEMBERSHIP_MANAGER_ROLES,
    PII_UNMASK_ROLES,
    TREE_READER_ROLES,
    UNIT_MANAGER_ROLES,
)
from ..scoping import get_visible_or_404, unit_in_scope


@role_required(*TREE_READER_ROLES)
def unit_list(request):
    return render(request, "core/unit_list.html", {"rows": selectors.tree_rows(request.user)})


@role_required(*TREE_READER_ROLES)
def unit_detail(request, pk):
    unit = get_visible_or_404(OrgUnit.objects.select_related("parent"), request.user,
                              TREE_READER_ROLES, pk=pk)
    user = request.user
    context = {
        "unit": unit,
        "children": selectors.unit_children(user, unit),
        # A town office may hold hundreds of cadres: a page of them at a time.
        "members": page_of(selectors.unit_members(user, unit), request.GET.get("page"), 50),
        "can_manage_units": unit_in_scope(user, unit, UNIT_MANAGER_ROLES),
        "can_add_child": bool(CHILD_KINDS[unit.kind]) and unit_in_scope(user, unit, UNIT_MANAGER_ROLES),
        "can_manage_members": unit_in_scope(user, unit, MEMBERSHIP_MANAGER_ROLES),
        "can_unmask": user.has_role(*PII_UNMASK_ROLES),
        "parent_visible": unit.parent_id and unit_in_scope(user, unit.parent, TREE_READER_ROLES),
    }
    try:  # attachments of the unit (its rules, appointment letters)
        from ..attachments import attachments_for

        context["attachments"] = attachments_for(unit)
        context["attachments_enabled"] = True
    except ImportError:
        context["attachments_enabled"] = False
    return render(request, "core/unit_detail.html", context)


@role_required(*UNIT_MANAGER_ROLES)
def unit_create(request, parent_pk):
    parent = get_visible_or_404(OrgUnit.objects.all(), request.user, TREE_READER_ROLES, pk=parent_pk)
    form = UnitCreateForm(request.POST or None, parent=parent)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.org_unit_create(actor=request.user, parent=parent, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已新增单位:{unit.name}")
            return redirect("core:unit_detail", pk=unit.pk)
    return render(request, "core/unit_form.html",
                  {"form": form, "parent": parent, "title": f"在{parent.name}下新增单位"})


@role_required(*UNIT_MANAGER_ROLES)
def unit_edit(request, pk):
    unit = get_visible_or_404(OrgUnit.objects.all(), request.user, TREE_READER_ROLES, pk=pk)
    initial = {"name": unit.name, "short_name": unit.short_name, "is_active": unit.is_active}
    form = UnitEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.org_unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "已保存")
            return redirect("core:unit_detail", pk=unit.pk)
    return render(request, "core/unit_form.html",
                  {"form": form, "unit": unit, "title": f"编辑:{unit.name}"})


@role_required(*MEMBERSHIP_MANAGER_ROLES)
def membership_grant(request, pk):
    unit = get_visible_or_404(OrgUnit.objects.all(), request.user, TREE_READER_ROLES, pk=pk)
    form = MembershipGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            from django.db import transaction

            with transaction.atomic():
                user = User.objects.filter(username=data["username"].strip()).first()
                if user is None:
                    if not data["password"]:
                        raise ServiceError("该用户名不存在;新建账号须填写初始密码",
                                           errors={"password": ["新建账号须填写初始密码"]})
                    user = services.user_create(
                        actor=request.user, username=data["username"], full_name=data["full_name"],
                        password=data["password"], phone=data["phone"], id_number=data["id_number"],
                    )
                services.membership_grant(actor=request.user, user=user, org_unit=unit,
                                          role=data["role"], title=data["title"])
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已为 {user} 分配角色")
            return redirect("core:unit_detail", pk=unit.pk)
    return render(request, "core/unit_form.html",
                  {"form": form, "unit": unit, "title": f"{unit.name}:分配角色"})


@require_POST
@role_required(*MEMBERSHIP_MANAGER_ROLES)
def membership_end(request, pk):
    membership = get_visible_or_404(Membership.objects.select_related("org_unit"), request.user,
                                    TREE_READER_ROLES, pk=pk)
    try:
        services.membership_end(actor=request.user, membership=membership)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已终止该任职")
    return redirect("core:unit_detail", pk=membership.org_unit_id)


urlpatterns = [
    path("units/", unit_list, name="unit_list"),
    path("units/<int:pk>/", unit_detail, name="unit_detail"),
    path("units/<int:parent_pk>/add/", unit_create, name="unit_create"),
    path("units/<int:pk>/edit/", unit_edit, name="unit_edit"),
    path("units/<int:pk>/members/add/", membership_grant, name="membership_grant"),
    path("memberships/<int:pk>/end/", membership_end, name="membership_end"),
]
