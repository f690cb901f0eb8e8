"""What every write of 矛盾纠纷 shares: who does what, the checks of free input, the
category list in force, the handling unit of an intake, the locked dispute, and the
nearest open date the services keep on the row (`next_due`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial

from django.core.exceptions import ValidationError
from django.db.models import TextChoices

from fazhi.core import clock, pii
from fazhi.core.cleaning import clean_text
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.validators import validate_id_number, validate_phone

from ..models import INTAKE_ROLES, LOCAL_PREFIX, Agreement, Category, Dispute
from ..params import ACCEPT_WORKDAYS, CLOSED, DATE_FUTURE, HANDLE_DAYS, LOCAL_CATEGORIES

# Who registers a dispute: the town's law office, a village's cadres (its 调委会), and
# grid workers from their visits (models.INTAKE_ROLES).
# Who mediates: the village 调委会 (village cadres) at the village, the town's law office
# (镇调委会/司法所) anywhere in the town.
MEDIATOR_ROLES = frozenset({Role.LAW_OFFICER, Role.VILLAGE_CADRE})

NOT_FOUND = "记录不存在或无权查看"
MAX_TEXT = 5000

_text = partial(clean_text, limit=MAX_TEXT)


def category_choices(unit: OrgUnit | None) -> list[tuple[str, str]]:
    """The built-in categories (其他 last) and the local ones the county or town added."""
    local = str(LOCAL_CATEGORIES.value(unit) or "") if unit is not None else ""
    names = [n.strip() for n in local.replace(",", "、").replace(",", "、").split("、")]
    built_in = [(c.value, c.label) for c in Category if c != Category.OTHER]
    extra = [(f"{LOCAL_PREFIX}{n}", n) for n in names if n][:20]
    return built_in + extra + [(Category.OTHER.value, Category.OTHER.label)]


def _choice(value, choices, field: str, label: str) -> str:
    codes = [c[0] for c in choices] if not hasattr(choices, "values") else choices.values
    if value in (None, "") or value not in codes:
        labels = [c[1] for c in choices] if not hasattr(choices, "values") else choices.labels
        message = f"{label}不正确,可选:{'、'.join(str(x) for x in labels if x)}"
        raise ServiceError(message, errors={field: [message]})
    return value


def _date(value, field: str, label: str, *, required=True, not_future=True) -> date | None:
    if value is None or value == "":
        if required:
            raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
        return None
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value))
        except ValueError:
            message = f"{label}格式应为 YYYY-MM-DD"
            raise ServiceError(message, errors={field: [message]}) from None
    if not_future and value > clock.today():
        message = DATE_FUTURE.format(label=label)
        raise ServiceError(message, errors={field: [message]})
    return value


def _amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ServiceError("涉及金额应为数字", errors={"amount": ["应为数字"]}) from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e12"):
        raise ServiceError("涉及金额应为不小于0的金额", errors={"amount": ["应为不小于0的金额"]})
    return amount.quantize(Decimal("0.01"))


def _count(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if not 1 <= n <= 100_000:
        raise ServiceError("涉及人数应为1以上的整数", errors={"involved_count": ["应为正整数"]})
    return n


def clean_id_number(value, field: str, *, required: bool) -> tuple[str, str]:
    """(the ID number, its keyed hash); a malformed one is refused in Chinese."""
    text = str(value or "").strip().upper()
    if not text:
        if required:
            message = "请填写公民身份号码"
            raise ServiceError(message, errors={field: [message]})
        return "", ""
    try:
        text = validate_id_number(text)
    except ValidationError as exc:
        message = f"公民身份号码有误:{exc.messages[0]}"
        raise ServiceError(message, errors={field: [exc.messages[0]]}) from None
    return text, pii.keyed_hash(text)


def clean_phone(value, field: str, *, required: bool) -> str:
    text = str(value or "").strip()
    if not text:
        if required:
            raise ServiceError("请填写联系电话", errors={field: ["请填写联系电话"]})
        return ""
    # A landline (0580-1234567) is as good a contact as a mobile.
    if text[:1] == "0" and text.replace("-", "").isdigit() and 10 <= len(text) <= 13:
        return text
    try:
        return validate_phone(text)
    except ValidationError as exc:
        raise ServiceError(
            f"联系电话有误:{exc.messages[0]}", errors={field: [exc.messages[0]]}
        ) from None


# --- who is who ---------------------------------------------------------------------------


def town_of(unit: OrgUnit) -> OrgUnit:
    return unit.ancestor_of_kind(OrgUnit.Kind.TOWN) or unit


def committee_name(unit: OrgUnit, body: str) -> str:
    """The name the agreement's seal line carries."""
    if body == Dispute.Body.VILLAGE:
        return f"{unit.name}人民调解委员会"
    return f"{town_of(unit).name}人民调解委员会"


