"""Showing a person's ID number or phone unmasked (architecture rule 7, 个人信息保护法).

Masked values are shown everywhere; the full value is fetched one at a time by the
"显示" button, only by a role in PII_UNMASK_ROLES and only for a person holding an
active membership inside that role's scope. Every reveal is an audit event naming
the field, never the value.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_POST

from .. import audit
from ..models import OrgUnit, User
from ..permissions import role_required
from ..roles import PII_UNMASK_ROLES
from ..scoping import unit_in_scope

PII_FIELD_LABELS = {"id_number": "公民身份号码", "phone": "手机号"}


def pii_target_unit(actor, target: User) -> OrgUnit | None:
    """The first unit where `target` holds an active membership inside the actor's
    unmask scope, or None when the person is outside it."""
    for m in target.memberships.filter(is_active=True).select_related("org_unit"):
        if unit_in_scope(actor, m.org_unit, PII_UNMASK_ROLES):
            return m.org_unit
    return None


def pii_reveal(*, actor, target: User, field: str) -> str:
    """The unmasked value of `target.<field>` for `actor`, recorded in the audit trail.

    Raises PermissionDenied without the permission and Http404 outside the scope."""
    if field not in PII_FIELD_LABELS:
        raise Http404("没有这项个人信息")
    if not (actor.is_authenticated and actor.has_role(*PII_UNMASK_ROLES)):
        raise PermissionDenied("无权查看完整个人信息")
    unit = pii_target_unit(actor, target)
    if unit is None:
        raise Http404("人员不存在或无权查看")
    value = getattr(target, field) or ""
    with transaction.atomic():
        audit.record(
            verb="pii.unmask", actor=actor, obj=target, org_unit=unit, changes={"field": field}
        )
    return value


@require_POST
@role_required(*PII_UNMASK_ROLES)
def user_pii_unmask(request, user_id: int, field: str):
    if field not in PII_FIELD_LABELS:
        raise Http404("没有这项个人信息")
    target = User.objects.filter(pk=user_id).first()
    if target is None:
        raise Http404("人员不存在或无权查看")
    value = pii_reveal(actor=request.user, target=target, field=field)
    return render(
        request,
        "core/_pii_value.html",
        {"target": target, "field": field, "pii_revealed": value or "—"},
    )


urlpatterns = [
    path("users/<int:user_id>/pii/<str:field>/unmask/", user_pii_unmask, name="user_pii_unmask"),
]
