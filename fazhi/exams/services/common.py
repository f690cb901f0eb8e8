"""Who does what in 年度学法考试, and the checks every write shares."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

# The town's law office keeps the bank, sets exams and make-ups.
OFFICE_ROLES = frozenset({Role.LAW_OFFICER})
# Who reads exams, results and rates: the office, the town's leaders, the county.
READER_ROLES = frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR})
# Who may be named a candidate: 机关干部 always, other staff as the officer chooses.
CANDIDATE_ROLES = (Role.CADRE, Role.TOWN_LEADER, Role.LAW_OFFICER, Role.VILLAGE_CADRE)
# Who opens "我的考试".
SITTER_ROLES = frozenset(CANDIDATE_ROLES)
RANKING_ROLES = frozenset({Role.COUNTY_SUPERVISOR})

NOT_FOUND = "记录不存在或无权查看"
OFFICE_ONLY = "只有本镇法治办工作人员可以管理题库、考试和补考"


def office_town(actor, unit: OrgUnit | None = None) -> OrgUnit:
    """The town the actor's law office keeps (the given one, if in scope)."""
    if not actor.has_role(*OFFICE_ROLES):
        raise Forbidden(OFFICE_ONLY)
    if unit is not None:
        if unit.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, unit, OFFICE_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        return unit
    towns = [
        m.org_unit
        for m in actor.active_memberships()
        if m.role in OFFICE_ROLES and m.org_unit.kind == OrgUnit.Kind.TOWN
    ]
    if not towns:
        raise Forbidden(OFFICE_ONLY)
    return towns[0]


def fmt(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def refuse(message: str, field: str = "__all__", code: str = "invalid") -> ServiceError:
    return ServiceError(message, errors={field: [message]}, code=code)
