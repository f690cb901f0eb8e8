"""Leading groups and work rules: set up a unit's group, add a member (only someone with
an account in the unit), end a membership (kept as history), register a work rule."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import OrgUnit

from ..models import GroupMember, LeadingGroup, WorkRule
from ..params import (
    ALREADY_ENDED,
    ENDED_BEFORE_START,
    GROUP_EXISTS,
    GROUP_UNIT,
    MEMBER_OUTSIDE,
    MEMBER_OVERLAP,
)
from .common import VILLAGE_KINDS, _text, a_date, check_writer, choice, is_person_of, refuse


def group_create(*, actor, org_unit: OrgUnit, name="", established_on) -> LeadingGroup:
    """Set up the leading group of a town or a village/community (one per unit)."""
    if org_unit is None or org_unit.kind not in (OrgUnit.Kind.TOWN, *VILLAGE_KINDS):
        raise refuse(GROUP_UNIT, "org_unit")
    check_writer(actor, org_unit)
    default = f"{org_unit.name}法治建设领导小组"
    name = _text(name or default, "name", "领导小组名称", limit=100)
    established_on = a_date(established_on, "established_on", "成立日期")
    with transaction.atomic():
        if LeadingGroup.objects.filter(org_unit=org_unit).exists():
            raise refuse(GROUP_EXISTS.format(unit=org_unit.name), "org_unit")
        group = LeadingGroup.objects.create(
            org_unit=org_unit, name=name, established_on=established_on, created_by=actor
        )
        audit.record(
            verb="leading_group.create",
            actor=actor,
            obj=group,
            changes={"name": name, "established_on": established_on.isoformat()},
        )
    return group


def member_add(*, actor, group: LeadingGroup, user, role, started_on, duties="") -> GroupMember:
    """Add a member from the unit's own people, for a term starting `started_on`."""
    check_writer(actor, group.org_unit)
    role = choice(role, GroupMember.Role, "role", "小组职务")
    started_on = a_date(started_on, "started_on", "任职开始")
    duties = _text(duties, "duties", "分工职责", required=False, limit=300)
    if user is None or not is_person_of(user, group.org_unit):
        name = str(user) if user is not None else "该人员"
        raise refuse(MEMBER_OUTSIDE.format(unit=group.org_unit.name, name=name), "user")
    with transaction.atomic():
        LeadingGroup.objects.select_for_update().filter(pk=group.pk).first()
        current = (
            GroupMember.objects.filter(group=group, user=user, ended_on__isnull=True)
            .order_by("started_on")
            .first()
        )
        if current is not None:
            raise refuse(
                MEMBER_OVERLAP.format(name=user, start=current.started_on.isoformat()), "user"
            )
        member = GroupMember.objects.create(
            group=group,
            org_unit=group.org_unit,
            user=user,
            role=role,
            duties=duties,
            started_on=started_on,
        )
        audit.record(
            verb="leading_group.member_add",
            actor=actor,
            obj=member,
            changes={"user": str(user), "role": role, "started_on": started_on.isoformat()},
        )
    return member


def member_end(*, actor, member: GroupMember, ended_on) -> GroupMember:
    """End a membership (the row stays: it is the group's history)."""
    check_writer(actor, member.org_unit)
    ended_on = a_date(ended_on, "ended_on", "任职结束")
    with transaction.atomic():
        locked = GroupMember.objects.select_for_update().get(pk=member.pk)
        if locked.ended_on is not None:
            raise refuse(ALREADY_ENDED.format(ended=locked.ended_on.isoformat()), "ended_on")
        if ended_on < locked.started_on:
            raise refuse(
                ENDED_BEFORE_START.format(started=locked.started_on.isoformat()), "ended_on"
            )
        locked.ended_on = ended_on
        locked.save(update_fields=["ended_on"])
        audit.record(
            verb="leading_group.member_end",
            actor=actor,
            obj=locked,
            changes={"ended_on": ended_on.isoformat()},
        )
    return locked


def rule_create(*, actor, org_unit: OrgUnit, title, adopted_on, text="") -> WorkRule:
    """Register a work rule (工作制度); its file, if any, is attached afterwards."""
    check_writer(actor, org_unit)
    title = _text(title, "title", "制度名称", limit=200)
    text = _text(text, "text", "制度内容", required=False, limit=20000)
    adopted_on = a_date(adopted_on, "adopted_on", "制定日期")
    with transaction.atomic():
        rule = WorkRule.objects.create(
            org_unit=org_unit, title=title, text=text, adopted_on=adopted_on, created_by=actor
        )
        audit.record(
            verb="work_rule.create",
            actor=actor,
            obj=rule,
            changes={"title": title, "adopted_on": adopted_on.isoformat()},
        )
    return rule
