"""Plans and their items: a town's (or the county's) annual 工作要点, and the county plan
sent down to every town as that town's own items."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import Plan, PlanItem, Task
from ..params import (
    ALREADY_SENT,
    ITEM_BEFORE_TASKS,
    ITEM_DEADLINE_BEFORE_START,
    ITEM_OUTSIDE_YEAR,
    NOT_COUNTY_PLAN,
    PLAN_EXISTS,
)
from .common import NOT_FOUND, PLANNER_ROLES, _text, on_working_day, parse_date

_ROLE_FOR_KIND = {OrgUnit.Kind.TOWN: Role.LAW_OFFICER, OrgUnit.Kind.COUNTY: Role.COUNTY_SUPERVISOR}


def planner_of(actor, unit: OrgUnit) -> bool:
    """The law office plans for its town, the county supervisor for the county."""
    role = _ROLE_FOR_KIND.get(unit.kind)
    return bool(role and actor.has_role(role) and unit_in_scope(actor, unit, {role}))


def _check_planner(actor, unit: OrgUnit) -> None:
    check_role(actor, PLANNER_ROLES, "只有镇法治办工作人员或县级督导可以制定工作计划")
    role = _ROLE_FOR_KIND.get(unit.kind)
    if role is None:
        message = "工作计划的制定单位须为乡镇(街道)或县"
        raise ServiceError(message, errors={"org_unit": [message]})
    if not unit_in_scope(actor, unit, {role}):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not actor.has_role(role):
        raise Forbidden(f"{unit.get_kind_display()}的工作计划由{Role(role).label}制定")


def plan_create(*, actor, org_unit: OrgUnit, year, title, source_plan=None) -> Plan:
    _check_planner(actor, org_unit)
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = 0
    if not 2000 <= year <= 2100:
        raise ServiceError("请填写正确的年度", errors={"year": ["请填写正确的年度"]})
    title = _text(title, "title", "计划名称", limit=200)
    existing = Plan.objects.filter(org_unit=org_unit, year=year).first()
    if existing:
        message = PLAN_EXISTS.format(unit=org_unit.name, year=year, title=existing.title)
        raise ServiceError(message, errors={"year": [message]})
    with transaction.atomic():
        plan = Plan.objects.create(
            org_unit=org_unit, year=year, title=title, created_by=actor, source_plan=source_plan
        )
        audit.record(
            verb="plan.create", actor=actor, obj=plan, changes={"year": year, "title": title}
        )
    return plan


def check_item_dates(plan: Plan, starts_on, deadline) -> tuple:
    starts_on = parse_date(starts_on, "starts_on", "开始日期")
    deadline = on_working_day(parse_date(deadline, "deadline", "完成期限"))
    if deadline < starts_on:
        raise ServiceError(
            ITEM_DEADLINE_BEFORE_START, errors={"deadline": [ITEM_DEADLINE_BEFORE_START]}
        )
    if starts_on.year != plan.year:
        message = ITEM_OUTSIDE_YEAR.format(year=plan.year)
        raise ServiceError(message, errors={"starts_on": [message]})
    return starts_on, deadline


def item_add(*, actor, plan: Plan, title, starts_on, deadline, source_item=None) -> PlanItem:
    _check_planner(actor, plan.org_unit)
    title = _text(title, "title", "工作要点", limit=300)
    starts_on, deadline = check_item_dates(plan, starts_on, deadline)
    with transaction.atomic():
        seq = (plan.items.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
        item = PlanItem.objects.create(
            plan=plan,
            org_unit=plan.org_unit,
            seq=seq,
            title=title,
            starts_on=starts_on,
            deadline=deadline,
            source_item=source_item,
        )
        audit.record(
            verb="plan_item.create",
            actor=actor,
            obj=item,
            changes={"title": title, "starts_on": str(starts_on), "deadline": str(deadline)},
        )
    return item


def item_update(*, actor, item: PlanItem, title, starts_on, deadline) -> PlanItem:
    _check_planner(actor, item.org_unit)
    title = _text(title, "title", "工作要点", limit=300)
    starts_on, deadline = check_item_dates(item.plan, starts_on, deadline)
    late = item.tasks.filter(parent=None, due__gt=deadline).exists()
    early = item.tasks.filter(parent=None, due__lt=starts_on).exists()
    if late or early:
        message = ITEM_BEFORE_TASKS.format(deadline=deadline)
        raise ServiceError(message, errors={"deadline": [message]})
    with transaction.atomic():
        before = {
            "title": item.title,
            "starts_on": str(item.starts_on),
            "deadline": str(item.deadline),
        }
        item.title, item.starts_on, item.deadline = title, starts_on, deadline
        item.save()
        after = {"title": title, "starts_on": str(starts_on), "deadline": str(deadline)}
        audit.record(
            verb="plan_item.update",
            actor=actor,
            obj=item,
            changes={k: [before[k], v] for k, v in after.items() if before[k] != v},
        )
    return item


def plan_send_down(*, actor, plan: Plan) -> list[Plan]:
    """Copy a county plan to every active town of the county that has no copy yet: each
    town gets a plan of the same year whose items are the county's, to break down."""
    check_role(actor, {Role.COUNTY_SUPERVISOR}, "县级工作计划由县级督导下发")
    if not plan.is_county:
        raise ServiceError(NOT_COUNTY_PLAN)
    if not unit_in_scope(actor, plan.org_unit, {Role.COUNTY_SUPERVISOR}):
        raise ServiceError(NOT_FOUND, code="not_found")
    items = list(plan.items.order_by("seq", "id"))
    if not items:
        raise ServiceError("县级计划尚无工作要点,不能下发")
    towns = list(
        OrgUnit.objects.filter(
            parent=plan.org_unit, kind=OrgUnit.Kind.TOWN, is_active=True
        ).order_by("code")
    )
    existing = {p.org_unit_id: p for p in Plan.objects.filter(org_unit__in=towns, year=plan.year)}
    # A town that already has its own plan for the year gets the county's items appended
    # to it; a town that has them already is skipped.
    targets = [t for t in towns if getattr(existing.get(t.pk), "source_plan_id", None) != plan.pk]
    if not targets:
        raise ServiceError(ALREADY_SENT)
    copies = []
    with transaction.atomic():
        rows = []
        for town in targets:
            own = existing.get(town.pk)
            if own is None:
                own = Plan.objects.create(
                    org_unit=town,
                    year=plan.year,
                    title=plan.title,
                    source_plan=plan,
                    created_by=actor,
                )
                first = 0
            else:
                own.source_plan = plan
                own.save(update_fields=["source_plan"])
                first = own.items.order_by("-seq").values_list("seq", flat=True).first() or 0
            copies.append(own)
            rows += [
                PlanItem(
                    plan=own,
                    org_unit=town,
                    seq=first + n,
                    title=i.title,
                    starts_on=i.starts_on,
                    deadline=i.deadline,
                    source_item=i,
                )
                for n, i in enumerate(items, start=1)
            ]
        PlanItem.objects.bulk_create(rows)
        audit.record(
            verb="plan.send_down",
            actor=actor,
            obj=plan,
            changes={"towns": [t.name for t in targets], "items": len(items)},
        )
    return copies


def tasks_exist(item: PlanItem) -> bool:
    return Task.objects.filter(item=item).exists()
