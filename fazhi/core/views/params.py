"""参数配置: the configurable legal parameters (periods, thresholds, local rules), each with
its default, legal basis and the value in force; the county supervisor sets local values
for the county or one of its towns."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from .. import params
from ..forms import apply_service_error
from ..models import OrgUnit
from ..permissions import ServiceError, role_required
from ..roles import Role

READER_ROLES = (Role.LAW_OFFICER, Role.TOWN_LEADER, Role.LEGAL_ADVISER, Role.COUNTY_SUPERVISOR)


def _home_unit(user) -> OrgUnit | None:
    """The unit whose values the page shows: the user's town, or their county."""
    units = [m.org_unit for m in user.active_memberships() if m.role in READER_ROLES]
    return min(units, key=lambda u: (u.level, u.code)) if units else None


def _settable_units(user) -> list[OrgUnit]:
    """The county supervisor's counties and their towns."""
    codes = [
        m.org_unit.code
        for m in user.active_memberships()
        if m.role == Role.COUNTY_SUPERVISOR and m.org_unit.kind == "county"
    ]
    if not codes:
        return []
    within = Q()
    for code in codes:
        within |= Q(code__startswith=code)
    return list(OrgUnit.objects.filter(within, kind__in=("county", "town")).order_by("code"))


class ParameterForm(forms.Form):
    key = forms.ChoiceField(label="参数")
    unit = forms.ChoiceField(label="适用单位")
    value = forms.CharField(label="取值", max_length=40)
    reason = forms.CharField(label="依据或说明", max_length=200, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {str(u.pk): u for u in units}
        self.fields["key"].choices = [(p.key, f"{p.label}({p.key})") for p in params.all_params()]
        self.fields["unit"].choices = [(pk, u.name) for pk, u in self.units.items()]


def _page(request, form=None, status=200):
    user = request.user
    home = _home_unit(user)
    units = _settable_units(user)
    shown_units = units or ([home] if home else [])
    local = params.local_values(shown_units + ([home.parent] if home and home.parent else []))
    rows = []
    for p in params.all_params():
        rows.append(
            {
                "param": p,
                "value": params.value(p.key, home),
                "local": [local[(p.key, u.pk)] for u in shown_units if (p.key, u.pk) in local],
            }
        )
    if units and form is None:
        form = ParameterForm(units=units)
    return render(
        request,
        "core/parameter_list.html",
        {"rows": rows, "home": home, "form": form, "can_set": bool(units)},
        status=status,
    )


@role_required(*READER_ROLES)
def parameter_list(request):
    return _page(request)


@require_POST
@role_required(Role.COUNTY_SUPERVISOR)
def parameter_set(request):
    form = ParameterForm(request.POST, units=_settable_units(request.user))
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    try:
        params.parameter_set(
            actor=request.user,
            unit=form.units[data["unit"]],
            key=data["key"],
            raw_value=data["value"],
            reason=data["reason"],
        )
    except ServiceError as exc:
        apply_service_error(form, exc)
        return _page(request, form, status=400)
    messages.success(request, "参数已设置")
    return redirect("core:parameter_list")


@require_POST
@role_required(Role.COUNTY_SUPERVISOR)
def parameter_reset(request, pk):
    row = params.ParameterValue.objects.visible_to(request.user, {Role.COUNTY_SUPERVISOR}).filter(
        pk=pk
    ).select_related("org_unit").first()
    if row is None:
        raise Http404("记录不存在或无权查看")
    try:
        params.parameter_reset(actor=request.user, unit=row.org_unit, key=row.key)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已恢复为上级或默认取值")
    return redirect("core:parameter_list")


urlpatterns = [
    path("parameters/", parameter_list, name="parameter_list"),
    path("parameters/set/", parameter_set, name="parameter_set"),
    path("parameters/<int:pk>/reset/", parameter_reset, name="parameter_reset"),
]
