"""What the pages of 组织领导 share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role

from .. import services

PAGE_SIZE = 20
PAGE_ROLES = services.PAGE_ROLES
WRITERS = services.WRITER_ROLES


def date_param(request, name):
    from datetime import date

    try:
        return date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return None


def office_town(user):
    return (
        OrgUnit.objects.visible_to(user, {Role.LAW_OFFICER})
        .filter(kind=OrgUnit.Kind.TOWN)
        .order_by("code")
        .first()
    )


def towns_of(user):
    return (
        OrgUnit.objects.visible_to(user, PAGE_ROLES).filter(kind=OrgUnit.Kind.TOWN).order_by("code")
    )


def writable_or_403(request, unit):
    if not services.may_write(request.user, unit):
        raise PermissionDenied("无权办理本单位的事项")
