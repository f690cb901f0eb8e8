"""Key persons (重点人员): registering one in a grid with its categories, correcting it,
moving it off the list (移出) — and keeping its visit columns: the most severe group, the
shortest interval of its active categories and the next visit's due date."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit, clock, pii
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.validators import validate_id_number, validate_phone

from ..models import KeyGroupCategory, KeyPerson, most_severe
from ..params import (
    CATEGORY_INACTIVE,
    CATEGORY_OTHER_TOWN,
    DUPLICATE_PERSON,
    NEEDS_CATEGORY,
    NOT_A_GRID,
    OUTSIDE_SCOPE,
    REMOVE_REASON,
)
from .common import VISITOR_ROLES, _date, _text, due_after, may_visit, town_of

# What may be corrected, with the labels the audit trail and the page use.
PERSON_EDITABLE = {
    "name": "姓名",
    "phone": "联系电话",
    "address": "居住地址",
    "categories": "重点人群类别",
    "note": "走访事由说明",
    "org_unit": "所属网格",
}


def _valid(validator, value, field):
    try:
        return validator(value)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], errors={field: exc.messages}) from None


def _grid(actor, grid) -> OrgUnit:
    if grid is None or grid.kind != OrgUnit.Kind.GRID:
        raise ServiceError(NOT_A_GRID, errors={"org_unit": [NOT_A_GRID]})
    if not may_visit(actor, grid):
        raise Forbidden(OUTSIDE_SCOPE)
    return grid


def _categories(categories, town) -> list[KeyGroupCategory]:
    cats = list(categories or [])
    if not cats:
        raise ServiceError(NEEDS_CATEGORY, errors={"categories": [NEEDS_CATEGORY]})
    for c in cats:
        if c.org_unit_id != town.pk:
            raise ServiceError(CATEGORY_OTHER_TOWN, errors={"categories": [CATEGORY_OTHER_TOWN]})
        if not c.is_active:
            message = CATEGORY_INACTIVE.format(name=c.name)
            raise ServiceError(message, errors={"categories": [message]})
    return cats


def apply_schedule(person: KeyPerson, categories) -> None:
    """Set the person's group, interval and next due date from `categories` (their active
    ones) and the last visit (else the registration)."""
    active = [c for c in categories if c.is_active]
    person.main_group = most_severe(c.group for c in active)
    person.interval_days = min((c.interval_days for c in active), default=None)
    if not person.is_active:
        person.next_visit_due = None
        return
    base = person.last_visited_on or person.registered_on
    person.next_visit_due = due_after(base, person.interval_days)


def person_create(
    *, actor, org_unit, name, id_number, address, categories, phone="", note="", registered_on=None
) -> KeyPerson:
    """Register a key person in a grid the actor works in."""
    check_role(actor, VISITOR_ROLES, OUTSIDE_SCOPE)
    grid = _grid(actor, org_unit)
    town = town_of(grid)
    name = _text(name, "name", "姓名", limit=40)
    id_number = _valid(validate_id_number, id_number, "id_number")
    phone = _valid(validate_phone, phone, "phone") if (phone or "").strip() else ""
    address = _text(address, "address", "居住地址", limit=200)
    note = _text(note, "note", "走访事由说明", required=False, limit=500)
    cats = _categories(categories, town)
    today = clock.today()
    registered_on = _date(registered_on or today, "registered_on", "登记日期")
    if registered_on > today:
        message = "登记日期不能晚于今天"
        raise ServiceError(message, errors={"registered_on": [message]})
    digest = pii.keyed_hash(id_number)
    with transaction.atomic():
        if KeyPerson.objects.filter(
            id_number_hash=digest, is_active=True, org_unit__code__startswith=town.code
        ).exists():
            raise ServiceError(DUPLICATE_PERSON, errors={"id_number": [DUPLICATE_PERSON]})
        person = KeyPerson(
            org_unit=grid,
            name=name,
            id_number=id_number,
            id_number_hash=digest,
            phone=phone,
            address=address,
            note=note,
            registered_on=registered_on,
            created_by=actor,
        )
        apply_schedule(person, cats)
        person.save()
        person.categories.set(cats)
        # Personal data never enters the audit trail: the masked name (the object's
        # repr) and what the work is about.
        audit.record(
            verb="grids_person.create",
            actor=actor,
            obj=person,
            changes={
                "categories": sorted(c.name for c in cats),
                "registered_on": registered_on.isoformat(),
                "next_visit_due": _iso(person.next_visit_due),
            },
        )
    return person


def _iso(d):
    return d.isoformat() if d else None


def person_update(*, actor, person: KeyPerson, **fields) -> KeyPerson:
    """Correct a person (only the fields given); a change of categories or grid moves the
    next due date with it."""
    check_role(actor, VISITOR_ROLES, OUTSIDE_SCOPE)
    unknown = sorted(set(fields) - set(PERSON_EDITABLE))
    if unknown:
        raise ServiceError("不能修改的字段:" + "、".join(unknown))
    with transaction.atomic():
        locked = KeyPerson.objects.select_for_update(of=("self",)).get(pk=person.pk)
        if not may_visit(actor, locked.org_unit):
            raise Forbidden(OUTSIDE_SCOPE)
        grid = _grid(actor, fields["org_unit"]) if "org_unit" in fields else locked.org_unit
        town = town_of(grid)
        changed: list[str] = []
        if "name" in fields:
            locked.name = _text(fields["name"], "name", "姓名", limit=40)
        if "phone" in fields:
            raw = (fields["phone"] or "").strip()
            locked.phone = _valid(validate_phone, raw, "phone") if raw else ""
        if "address" in fields:
            locked.address = _text(fields["address"], "address", "居住地址", limit=200)
        if "note" in fields:
            locked.note = _text(fields["note"], "note", "走访事由说明", required=False, limit=500)
        old = KeyPerson.objects.get(pk=locked.pk)
        for f in ("name", "phone", "address", "note"):
            if f in fields and getattr(old, f) != getattr(locked, f):
                changed.append(f)
        before_cats = sorted(c.name for c in locked.categories.all())
        cats = list(locked.categories.all())
        if "categories" in fields:
            cats = _categories(fields["categories"], town)
        elif grid.pk != locked.org_unit_id:
            cats = _categories(cats, town)
        if grid.pk != locked.org_unit_id:
            locked.org_unit = grid
            changed.append("org_unit")
        after_cats = sorted(c.name for c in cats)
        if after_cats != before_cats:
            changed.append("categories")
        if not changed:
            return locked
        apply_schedule(locked, cats)
        locked.save()
        locked.categories.set(cats)
        # Which fields changed, never their personal values; categories in full.
        changes = {"fields": [PERSON_EDITABLE[f] for f in changed]}
        if "categories" in changed:
            changes["categories"] = {"before": before_cats, "after": after_cats}
        if "org_unit" in changed:
            changes["org_unit"] = grid.name
        audit.record(verb="grids_person.update", actor=actor, obj=locked, changes=changes)
    return locked


def person_remove(*, actor, person: KeyPerson, reason) -> KeyPerson:
    """Take a person off the list (移出名单) with the reason; no more visits fall due."""
    check_role(actor, VISITOR_ROLES, OUTSIDE_SCOPE)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(REMOVE_REASON, errors={"reason": [REMOVE_REASON]})
    reason = _text(reason, "reason", "移出原因", limit=200)
    with transaction.atomic():
        locked = KeyPerson.objects.select_for_update(of=("self",)).get(pk=person.pk)
        if not may_visit(actor, locked.org_unit):
            raise Forbidden(OUTSIDE_SCOPE)
        if not locked.is_active:
            raise ServiceError("该人员已移出名单", code="wrong_state")
        locked.is_active = False
        locked.removed_on = clock.today()
        locked.removed_reason = reason
        locked.next_visit_due = None
        locked.save(update_fields=["is_active", "removed_on", "removed_reason", "next_visit_due"])
        audit.record(
            verb="grids_person.remove", actor=actor, obj=locked, changes={"reason": reason}
        )
    return locked


def refresh_persons_of(category: KeyGroupCategory) -> int:
    """After a category's interval or use changed: recompute its persons' columns (one
    read of their categories, one bulk write)."""
    persons = list(
        KeyPerson.objects.filter(categories=category, is_active=True).prefetch_related("categories")
    )
    for p in persons:
        apply_schedule(p, p.categories.all())
    KeyPerson.objects.bulk_update(
        persons, ["main_group", "interval_days", "next_visit_due"], batch_size=500
    )
    return len(persons)