def may_mediate(user, dispute: Dispute) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*MEDIATOR_ROLES)
        and unit_in_scope(user, dispute.org_unit, MEDIATOR_ROLES)
    )


def handling_unit(actor, unit: OrgUnit | None) -> tuple[OrgUnit, OrgUnit | None, str]:
    """(the unit that handles a new dispute, the grid it was reported from, the body):
    a grid's dispute goes to its village's 调委会, a village's to its own, a town's to the
    town (镇调委会). The actor must hold an intake role over the unit given."""
    if unit is None:
        raise ServiceError("请选择纠纷所在单位", errors={"org_unit": ["请选择纠纷所在单位"]})
    if not unit_in_scope(actor, unit, INTAKE_ROLES):
        raise Forbidden(NOT_FOUND)
    if unit.kind == OrgUnit.Kind.GRID:
        return unit.parent, unit, Dispute.Body.VILLAGE
    if unit.kind in (OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY):
        return unit, None, Dispute.Body.VILLAGE
    if unit.kind == OrgUnit.Kind.TOWN:
        return unit, None, Dispute.Body.TOWN
    message = "纠纷须登记到乡镇、村(社区)或网格"
    raise ServiceError(message, errors={"org_unit": [message]})


def intake_units(user):
    """The units `user` may register a dispute at (for the form's choices)."""
    from django.db.models import Q

    q = Q()
    for m in user.active_memberships():
        if m.role in INTAKE_ROLES:
            q |= Q(code__startswith=m.org_unit.code)
    if not q:
        return OrgUnit.objects.none()
    return (
        OrgUnit.objects.filter(q, is_active=True).exclude(kind=OrgUnit.Kind.COUNTY).order_by("code")
    )


# --- the row the services write to ------------------------------------------------------


def locked_dispute(actor, dispute, *, roles=MEDIATOR_ROLES) -> Dispute:
    """The dispute's row, locked, for someone who mediates it: out of scope is "not found",
    a closed one refused."""
    locked = (
        Dispute.objects.select_for_update(of=("self",))
        .select_related("org_unit")
        .filter(pk=dispute.pk)
        .first()
    )
    if locked is None or not unit_in_scope(actor, locked.org_unit, roles):
        raise ServiceError(NOT_FOUND, code="not_found")
    if not actor.has_role(*roles):
        raise Forbidden("无权办理该纠纷")
    if locked.status == Dispute.Status.CLOSED:
        raise ServiceError(CLOSED, code="wrong_state")
    return locked


def due_for(dispute: Dispute, agreement: Agreement | None = None) -> date | None:
    """The nearest open date of a dispute: acceptance target while registered, handling
    target while accepted or in mediation, the judicial window while it is open."""
    unit = dispute.org_unit
    S = Dispute.Status
    if dispute.status == S.REGISTERED:
        return deadline(dispute.registered_on, int(ACCEPT_WORKDAYS.value(unit)), "workdays")
    if dispute.status in (S.ACCEPTED, S.MEDIATING) and dispute.accepted_on:
        return deadline(dispute.accepted_on, int(HANDLE_DAYS.value(unit)), "days")
    return dispute.judicial_due


def label_of(choices: type[TextChoices], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value
