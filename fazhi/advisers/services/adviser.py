"""The registry of 法律顾问: registering an adviser (with the qualification check),
correcting the entry, and dismissal / reinstatement (a workflow, so the detail page has a
timeline). The town's law officer keeps the registry (legal-rules.md §5)."""

from __future__ import annotations

import re
from datetime import date

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from ..models import KEEPER_ROLES, Adviser
from ..params import (
    CRIMINAL_RECORD_REFUSAL,
    MIN_PRACTICE_YEARS,
    PRACTICE_YEARS_REFUSAL,
    SANCTION_RECORD_REFUSAL,
)
from .common import MAX_NOTE, _check_scope, _err, _text

LICENCE_RE = re.compile(r"^\d{17}$")

# --- the adviser's status: a workflow with one step, so the detail page has a timeline ---

ADVISER_FLOW = Workflow(
    Adviser,
    audit_prefix="adviser",
    status_labels=Adviser.Status,
    transitions=[
        Transition(
            "dismiss",
            "解聘",
            {Adviser.Status.ACTIVE},
            Adviser.Status.DISMISSED,
            roles=KEEPER_ROLES,
            note_required=True,
            style="outline-danger",
        ),
        Transition(
            "reinstate",
            "恢复在册",
            {Adviser.Status.DISMISSED},
            Adviser.Status.ACTIVE,
            roles=KEEPER_ROLES,
            note_required=True,
            style="outline-secondary",
            guards=[lambda obj, actor, **kw: qualification_refusal(obj, clock.today())],
        ),
    ],
)


# --- qualification -----------------------------------------------------------------------


def qualification_refusal(adviser: Adviser, on: date) -> str | None:
    """Why this person may not be appointed (legal-rules.md §5), or None."""
    if adviser.criminal_record:
        return CRIMINAL_RECORD_REFUSAL
    if adviser.sanction_record:
        return SANCTION_RECORD_REFUSAL
    if adviser.kind == Adviser.Kind.LAWYER:
        need = MIN_PRACTICE_YEARS.value(adviser.org_unit)
        have = adviser.practice_years(on)
        if have < need:
            return PRACTICE_YEARS_REFUSAL.format(need=need, have=have)
    return None


def _linked_user(user_id, unit: OrgUnit) -> User | None:
    """The login of the adviser: an account holding the legal-adviser role on the unit
    or its county (legal advisers may sit on either)."""
    if user_id in (None, ""):
        return None
    codes = unit.ancestor_codes(up_to="town")
    membership = (
        Membership.objects.select_related("user")
        .filter(
            user_id=user_id,
            role=Role.LEGAL_ADVISER,
            is_active=True,
            org_unit__code__in=codes,
        )
        .first()
    )
    if membership is None:
        raise _err("user", "所选账号不是本单位的法律顾问账号(须先在组织机构中分配“法律顾问”角色)")
    return membership.user


def _keeper_unit(actor, org_unit: OrgUnit | None) -> OrgUnit:
    check_role(actor, KEEPER_ROLES, "只有法治办工作人员可以登记法律顾问")
    if org_unit is None:
        units = actor.units_for(KEEPER_ROLES)
        if not units:
            raise Forbidden("只有法治办工作人员可以登记法律顾问")
        org_unit = units[0]
    if org_unit.kind not in (OrgUnit.Kind.TOWN, OrgUnit.Kind.COUNTY) or not unit_in_scope(
        actor, org_unit, KEEPER_ROLES
    ):
        raise _err("org_unit", "只能为本镇登记法律顾问")
    return org_unit


def _checked_fields(
    *,
    name,
    kind,
    institution,
    licence_no,
    practice_since,
    sanction_record,
    criminal_record,
    specialty,
    note,
    today: date,
) -> dict:
    """The registry fields, cleaned and checked for form (licence format, dates); the
    qualification rule and the login are checked by the caller."""
    name = _text(name, "name", "姓名", limit=64)
    institution = _text(institution, "institution", "律师事务所或工作单位", limit=100)
    if kind not in Adviser.Kind.values:
        raise _err("kind", "类别不正确,应为律师、法学专家、公职律师或司法所工作人员")
    licence_no = _text(licence_no, "licence_no", "执业证号", required=False, limit=32)
    if kind in (Adviser.Kind.LAWYER, Adviser.Kind.PUBLIC_LAWYER):
        if not licence_no:
            raise _err("licence_no", "律师、公职律师须填写执业证号")
        if not LICENCE_RE.match(licence_no):
            raise _err("licence_no", "执业证号应为17位数字")
        if practice_since is None:
            raise _err("practice_since", "律师、公职律师须填写执业起始日期")
    if practice_since is not None and not isinstance(practice_since, date):
        raise _err("practice_since", "执业起始日期格式不正确")
    if practice_since is not None and practice_since > today:
        raise _err("practice_since", "执业起始日期不能晚于今天")
    if practice_since is not None and practice_since.year < 1950:
        raise _err("practice_since", "执业起始日期应在1950年以后")
    return {
        "name": name,
        "kind": kind,
        "institution": institution,
        "licence_no": licence_no,
        "practice_since": practice_since,
        "sanction_record": bool(sanction_record),
        "criminal_record": bool(criminal_record),
        "specialty": _text(specialty, "specialty", "专业领域", required=False, limit=100),
        "note": _text(note, "note", "备注", required=False, limit=MAX_NOTE),
    }


def _refuse_unqualified(adviser: Adviser, today: date, hint: str = "") -> None:
    refusal = qualification_refusal(adviser, today)
    if refusal:
        field = (
            "practice_since"
            if "执业满" in refusal
            else ("criminal_record" if "刑事" in refusal else "sanction_record")
        )
        message = refusal + hint
        raise ServiceError(message, errors={field: [message]}, code="unqualified")


def _check_unique(adviser: Adviser) -> None:
    """One registry entry per login in a unit; one active entry per licence number."""
    others = Adviser.objects.filter(org_unit=adviser.org_unit).exclude(pk=adviser.pk)
    if adviser.user_id and others.filter(user_id=adviser.user_id).exists():
        raise _err("user", "该账号已关联本单位的另一名法律顾问")
    if (
        adviser.licence_no
        and adviser.status == Adviser.Status.ACTIVE
        and others.filter(licence_no=adviser.licence_no, status=Adviser.Status.ACTIVE).exists()
    ):
        raise _err("licence_no", "该执业证号的法律顾问已在本单位名册中")


def adviser_create(
    *,
    actor,
    name: str,
    kind: str,
    institution: str,
    licence_no: str = "",
    practice_since: date | None = None,
    sanction_record: bool = False,
    criminal_record: bool = False,
    specialty: str = "",
    note: str = "",
    user_id: int | None = None,
    org_unit: OrgUnit | None = None,
    today: date | None = None,
) -> Adviser:
    """Register an adviser after the qualification check; refuses in Chinese naming the rule."""
    today = today or clock.today()
    unit = _keeper_unit(actor, org_unit)
    fields = _checked_fields(
        name=name,
        kind=kind,
        institution=institution,
        licence_no=licence_no,
        practice_since=practice_since,
        sanction_record=sanction_record,
        criminal_record=criminal_record,
        specialty=specialty,
        note=note,
        today=today,
    )
    adviser = Adviser(org_unit=unit, created_by=actor, **fields)
    _refuse_unqualified(adviser, today)
    with transaction.atomic():
        adviser.user = _linked_user(user_id, unit)
        _check_unique(adviser)
        try:
            with transaction.atomic():
                adviser.save()
        except IntegrityError:
            raise _err("user", "该账号已关联本单位的另一名法律顾问") from None
        ADVISER_FLOW.start(actor=actor, obj=adviser, label="登记")
        audit.record(
            verb="adviser.create",
            actor=actor,
            obj=adviser,
            changes={
                "name": [None, adviser.name],
                "kind": [None, adviser.kind],
                "institution": [None, adviser.institution],
                "licence_no": [None, adviser.licence_no],
                "user": [None, adviser.user.username if adviser.user else None],
            },
        )
    return adviser


EDITABLE = (
    "name",
    "kind",
    "institution",
    "licence_no",
    "practice_since",
    "sanction_record",
    "criminal_record",
    "specialty",
    "note",
)
_UNSET = object()


def _snapshot(adviser: Adviser) -> dict:
    """The registry entry as the audit stores it (dates as text, the login by username)."""
    out = {f: getattr(adviser, f) for f in EDITABLE}
    out["practice_since"] = str(adviser.practice_since) if adviser.practice_since else None
    out["user"] = adviser.user.username if adviser.user_id else None
    return out


def adviser_update(
    *, actor, adviser: Adviser, today: date | None = None, user_id=_UNSET, **fields
) -> Adviser:
    """Correct a registry entry (a typo in the name, a new law firm, the licence number,
    the linked login, specialty, practice start): only the fields given change.

    The same people as registration (the town's law officer, in scope). The resulting
    entry passes the same checks as a new one: licence format, a login holding the
    legal-adviser role of the town or county (checked when the login changes: an
    unchanged link is history, its past reviews stay in the work record), one entry per
    login and per licence. The qualification rule (practice years, no criminal record or
    sanction) applies while the adviser is 在册; a dismissed adviser can still be
    corrected, and reinstating re-checks qualification. Records `adviser.update` with
    the changed fields only; nothing changes, nothing is recorded."""
    today = today or clock.today()
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise _err(unknown[0], f"字段“{unknown[0]}”不能修改")
    _check_scope(actor, adviser.org_unit, KEEPER_ROLES, "只有法治办工作人员可以修改法律顾问信息")
    with transaction.atomic():
        # Lock the adviser's row only: the login is a nullable join PostgreSQL cannot lock.
        locked = (
            Adviser.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=adviser.pk)
        )
        before = _snapshot(locked)
        merged = {f: getattr(locked, f) for f in EDITABLE}
        merged.update(fields)
        cleaned = _checked_fields(today=today, **merged)
        for name, value in cleaned.items():
            setattr(locked, name, value)
        if user_id is not _UNSET and user_id != locked.user_id:
            locked.user = _linked_user(user_id, locked.org_unit)
        if locked.status == Adviser.Status.ACTIVE:
            _refuse_unqualified(locked, today, hint="(如该顾问已不符合条件,请先解聘再更正登记信息)")
        _check_unique(locked)
        changes = audit.diff(before, _snapshot(locked))
        if changes:
            try:
                with transaction.atomic():
                    locked.save(update_fields=[*EDITABLE, "user"])
            except IntegrityError:
                raise _err("user", "该账号已关联本单位的另一名法律顾问") from None
            audit.record(verb="adviser.update", actor=actor, obj=locked, changes=changes)
    locked.changed_fields = sorted(changes)
    return locked


def adviser_transition(*, actor, obj: Adviser, verb: str, note: str = "", **_) -> Adviser:
    """Dismiss (解聘) or reinstate an adviser; a note is required."""
    return ADVISER_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=_text(note, "note", "说明", required=False, limit=MAX_NOTE),
    )
